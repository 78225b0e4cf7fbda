import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../engine/options.js';
import type { ProjectFs } from '../kernel/project-fs.js';
import type { InventoryEntry } from '../engine/lint-message.js';
import type { LintResult, RunReport } from '../results/results.js';
import { lintFiles } from '../api/lint.js';

/** Below this many files a run stays on the main thread: starting workers would cost more. */
export const PARALLEL_MIN_FILES = 150;

export interface WorkerSetup {
  readonly root: string;
  readonly extraRoots: readonly string[];
  readonly options: LintOptions;
}

export interface GroupRequest {
  readonly id: number;
  readonly files: readonly string[];
}

export interface GroupOutcome {
  readonly id: number;
  readonly results: readonly LintResult[];
  readonly inventory: readonly InventoryEntry[];
  readonly units: number;
  readonly touched: readonly string[];
  readonly rules: RunReport['rules'];
  readonly toolVersion: string;
}

/**
 * `auto`: one thread per core (at most 8) from 3 cores up. On 2 cores a single thread already
 * keeps both busy (V8 compiles and collects garbage on the other one), and a second isolate's
 * start-up and JIT warm-up cost more than it saves (bench/README.md).
 */
export function resolveConcurrency(setting: number | 'auto' | undefined): number {
  if (setting === undefined || setting === 'auto') {
    const cores = os.availableParallelism();
    return cores > 2 ? Math.min(cores, 8) : 1;
  }
  return Math.max(1, Math.floor(setting));
}

/**
 * A `LintRun.executor` that spreads the files over `concurrency` worker threads, or lints on
 * this thread when the run is small, the machine has one core, or the options hold functions
 * (a config `paramFiles` map), which cannot be sent to a worker.
 */
export function parallelExecutor(concurrency: number) {
  return async (fs: ProjectFs, files: readonly string[], options: LintOptions, onProgress?: (done: number, total: number) => void): Promise<RunReport> => {
    const sendable = Object.values(options).every((v) => typeof v !== 'function');
    if (concurrency < 2 || files.length < PARALLEL_MIN_FILES || !sendable) return lintFiles(fs, files, options, onProgress ? { onProgress } : {});
    return lintInWorkers(fs, files, options, concurrency, onProgress);
  };
}

/**
 * Files are grouped so that every unit, and every unit that reads or reports into the same
 * files, lands in one group: a file's directory joins the group of its parent or grandparent
 * when that holds lintable files too (a template and its `nestedtemplates/`, a module and its
 * `modules/vm/`).
 * A group whose units touched another group's files (a link across sample folders) is merged
 * with it and linted again, so the output is the single-threaded output, byte for byte.
 */
async function lintInWorkers(fs: ProjectFs, files: readonly string[], options: LintOptions, concurrency: number, onProgress?: (done: number, total: number) => void): Promise<RunReport> {
  const started = performance.now();
  let groups = initialGroups(files);
  // This thread lints too: one isolate fewer to start and warm up than `concurrency` workers.
  const pool = new Pool({ root: fs.root, extraRoots: fs.extraRoots, options }, Math.min(concurrency, groups.length) - 1, (request) => lintGroup(fs, options, request));
  try {
    let done = 0;
    let outcomes = new Map<number, GroupOutcome>();
    let pending = groups.map((g, id) => ({ id, files: g }));
    for (;;) {
      const got = await pool.run(pending, (_outcome, size) => {
        done += size;
        onProgress?.(Math.min(done, files.length), files.length);
      });
      for (const o of got) outcomes.set(o.id, o);
      const merged = mergeTouching(groups, outcomes);
      if (!merged) break;
      // Only the merged groups are linted again; the others keep their outcomes.
      groups = merged.groups;
      // A fresh map: renumbering in place would let a later entry's delete remove an earlier move.
      const kept = new Map<number, GroupOutcome>();
      for (const [id, o] of outcomes) {
        const next = merged.renumber.get(id);
        if (next !== undefined) kept.set(next, { ...o, id: next });
      }
      outcomes = kept;
      pending = merged.relint.map((id) => ({ id, files: groups[id]! }));
    }
    return combine(fs, files, [...outcomes.values()].sort((a, b) => a.id - b.id), started);
  } finally {
    await pool.close();
  }
}

/** Groups in file order; each group's files sorted, so a group lints in the single-thread order. */
function initialGroups(files: readonly string[]): string[][] {
  const dirsWithFiles = new Set(files.map((f) => path.dirname(f)));
  const keyOf = new Map<string, string>();
  const groupKey = (dir: string): string => {
    const known = keyOf.get(dir);
    if (known) return known;
    // Up to two levels: `nestedtemplates/`, `modules/vm/`; higher would swallow whole repositories.
    const parent = path.dirname(dir);
    const grandparent = path.dirname(parent);
    const key = parent !== dir && dirsWithFiles.has(parent) ? groupKey(parent) : grandparent !== parent && dirsWithFiles.has(grandparent) ? groupKey(grandparent) : dir;
    keyOf.set(dir, key);
    return key;
  };
  const byKey = new Map<string, string[]>();
  for (const f of files) {
    const key = groupKey(path.dirname(f));
    const list = byKey.get(key) ?? [];
    list.push(f);
    byKey.set(key, list);
  }
  return [...byKey.values()];
}

/**
 * Joins groups whose units touched files of another group (or the same file outside every
 * group). Returns undefined when every group kept to itself.
 */
