import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, REPO_ROOT, scratch } from '../helpers/cli.js';
import { dataDisk, parameterFile, template, vm } from '../helpers/lint.js';
import { PARALLEL_MIN_FILES } from '../../src/cli/workers.js';

const FORMATS = ['json', 'sarif', 'stylish'] as const;

/** Output of one CLI run per format, written to files as CI does. */
async function outputs(dir: string, paths: readonly string[], concurrency: number): Promise<Record<string, string>> {
  // Outside the linted tree, so that nothing is written into the repository.
  const out = scratch({});
  const args = [...paths, '--concurrency', String(concurrency), ...FORMATS.flatMap((f) => ['--format', f, '--output-file', path.join(out, `${f}.txt`)])];
  const { code, stderr } = await cli(args, dir);
  assert.equal(code, 1, stderr);
  return Object.fromEntries(FORMATS.map((f) => [f, readFileSync(path.join(out, `${f}.txt`), 'utf8')]));
}

/**
 * Enough units to take the parallel path: templates with parameter files and linked templates in
 * `nestedtemplates/`, Terraform modules with child modules, and links that cross sample folders
 * (which the parallel run must notice and lint together).
 */
function multiUnitTree(crossesFolders: (i: number) => boolean = (i) => i % 10 === 0): Record<string, string> {
  const files: Record<string, string> = {};
  const link = (name: string, relativePath: string) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', templateLink: { relativePath }, parameters: { sku: { value: 'UltraSSD_LRS' } } } });
  const linked = template({ parameters: { sku: { type: 'string', defaultValue: 'Premium_LRS' } }, resources: [vm('inner', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })] });
  for (let i = 0; i < 40; i++) {
    const sample = `samples/s${String(i).padStart(2, '0')}`;
    files[`${sample}/azuredeploy.json`] = template({
      parameters: { size: { type: 'string', defaultValue: 'Standard_A0' } },
      resources: [vm(`vm${i}`, { dataDisks: [dataDisk(0, i % 3 ? 'Premium_LRS' : 'UltraSSD_LRS')] }, { properties: { hardwareProfile: { vmSize: "[parameters('size')]" } } }), link('nested', 'nestedtemplates/disk.json'), ...(crossesFolders(i) ? [link('cross', `../s${String(i + 1).padStart(2, '0')}/nestedtemplates/disk.json`)] : [])],
    });
    files[`${sample}/azuredeploy.parameters.json`] = parameterFile({ size: i % 2 ? 'Standard_B1s' : 'Standard_D4s_v5' });
    files[`${sample}/nestedtemplates/disk.json`] = linked;
    files[`tf/m${i}/main.tf`] = `module "vm" {\n  source = "./modules/vm"\n  size   = "Standard_A${i % 4}"\n}\n`;
    files[`tf/m${i}/modules/vm/main.tf`] = 'variable "size" {}\nresource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = var.size\n}\n';
  }
  return files;
}

describe('deterministic output', () => {
  it('is byte-identical at every --concurrency when most groups must merge, in chains and pairs', async () => {
    // s00→s01→s02→s03 chains, pairs and loners: groups merge over several rounds and are renumbered.
    const files = multiUnitTree((i) => i % 5 !== 4 && i % 7 !== 6);
    const dir = scratch(files);
    const one = await outputs(dir, ['.'], 1);
    for (const concurrency of [2, 3, 4, 8]) assert.deepEqual(await outputs(dir, ['.'], concurrency), one, `--concurrency ${concurrency}`);
    const results = JSON.parse(one.json!) as { filePath: string }[];
    assert.equal(new Set(results.map((r) => path.dirname(r.filePath).split(path.sep).slice(-2).join('/'))).size >= 80, true, 'every sample folder and module is in the report');
  });

  it('is byte-identical across runs and across --concurrency 1 and 2 over examples/', async () => {
    const one = await outputs(REPO_ROOT, ['examples'], 1);
    assert.deepEqual(await outputs(REPO_ROOT, ['examples'], 1), one);
    assert.deepEqual(await outputs(REPO_ROOT, ['examples'], 2), one);
  });

  it('is byte-identical across --concurrency 1 and 2 over a tree of many units, links crossing folders', async () => {
    const files = multiUnitTree();
    assert.ok(Object.keys(files).length >= PARALLEL_MIN_FILES, 'large enough for the parallel path');
    const dir = scratch(files);
    const one = await outputs(dir, ['.'], 1);
    assert.deepEqual(await outputs(dir, ['.'], 2), one);
    assert.deepEqual(await outputs(dir, ['.'], 1), one);
    // The cross-folder link reached s01's nested template: its finding names the caller's value.
    const results = JSON.parse(one.json!) as { filePath: string; messages: { ruleId: string | null }[] }[];
    assert.ok(results.some((r) => r.filePath.endsWith('s01/nestedtemplates/disk.json') && r.messages.some((m) => m.ruleId === 'azure-backup/no-ultra-ssd')));
  });
});
