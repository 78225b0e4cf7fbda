import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FORMAT_NAMES } from '../../src/reporters/index.js';
import { isLintable, SOURCE_KINDS } from '../../src/setup.js';
import { REPO_ROOT } from '../helpers/cli.js';

// Compiled to dist/test/config/, so the repository root is three levels up.
const read = (file: string): string => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

/** `key: value` of a top-level or list-item line in a simple YAML file. */
function yamlValue(text: string, key: string): string {
  const m = new RegExp(`^[ -]*${key}: (.*)$`, 'm').exec(text);
  assert.ok(m, `${key} not found`);
  return m[1]!.trim();
}

/** The hook's `files` pattern; pre-commit reads it as a Python regular expression, `(?i)` included. */
function hookFiles(hooks: string): RegExp {
  const pattern = yamlValue(hooks, 'files');
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

describe('pre-commit hook definition', () => {
  const hooks = read('.pre-commit-hooks.yaml');

  it('runs the package binary on the files the linter reads', () => {
    const bin = JSON.parse(read('package.json')).bin as Record<string, string>;
    assert.equal(yamlValue(hooks, 'id'), 'azure-backup-lint');
    assert.equal(yamlValue(hooks, 'language'), 'node');
    assert.ok(yamlValue(hooks, 'entry') in bin);
    assert.equal(yamlValue(hooks, 'pass_filenames'), 'true');
    // Without it pre-commit prints nothing of a passing run, so warnings would go unseen.
    assert.equal(yamlValue(hooks, 'verbose'), 'true');
    const files = hookFiles(hooks);
    for (const f of ['azuredeploy.json', 'a/b.parameters.jsonc', 'main.tf', 'prod.tfvars', 'plan.tf.json', 'main.bicep', 'env/prod.bicepparam']) assert.ok(files.test(f), f);
    for (const f of ['README.md', 'x.tfstate', 'main.tf.bak', 'json.yaml', 'main.bicep.bak', 'bicepconfig.yaml']) assert.ok(!files.test(f), f);
  });

  it('passes exactly the files some source kind claims', () => {
    const files = hookFiles(hooks);
    const lintable = isLintable();
    // Every extension the kinds' globs name, in several spellings, and near misses.
    const extensions = SOURCE_KINDS.flatMap((k) => [...k.files, ...(k.ignores ?? [])]).map((g) => g.replace(/^\*\*\/\*/, ''));
    const names = extensions.flatMap((ext) => [`a${ext}`, `dir/b${ext}`, `c${ext.toUpperCase()}`, `d${ext}.bak`, `e${ext}x`, `f${ext.slice(0, -1)}`]);
    assert.ok(names.length > 30);
    for (const name of names) assert.equal(files.test(name), lintable(`/repo/${name}`), name);
  });
});

interface ActionStep {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env: Readonly<Record<string, string>>;
}

/** The steps of a composite action.yml, as far as these tests read them: name, id, uses, env and the run script. */
function actionSteps(action: string): ActionStep[] {
  const body = action.slice(action.indexOf('\n  steps:\n'));
  return body.split(/^ {4}- /m).slice(1).map((chunk) => {
    const lines = `      ${chunk}`.split('\n');
    const key = (k: string) => lines.find((l) => l.startsWith(`      ${k}: `))?.slice(k.length + 8).trim();
    const block = (k: string) => {
      const from = lines.indexOf(`      ${k}:${k === 'run' ? ' |' : ''}`);
      if (from < 0) return [];
      const to = lines.findIndex((l, i) => i > from && l.trim() !== '' && !l.startsWith('        '));
      return lines.slice(from + 1, to < 0 ? undefined : to);
    };
    const run = block('run');
    const env = Object.fromEntries(block('env').map((l) => /^ {8}(\w+): (.*)$/.exec(l)!.slice(1, 3) as [string, string]));
    return { ...(key('name') ? { name: key('name')! } : {}), ...(key('id') ? { id: key('id')! } : {}), ...(key('uses') ? { uses: key('uses')! } : {}), ...(run.length ? { run: run.map((l) => l.slice(8)).join('\n') } : {}), env };
  });
}

/** Found once: the steps run with a PATH that may hold no bash. */
const BASH = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

/** Runs a step's script the way a runner's `shell: bash` does. */
function runStep(step: ActionStep, env: Record<string, string>, cwd: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'abl-action-'));
  const script = path.join(dir, 'step.sh');
  writeFileSync(script, step.run!);
  const out = spawnSync(BASH, ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return out;
}