function mergeTouching(groups: readonly string[][], outcomes: ReadonlyMap<number, GroupOutcome>): { groups: string[][]; renumber: Map<number, number>; relint: number[] } | undefined {
  const owner = new Map<string, number>();
  groups.forEach((g, id) => g.forEach((f) => owner.set(f, id)));
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const outsider = new Map<string, number>();
  let joined = false;
  for (const [id, o] of outcomes) {
    for (const f of o.touched) {
      const other = owner.get(f) ?? outsider.get(f);
      if (other === undefined) outsider.set(f, id);
      else if (find(other) !== find(id)) {
        parent[find(other)] = find(id);
        joined = true;
      }
    }
  }
  if (!joined) return undefined;
  const byRoot = new Map<number, number[]>();
  groups.forEach((_, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), i]));
  const next: string[][] = [];
  const renumber = new Map<number, number>();
  const relint: number[] = [];
  for (const members of [...byRoot.values()].sort((a, b) => a[0]! - b[0]!)) {
    const id = next.length;
    next.push(members.flatMap((m) => groups[m]!).sort());
    if (members.length === 1) renumber.set(members[0]!, id);
    else relint.push(id);
  }
  return { groups: next, renumber, relint };
}

/** One report from the groups' outcomes, as `lintFiles` would have built it on one thread. */
function combine(fs: ProjectFs, files: readonly string[], outcomes: readonly GroupOutcome[], started: number): RunReport {
  const results = outcomes.flatMap((o) => o.results).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  // Each file's declarations come from one group, in that group's (single-thread) order.
  const inventory = outcomes.flatMap((o) => o.inventory).sort((a, b) => a.filePath.localeCompare(b.filePath) || a.line - b.line);
  return {
    cwd: fs.root,
    results,
    rules: outcomes[0]!.rules,
    inventory,
    stats: { files: files.length, units: outcomes.reduce((n, o) => n + o.units, 0), vms: inventory.reduce((n, e) => n + e.instances, 0), durationMs: Math.round(performance.now() - started) },
    toolVersion: outcomes[0]!.toolVersion,
  };
}

/** Lints one group with its own linter; what a worker thread answers. */
export function lintGroup(fs: ProjectFs, options: LintOptions, request: GroupRequest): GroupOutcome {
  let touched: string[] = [];
  const report = lintFiles(fs, request.files, options, { inspect: (linter) => (touched = linter.touchedFiles()) });
  return { id: request.id, results: report.results, inventory: report.inventory, units: report.stats.units, touched, rules: report.rules, toolVersion: report.toolVersion };
}

/** Worker threads and this thread, fed group by group, largest first, so none idles at the end. */
export class Pool {
  private readonly workers: Worker[];

  constructor(
    setup: WorkerSetup,
    size: number,
    private readonly local: (request: GroupRequest) => GroupOutcome,
    script: URL = new URL('./lint-worker.js', import.meta.url),
  ) {
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData: setup }));
  }

  run(requests: readonly GroupRequest[], onDone: (o: GroupOutcome, size: number) => void): Promise<GroupOutcome[]> {
    const queue = [...requests].sort((a, b) => b.files.length - a.files.length || a.id - b.id);
    const sizes = new Map(requests.map((r) => [r.id, r.files.length]));
    const out: GroupOutcome[] = [];
    return new Promise((resolve, reject) => {
      let busy = 0;
      const finish = () => {
        if (queue.length === 0 && busy === 0) resolve(out);
      };
      const assigned = new Map<Worker, GroupRequest>();
      const feed = (w: Worker) => {
        const next = queue.shift();
        if (!next) return finish();
        busy++;
        assigned.set(w, next);
        w.postMessage(next);
      };
      // A worker that dies mid-group would otherwise leave the run waiting for an answer forever.
      const failed = (w: Worker, cause: string) => {
        const request = assigned.get(w);
        if (request) reject(new WorkerFailure(cause, request));
      };
      // One group at a time on this thread, yielding between groups so workers' answers are taken.
      const feedLocal = () => {
        const next = queue.shift();
        if (!next) return finish();
        busy++;
        let o: GroupOutcome;
        try {
          o = this.local(next);
        } catch (e) {
          reject(e);
          return;
        }
        busy--;
        out.push(o);
        onDone(o, next.files.length);
        setImmediate(feedLocal);
      };
      for (const w of this.workers) {
        w.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit').removeAllListeners('messageerror');
        w.on('message', (o: GroupOutcome) => {
          busy--;
          assigned.delete(w);
          out.push(o);
          onDone(o, sizes.get(o.id) ?? 0);
          feed(w);
        });
        w.on('error', (e: Error) => failed(w, `threw ${e.message}`));
        w.on('messageerror', (e: Error) => failed(w, `sent an unreadable answer (${e.message})`));
        w.on('exit', (code: number) => failed(w, `exited with code ${code}`));
      }
      for (const w of this.workers) feed(w);
      feedLocal();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A worker thread stopped before answering; the run reports it instead of losing the group. */
export class WorkerFailure extends Error {
  constructor(cause: string, request: GroupRequest) {
    const more = request.files.length > 1 ? ` and ${request.files.length - 1} more files` : '';
    super(`a worker thread ${cause} while linting ${request.files[0] ?? 'a group'}${more}; run again with --concurrency 1`);
  }
}
