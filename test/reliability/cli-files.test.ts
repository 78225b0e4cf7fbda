// The files the CLI opens itself — the config, the baseline, --param-file and --var-file, the
// --stdin-filename, the outputs — cannot lead it outside the project, block it on a FIFO, or make it
// quote a file it should not have read; a config built to break the loader gets a positioned error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch, type CliOutcome } from '../helpers/cli.js';
import { SMALL_VM } from './helpers.js';

const SECRET = 'TOPSECRET-51c9';

/** A directory outside the project holding files that must never be read or written. */
function outside(): string {
  return scratch({ 'secret.txt': `${SECRET}\n`, 'secret.json': JSON.stringify({ version: 1, findings: SECRET }), 'victim.txt': 'untouched' });
}

function project(files: Record<string, string> = {}): string {
  return scratch({ 'ok.json': SMALL_VM, ...files });
}

/** Exit 2 with one line naming the problem, no stack trace, nothing of the secret. */
function refused(outcome: CliOutcome, message: RegExp): void {
  assert.equal(outcome.code, 2, outcome.stderr);
  assert.match(outcome.stderr, message);
  assert.doesNotMatch(outcome.stdout + outcome.stderr, new RegExp(`${SECRET}|\\n\\s+at `));
}

function fifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

function sparse(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

describe('the config file', () => {
  it('found upward as a link out of its directory is refused without being quoted', async () => {
    const out = outside();
    const dir = project();
    symlinkSync(path.join(out, 'secret.txt'), path.join(dir, '.azure-backup-lint.json'));
    refused(await cli([], dir), /\.azure-backup-lint\.json: cannot read config file: outside the project root \(through a symbolic link\)$/m);
  });

  it('named with --config outside the working directory is refused', async () => {
    const out = outside();
    refused(await cli(['--config', path.join(out, 'secret.txt')], project()), /secret\.txt: cannot read config file: outside the project root$/m);
    refused(await cli(['-c', '../x.json'], path.join(project({ 'sub/ok.json': SMALL_VM }), 'sub')), /x\.json: cannot read config file: outside the project root$/m);
  });

  it('as a FIFO or a 100 MB file is refused at once', async () => {
    const dir = project();
    fifo(path.join(dir, '.azure-backup-lint.json'));
    refused(await cli([], dir), /cannot read config file: not a regular file$/m);
    const big = project();
    sparse(path.join(big, 'big.json'), 100 * 1024 * 1024);
    refused(await cli(['--config', 'big.json'], big), /big\.json: cannot read config file: file is 100 MB, over the 16 MB limit$/m);
  });

  it('nested a million levels deep is a positioned error, not a stack overflow', async () => {
    const dir = project({ '.azure-backup-lint.json': `{"rules":${'['.repeat(1_000_000)}` });
    refused(await cli([], dir), /\.azure-backup-lint\.json:1:41: nested more than 32 levels deep$/m);
  });

  it('with a __proto__ key or a malformed glob is a positioned error', async () => {
    refused(await cli([], project({ '.azure-backup-lint.json': '{\n  "paramFiles": { "__proto__": ["x.json"] }\n}' })), /\.azure-backup-lint\.json:2:19: "paramFiles\.__proto__": the key "__proto__" is not allowed/);
    refused(await cli([], project({ '.azure-backup-lint.json': '{ "paramFiles": { "**/*.{json": "p.json" } }' })), /\.azure-backup-lint\.json:1:25: "paramFiles\.\*\*\/\*\.\{json": malformed glob: '\{' without its '\}'$/m);
  });
});

describe('the baseline', () => {
  it('that links outside the project is refused without being quoted', async () => {
    const out = outside();
    const dir = project();
    symlinkSync(path.join(out, 'secret.json'), path.join(dir, 'baseline.json'));
    refused(await cli(['--baseline', 'baseline.json'], dir), /--baseline baseline\.json: outside the project root \(through a symbolic link\)$/m);
    refused(await cli(['--baseline', path.join(out, 'secret.json')], dir), /secret\.json: outside the project root$/m);
  });

  it('that is not JSON is reported by position, never by its content', async () => {
    refused(await cli(['--baseline', 'b.json'], project({ 'b.json': `${SECRET}\n` })), /--baseline b\.json:1:1: baseline is not valid JSON: InvalidSymbol$/m);
    refused(await cli(['--baseline', 'b.json'], project({ 'b.json': `{"version": 1,\n "findings": [${SECRET}]}` })), /--baseline b\.json:2:15: baseline is not valid JSON: InvalidSymbol$/m);
    refused(await cli(['--baseline', 'b.json'], project({ 'b.json': `${'['.repeat(1_000_000)}x` })), /--baseline b\.json(:\d+:\d+)?: baseline is not valid JSON/m);
  });

  it('as a FIFO or an oversized file is refused at once', async () => {
    const dir = project();
    fifo(path.join(dir, 'fifo.json'));
    sparse(path.join(dir, 'big.json'), 20 * 1024 * 1024);
    refused(await cli(['--baseline', 'fifo.json'], dir), /--baseline fifo\.json: not a regular file$/m);
    refused(await cli(['--baseline', 'big.json'], dir), /--baseline big\.json: file is 20 MB, over the 16 MB limit$/m);
  });
});

describe('--param-file and --var-file', () => {
  it('missing, outside, through a link or a FIFO: exit 2 before linting', async () => {
    const out = outside();
    const dir = project({ 'tf/main.tf': '' });
    symlinkSync(path.join(out, 'secret.txt'), path.join(dir, 'linked.tfvars'));
    fifo(path.join(dir, 'pipe.tfvars'));
    refused(await cli(['--param-file', 'ok.parameters.json'], dir), /--param-file ok\.parameters\.json: file not found$/m);
    refused(await cli(['--var-file', 'linked.tfvars'], dir), /--var-file linked\.tfvars: outside the project root \(through a symbolic link\)$/m);
    refused(await cli(['--var-file', path.join(out, 'secret.txt')], dir), /outside the project root$/m);
    refused(await cli(['--var-file', 'pipe.tfvars'], dir), /--var-file pipe\.tfvars: not a regular file$/m);
    refused(await cli(['--param-file', 'tf'], dir), /--param-file tf: is a directory$/m);
  });
});

describe('outputs', () => {
  it('are not written through a link that leads outside the project', async () => {
    const out = outside();
    const dir = project();
    symlinkSync(out, path.join(dir, 'reports'));
    symlinkSync(path.join(out, 'victim.txt'), path.join(dir, 'out.json'));
    refused(await cli(['-f', 'json', '-o', 'reports/new/r.json'], dir), /--output-file reports\/new\/r\.json: outside the project root \(through a symbolic link\)$/m);
    refused(await cli(['-f', 'json', '-o', 'out.json'], dir), /--output-file out\.json: outside the project root \(through a symbolic link\)$/m);
    refused(await cli(['--write-baseline', 'reports/b.json'], dir), /--output-file reports\/b\.json: outside the project root/m);
    assert.equal(existsSync(path.join(out, 'new')), false);
    assert.equal(existsSync(path.join(out, 'b.json')), false);
    assert.equal(readFileSync(path.join(out, 'victim.txt'), 'utf8'), 'untouched');
  });

  it('do not block on a FIFO inside the project', async () => {
    const dir = project();
    fifo(path.join(dir, 'out.json'));
    refused(await cli(['-f', 'json', '-o', 'out.json'], dir), /cannot write out\.json: /);
  });

  it('named outside the project are written where they say (a CI step summary, an artifact folder)', async () => {
    const summary = path.join(outside(), 'step-summary.md');
    const dir = project();
    const outcome = await cli(['-f', 'markdown', '-o', summary], dir);
    assert.equal(outcome.code, 1, outcome.stderr);
    assert.match(readFileSync(summary, 'utf8'), /min-vm-size/);
  });

  it('may follow a link that stays inside the project', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'real'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'reports'));
    assert.equal((await cli(['-f', 'json', '-o', 'reports/r.json'], dir)).code, 1);
    assert.match(readFileSync(path.join(dir, 'real', 'r.json'), 'utf8'), /min-vm-size/);
  });
});

