// `npm run bench`: the performance goals of the README, each measured in fresh processes that
// alternate with what they are compared with (A, B, A, B…), printed as median and range with
// the machine, its other load, and PASS/FAIL. The README's table is this script's last output.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_V8_FLAGS } from '../src/cli/v8-flags.js';
import { generateLargeModule, generateTerraformCorpus } from './terraform-corpus.js';
import { alternate, DIST_BENCH, machine, median, otherLoad, REPO_ROOT, spread, type Case, type Series } from './util.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const corpus = path.resolve(REPO_ROOT, process.env.BENCH_CORPUS ?? '../shared/corpus');
const bin = path.join(REPO_ROOT, 'bin/azure-backup-lint.js');
const rows: { name: string; value: string; goal: string; pass: boolean | undefined }[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'abl-bench-'));
const load = otherLoad();

function report(name: string, value: string, goal: string, pass: boolean | undefined): void {
  rows.push({ name, value, goal, pass });
  console.log(`${pass === undefined ? 'SKIP' : pass ? 'PASS' : 'FAIL'}  ${name}: ${value} (goal ${goal})`);
}

const cli = (name: string, args: readonly string[], cwd?: string): Case => ({ name, args: [bin, ...args, '--format', 'json', '-o', os.devNull], okCodes: [0, 1], ...(cwd ? { cwd } : {}) });
const wall = (s: Series, name: string) => s.get(name)!.map((x) => x.wall);
const cpu = (s: Series, name: string) => s.get(name)!.map((x) => x.cpu);
const rss = (s: Series, name: string) => s.get(name)!.map((x) => x.rss);

/**
 * "A vs B": CPU time (user + system, every thread) and its ratio, which is what a goal is judged
 * on, and wall time beside it. On a machine other work shares, wall time measures the sharing as
 * much as the program; CPU time does not, and on an idle machine wall time is not above it.
 */
function compare(s: Series, a: string, b: string, unit: 's' | 'ms' = 's'): { ratio: number; text: string } {
  const ratio = median(cpu(s, a)) / median(cpu(s, b));
  const wallRatio = median(wall(s, a)) / median(wall(s, b));
  return { ratio, text: `CPU ${spread(cpu(s, a), unit)} vs ${spread(cpu(s, b), unit)} = ${ratio.toFixed(2)}× (wall ${spread(wall(s, a), unit)} vs ${spread(wall(s, b), unit)} = ${wallRatio.toFixed(2)}×)` };
}

console.log(`machine: ${machine()}`);
console.log(`date:    ${new Date().toISOString()}`);
console.log(`load:    1-minute load average ${os.loadavg()[0]!.toFixed(2)} at the start`);
console.log(`method:  each figure is the median (and range) of ${RUNS} fresh processes after one warm-up, run in turn with what it is compared with; goals are judged on CPU time (user + system, all threads), wall time beside it\n`);

