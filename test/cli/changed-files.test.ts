// Hook and --changed-since runs report what the changed files bear on: a finding whose value,
// count or template came from a changed file, wherever it is located; nothing else.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch } from '../helpers/cli.js';
import { CHANGES, CLEAN_TREE } from '../helpers/changed-tree.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null }[];
}

const findings = (dir: string, stdout: string) =>
  (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => `${m.ruleId} ${path.relative(dir, r.filePath)}`));

function committedTree(): string {
  const dir = scratch(CLEAN_TREE);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'clean');
  return dir;
}

describe('changed files follow origins', () => {
  for (const change of CHANGES) {
    it(`${change.name}: named on the command line`, async () => {
      const dir = scratch({ ...CLEAN_TREE, [change.file]: change.text });
      const { code, stdout } = await cli([change.file, '--format', 'json'], dir);
      const expected = change.finding ? [change.finding.join(' ')] : [];
      assert.deepEqual(findings(dir, stdout), expected);
      assert.equal(code, change.finding ? 1 : 0);
    });

    it(`${change.name}: --changed-since`, async () => {
      const dir = committedTree();
      writeFileSync(path.join(dir, change.file), change.text);
      const { code, stdout } = await cli(['--changed-since', 'HEAD', '--format', 'json'], dir);
      assert.deepEqual(findings(dir, stdout), change.finding ? [change.finding.join(' ')] : []);
      assert.equal(code, change.finding ? 1 : 0);
    });
  }

  it('the whole tree after every change holds each finding and the old one', async () => {
    const dir = scratch({ ...CLEAN_TREE, ...Object.fromEntries(CHANGES.map((c) => [c.file, c.text])) });
    const { stdout } = await cli(['.', '--format', 'json'], dir);
    assert.deepEqual(findings(dir, stdout).sort(), [...CHANGES.flatMap((c) => (c.finding ? [c.finding.join(' ')] : [])), 'azure-backup/no-ultra-ssd legacy/old.json'].sort());
  });

  it('a deleted parameter file re-lints its template', async () => {
    const dir = scratch({ ...CLEAN_TREE, 'infra/vm/azuredeploy.json': CLEAN_TREE['infra/vm/azuredeploy.json']!.replace('"defaultValue": 2', '"defaultValue": 40') });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'x');
    git('rm', '-q', 'infra/vm/azuredeploy.parameters.json');
    const { code, stdout } = await cli(['--changed-since', 'HEAD', '--format', 'json'], dir);
    assert.deepEqual(findings(dir, stdout), ['azure-backup/max-data-disks infra/vm/azuredeploy.json']);
    assert.equal(code, 1);
  });
});