describe('--stdin-filename', () => {
  it('outside the project, directly or through a link, is refused', async () => {
    const out = outside();
    const dir = project();
    symlinkSync(out, path.join(dir, 'elsewhere'));
    refused(await cli(['--stdin', '--stdin-filename', '../t.json'], dir, {}, SMALL_VM), /--stdin-filename \.\.\/t\.json: outside the project root/m);
    refused(await cli(['--stdin', '--stdin-filename', 'elsewhere/t.json'], dir, {}, SMALL_VM), /--stdin-filename elsewhere\/t\.json: outside the project root \(through a symbolic link\)$/m);
  });
});

describe('--changed-since', () => {
  it('cannot pass an option to git', async () => {
    const dir = project();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const target = path.join(dir, 'written-by-git');
    refused(await cli(['--changed-since', `--output=${target}`], dir), /--changed-since needs a value$/m);
    refused(await cli([`--changed-since=--output=${target}`], dir), /--changed-since takes a git ref, not an option/m);
    assert.equal(existsSync(target), false);
  });
});

describe('argument values built to break the parser', () => {
  it('a malformed --ignore-pattern names the character', async () => {
    refused(await cli(['--ignore-pattern', 'a/[bc'], project()), /--ignore-pattern 'a\/\[bc': '\[' without its '\]' at character 3$/m);
  });

  it('huge or absurd numbers are refused', async () => {
    refused(await cli(['--max-warnings', '1e400'], project()), /--max-warnings takes a whole number, not '1e400'$/m);
    refused(await cli(['--concurrency', '99999999999999999999'], project()), /--concurrency takes a whole number/m);
  });

  it('a 1 MB argument is an error, not a hang', async () => {
    const started = performance.now();
    const outcome = await cli(['--rule', `${'a'.repeat(1 << 20)}=off`], project());
    refused(outcome, /--rule a{60}…: unknown rule id 'a{60}…'$/m);
    assert.ok(outcome.stderr.length < 300);
    assert.ok(performance.now() - started < 2000);
  });
});