try {
  if (existsSync(corpus)) {
    // (a) The CLI over the corpus against reading + parsing the same files.
    const a = alternate([cli('cli', [corpus]), { name: 'floor', args: [path.join(DIST_BENCH, 'floor.js'), corpus] }], RUNS);
    const c = compare(a, 'cli', 'floor');
    report('CLI over the 1,200 templates vs read + jsonc-parser floor', c.text, '≤ 1.5×', c.ratio <= 1.5);

    // (d) Memory: peak RSS over the corpus, and over it copied four times.
    const four = path.join(tmp, 'corpus-x4');
    for (let i = 0; i < 4; i++) cpSync(corpus, path.join(four, `copy${i}`), { recursive: true });
    const m = alternate([cli('x1', [corpus]), cli('x4', [four])], Math.max(3, RUNS - 2));
    const growth = (median(rss(m, 'x4')) - median(rss(m, 'x1'))) / 3;
    report('peak RSS of the CLI over the corpus ×4 (4,800 files)', spread(rss(m, 'x4'), 'MB'), '≤ 170 MB', median(rss(m, 'x4')) <= 170);
    report('RSS growth per extra 1,200 files (×1 → ×4)', `${spread(rss(m, 'x1'), 'MB')} → ${median(rss(m, 'x4')).toFixed(0)} MB: ${growth.toFixed(1)} MB`, '< 10 MB', growth < 10);

    // (e) Changed files: --changed-since and a hook run against the CLI over just the unit's files.
    changedFiles();

    // (g) Threads on this machine.
    const t = alternate([cli('threads 1', [corpus, '--concurrency', '1']), cli('threads 2', [corpus, '--concurrency', '2']), cli('auto', [corpus])], RUNS);
    // Threads are the one case judged on wall time: they trade CPU for it.
    const line = (n: string) => `${n}: wall ${spread(wall(t, n), 's')}, CPU ${spread(cpu(t, n), 's')}`;
    const best = ['threads 1', 'threads 2'].sort((x, y) => median(wall(t, x)) - median(wall(t, y)))[0]!;
    report(`--concurrency over the corpus (${os.availableParallelism()} cores)`, [line('threads 1'), line('threads 2'), line('auto')].join('; '), 'auto within 5% of the best wall time', median(wall(t, 'auto')) <= median(wall(t, best)) * 1.05);
  } else report('corpus figures', `no corpus at ${corpus}`, 'present', undefined);

  // (b) 1,000 Terraform files: parse + evaluate against reading and parsing them with our parser.
  const tfDir = path.join(tmp, 'tf');
  generateTerraformCorpus(tfDir, 1000);
  // Both with the V8 settings of a CLI run: tf-ours stands in for the CLI's evaluation, and the
  // parser it is measured against is the one the CLI runs.
  const b = alternate(
    [
      { name: 'ours', args: [...CLI_V8_FLAGS, path.join(DIST_BENCH, 'tf-ours.js'), tfDir] },
      { name: 'parse', args: [...CLI_V8_FLAGS, path.join(DIST_BENCH, 'tf-parse.js'), tfDir] },
    ],
    RUNS,
  );
  const bc = compare(b, 'ours', 'parse');
  report('1,000 .tf files: parse + evaluate vs read + our parse', bc.text, '≤ 2×', bc.ratio <= 2);

  // (f) One module of 20,000 resources in 800 files against half of it: linear means about 2×.
  generateLargeModule(path.join(tmp, 'tf-10k'), 400);
  generateLargeModule(path.join(tmp, 'tf-20k'), 800);
  const f = alternate([cli('20k', [path.join(tmp, 'tf-20k')]), cli('10k', [path.join(tmp, 'tf-10k')])], RUNS);
  const fc = compare(f, '20k', '10k');
  report('Terraform module, 20,000 resources in 800 files vs 10,000 in 400', fc.text, '≤ 2.2× (linear)', fc.ratio <= 2.2);

  // `.bicep` read natively against the JSON `bicep build` made of it: the CLI on the entries of
  // the oracle's offline-complete pairs (registry modules left out), each side named file by file,
  // run from the oracle's directory so that modules in other folders of a pair's repository are inside the project.
  const oracle = path.resolve(REPO_ROOT, process.env.BENCH_BICEP_ORACLE ?? '../shared/bicep-oracle');
  const pairs = bicepOraclePairs(oracle);
  if (pairs) {
    const o = alternate(
      [cli('bicep', pairs.map((p) => p.bicep), oracle), cli('json', [...pairs.map((p) => p.json), '--compiled-json', 'lint'], oracle)],
      RUNS,
    );
    const oc = compare(o, 'bicep', 'json');
    report(`CLI over ${pairs.length} oracle pairs: .bicep vs their compiled JSON`, oc.text, '≤ 1.5×', oc.ratio <= 1.5);
  } else report('CLI over the oracle pairs: .bicep vs their compiled JSON', `no Bicep oracle at ${oracle}`, '≤ 1.5×', undefined);

  // (h) Start-up: --version against Node starting and doing nothing.
  const h = alternate([{ name: 'version', args: [bin, '--version'] }, { name: 'node', args: ['-e', '0'] }], RUNS * 2);
  const hc = compare(h, 'version', 'node', 'ms');
  report('--version vs node -e 0', hc.text, '≤ 1.5×', hc.ratio <= 1.5);

  // (c) Editor latency: warm ESLint re-lint after an edit, p95 of many edits.
  const r = spawnSync(process.execPath, [path.join(DIST_BENCH, 'eslint-latency.js')], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, BENCH_CORPUS: corpus } });
  console.log((r.stdout ?? '').replace(/^/gm, '      | '));
  // Each block: "<name> (<kb> KB), goal < N ms" … "warm, edited text:   median X ms, p95 Y ms; unshared …; main thread CPU …; process CPU …".
  const clock = (name: string) => new RegExp(`${name} median ([\\d.]+) ms, p95 ([\\d.]+) ms`);
  for (const block of (r.stdout ?? '').split(/\n(?=\S)/)) {
    const head = /^(.*) \((\d+) KB\), goal < (\d+) ms/.exec(block);
    const line = /warm, edited text:(.*)/.exec(block)?.[1];
    const elapsed = line && clock('').exec(line);
    const unshared = line && clock('unshared').exec(line);
    const thread = line && clock('main thread CPU').exec(line);
    const cpu = line && clock('process CPU').exec(line);
    if (head && elapsed && cpu) {
      // Latency without other programs' load where the system tells it (eslint-latency.ts, measure()).
      const judged = unshared ?? cpu;
      const shown = [
        unshared && `unshared p95 ${unshared[2]} ms, median ${unshared[1]} ms`,
        `wall p95 ${elapsed[2]} ms, median ${elapsed[1]} ms`,
        thread && `main thread CPU p95 ${thread[2]} ms`,
        `process CPU p95 ${cpu[2]} ms`,
      ];
      report(`ESLint warm re-lint after an edit, ${head[1]} (${head[2]} KB)`, shown.filter(Boolean).join('; '), `p95 < ${head[3]} ms`, Number(judged[2]) < Number(head[3]));
    }
  }
  if (r.status !== 0) report('ESLint latency benchmark', `exited ${r.status}: ${r.stderr.slice(0, 200)}`, 'runs', false);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const others = load();
