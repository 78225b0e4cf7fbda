// `npm run bench`: the performance goals, each measured in fresh processes on this machine
// and printed with its goal and PASS/FAIL. Results for the README go in bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateTerraformCorpus } from './terraform-corpus.js';
import { DIST_BENCH, machine, median, medianProcess, REPO_ROOT } from './util.js';
import { ProjectFs } from '../src/kernel/project-fs.js';
import { createLinter } from '../src/setup.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const corpus = path.resolve(REPO_ROOT, process.env.BENCH_CORPUS ?? '../shared/corpus');
const rows: { name: string; value: string; goal: string; pass: boolean | undefined }[] = [];
const bin = path.join(REPO_ROOT, 'bin/azure-backup-lint.js');

function report(name: string, value: string, goal: string, pass: boolean | undefined): void {
  rows.push({ name, value, goal, pass });
  console.log(`${pass === undefined ? 'SKIP' : pass ? 'PASS' : 'FAIL'}  ${name}: ${value} (goal ${goal})`);
}

console.log(`machine: ${machine()}`);
console.log(`date:    ${new Date().toISOString()}`);
console.log(`runs:    median of ${RUNS} fresh processes after one warm-up\n`);

// (a) The CLI over the corpus against reading + parsing the same files.
if (existsSync(corpus)) {
  const cli = medianProcess([bin, corpus, '--format', 'json', '-o', os.devNull], RUNS, [0, 1]);
  const floor = medianProcess([path.join(DIST_BENCH, 'floor.js'), corpus], RUNS);
  const ratio = cli.median / floor.median;
  report('CLI over the corpus vs read+parse floor', `${(cli.median / 1000).toFixed(2)} s vs ${(floor.median / 1000).toFixed(2)} s = ${ratio.toFixed(2)}×`, '≤ 2×', ratio <= 2);
} else report('CLI over the corpus vs read+parse floor', `no corpus at ${corpus}`, '≤ 2×', undefined);

// (b) 1,000 Terraform files: parse + evaluate against hcl2json parsing alone.
const tfDir = mkdtempSync(path.join(os.tmpdir(), 'abl-bench-tf-'));
try {
  generateTerraformCorpus(tfDir, 1000);
  const ours = medianProcess([path.join(DIST_BENCH, 'tf-ours.js'), tfDir], RUNS);
  const theirs = medianProcess([path.join(DIST_BENCH, 'tf-hcl2json.js'), tfDir], RUNS);
  report(
    '1,000 .tf files: parse + evaluate vs hcl2json parse',
    `${(ours.median / 1000).toFixed(2)} s vs ${(theirs.median / 1000).toFixed(2)} s = ${(ours.median / theirs.median).toFixed(2)}×`,
    '< 1× (faster)',
    ours.median < theirs.median,
  );
} finally {
  rmSync(tfDir, { recursive: true, force: true });
}

// (c) Editor latency: the ESLint benchmark when present, else warm Linker.messagesFor.
const eslintBench = path.join(DIST_BENCH, 'eslint-latency.js');
if (existsSync(eslintBench)) {
  const r = spawnSync(process.execPath, [eslintBench], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, BENCH_CORPUS: corpus } });
  const out = r.stdout ?? '';
  console.log(out.replace(/^/gm, '      | '));
  // Each block: "<name> (<kb> KB), goal < N ms" … "warm, edited text:   median X ms".
  for (const block of out.split(/\n(?=\S)/)) {
    const head = /^(.*) \((\d+) KB\), goal < (\d+) ms/.exec(block);
    const warm = /warm, edited text:\s+median ([\d.]+) ms/.exec(block);
    if (head && warm) report(`ESLint warm re-lint, ${head[1]} (${head[2]} KB)`, `${warm[1]} ms`, `< ${head[3]} ms`, Number(warm[1]) < Number(head[3]));
  }
  if (r.status !== 0) report('ESLint latency benchmark', `exited ${r.status}: ${r.stderr.slice(0, 200)}`, 'runs', false);
} else {
  for (const [name, vms, goal] of [['~20 KB template', 4, 5], ['~1.6 MB template', 330, 150]] as const) {
    const ms = warmLinterLatency(vms);
    report(`warm Linker.messagesFor, ${name}`, `${ms.toFixed(2)} ms`, `< ${goal} ms`, ms < goal);
  }
}

