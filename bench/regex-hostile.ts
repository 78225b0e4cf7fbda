// `node dist/bench/regex-hostile.js [dist-dir] [limit-seconds]`: how long the Terraform evaluator
// takes on each hostile regular expression of test/reliability/regex-cases.ts, each in a fresh
// process that is stopped after the limit. `dist-dir` is the compiled tree to measure (default this
// one), so a build of an older commit can be measured with the same inputs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { HOSTILE_REGEXES } from '../test/reliability/regex-cases.js';
import { machine, REPO_ROOT } from './util.js';

const dist = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'dist'));
const limitSeconds = Number(process.argv[3] ?? 60);

/** Evaluates the expression read from stdin as a local that a resource's name uses; prints milliseconds. */
const CHILD = `
import { pathToFileURL } from 'node:url';
const { dist, expr } = JSON.parse(await new Response(process.stdin).text());
const { lintSources } = await import(pathToFileURL(dist + '/src/api/lint.js').href);
const main = 'locals {\\n  r = ' + expr + '\\n}\\nresource "azurerm_recovery_services_vault" "v" {\\n  name = jsonencode(local.r)\\n}\\n';
const started = performance.now();
lintSources({ 'main.tf': main }, { cwd: '/project' });
console.log((performance.now() - started).toFixed(1));
`;

console.log(`machine: ${machine()}`);
console.log(`build:   ${dist}`);
console.log(`limit:   ${limitSeconds} s per input\n`);
for (const { name, expr } of HOSTILE_REGEXES) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
    input: JSON.stringify({ dist, expr }),
    encoding: 'utf8',
    timeout: limitSeconds * 1000,
    killSignal: 'SIGKILL',
  });
  const result = r.signal ? `> ${limitSeconds} s (stopped)` : r.status === 0 ? `${r.stdout.trim()} ms` : `failed: ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  console.log(`${result.padStart(20)}  ${name}`);
}