const loadText = others === undefined ? `load average ${os.loadavg()[0]!.toFixed(2)} at the end` : `other processes kept ${others.toFixed(2)} of ${os.availableParallelism()} cores busy on average`;
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${machine()}; ${loadText}; median (range) of ${RUNS} alternating runs.\n`);
console.log('| measure | result | goal | |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.name} | ${row.value} | ${row.goal} | ${row.pass === undefined ? 'skipped' : row.pass ? 'PASS' : 'FAIL'} |`);
process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;

/**
 * A copy of the corpus in a git repository with one template changed: `--changed-since HEAD` and
 * a hook run (the changed file named) against the CLI over a directory holding only that
 * template's unit (the template and its parameter files).
 */
function changedFiles(): void {
  const repo = path.join(tmp, 'repo');
  cpSync(corpus, repo, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'corpus');
  const template = firstTemplateWithParameters(repo);
  if (!template) return report('--changed-since / hook run', 'no template with a parameter file in the corpus', '≤ 1.5×', undefined);
  appendFileSync(template, '\n');
  const unitDir = path.join(tmp, 'unit');
  mkdirSync(unitDir);
  const dir = path.dirname(template);
  for (const name of readdirSync(dir)) if (name === path.basename(template) || /parameters.*\.json$/i.test(name)) cpSync(path.join(dir, name), path.join(unitDir, name));
  const s = alternate([cli('changed', ['--changed-since', 'HEAD'], repo), cli('hook', [path.relative(repo, template)], repo), cli('unit', [unitDir])], RUNS);
  const changed = compare(s, 'changed', 'unit');
  const hook = compare(s, 'hook', 'unit');
  report('--changed-since HEAD, one template changed in 1,200, vs linting its unit alone', changed.text, '≤ 1.5×', changed.ratio <= 1.5);
  report('hook run (the changed template named) vs linting its unit alone', hook.text, '≤ 1.5×', hook.ratio <= 1.5);
}

function firstTemplateWithParameters(root: string): string | undefined {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'azuredeploy.parameters.json' && !e.parentPath.includes(`${path.sep}.git`))
    .map((e) => path.join(e.parentPath, 'azuredeploy.json'))
    .sort();
  return files.find((f) => existsSync(f));
}

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
