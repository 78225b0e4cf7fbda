import path from 'node:path';
import { statSync } from 'node:fs';
import { discoverFiles, type IgnorePattern } from '../engine/discover.js';
import type { Linter } from '../engine/linter.js';
import { docsUrl, qualifiedRuleId, RULE_PREFIX, VERSION } from '../kernel/meta.js';
import type { LintOptions } from '../engine/options.js';
import { ProjectFs } from '../kernel/project-fs.js';
import { UnitIndex } from '../engine/units.js';
import type { InventoryEntry } from '../engine/lint-message.js';
import { applyDirectives } from '../results/directives.js';
import { tally, type LintResult, type RunReport } from '../results/results.js';
import { createLinter, DEFAULT_SETUP, isLintable, type Setup } from '../setup.js';
import { matrixRow } from '../azure/matrix/matrix.js';
import { presetSeverity } from '../../rules/api.js';

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
  const discovery = discoverFiles(paths.length ? paths : ['.'], cwd, isLintable(setup), run.ignores, (dir, names, fromParent, linked) => fs.seedListing(dir, names, fromParent, linked));
  let files = discovery.files;
  const about = run.changedFiles ? changedAndNear(run.changedFiles, files) : explicitFiles ? files : undefined;
  if (about) {
    files = withCallers(about, fs, options, setup);
    options = { ...options, about };
  }
  const report = run.executor && !run.setup ? await run.executor(fs, files, options, run.onProgress) : lintFiles(fs, files, options, { setup, ...(run.onProgress ? { onProgress: run.onProgress } : {}) });
  return { ...(about ? onlyAbout(report, new Set(about)) : report), missing: discovery.missing };
}

/**
 * The changed files among those discovered; a deleted one stands for the files beside it, so the
 * template that lost a parameter file or the module that lost a file is linted again.
 */
function changedAndNear(changed: ReadonlySet<string>, discovered: readonly string[]): string[] {
  const present = new Set(discovered);
  const gone = new Set([...changed].filter((f) => !present.has(f)).map((f) => path.dirname(f)));
  return discovered.filter((f) => changed.has(f) || gone.has(path.dirname(f)));
}

/**
 * The files and those nearby that may read them (a parent template, a calling module): a change
 * to a linked template or a child module is judged with the values its callers pass.
 */
