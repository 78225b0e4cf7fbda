#!/usr/bin/env node
// Lints every file of the shared corpus (../shared/corpus, or the directory given) and reports
// what a release must never show: internal errors. Exit 1 when there is one, 0 otherwise.
// Run after a build: `npm run sweep`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../dist/src/api/lint.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? path.join(repo, '..', 'shared', 'corpus'));
if (!existsSync(corpus)) {
  console.log(`crash sweep: no corpus at ${corpus}; skipped`);
  process.exit(0);
}

const INTERNAL = /^(Internal error|Cannot evaluate)/;
const started = performance.now();
let report;
try {
  report = await lint(['.'], { cwd: corpus, preset: 'all' });
} catch (e) {
  console.log(`crash sweep: lint threw: ${e?.stack ?? e}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);

const perRule = new Map();
const internal = [];
let parseErrors = 0;
let diagnostics = 0;
for (const result of report.results) {
  for (const m of result.messages) {
    if (m.ruleId) perRule.set(m.ruleId, (perRule.get(m.ruleId) ?? 0) + 1);
    else if (INTERNAL.test(m.message)) internal.push(`${path.relative(corpus, result.filePath)}:${m.line}:${m.column} ${m.message}`);
    else if (m.fatal) parseErrors++;
    else diagnostics++;
  }
}

const rows = [
  ['files', report.stats.files],
  ['units', report.stats.units],
  ['VMs (inventory)', report.stats.vms],
  ['VM declarations', report.inventory.length],
  ['parse/read errors', parseErrors],
  ['other diagnostics', diagnostics],
  ['internal errors', internal.length],
  ['seconds', seconds],
];
console.log(`crash sweep over ${corpus}`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(20)} ${v}`);
console.log('findings per rule (preset all):');
for (const [id, n] of [...perRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${id.padEnd(40)} ${n}`);
for (const line of internal) console.log(`INTERNAL ${line}`);
process.exit(internal.length ? 1 : 0);
