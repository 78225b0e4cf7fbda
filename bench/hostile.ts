// `npm run hostile`: every input of test/reliability/hostile-inputs.ts, beside a healthy template,
// linted by the CLI in a fresh process; prints each one's time and peak memory, then the slowest
// and largest. Fails when one takes 10 s or more, 1 GB or more, or does not end with exit 0 or 1.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOSTILE_INPUTS } from '../test/reliability/hostile-inputs.js';
import { SMALL_VM } from '../test/reliability/helpers.js';
import { DIST_BENCH, machine } from './util.js';

const LIMIT_MS = 10_000;
const LIMIT_BYTES = 1024 ** 3;

interface Row {
  readonly name: string;
  readonly ms: number;
  readonly bytes: number;
  readonly problem: string | undefined;
}

console.log(`machine: ${machine()}`);
console.log(`inputs:  ${HOSTILE_INPUTS.length}, each in a fresh process, stopped after 60 s\n`);
const rows: Row[] = [];
for (const input of HOSTILE_INPUTS) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'abl-hostile-'));
  try {
    for (const [name, text] of Object.entries({ ...input.files(), 'neighbour.json': SMALL_VM })) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const r = spawnSync(process.execPath, [path.join(DIST_BENCH, 'hostile-child.js'), dir], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 1 << 24 });
    let row: Row;
    if (r.signal || r.status !== 0) row = { name: input.name, ms: Infinity, bytes: Infinity, problem: r.signal ? `stopped by ${r.signal}` : `failed: ${r.stderr.trim().split('\n').at(-1) ?? ''}` };
    else {
      const { code, ms, maxRssBytes } = JSON.parse(r.stdout) as { code: number; ms: number; maxRssBytes: number };
      const problem = code !== 0 && code !== 1 ? `exit ${code}` : ms >= LIMIT_MS ? 'over 10 s' : maxRssBytes >= LIMIT_BYTES ? 'over 1 GB' : undefined;
      row = { name: input.name, ms, bytes: maxRssBytes, problem };
    }
    rows.push(row);
    console.log(`${format(row)}${row.problem ? `  ${row.problem}` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function format(row: Row): string {
  const ms = Number.isFinite(row.ms) ? `${(row.ms / 1000).toFixed(2)} s` : '—';
  const mb = Number.isFinite(row.bytes) ? `${Math.round(row.bytes / 2 ** 20)} MB` : '—';
  return `${ms.padStart(8)} ${mb.padStart(8)}  ${row.name}`;
}

console.log('\nslowest:');
for (const row of [...rows].sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(format(row));
console.log('\nlargest:');
for (const row of [...rows].sort((a, b) => b.bytes - a.bytes).slice(0, 5)) console.log(format(row));
const failed = rows.filter((r) => r.problem);
console.log(`\n${failed.length ? `FAIL: ${failed.length} of ${rows.length}` : `PASS: all ${rows.length} under 10 s and 1 GB, exit 0 or 1`}`);
process.exitCode = failed.length ? 1 : 0;
