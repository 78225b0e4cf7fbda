import path from 'node:path';
import { statSync } from 'node:fs';
import { discoverFiles, type IgnorePattern } from '../engine/discover.js';
import type { Linter } from '../engine/linter.js';
import { docsUrl, VERSION } from '../kernel/meta.js';
import type { LintOptions } from '../engine/options.js';
import { ProjectFs } from '../kernel/project-fs.js';
import { UnitIndex } from '../engine/units.js';
import type { InventoryEntry, LintMessage } from '../engine/lint-message.js';
import { tally, type LintResult, type RunReport } from '../results/results.js';
import { createLinter, DEFAULT_SETUP, isLintable, type Setup } from '../setup.js';

export interface LintRun {
  /** Extra ignore globs (config `ignore`, `--ignore-pattern`). */
  readonly ignores?: readonly IgnorePattern[];
  /** Only units containing one of these files are linted (`--changed-since`). */
  readonly changedFiles?: ReadonlySet<string>;
  /** Called as files are linted, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The kinds of source and the rules; default: every kind and the whole catalog. */
  readonly setup?: Setup;
  /** Lints the discovered files instead of `lintFiles` (the CLI's worker threads, which use the default setup). */
  readonly executor?: (fs: ProjectFs, files: readonly string[], options: LintOptions, onProgress?: (done: number, total: number) => void) => Promise<RunReport>;
}

/** Lints files and directories on disk. */
export async function lint(paths: readonly string[], options: LintOptions = {}, run: LintRun = {}): Promise<RunReport & { missing: readonly string[] }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const explicitFiles = paths.length > 0 && paths.every((p) => isFile(path.resolve(cwd, p)));
  // A path named outside the working directory is as readable as the working directory itself.
  const given = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p)).map((p) => (isFile(p) ? path.dirname(p) : p));
  const fs = new ProjectFs(cwd, false, given);
  const setup = run.setup ?? DEFAULT_SETUP;
  const discovery = discoverFiles(paths.length ? paths : ['.'], cwd, isLintable(setup), run.ignores, (dir, names) => fs.seedListing(dir, names));
  let files = discovery.files;
  if (run.changedFiles) {
    const units = new UnitIndex(fs, options, setup.kinds);
    const unitKeys = (f: string) => {
      const keys = units.unitsOf(f).map((u) => u.key);
      units.release(f);
      return keys;
    };
    const changedUnits = new Set([...run.changedFiles].flatMap(unitKeys));
    files = files.filter((f) => run.changedFiles!.has(f) || unitKeys(f).some((k) => changedUnits.has(k)));
  }
  const report = run.executor && !run.setup ? await run.executor(fs, files, options, run.onProgress) : lintFiles(fs, files, options, { setup, ...(run.onProgress ? { onProgress: run.onProgress } : {}) });
  return { ...(explicitFiles ? onlyAbout(report, new Set(files)) : report), missing: discovery.missing };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * When a hook passes file names, a finding belongs to the run if it is in one of them, or if its
 * value came from one of them (a changed parameter file or tfvars re-lints its template or module).
 */
export function onlyAbout(report: RunReport, given: ReadonlySet<string>): RunReport {
  const touches = (m: LintMessage) => m.relatedLocations?.some((r) => given.has(r.filePath)) ?? false;
  const results = report.results.map((r) => {
    if (given.has(r.filePath)) return r;
    const messages = r.messages.filter(touches);
    return { ...r, messages, ...tally(messages) };
  });
  return { ...report, results: results.filter((r) => given.has(r.filePath) || r.messages.length > 0) };
}

/** Lints in-memory files (paths relative to `options.cwd`), e.g. for tests and editors. */
export function lintSources(files: Readonly<Record<string, string>>, options: LintOptions = {}, setup: Setup = DEFAULT_SETUP): RunReport {
  const cwd = path.resolve(options.cwd ?? '/virtual');
  const fs = ProjectFs.virtual(cwd, files);
  return lintFiles(fs, Object.keys(files).map((f) => path.resolve(cwd, f)).sort(), options, { setup });
}

export interface LintFilesHooks {
  readonly setup?: Setup;
  readonly onProgress?: (done: number, total: number) => void;
  /** Sees the linter once every file is linted (a worker reports which files its units touched). */
  readonly inspect?: (linter: Linter) => void;
}

export function lintFiles(fs: ProjectFs, files: readonly string[], options: LintOptions, hooks: LintFilesHooks = {}): RunReport {
  const { onProgress, inspect } = hooks;
  const setup = hooks.setup ?? DEFAULT_SETUP;
  const started = performance.now();
  const linter = createLinter(fs, options, setup);
  // Every unit first: a unit's findings can land in another file (a linked template, a child module).
  files.forEach((file, i) => {
    for (const unit of linter.units.unitsOf(file)) linter.release(linter.lintUnit(unit));
    linter.units.release(file);
    onProgress?.(i + 1, files.length);
  });
  const reached = new Set(files);
  for (const file of linter.filesWithFindings()) {
    // A linked template or child module outside the given paths still shows its findings.
    if (!reached.has(file) && fs.contains(file)) reached.add(file);
  }
  const results: LintResult[] = [...reached].sort().map((file) => {
    const messages = linter.messagesFor(file);
    // Reporters read the source only around findings (fingerprints, baselines).
    const read = messages.length ? fs.read(file) : undefined;
    return {
      filePath: file,
      messages,
      suppressedMessages: [],
      ...tally(messages),
      ...(read?.ok ? { source: read.text } : {}),
    };
  });
  const inventory = collectInventory(linter, files);
  const units = new Set(files.flatMap((f) => linter.units.unitsOf(f).map((u) => u.key)));
  inspect?.(linter);
  return {
    cwd: fs.root,
    results,
    rules: setup.rules.map((r) => ({ id: r.id, description: r.meta.description, matrixRow: r.meta.matrixRow, defaultSeverity: r.meta.severity, docsUrl: docsUrl(r.id) })),
    inventory,
    stats: { files: files.length, units: units.size, vms: inventory.reduce((n, e) => n + e.instances, 0), durationMs: Math.round(performance.now() - started) },
    toolVersion: VERSION,
  };
}

/** VM declarations of every unit the files belong to, each declaration once. */
function collectInventory(linter: Linter, files: readonly string[]): InventoryEntry[] {
  const seen = new Map<string, InventoryEntry>();
  for (const file of files) {
    for (const unit of linter.units.unitsOf(file)) {
      const outcome = linter.lintUnit(unit);
      // A linked template or child module counts in its caller's inventory, with the caller's values.
      if (linter.callersOf(outcome).length) continue;
      for (const entry of outcome.inventory) {
        const key = `${entry.filePath}|${entry.line}|${entry.column}`;
        const prior = seen.get(key);
        // A linked template seen from its parent knows more than the template linted alone.
        if (!prior || (entry.protected && !prior.protected)) seen.set(key, entry);
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.filePath.localeCompare(b.filePath) || a.line - b.line);
}
