import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/require-backup.js';
import type { ProtectedItem } from '../../src/azure/model.js';
import { loc, model, param, protect, run, s, symbol, vault, vm } from './model-builder.js';
import { armCase, BICEP, bicepCase, formatSuite, innerDeployment, tfCase } from './formats.js';
import { bicepResources } from './bicep-source.js';
import { armPolicy, armProtected, armVault, armVm, tfPolicy, tfProtected, tfVault, tfVm } from './sources.js';

test('an unprotected VM warns at the VM', () => {
  const protectedVm = vm();
  const item = protect(protectedVm, vault());
  const bare = vm({}, 'vm2');
  const { reports } = run(rule, model({ vms: [protectedVm, bare], protectedItems: [item] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, bare.at);
  assert.equal(
    reports[0]!.message,
    "Microsoft.Compute/virtualMachines 'vm2' is not backed up: no protected item in this configuration protects it",
  );
});

test('a protected item with an unknown VM reference, or a scale set, is no finding', () => {
  const loose: ProtectedItem = {
    kind: 'protectedItem', at: loc(), address: 'item', name: s('item'), location: s('westeurope'),
    resourceGroup: symbol('rg'), subscription: symbol('sub'), sourceVm: param('vmId'),
  };
  assert.deepEqual(run(rule, model({ vms: [vm()], protectedItems: [loose] })), { reports: [], maybes: [] });
  assert.deepEqual(run(rule, model({ vms: [vm({ scaleSet: true })] })), { reports: [], maybes: [] });
});

const ALL = { preset: 'all' } as const;
const MAYBE = { preset: 'all', unknownValues: 'report' } as const;
const linkedByUri = {
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name: 'backup',
  properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/backup.json' } },
};
const VM_TYPE = '"Microsoft.Compute/virtualMachines"';
const TF_VM_TYPE = '"azurerm_linux_virtual_machine"';
const BICEP_VM_TYPE = "'Microsoft.Compute/virtualMachines@";
const backup = (vmName: string) => [armVault('rsv'), armPolicy('rsv', 'daily'), armProtected('rsv', vmName, 'daily')];
const tfBackup = (vmId = 'azurerm_linux_virtual_machine.web.id') => tfVault() + tfPolicy() + tfProtected(vmId);
const azapiItemAction = (method: string, when: string) => `
resource "azapi_resource_action" "protect" {
  type        = "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-10-01"
  resource_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg;web/protectedItems/VM;iaasvmcontainerv2;rg;web"
  method      = "${method}"
  when        = "${when}"
  body = {
    properties = {
      protectedItemType = "Microsoft.Compute/virtualMachines"
      sourceResourceId  = azurerm_linux_virtual_machine.web.id
    }
  }
}
`;

formatSuite('require-backup', [
  armCase('ARM: an unprotected VM, at its type', { resources: [armVm('vm1')] }, [VM_TYPE], ALL),
  armCase('ARM: a protected VM passes', { resources: [armVm('vm1'), ...backup('vm1')] }, [], ALL),
  armCase('ARM: off in the recommended preset', { resources: [armVm('vm1')] }, []),
  armCase(
    'ARM: a copy loop of two VMs, one protected: one finding',
    { resources: [{ ...armVm("[concat('vm', copyIndex())]"), copy: { name: 'vms', count: 2 } }, ...backup('vm0')] },
    [VM_TYPE],
    ALL,
  ),
  armCase('ARM: an unprotected VM in a nested deployment', { resources: [innerDeployment('inner', {}, { resources: [armVm('vm1')] })] }, [[VM_TYPE, '"template"']], ALL),
  armCase('ARM: a VM in a nested deployment protected from the parent', { resources: [innerDeployment('inner', {}, { resources: [armVm('vm1')] }), ...backup('vm1')] }, [], ALL),
  armCase('Bicep v1: an unprotected VM', { metadata: BICEP, resources: [armVm('vm1')] }, [VM_TYPE], ALL),
  armCase('Bicep v1: a protected VM passes', { metadata: BICEP, resources: [armVm('vm1'), ...backup('vm1')] }, [], ALL),
  armCase('Bicep 2.0: an unprotected VM', { languageVersion: '2.0', metadata: BICEP, resources: { web: armVm('vm1') } }, [VM_TYPE], ALL),
  armCase('Bicep 2.0: an existing VM is no definition', { languageVersion: '2.0', metadata: BICEP, resources: { web: { ...armVm('vm1'), existing: true } } }, [], ALL),
  tfCase('Terraform: an unprotected VM, at its type', tfVm(), [TF_VM_TYPE], ALL),
  tfCase('Terraform: a protected VM passes', tfVm() + tfBackup(), [], ALL),
  tfCase(
    'Terraform: for_each of two VMs, one protected: one finding',
    tfVm({ meta: '  for_each = toset(["a", "b"])\n' }) + tfBackup('azurerm_linux_virtual_machine.web["a"].id'),
    [TF_VM_TYPE],
    ALL,
  ),
  tfCase('Terraform: count = 0 deploys nothing', tfVm({ meta: '  count = 0\n' }), [], ALL),
  tfCase('Terraform: protected by an azapi PUT action (as Azure Verified Modules do)', tfVm() + azapiItemAction('PUT', 'apply'), [], ALL),
  tfCase('Terraform: an azapi action that runs at destroy protects nothing', tfVm() + azapiItemAction('PUT', 'destroy'), [TF_VM_TYPE], ALL),
  tfCase('Terraform: an azapi POST action protects nothing', tfVm() + azapiItemAction('POST', 'apply'), [TF_VM_TYPE], ALL),
  armCase('ARM: a template linked by URI may protect the VM: no finding', { resources: [armVm('vm1'), linkedByUri] }, [], ALL),
  {
    ...armCase('ARM: a template linked by URI: a "may be" naming it', { resources: [armVm('vm1'), linkedByUri] }, [VM_TYPE], MAYBE),
    message: /^May be: deployment backup links a template by URI 'https:\/\/example\.com\/backup\.json', which the linter does not read: /,
  },
  tfCase('Terraform: a registry module may protect the VM: no finding', tfVm() + 'module "backup" {\n  source = "Azure/avm-res-recoveryservices-vault/azurerm"\n}\n', [], ALL),
  {
    ...tfCase('Terraform: a registry module: a "may be" naming it', tfVm() + 'module "backup" {\n  source = "Azure/avm-res-recoveryservices-vault/azurerm"\n}\n', [TF_VM_TYPE], MAYBE),
    message: /^May be: module\.backup comes from "Azure\/avm-res-recoveryservices-vault\/azurerm", which the linter does not fetch: /,
  },
  tfCase('Terraform: an unprotected VM in a local child module', 'module "x" {\n  source = "./modules/x"\n}\n', [['modules/x/main.tf', TF_VM_TYPE, '']], ALL, { 'modules/x/main.tf': tfVm() }),
  bicepCase('.bicep: an unprotected VM, at its type', { resources: [armVm('vm1')] }, [BICEP_VM_TYPE], ALL),
  bicepCase('.bicep: a protected VM passes', { resources: [armVm('vm1'), ...backup('vm1')] }, [], ALL),
  bicepCase('.bicep: off in the recommended preset', { resources: [armVm('vm1')] }, []),
  bicepCase(
    '.bicep: the protected VM named by a parameter default passes',
    { declarations: "param vmName string = 'vm1'\n", resources: [armVm("[parameters('vmName')]"), ...backup('vm1')] },
    [],
    ALL,
  ),
  bicepCase(
    '.bicep: a .bicepparam names another VM than the protected one',
    { declarations: "param vmName string = 'vm1'\n", resources: [armVm("[parameters('vmName')]"), ...backup('vm1')] },
    [BICEP_VM_TYPE],
    ALL,
    { 'main.bicepparam': "using 'main.bicep'\n\nparam vmName = 'vm2'\n" },
  ),
  bicepCase('.bicep: a VM named by a variable, protected', { declarations: "var names = {\n  web: 'vm1'\n}\n", resources: [armVm("[variables('names').web]"), ...backup('vm1')] }, [], ALL),
  bicepCase(
    '.bicep: a loop of two VMs, one protected: one finding',
    { resources: [{ ...armVm("[concat('vm', copyIndex())]"), copy: { name: 'vms', count: 2 } }, ...backup('vm0')] },
    [BICEP_VM_TYPE],
    ALL,
  ),
  bicepCase(
    '.bicep: a VM deployed under a false condition is no finding',
    { declarations: 'param deployVm bool = false\n', resources: [{ ...armVm('vm1'), condition: "[parameters('deployVm')]" }] },
    [],
    ALL,
  ),
  bicepCase(
    '.bicep: protection deployed under a false condition protects nothing',
    { declarations: 'param protect bool = false\n', resources: [armVm('vm1'), ...backup('vm1').map((r) => ({ ...r, condition: "[parameters('protect')]" }))] },
    [BICEP_VM_TYPE],
    ALL,
  ),
  bicepCase('.bicep: an existing VM is no definition', { resources: [{ ...armVm('vm1'), existing: true }] }, [], ALL),
  bicepCase(
    '.bicep: an unprotected VM in a local module, named by its parameter',
    { declarations: "module web './modules/web.bicep' = {\n  name: 'web'\n  params: {\n    vmName: 'vm1'\n  }\n}\n" },
    [['modules/web.bicep', BICEP_VM_TYPE, '']],
    ALL,
    { 'modules/web.bicep': `param vmName string\n\n${bicepResources([armVm("[parameters('vmName')]")])}` },
  ),
  bicepCase(
    '.bicep: a VM in a local module protected from the caller passes',
    { declarations: "module web './modules/web.bicep' = {\n  name: 'web'\n  params: {\n    vmName: 'vm1'\n  }\n}\n", resources: backup('vm1') },
    [],
    ALL,
    { 'modules/web.bicep': `param vmName string\n\n${bicepResources([armVm("[parameters('vmName')]")])}` },
  ),
]);
