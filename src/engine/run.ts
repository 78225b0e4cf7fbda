import path from 'node:path';
import { discoverFiles } from './discover.js';
import { Linter } from './linter.js';
import { docsUrl, VERSION } from './meta.js';
import type { LintOptions } from './options.js';
import { ProjectFs } from './project-fs.js';
import type { InventoryEntry, LintResult, RunReport } from './results.js';
import { rules as allRules } from '../../rules/index.js';

/** Lints files and directories on disk. */
export async function lint(paths: readonly string[], options: LintOptions = {}, ignores: readonly string[] = []): Promise<RunReport & { missing: readonly string[] }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const discovery = discoverFiles(paths.length ? paths : ['.'], cwd, ignores);
  const fs = new ProjectFs(cwd);
  return { ...lintFiles(fs, discovery.files, options), missing: discovery.missing };
}

/** Lints in-memory files (paths relative to `options.cwd`), e.g. for tests and editors. */
export function lintSources(files: Readonly<Record<string, string>>, options: LintOptions = {}): RunReport {
  const cwd = path.resolve(options.cwd ?? '/virtual');
  const fs = ProjectFs.virtual(cwd, files);
  return lintFiles(fs, Object.keys(files).map((f) => path.resolve(cwd, f)).sort(), options);
}

export function lintFiles(fs: ProjectFs, files: readonly string[], options: LintOptions): RunReport {
  const started = performance.now();
  const linter = new Linter(fs, options);
  // Every unit first: a unit's findings can land in another file (a linked template, a child module).
  for (const file of files) for (const unit of linter.units.unitsOf(file)) linter.lintUnit(unit);
  const results: LintResult[] = files.map((file) => {
    const messages = linter.messagesFor(file);
    const read = fs.read(file);
    return {
      filePath: file,
      messages,
      suppressedMessages: [],
      errorCount: messages.filter((m) => m.severity === 2).length,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      warningCount: messages.filter((m) => m.severity === 1).length,
      ...(read.ok ? { source: read.text } : {}),
    };
  });
  const inventory = collectInventory(linter, files);
  const units = new Set(files.flatMap((f) => linter.units.unitsOf(f).map((u) => u.key)));
  return {
    cwd: fs.root,
    results,
    rules: allRules.map((r) => ({ id: r.id, description: r.meta.description, matrixRow: r.meta.matrixRow, defaultSeverity: r.meta.severity, docsUrl: docsUrl(r.id) })),
    inventory,
    stats: { files: files.length, units: units.size, vms: inventory.reduce((n, e) => n + Math.max(e.instances, 1), 0), durationMs: Math.round(performance.now() - started) },
    toolVersion: VERSION,
  };
}

/** VM declarations of every unit the files belong to, each declaration once. */
function collectInventory(linter: Linter, files: readonly string[]): InventoryEntry[] {
  const seen = new Map<string, InventoryEntry>();
  for (const file of files) {
    for (const unit of linter.units.unitsOf(file)) {
      for (const entry of linter.lintUnit(unit).inventory) {
        const key = `${entry.filePath}|${entry.line}|${entry.column}`;
        const prior = seen.get(key);
        // A linked template seen from its parent knows more than the template linted alone.
        if (!prior || (entry.protected && !prior.protected)) seen.set(key, entry);
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.filePath.localeCompare(b.filePath) || a.line - b.line);
}
