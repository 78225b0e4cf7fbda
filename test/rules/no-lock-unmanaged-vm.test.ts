import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-lock-unmanaged-vm.js';
import { disk, lock, model, run, s, vm } from './model-builder.js';
import { parameterFile } from '../helpers/lint.js';
import { armCase, BICEP, bicepCase, formatSuite, innerDeployment, tfCase } from './formats.js';
import { bicepResources } from './bicep-source.js';
import { armLock, armVm, armVmStorage, TF_RG, tfLegacyVm, tfLock, tfResource, UNMANAGED_OS } from './sources.js';

const unmanaged = () => vm({ osDisk: disk({ role: 'os', vhdUri: s('https://sa.blob.core.windows.net/vhds/os.vhd') }) });
const MESSAGE = "Microsoft.Compute/virtualMachines 'vm1' has unmanaged disks: Azure Backup can't back it up while this lock covers it";

test('a lock on an unmanaged VM is an error at the lock level', () => {
  const v = unmanaged();
  const l = lock({ scope: 'resource', targetId: v.id! });
  const { reports } = run(rule, model({ vms: [v], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, l.level);
  assert.equal(reports[0]!.message, MESSAGE);
});

test("a lock on the unmanaged VM's resource group is an error", () => {
  const { reports } = run(rule, model({ vms: [unmanaged()], locks: [lock()] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.message, MESSAGE);
});

test('locks on managed VMs pass', () => {
  const v = vm();
  assert.deepEqual(run(rule, model({ vms: [v], locks: [lock(), lock({ scope: 'resource', targetId: v.id! })] })), { reports: [], maybes: [] });
});

const unmanagedVm = () => armVmStorage('vm1', UNMANAGED_OS);
const VHD = '"https://sa.blob.core.windows.net/vhds/os.vhd"';
const vmLock = { ...armLock('vmlock', 'ReadOnly'), scope: "[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]" };

formatSuite('no-lock-unmanaged-vm', [
  armCase('ARM: a resource group lock and an unmanaged VM', { resources: [unmanagedVm(), armLock('lock', 'CanNotDelete')] }, ['"CanNotDelete"']),
  armCase('ARM: a lock scoped to the unmanaged VM', { resources: [unmanagedVm(), vmLock] }, ['"ReadOnly"']),
  armCase('ARM: a managed VM passes', { resources: [armVm('vm1'), armLock('lock', 'CanNotDelete')] }, []),
  armCase('ARM: no lock passes', { resources: [unmanagedVm()] }, []),
  armCase(
    'ARM: lock level from a parameter default',
    { parameters: { level: { type: 'string', defaultValue: 'CanNotDelete' } }, resources: [unmanagedVm(), armLock('lock', "[parameters('level')]")] },
    [`"[parameters('level')]"`],
  ),
  armCase(
    'ARM: both inside a nested deployment, inner scope',
    { resources: [innerDeployment('inner', {}, { resources: [unmanagedVm(), armLock('lock', 'CanNotDelete')] })] },
    ['"CanNotDelete"'],
  ),
  armCase('Bicep v1: lock and unmanaged VM', { metadata: BICEP, resources: [unmanagedVm(), armLock('lock', 'CanNotDelete')] }, ['"CanNotDelete"']),
  armCase(
    'Bicep 2.0: an existing unmanaged VM is no definition',
    { languageVersion: '2.0', metadata: BICEP, resources: { vm: { ...unmanagedVm(), existing: true }, lock: armLock('lock', 'CanNotDelete') } },
    [],
  ),
  armCase('Bicep 2.0: lock and unmanaged VM', { languageVersion: '2.0', metadata: BICEP, resources: { vm: unmanagedVm(), lock: armLock('lock', 'CanNotDelete') } }, ['"CanNotDelete"']),
  tfCase('Terraform: a resource group lock and an unmanaged legacy VM', TF_RG + tfLegacyVm(VHD) + tfLock('"CanNotDelete"'), ['"CanNotDelete"']),
  tfCase(
    'Terraform: a lock scoped to the unmanaged VM',
    tfLegacyVm(VHD) + tfResource('azurerm_management_lock', 'vm', '  name       = "lock"\n  scope      = azurerm_virtual_machine.legacy.id\n  lock_level = "ReadOnly"\n'),
    ['"ReadOnly"'],
  ),
  tfCase('Terraform: count = 0 locks deploy nothing', TF_RG + tfLegacyVm(VHD) + tfLock('"CanNotDelete"', '  count = 0\n'), []),
  armCase(
    'ARM: lock level from the parameter file',
    { parameters: { level: { type: 'string', defaultValue: 'ReadOnly' } }, resources: [unmanagedVm(), armLock('lock', "[parameters('level')]")] },
    [`"[parameters('level')]"`],
    {},
    { 'main.parameters.json': parameterFile({ level: 'CanNotDelete' }) },
  ),
  armCase('ARM: a copy loop of locks shares one level literal: one finding', { resources: [unmanagedVm(), { ...armLock("[concat('lock', copyIndex())]", 'CanNotDelete'), copy: { name: 'locks', count: 2 } }] }, ['"CanNotDelete"']),
  tfCase(
    'Terraform: an unmanaged VM in a local child module, the lock in the root',
    `module "x" {\n  source = "./modules/x"\n}\n\n${TF_RG}${tfLock('"CanNotDelete"')}`,
    ['"CanNotDelete"'],
    {},
    { 'modules/x/main.tf': tfLegacyVm(VHD) },
  ),
  tfCase('Terraform: for_each locks share one level literal: one finding', TF_RG + tfLegacyVm(VHD) + tfLock('"CanNotDelete"', '  for_each = toset(["a", "b"])\n'), ['"CanNotDelete"']),
  tfCase('Terraform: a managed-disk VM passes', TF_RG + tfLegacyVm('null') + tfLock('"CanNotDelete"'), []),
  bicepCase('.bicep: a resource group lock and an unmanaged VM', { resources: [unmanagedVm(), armLock('lock', 'CanNotDelete')] }, ["'CanNotDelete'"]),
  bicepCase('.bicep: a lock scoped to the unmanaged VM', { resources: [unmanagedVm(), vmLock] }, ["'ReadOnly'"]),
  bicepCase('.bicep: a managed VM passes', { resources: [armVm('vm1'), armLock('lock', 'CanNotDelete')] }, []),
  bicepCase('.bicep: lock level from a parameter default', { declarations: "param level string = 'CanNotDelete'\n", resources: [unmanagedVm(), armLock('lock', "[parameters('level')]")] }, [['level\n', 'properties']]),
  bicepCase(
    '.bicep: lock level from a .bicepparam',
    { declarations: "param level string = 'ReadOnly'\n", resources: [unmanagedVm(), armLock('lock', "[parameters('level')]")] },
    [['level\n', 'properties']],
    {},
    { 'main.bicepparam': "using 'main.bicep'\n\nparam level = 'CanNotDelete'\n" },
  ),
  bicepCase('.bicep: lock level from a variable', { declarations: "var levels = {\n  strict: 'CanNotDelete'\n}\n", resources: [unmanagedVm(), armLock('lock', "[variables('levels').strict]")] }, ['levels.strict']),
  bicepCase('.bicep: a loop of locks shares one level literal: one finding', { resources: [unmanagedVm(), { ...armLock("[concat('lock', copyIndex())]", 'CanNotDelete'), copy: { name: 'locks', count: 2 } }] }, ["'CanNotDelete'"]),
  bicepCase(
    '.bicep: lock level from a conditional expression',
    { declarations: 'param strict bool = true\n', resources: [unmanagedVm(), armLock('lock', "[if(parameters('strict'), 'CanNotDelete', 'ReadOnly')]")] },
    ["'CanNotDelete'"],
  ),
  bicepCase('.bicep: a lock deployed under a false condition is no finding', { declarations: 'param lockIt bool = false\n', resources: [unmanagedVm(), { ...armLock('lock', 'CanNotDelete'), condition: "[parameters('lockIt')]" }] }, []),
  bicepCase(
    '.bicep: lock level passed to a local module that declares the lock',
    { declarations: "module locks './modules/lock.bicep' = {\n  name: 'locks'\n  params: {\n    level: 'CanNotDelete'\n  }\n}\n", resources: [unmanagedVm()] },
    [['modules/lock.bicep', 'level\n', 'properties']],
    {},
    { 'modules/lock.bicep': `param level string\n\n${bicepResources([armLock('lock', "[parameters('level')]")])}` },
  ),
]);
