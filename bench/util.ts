import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export const DIST_BENCH = import.meta.dirname;
export const REPO_ROOT = path.resolve(DIST_BENCH, '../..');

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall time of a fresh Node process, in milliseconds; throws when it fails. */
export function timeProcess(args: readonly string[], okCodes: readonly number[] = [0], cwd = REPO_ROOT): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return ms;
}

/** Median wall time over `runs` fresh processes, after one warm-up run (file cache). */
export function medianProcess(args: readonly string[], runs: number, okCodes?: readonly number[], cwd?: string): { median: number; samples: number[] } {
  timeProcess(args, okCodes, cwd);
  const samples = Array.from({ length: runs }, () => timeProcess(args, okCodes, cwd));
  return { median: median(samples), samples };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
