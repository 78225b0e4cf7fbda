import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';
import { REPO_ROOT, scratch } from '../helpers/cli.js';
import { dataDisk, template, vm } from '../helpers/lint.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

/**
 * The real pre-commit framework (Debian's package; CI installs it) runs this repository's
 * hook definition: it installs the package with npm and calls the hook with file names.
 */
it('pre-commit rejects a commit with a bad template and passes a clean one', { skip: hasPreCommit ? false : 'pre-commit is not installed', timeout: 600_000 }, () => {
  const bad = template({ resources: [vm('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] });
  const clean = template({ resources: [vm('vm2', { dataDisks: [dataDisk(0, 'Premium_LRS')] })] });
  const dir = scratch({ 'infra/bad.json': bad, 'infra/clean.json': clean, 'package.json': '{"name": "not-a-template"}' });
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  const env = { ...process.env, PRE_COMMIT_HOME: `${dir}/.pre-commit-home`, NO_COLOR: '1' };
  const tryRepo = (file: string) =>
    spawnSync('pre-commit', ['try-repo', REPO_ROOT, 'azure-backup-lint', '--files', file, '--verbose'], { cwd: dir, encoding: 'utf8', env });
  const rejected = tryRepo('infra/bad.json');
  assert.equal(rejected.status, 1, rejected.stdout + rejected.stderr);
  assert.match(rejected.stdout, /infra\/bad\.json\n\s+\d+:\d+\s+error\s+Disk type 'UltraSSD_LRS' is not supported/);
  assert.match(rejected.stdout, /azure-backup\/no-ultra-ssd/);
  const passed = tryRepo('infra/clean.json');
  assert.equal(passed.status, 0, passed.stdout + passed.stderr);
  assert.match(passed.stdout, /Passed/);
});
