import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DIST_BENCH = import.meta.dirname;
export const REPO_ROOT = path.resolve(DIST_BENCH, '../..');
const USAGE = pathToFileURL(path.join(DIST_BENCH, 'usage.js')).href;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One fresh Node process: wall time, CPU time (user + system, all threads) in ms, peak RSS in MB. */
export interface Sample {
  readonly wall: number;
  readonly cpu: number;
  readonly rss: number;
}

export interface Case {
  readonly name: string;
  /** Arguments to `node`. */
  readonly args: readonly string[];
  readonly okCodes?: readonly number[];
  readonly cwd?: string;
}

/** CPU time of every measured process so far, to tell the machine's other load apart. */
let measuredCpu = 0;

export function runProcess(c: Case): Sample {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', USAGE, ...c.args], { cwd: c.cwd ?? REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - started;
  if (!(c.okCodes ?? [0]).includes(r.status ?? -1)) throw new Error(`node ${c.args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const usage = /bench-usage cpu=(\d+) maxrss=(\d+)/.exec(r.stderr);
  if (!usage) throw new Error(`node ${c.args.join(' ')} did not report its usage`);
  const cpu = Number(usage[1]) / 1000;
  measuredCpu += cpu;
  return { wall, cpu, rss: Number(usage[2]) / 1024 };
}

/** Samples of each case, in the order given. */
export type Series = Map<string, Sample[]>;

/**
 * Runs the cases in turn, A, B, A, B…, `runs` times each after one warm-up round (file cache, code
 * on disk), so that a change in the machine's load falls on every case alike.
 */
export function alternate(cases: readonly Case[], runs: number): Series {
  for (const c of cases) runProcess(c);
  const series: Series = new Map(cases.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) for (const c of cases) series.get(c.name)!.push(runProcess(c));
  return series;
}

/** A measure's median and range: `0.61 s (0.58–0.70)`; MB to a tenth, so a peak just over a goal does not print as equal to it. */
export function spread(xs: readonly number[], unit: 's' | 'ms' | 'MB'): string {
  const f = (x: number) => (unit === 's' ? (x / 1000).toFixed(2) : x.toFixed(1));
  return `${f(median(xs))} ${unit} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/**
 * Starts watching the machine: the returned function tells how many cores other processes kept
 * busy on average since (Linux's /proc/stat less the measured processes), or undefined elsewhere.
 */
export function otherLoad(): () => number | undefined {
  const busy0 = machineBusy();
  const cpu0 = measuredCpu;
  const t0 = performance.now();
  return () => {
    const busy1 = machineBusy();
    if (busy0 === undefined || busy1 === undefined) return undefined;
    return Math.max(0, busy1 - busy0 - (measuredCpu - cpu0)) / (performance.now() - t0);
  };
}

/** CPU time the whole machine spent busy so far, in ms (Linux; undefined elsewhere). */
function machineBusy(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    const busy = fields.slice(0, 8).reduce((a, b) => a + b, 0) - fields[3]! - fields[4]!;
    return (busy * 1000) / 100;
  } catch {
    return undefined;
  }
}
