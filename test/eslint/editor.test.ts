// ESLint#lintText as an editor uses it: the buffer replaces the file's disk copy, its neighbours
// (parameter files, tfvars) come from disk, and an edited neighbour re-lints its consumers.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';
import { parameterFile, pos, template, vm } from '../helpers/lint.js';
import { linuxVm } from './fixtures-hcl.js';
import { tempProject } from './temp.js';

function eslintIn(cwd: string): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended as ESLint.Options['overrideConfig'] });
}

async function lintText(eslint: ESLint, file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: file });
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
}

describe('lintText on an ARM template with a parameter file on disk', () => {
  const disk = (sku: string) => ({ lun: 0, createOption: 'Empty', diskSizeGB: 64, managedDisk: { storageAccountType: sku } });
  const body = (sku: string) => template({ parameters: { diskSku: { type: 'string' } }, resources: [vm('vm1', { dataDisks: [disk(sku)] })] });
  const saved = body('Premium_LRS');
  const edited = body("[parameters('diskSku')]");
  let project: ReturnType<typeof tempProject>;
  let eslint: ESLint;
  let templatePath: string;
  let paramsPath: string;

  before(() => {
    project = tempProject({ 'azuredeploy.json': saved, 'azuredeploy.parameters.json': parameterFile({ diskSku: 'UltraSSD_LRS' }) });
    eslint = eslintIn(project.dir);
    templatePath = path.join(project.dir, 'azuredeploy.json');
    paramsPath = path.join(project.dir, 'azuredeploy.parameters.json');
  });
  after(() => project.remove());

  const finding = (sku: string) =>
    `${pos(edited, `"[parameters('diskSku')]"`)} azure-backup/no-ultra-ssd Disk type '${sku}' cannot be backed up by Azure Backup; VMs with it cannot be protected (value from parameter 'diskSku' in azuredeploy.parameters.json).`;

  it('the saved file has no finding', async () => {
    assert.deepEqual(await lintText(eslint, templatePath, saved), []);
  });

  it('an unsaved edit is linted with the value from the parameter file on disk', async () => {
    assert.deepEqual(await lintText(eslint, templatePath, edited), [finding('UltraSSD_LRS')]);
  });

  it('undoing the edit clears the finding (the warm cache follows the buffer)', async () => {
    assert.deepEqual(await lintText(eslint, templatePath, saved), []);
    assert.deepEqual(await lintText(eslint, templatePath, edited), [finding('UltraSSD_LRS')]);
  });

  it('editing the parameter file re-lints the template on its next lint; the parameter file has no findings itself', async () => {
    assert.deepEqual(await lintText(eslint, paramsPath, parameterFile({ diskSku: 'StandardSSD_LRS' })), []);
    assert.deepEqual(await lintText(eslint, templatePath, edited), []);
    assert.deepEqual(await lintText(eslint, paramsPath, parameterFile({ diskSku: 'UltraSSD_LRS' })), []);
    assert.deepEqual(await lintText(eslint, templatePath, edited), [finding('UltraSSD_LRS')]);
  });

  it('the matrix edition comes from settings', async () => {
    const eslint2025 = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { settings: { 'azure-backup': { matrix: '2025' } } }] as ESLint.Options['overrideConfig'],
    });
    const [message] = await lintText(eslint2025, templatePath, edited);
    assert.match(message!, /Disk type 'UltraSSD_LRS' needs an Enhanced \(V2\) backup policy, and no protected item in this configuration uses one for this VM \(value from/);
  });
});

describe('lintText on Terraform with tfvars on disk', () => {
  const main = linuxVm(
    {},
    `
variable "disk_type" {
  type    = string
  default = "Premium_LRS"
}

resource "azurerm_managed_disk" "data" {
  name                 = "data"
  location             = azurerm_resource_group.rg.location
  resource_group_name  = azurerm_resource_group.rg.name
  storage_account_type = var.disk_type
  create_option        = "Empty"
  disk_size_gb         = 64
}

resource "azurerm_virtual_machine_data_disk_attachment" "data" {
  managed_disk_id    = azurerm_managed_disk.data.id
  virtual_machine_id = azurerm_linux_virtual_machine.vm.id
  lun                = 0
  caching            = "None"
}
`,
  );
  let project: ReturnType<typeof tempProject>;
  let eslint: ESLint;
  before(() => {
    project = tempProject({ 'main.tf': main, 'terraform.tfvars': 'disk_type = "Premium_LRS"\n' });
    eslint = eslintIn(project.dir);
  });
  after(() => project.remove());

  it('an edited terraform.tfvars buffer has no findings itself, and the module sees it on its next lint', async () => {
    const mainPath = path.join(project.dir, 'main.tf');
    const tfvarsPath = path.join(project.dir, 'terraform.tfvars');
    assert.deepEqual(await lintText(eslint, mainPath, main), []);
    assert.deepEqual(await lintText(eslint, tfvarsPath, 'disk_type = "UltraSSD_LRS"\n'), []);
    assert.deepEqual(await lintText(eslint, mainPath, main), [
      `${pos(main, 'var.disk_type')} azure-backup/no-ultra-ssd Disk type 'UltraSSD_LRS' cannot be backed up by Azure Backup; VMs with it cannot be protected (value from var.disk_type in terraform.tfvars).`,
    ]);
  });
});

describe('lintText on a Bicep module whose caller is on disk', () => {
  const moduleText = (comment: string) => `// ${comment}
param diskSku string

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    hardwareProfile: { vmSize: 'Standard_D4s_v5' }
    storageProfile: {
      dataDisks: [ { lun: 0, createOption: 'Empty', diskSizeGB: 64, managedDisk: { storageAccountType: diskSku } } ]
    }
  }
}
`;
  const caller = (sku: string) => `module vm './vm.bicep' = {
  name: 'vm'
  params: { diskSku: '${sku}' }
}
`;
  let project: ReturnType<typeof tempProject>;
  let eslint: ESLint;
  let modulePath: string;
  let callerPath: string;
  before(() => {
    project = tempProject({ 'main.bicep': caller('UltraSSD_LRS'), 'vm.bicep': moduleText('saved') });
    eslint = eslintIn(project.dir);
    modulePath = path.join(project.dir, 'vm.bicep');
    callerPath = path.join(project.dir, 'main.bicep');
  });
  after(() => project.remove());

  const ultra = async (text: string) => (await lintText(eslint, modulePath, text)).filter((m) => m.includes('no-ultra-ssd'));

  it('keeps showing the value its caller passes while the module is edited, and follows an edit of the caller', async () => {
    const at = pos(moduleText('saved'), 'diskSku }');
    assert.deepEqual((await ultra(moduleText('saved'))).map((m) => m.split(' ')[0]), [at]);
    for (const edit of ['one', 'two', 'three']) assert.deepEqual((await ultra(moduleText(edit))).map((m) => m.split(' ')[0]), [at]);
    assert.deepEqual(await lintText(eslint, callerPath, caller('Premium_LRS')), []);
    assert.deepEqual(await ultra(moduleText('four')), []);
    await lintText(eslint, callerPath, caller('UltraSSD_LRS'));
    assert.deepEqual((await ultra(moduleText('five'))).map((m) => m.split(' ')[0]), [at]);
  });
});
