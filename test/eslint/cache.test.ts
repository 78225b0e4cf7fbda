// What the README says about `eslint --cache`: ESLint caches per file, so a finding whose value
// changed only in terraform.tfvars is missed; a separate run without --cache finds it, and the
// cached run keeps its cache when it lives outside the default .eslintcache.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/cli.js';
import { HCL } from './fixtures-hcl.js';
import { eslintProject } from './temp.js';

const MAIN = `${HCL['no-ultra-ssd']!.valid.replace('"Premium_LRS"\n  disk_size_gb', 'var.disk_type\n  disk_size_gb')}
variable "disk_type" {
  type = string
}
`;
const ESLINT_BIN = path.join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js');

describe('eslint --cache and a unit that spans files', () => {
  let project: ReturnType<typeof eslintProject> | undefined;
  afterEach(() => project?.remove());

  /** Runs ESLint's command line in the project, as a user does. */
  function eslint(...args: string[]): { status: number | null; stdout: string } {
    const run = spawnSync(process.execPath, [ESLINT_BIN, ...args], { cwd: project!.dir, encoding: 'utf8', timeout: 30_000 });
    assert.ok(run.status === 0 || run.status === 1, `eslint ${args.join(' ')}: ${run.status}\n${run.stdout}${run.stderr}`);
    return { status: run.status, stdout: run.stdout };
  }

  const setDiskType = (value: string) => writeFileSync(path.join(project!.dir, 'infra/terraform.tfvars'), `disk_type = "${value}"\n`);

  for (const strategy of ['metadata', 'content']) {
    it(`--cache-strategy ${strategy} misses a finding whose value changed only in terraform.tfvars`, () => {
      project = eslintProject({ 'infra/main.tf': MAIN, 'infra/terraform.tfvars': 'disk_type = "Premium_LRS"\n' });
      const cached = ['--cache', '--cache-strategy', strategy, 'infra/'];
      assert.equal(eslint(...cached).status, 0);
      setDiskType('UltraSSD_LRS');
      assert.equal(eslint(...cached).status, 0, 'the cached clean result of main.tf is reused');
      const fresh = eslint('infra/');
      assert.equal(fresh.status, 1);
      assert.match(fresh.stdout, /azure-backup\/no-ultra-ssd/);
    });
  }

  it("the README's split: infrastructure without --cache, the rest cached outside .eslintcache", () => {
    project = eslintProject({ 'infra/main.tf': MAIN, 'infra/terraform.tfvars': 'disk_type = "Premium_LRS"\n', 'src/app.js': 'export const app = 1;\n' });
    const defaultCache = path.join(project.dir, '.eslintcache');
    eslint('--cache', '--ignore-pattern', 'infra/**', '.');
    assert.ok(existsSync(defaultCache));
    eslint('infra/');
    assert.ok(!existsSync(defaultCache), 'a run without --cache deletes the default .eslintcache');

    const cacheDir = path.join(project.dir, 'node_modules/.cache/eslint');
    const cachedRun = ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '--ignore-pattern', 'infra/**', '.'];
    assert.equal(eslint(...cachedRun).status, 0);
    assert.equal(eslint('infra/').status, 0);
    setDiskType('UltraSSD_LRS');
    assert.equal(eslint(...cachedRun).status, 0);
    const infra = eslint('infra/');
    assert.equal(infra.status, 1);
    assert.match(infra.stdout, /azure-backup\/no-ultra-ssd/);
    assert.equal(readdirSync(cacheDir).length, 1, 'the cached run keeps its own cache file');
  });
});