// (e) `.bicep` read natively against the JSON `bicep build` made of it: the CLI on the entries of
// the oracle's offline-complete pairs (registry modules left out), each side named file by file,
// run from the oracle's directory so that modules in other folders of a pair's repository are inside the project.
const oracle = path.resolve(REPO_ROOT, process.env.BENCH_BICEP_ORACLE ?? '../shared/bicep-oracle');
const pairs = bicepOraclePairs(oracle);
if (pairs) {
  const bicep = medianProcess([bin, ...pairs.map((p) => p.bicep), '--format', 'json', '-o', os.devNull], RUNS, [0, 1], oracle);
  const json = medianProcess([bin, ...pairs.map((p) => p.json), '--compiled-json', 'lint', '--format', 'json', '-o', os.devNull], RUNS, [0, 1], oracle);
  const ratio = bicep.median / json.median;
  report(`CLI over ${pairs.length} oracle pairs: .bicep vs their compiled JSON`, `${(bicep.median / 1000).toFixed(2)} s vs ${(json.median / 1000).toFixed(2)} s = ${ratio.toFixed(2)}×`, '≤ 1.5×', ratio <= 1.5);
} else report('CLI over the oracle pairs: .bicep vs their compiled JSON', `no Bicep oracle at ${oracle}`, '≤ 1.5×', undefined);

// (d) Peak memory of the CLI over the corpus (worker threads included).
if (existsSync(corpus)) {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, [path.join(DIST_BENCH, 'cli-rss.js'), corpus, '--format', 'json', '-o', os.devNull], { cwd: REPO_ROOT, encoding: 'utf8' });
    const kb = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]);
    samples.push(kb / 1024);
  }
  const mb = median(samples);
  report('peak RSS of the CLI over the corpus', `${mb.toFixed(0)} MB`, '< 300 MB', mb < 300);
} else report('peak RSS of the CLI over the corpus', `no corpus at ${corpus}`, '< 300 MB', undefined);

console.log('\n| measure | result | goal | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.value} | ${r.goal} | ${r.pass === undefined ? 'skipped' : r.pass ? 'PASS' : 'FAIL'} |`);
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;

/** The `.bicep` and compiled JSON entries of the oracle's offline-complete, up-to-date pairs; undefined without the oracle. */
function bicepOraclePairs(dir: string): { bicep: string; json: string }[] | undefined {
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  const { pairs } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    pairs: { repo: string; bicep: string; json: string; offlineComplete: boolean; consistency?: { sameParameters?: boolean } }[];
  };
  return pairs
    .filter((p) => p.offlineComplete && p.consistency?.sameParameters !== false)
    .map((p) => ({ bicep: path.join('pairs', p.repo, p.bicep), json: path.join('pairs', p.repo, p.json) }));
}

/** Median time to re-lint a template after an edit, with a warm linter (the editor case). */
function warmLinterLatency(vms: number): number {
  const resources = Array.from({ length: vms }, (_, i) => ({
    type: 'Microsoft.Compute/virtualMachines',
    apiVersion: '2023-09-01',
    name: `vm${i}`,
    location: "[resourceGroup().location]",
    properties: { hardwareProfile: { vmSize: 'Standard_D4s_v5' }, storageProfile: { dataDisks: Array.from({ length: 8 }, (_, lun) => ({ lun, createOption: 'Empty', diskSizeGB: 128, managedDisk: { storageAccountType: 'Premium_LRS' } })) } },
  }));
  const text = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2);
  const fs = ProjectFs.virtual('/editor', { 'azuredeploy.json': text });
  const linter = createLinter(fs, {});
  linter.messagesFor('/editor/azuredeploy.json');
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    fs.setOverride('/editor/azuredeploy.json', text.replace('"1.0.0.0"', `"1.0.0.${i}"`));
    const started = performance.now();
    linter.invalidate('/editor/azuredeploy.json');
    linter.messagesFor('/editor/azuredeploy.json');
    samples.push(performance.now() - started);
  }
  return median(samples);
}
