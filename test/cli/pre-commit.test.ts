import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT, scratch } from '../helpers/cli.js';
import { CHANGES, CLEAN_TREE } from '../helpers/changed-tree.js';
import { dataDisk, template, vm } from '../helpers/lint.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

/** An Ultra disk its team accepted, with the reason in the directive. */
const SUPPRESSED = template({ resources: [vm('logs', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] }).replace(
  /^(\s*)"managedDisk": \{\s*"storageAccountType": "UltraSSD_LRS"\s*\}/m,
  '$1// eslint-disable-next-line azure-backup/no-ultra-ssd -- log disk, rebuilt from snapshots\n$1"managedDisk": { "storageAccountType": "UltraSSD_LRS" }',
);

/** A VM from a Marketplace plan: a warning, which must not fail the commit but must be seen. */
const WARNING_ONLY = template({ resources: [vm('appliance', {}, { plan: { name: 'byol', publisher: 'fortinet', product: 'fortinet_fortigate-vm_v5' } })] });

/**
 * The real pre-commit framework (Debian's package; CI installs it) runs this repository's hook
 * definition: it installs the package with npm and calls the hook with the changed file names.
 * Each change alone must fail or pass as linting the whole tree would say about it.
 */
it('pre-commit fails each change that brings an error, wherever the error shows, and passes the others', { skip: hasPreCommit ? false : 'pre-commit is not installed', timeout: 900_000 }, () => {
  const dir = scratch({ ...CLEAN_TREE, 'package.json': '{"name": "not-a-template"}' });
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'clean');
  const env = { ...process.env, PRE_COMMIT_HOME: path.join(dir, '.pre-commit-home'), NO_COLOR: '1' };
  const cases = [
    ...CHANGES,
    { name: 'a suppressed error', file: 'infra/logs.json', text: SUPPRESSED, finding: undefined },
    { name: 'a new template with an error', file: 'infra/bad.json', text: SUPPRESSED.replace(/^\s*\/\/ eslint-disable-next-line.*\n/m, ''), finding: ['azure-backup/no-ultra-ssd', 'infra/bad.json'] as [string, string] },
    { name: 'a new template with a warning', file: 'infra/appliance.json', text: WARNING_ONLY, finding: undefined, warning: ['azure-backup/marketplace-plan-restore', 'infra/appliance.json'] as [string, string] },
  ];
  for (const change of cases) {
    writeFileSync(path.join(dir, change.file), change.text);
    git('add', change.file);
    // No --verbose, as users run it: what a passing run shows comes from the hook definition.
    const run = spawnSync('pre-commit', ['try-repo', REPO_ROOT, 'azure-backup-lint', '--files', change.file], { cwd: dir, encoding: 'utf8', env });
    const output = run.stdout + run.stderr;
    if (change.finding) {
      assert.equal(run.status, 1, `${change.name}\n${output}`);
      const [rule, file] = change.finding;
      assert.match(run.stdout, new RegExp(`${file.replace(/[./]/g, '\\$&')}\\n(\\s+\\d+:\\d+.*\\n)*\\s+\\d+:\\d+\\s+error\\s+.*${rule}`), `${change.name}\n${output}`);
    } else {
      assert.equal(run.status, 0, `${change.name}\n${output}`);
      // A file the hook does not take (README.md) is skipped: that passes the commit too.
      assert.match(run.stdout, /Passed|no files to check/);
      if ('warning' in change) {
        const [rule, file] = change.warning;
        assert.match(run.stdout, new RegExp(`${file.replace(/[./]/g, '\\$&')}\\n\\s+\\d+:\\d+\\s+warning\\s+.*${rule}`), `${change.name}\n${output}`);
      }
    }
    git('reset', '-q', '--hard');
    git('clean', '-qfd', '-e', '.pre-commit-home');
  }
});
