import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, REPO_ROOT, scratch } from '../helpers/cli.js';
import { dataDisk, template, vm } from '../helpers/lint.js';

const ultra = template({ resources: [vm('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] });
const clean = template({ resources: [vm('vm1', { dataDisks: [dataDisk(0, 'Premium_LRS')] })] });
const spot = template({ resources: [vm('vm1', {}, { properties: { priority: 'Spot' } })] });

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; severity: number; fatal?: boolean }[];
}

describe('azure-backup-lint on examples/', () => {
  it('finds each of the foundation rules and exits 1', async () => {
    const { code, stdout } = await cli(['examples', '--format', 'json'], REPO_ROOT);
    assert.equal(code, 1);
    const results = JSON.parse(stdout) as JsonResult[];
    const rules = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    for (const id of ['no-ultra-ssd', 'no-shared-disk', 'no-static-private-ip', 'max-data-disks']) assert.ok(rules.has(`azure-backup/${id}`), id);
    const cleanFile = results.find((r) => r.filePath.endsWith(path.join('clean-web', 'azuredeploy.json')))!;
    assert.deepEqual(cleanFile.messages, []);
  });

  it('prints stylish output with a summary', async () => {
    const { stdout, stderr } = await cli(['examples/arm/sql-server'], REPO_ROOT);
    assert.match(stdout, /examples\/arm\/sql-server\/azuredeploy\.json\n\s+25:24\s+error\s+Disk type 'UltraSSD_LRS'/);
    assert.match(stderr, /azure-backup-lint: \d+ files, \d+ VMs?: \d+ errors?, \d+ warnings? in/);
  });

  it('lists the VM inventory as a table and as JSON', async () => {
    const table = await cli(['inventory', 'examples/arm'], REPO_ROOT);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /examples\/arm\/app-server\/azuredeploy\.json:\d+:\d+\s+app-prod-01\s+arm\s+1\s+Standard_D4s_v5/);
    const json = JSON.parse((await cli(['inventory', 'examples/arm', '--format', 'json'], REPO_ROOT)).stdout) as { name: string; diskCount: number; protected: boolean }[];
    const app = json.find((e) => e.name === 'app-prod-01')!;
    assert.equal(app.diskCount, 34);
    assert.equal(app.protected, true);
    assert.equal(json.find((e) => e.name === 'sql-vm1')!.protected, false);
  });
});

describe('exit codes', () => {
  it('0 for a clean run, 1 for errors, 2 for usage problems', async () => {
    const dir = scratch({ 'clean.json': clean, 'bad.json': ultra });
    assert.equal((await cli(['clean.json'], dir)).code, 0);
    assert.equal((await cli(['bad.json'], dir)).code, 1);
    const unknownFormat = await cli(['--format', 'xml'], dir);
    assert.equal(unknownFormat.code, 2);
    assert.equal(unknownFormat.stderr.trim().split('\n')[0], "azure-backup-lint: unknown format 'xml' (one of: stylish, json, sarif, github, azure-devops, junit, markdown)");
    const missing = await cli(['nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'azure-backup-lint: no such file or directory: nope.json\n');
    assert.equal((await cli(['--bogus'], dir)).code, 2);
  });

  it('--max-warnings 0 turns warnings into exit 1', async () => {
    const dir = scratch({ 'spot.json': spot });
    assert.equal((await cli(['spot.json'], dir)).code, 0);
    assert.equal((await cli(['spot.json', '--max-warnings', '0'], dir)).code, 1);
  });

  it('a bad configuration file is exit 2 with one line naming the key', async () => {
    const dir = scratch({ 'clean.json': clean, '.azure-backup-lint.json': '{ "rules": { "no-ultra-sd": "error" } }' });
    const { code, stderr } = await cli([], dir);
    assert.equal(code, 2);
    assert.equal(stderr.split('\n').filter(Boolean).length, 1);
    assert.match(stderr, /"rules\.no-ultra-sd": unknown rule id/);
  });

  it('the configuration file sets rules and the matrix edition', async () => {
    const dir = scratch({ 'bad.json': ultra, '.azure-backup-lint.json': '{ "rules": { "no-ultra-ssd": "warn" } }' });
    const { code, stdout } = await cli(['--format', 'json'], dir);
    assert.equal(code, 0);
    const bad = (JSON.parse(stdout) as JsonResult[]).find((r) => r.filePath.endsWith('bad.json'))!;
    assert.equal(bad.messages[0]!.severity, 1);
    assert.equal((await cli(['--rule', 'no-ultra-ssd=off', '--format', 'json'], dir)).stdout.includes('no-ultra-ssd'), false);
  });
});

describe('several outputs in one run', () => {
  it('writes each --format to its --output-file', async () => {
    const dir = scratch({ 'bad.json': ultra });
    const { code, stdout } = await cli(['--format', 'sarif', '--output-file', 'out/r.sarif', '--format', 'json', '-o', 'out/r.json', '--format', 'github'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^::error file=bad\.json,line=\d+,col=\d+/m);
    const sarif = JSON.parse(execFileSync('cat', [path.join(dir, 'out/r.sarif')], { encoding: 'utf8' })) as { version: string };
    assert.equal(sarif.version, '2.1.0');
  });
});

describe('baseline', () => {
  it('reports only findings that are not in the baseline', async () => {
    const dir = scratch({ 'bad.json': ultra });
    // Writing the baseline accepts what it records: the findings come out suppressed and the run passes.
    const written = await cli(['--write-baseline', 'baseline.json', '--format', 'json'], dir);
    assert.equal(written.code, 0);
    const [result] = JSON.parse(written.stdout) as { messages: unknown[]; suppressedMessages: { suppressions: { kind: string }[] }[] }[];
    assert.deepEqual([result!.messages.length, result!.suppressedMessages.map((m) => m.suppressions[0]!.kind)], [0, ['baseline']]);
    assert.equal((await cli(['--baseline', 'baseline.json'], dir)).code, 0);
    writeFileSync(path.join(dir, 'bad.json'), ultra.replace('"Premium_LRS"', '"UltraSSD_LRS"'));
    const { code, stdout } = await cli(['--baseline', 'baseline.json', '--format', 'json'], dir);
    assert.equal(code, 1);
    assert.equal((JSON.parse(stdout) as JsonResult[])[0]!.messages.length, 1);
  });
});

describe('pre-commit style file lists and --changed-since', () => {
  it('a changed parameter file re-lints its template and reports the finding that comes from it', async () => {
    const t = template({
      parameters: { sku: { type: 'string', defaultValue: 'Premium_LRS' } },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })],
    });
    const dir = scratch({
      'main.json': t,
      'main.parameters.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { sku: { value: 'UltraSSD_LRS' } } }),
      'other.json': ultra,
    });
    const { code, stdout } = await cli(['main.parameters.json', '--format', 'json'], dir);
    assert.equal(code, 1);
    const results = JSON.parse(stdout) as JsonResult[];
    assert.deepEqual(results.map((r) => path.basename(r.filePath)).sort(), ['main.json', 'main.parameters.json']);
  });

  it('--changed-since lints only units with changed files', async () => {
    const dir = scratch({ 'a.json': ultra, 'b.json': ultra });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.email=a@b', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=a@b', '-c', 'user.name=t', 'commit', '-qm', 'x');
    writeFileSync(path.join(dir, 'b.json'), ultra.replace('"vm1"', '"vm2"'));
    const { stdout } = await cli(['--changed-since', 'HEAD', '--format', 'json'], dir);
    assert.deepEqual((JSON.parse(stdout) as JsonResult[]).map((r) => path.basename(r.filePath)), ['b.json']);
    assert.equal((await cli(['--changed-since', 'no-such-ref'], dir)).code, 2);
  });

  it('--changed-since from a subdirectory finds its untracked files where they are', async () => {
    const dir = scratch({ 'sub/a.json': ultra });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.email=a@b', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=a@b', '-c', 'user.name=t', 'commit', '-qm', 'x');
    writeFileSync(path.join(dir, 'sub/new.json'), ultra);
    const { code, stdout } = await cli(['--changed-since', 'HEAD', '--format', 'json'], path.join(dir, 'sub'));
    assert.equal(code, 1);
    assert.deepEqual((JSON.parse(stdout) as JsonResult[]).map((r) => path.relative(dir, r.filePath)), [path.join('sub', 'new.json')]);
  });
});