describe('GitHub Action', () => {
  const action = read('action.yml');
  const steps = actionSteps(action);
  const step = (name: string) => steps.find((s) => s.name === name)!;
  const version = (JSON.parse(read('package.json')) as { version: string }).version;

  it('is a composite action with the documented inputs', () => {
    assert.match(action, /^runs:\n {2}using: composite$/m);
    for (const input of ['path', 'args', 'sarif-file', 'upload-sarif', 'fail-on-error']) assert.match(action, new RegExp(`^ {2}${input}:$`, 'm'));
    // Workflows written for the version that set up Node.js keep working, with a warning.
    assert.match(action, /^ {2}node-version:\n(?: {4}.*\n)* {4}deprecationMessage: /m);
    assert.deepEqual(steps.map((s) => s.name), ['Install azure-backup-lint', 'Run azure-backup-lint', 'Upload SARIF to code scanning', 'Exit status']);
    assert.equal(step('Upload SARIF to code scanning').uses, 'github/codeql-action/upload-sarif@v4');
  });

  it("leaves the job's Node.js, PATH and global packages as they were", () => {
    assert.deepEqual(steps.flatMap((s) => (s.uses ? [s.uses] : [])), ['github/codeql-action/upload-sarif@v4']);
    for (const s of steps.filter((s) => s.run)) {
      assert.doesNotMatch(s.run!, /GITHUB_PATH|GITHUB_ENV/, s.name);
      assert.doesNotMatch(s.run!, /npm (ci|run|link)\b|npm install (-g|--global)\b/, s.name);
    }
  });

  it("installs the npm release of its own package.json's version into a directory of its own", (t) => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'abl-runner-'));
    t.after(() => rmSync(temp, { recursive: true, force: true }));
    // npm is a stub that records its arguments: the release need not be reachable for this.
    mkdirSync(path.join(temp, 'bin'));
    writeFileSync(path.join(temp, 'bin/npm'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${temp}/npm-args"\n`, { mode: 0o755 });
    const env = { PATH: `${path.join(temp, 'bin')}${path.delimiter}${path.dirname(process.execPath)}`, GITHUB_ACTION_PATH: REPO_ROOT, RUNNER_TEMP: temp, GITHUB_OUTPUT: path.join(temp, 'output') };
    const out = runStep(step('Install azure-backup-lint'), env, temp);
    assert.equal(out.status, 0, out.stderr);
    const args = readFileSync(path.join(temp, 'npm-args'), 'utf8').trim().split('\n');
    assert.equal(args[0], 'install');
    assert.equal(args[args.indexOf('--prefix') + 1], path.join(temp, 'azure-backup-lint'));
    assert.ok(args.includes('--engine-strict') && args.includes('--ignore-scripts'), args.join(' '));
    assert.equal(args.at(-1), `eslint-plugin-azure-backup@${version}`);
    assert.equal(readFileSync(env.GITHUB_OUTPUT, 'utf8'), `bin=${path.join(temp, 'azure-backup-lint/node_modules/.bin/azure-backup-lint')}\n`);

    // Without Node.js on PATH the step says what to do, as an annotation.
    const bare = runStep(step('Install azure-backup-lint'), { ...env, PATH: path.join(temp, 'bin') }, temp);
    assert.equal(bare.status, 2);
    assert.match(bare.stdout, /^::error title=azure-backup-lint::Node\.js .* must be on PATH; run actions\/setup-node before this action\.$/m);
  });

  it('runs the installed CLI into SARIF, the job summary and annotations, and fails on its exit code', (t) => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'abl-runner-'));
    t.after(() => rmSync(temp, { recursive: true, force: true }));
    const files = { GITHUB_OUTPUT: path.join(temp, 'output'), GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md') };
    const env = { PATH: process.env.PATH ?? '', ...files, LINT_BIN: path.join(REPO_ROOT, 'bin/azure-backup-lint.js'), LINT_PATH: 'examples/arm examples/terraform', LINT_ARGS: '--matrix 2025', SARIF_FILE: path.join(temp, 'r.sarif') };
    // What the runner puts in LINT_BIN is the install step's output.
    assert.equal(step('Run azure-backup-lint').env.LINT_BIN, `\${{ steps.${step('Install azure-backup-lint').id}.outputs.bin }}`);
    const lint = runStep(step('Run azure-backup-lint'), env, REPO_ROOT);
    assert.equal(lint.status, 0, lint.stderr);
    assert.equal(readFileSync(files.GITHUB_OUTPUT, 'utf8'), 'exit-code=1\nsarif-written=true\n');
    const sarif = JSON.parse(readFileSync(env.SARIF_FILE, 'utf8')) as { runs: { results: unknown[] }[] };
    assert.ok(sarif.runs[0]!.results.length >= 5);
    assert.match(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), /^#+ .*azure-backup-lint/m);
    assert.match(lint.stdout, /^::error file=examples\/arm\/.*azure-backup\/no-ultra-ssd/m);
    assert.doesNotMatch(lint.stdout, /examples\/bicep/);

    const exit = (code: string, failOnError: string) => runStep(step('Exit status'), { PATH: env.PATH, EXIT_CODE: code, FAIL_ON_ERROR: failOnError }, temp).status;
    assert.deepEqual([exit('0', 'true'), exit('1', 'true'), exit('1', 'false'), exit('2', 'false')], [0, 1, 0, 2]);
  });

  it('asks only for formats the CLI has', () => {
    const formats = [...action.matchAll(/--format (\S+)/g)].map((m) => m[1]!);
    assert.deepEqual(formats, ['sarif', 'markdown', 'github']);
    for (const f of formats) assert.ok((FORMAT_NAMES as readonly string[]).includes(f), f);
  });

  it('never puts inputs into script text', () => {
    const scripts = steps.flatMap((s) => (s.run ? [s.run] : []));
    assert.equal(scripts.length, 3);
    for (const s of scripts) assert.doesNotMatch(s, /\$\{\{/);
  });
});