export function withCallers(files: readonly string[], fs: ProjectFs, options: LintOptions, setup: Setup): string[] {
  const units = new UnitIndex(fs, options, setup.kinds);
  return [...new Set([...files, ...files.flatMap((f) => units.callersNear(f))])].sort();
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * When the run is about some files, a file it only read to evaluate them is listed when it holds
 * something to report (the engine already kept only the findings those files bear on).
 */
export function onlyAbout(report: RunReport, given: ReadonlySet<string>): RunReport {
  return { ...report, results: report.results.filter((r) => given.has(r.filePath) || r.messages.length > 0 || r.suppressedMessages.length > 0) };
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

/** Every directive comment names eslint; Bicep's pragmas start with `#disable-` or `#restore-`. */
const MAY_HOLD_DIRECTIVES = /eslint|#disable-|#restore-/;

export function lintFiles(fs: ProjectFs, files: readonly string[], options: LintOptions, hooks: LintFilesHooks = {}): RunReport {
  const { onProgress, inspect } = hooks;
  const setup = hooks.setup ?? DEFAULT_SETUP;
  const started = performance.now();
  const linter = createLinter(fs, options, setup);
  // Every unit first: a unit's findings can land in another file (a linked template, a child module).
  const linted = new Set<string>();
  // Files with findings whose text, looked at while the run held it, has nothing a directive
  // starts with: not read again for the results (a 1.6 MB template was, on every run).
  const withoutDirectives = new Set<string>();
  files.forEach((file, i) => {
    for (const unit of linter.units.unitsOf(file)) {
      // A module of many files is one unit: its files are let go once, not once per file.
      if (linted.has(unit.key)) continue;
      linted.add(unit.key);
      const outcome = linter.lintUnit(unit);
      for (const withFindings of outcome.messages.keys()) {
        const text = withoutDirectives.has(withFindings) ? undefined : fs.heldText(withFindings);
        if (text !== undefined && !MAY_HOLD_DIRECTIVES.test(text)) withoutDirectives.add(withFindings);
      }
      linter.release(outcome);
    }
    linter.units.release(file);
    onProgress?.(i + 1, files.length);
  });
  const reached = new Set(files);
  for (const file of linter.filesWithFindings()) {
    // A linked template or child module outside the given paths still shows its findings.
    if (!reached.has(file) && fs.contains(file)) reached.add(file);
  }
  const unused = options.reportUnusedDisableDirectives ?? 'off';
  const ruleIds = new Set(setup.rules.map((r) => qualifiedRuleId(r.id)));
  // Another plugin's rules in a directive are left to ESLint; a misspelt one of ours is reported.
  const isRule = (id: string) => (id.startsWith(RULE_PREFIX) ? ruleIds.has(id) : undefined);
  const results: LintResult[] = [...reached].sort().map((file) => {
    let messages = linter.messagesFor(file);
    let suppressedMessages: LintResult['suppressedMessages'] = [];
    // Reporters read the source only around findings (fingerprints, baselines); directives need it
    // too, and a result carries the text of a file held only in memory.
    const needed = unused !== 'off' || (messages.length > 0 && (fs.inMemory(file) || !withoutDirectives.has(file)));
    const read = needed ? fs.read(file) : undefined;
    if (read?.ok && MAY_HOLD_DIRECTIVES.test(read.text)) {
      const outcome = applyDirectives(messages, linter.units.commentsOf(file, read.text), linter.positions.index(file), isRule, unused);
      messages = outcome.messages;
      suppressedMessages = outcome.suppressed;
    }
    if (read) fs.release(file);
    return {
      filePath: file,
      messages,
      suppressedMessages,
      ...tally(messages),
      // A file on disk is read back by the reporters that quote it (`sourceOf`), so its text goes now.
      ...(read?.ok && (messages.length || suppressedMessages.length) && fs.inMemory(file) ? { source: read.text } : {}),
    };
  });
  const inventory = collectInventory(linter, files);
  const units = new Set(files.flatMap((f) => linter.units.unitsOf(f).map((u) => u.key)));
  inspect?.(linter);
  return {
    cwd: fs.root,
    results,
    rules: setup.rules.map((r) => ({ id: r.id, description: r.meta.description, matrixRow: matrixRow(r.id, options.matrix), defaultSeverity: presetSeverity(r.meta, 'recommended'), docsUrl: docsUrl(r.id) })),
    inventory,
    stats: { files: files.length, units: units.size, vms: inventory.reduce((n, e) => n + e.instances, 0), durationMs: Math.round(performance.now() - started) },
    toolVersion: VERSION,
  };
}

/**
 * VM declarations of every unit the files belong to, each declaration once, however many paths
 * (symbolic links to a module folder) lead to its file: under its own path when one does.
 */
function collectInventory(linter: Linter, files: readonly string[]): InventoryEntry[] {
  const seen = new Map<string, InventoryEntry>();
  const visited = new Set<string>();
  const throughLink = (entry: InventoryEntry) => linter.fs.resolveLinks(entry.filePath)?.direct === false;
  // A linked template seen from its parent knows more than the template linted alone; one reached
  // from several callers is listed as deployed by any that deploys it; a file reached both through
  // a symbolic link and directly is listed by its own path.
  const preferred = (entry: InventoryEntry, prior: InventoryEntry): boolean => {
    if (entry.protected !== prior.protected) return entry.protected;
    if (entry.instances > 0 !== prior.instances > 0) return entry.instances > 0;
    return throughLink(prior) && !throughLink(entry);
  };
  for (const file of files) {
    for (const unit of linter.units.unitsOf(file)) {
      // Each unit once: a module's files all name it.
      if (visited.has(unit.key)) continue;
      visited.add(unit.key);
      const outcome = linter.lintUnit(unit);
      // A linked template or child module counts in its caller's inventory, with the caller's values.
      if (linter.callersOf(outcome).length) continue;
      for (const entry of outcome.inventory) {
        const key = `${linter.fs.resolveLinks(entry.filePath)?.real ?? entry.filePath}|${entry.line}|${entry.column}`;
        const prior = seen.get(key);
        if (!prior || preferred(entry, prior)) seen.set(key, entry);
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.filePath.localeCompare(b.filePath) || a.line - b.line);
}
