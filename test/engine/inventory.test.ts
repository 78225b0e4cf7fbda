// The inventory lists every VM and scale-set declaration, also those that make no instance: a
// condition that is false, a copy count or Terraform count of 0, inside a nested or linked
// deployment or a module call that makes none. Each at the exact line and column of its type
// (ARM) or labels (Terraform).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintSources } from '../../src/api/lint.js';
import { ProjectFs } from '../../src/kernel/project-fs.js';
import { createLinter, DEFAULT_SETUP } from '../../src/setup.js';
import { at, lintHits, pos, template } from '../helpers/lint.js';
import { BICEP, innerDeployment } from '../rules/formats.js';
import { armVm, armVmStorage } from '../rules/sources.js';

/** `file:line:col name instances` of every inventory entry. */
function inventory(files: Readonly<Record<string, string>>): string[] {
  return lintSources(files, { cwd: '/project' }).inventory.map((e) => `${e.filePath.replace('/project/', '')}:${e.line}:${e.column} ${e.name} ${e.instances}`);
}

/** The type value, where an ARM entry points. */
const VM_TYPE = '"Microsoft.Compute/virtualMachines"';
const SCALE_SET = { type: 'Microsoft.Compute/virtualMachineScaleSets', apiVersion: '2023-09-01', name: 'ss', location: 'westeurope', sku: { name: 'Standard_D2s_v5', capacity: 2 }, properties: {} };
const ULTRA = { osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'UltraSSD_LRS' } } };

/** 1-based `line:col` of the n-th (from 0) occurrence of `needle`. */
function nth(text: string, needle: string, n: number): string {
  let offset = text.indexOf(needle);
  for (let i = 0; i < n; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`'${needle}' #${n} not found`);
  return positionAt(text, offset);
}

function positionAt(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('inventory: declarations that make no instance (ARM and Bicep JSON)', () => {
  it('a VM whose condition is false and a VM with copy count 0, top level', () => {
    const text = template({ resources: [armVm('off', {}, { condition: false }), armVm('none', {}, { copy: { name: 'c', count: 0 } }), armVm('on')] });
    assert.deepEqual(inventory({ 'main.json': text }), [
      `main.json:${nth(text, VM_TYPE, 0)} off 0`,
      `main.json:${nth(text, VM_TYPE, 1)} none 0`,
      `main.json:${nth(text, VM_TYPE, 2)} on 1`,
    ]);
  });

  it('VMs and scale sets inside a nested deployment whose condition is false, outer and inner scope, at any depth', () => {
    const innermost = innerDeployment('deeper', {}, { resources: [SCALE_SET] });
    const inner = { ...innerDeployment('inner', { vmName: 'from-caller' }, { parameters: { vmName: { type: 'string' } }, resources: [armVm("[parameters('vmName')]"), innermost] }), condition: false };
    const outer = { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'outer', condition: "[equals('a', 'b')]", properties: { mode: 'Incremental', template: { resources: [armVm('outer-vm')] } } };
    const text = template({ resources: [inner, outer] });
    assert.deepEqual(inventory({ 'main.json': text }), [
      `main.json:${nth(text, VM_TYPE, 0)} from-caller 0`,
      `main.json:${positionAt(text, text.indexOf('"Microsoft.Compute/virtualMachineScaleSets"'))} ss 0`,
      `main.json:${nth(text, VM_TYPE, 1)} outer-vm 0`,
    ]);
  });

  it('a Bicep module loop over an empty list (languageVersion 1 and 2.0); `existing` VMs are not declarations', () => {
    const module = { ...innerDeployment("[format('vm-{0}', copyIndex())]", { name: "[format('vm-{0}', copyIndex())]" }, { parameters: { name: { type: 'string' } }, resources: [armVm("[parameters('name')]")] }), copy: { name: 'vms', count: "[length(parameters('names'))]" } };
    const v1 = template({ metadata: BICEP, parameters: { names: { type: 'array', defaultValue: [] } }, resources: [module] });
    const existing = { type: 'Microsoft.Compute/virtualMachines', apiVersion: '2023-09-01', name: 'elsewhere', existing: true };
    const v2 = template({ languageVersion: '2.0', metadata: BICEP, parameters: { names: { type: 'array', defaultValue: [] } }, resources: { old: existing, mod: module } });
    // Inside a loop that makes nothing the name depends on copyIndex(): not known.
    assert.deepEqual(inventory({ 'v1.json': v1 }), [`v1.json:${nth(v1, VM_TYPE, 0)} ? 0`]);
    assert.deepEqual(inventory({ 'v2.json': v2 }), [`v2.json:${nth(v2, VM_TYPE, 1)} ? 0`]);
  });

  it('a VM some of whose copies are deployed is listed once, with those copies', () => {
    const text = template({ resources: [armVm("[concat('vm', copyIndex())]", {}, { condition: '[greater(copyIndex(), 0)]', copy: { name: 'c', count: 3 } })] });
    assert.deepEqual(inventory({ 'main.json': text }), [`main.json:${nth(text, VM_TYPE, 0)} vm1 2`]);
  });

  it('a linked template deployed only under a false condition: listed with 0 instances, not linted alone', () => {
    const linked = template({ parameters: { name: { type: 'string', defaultValue: 'linked-vm' } }, resources: [armVmStorage("[parameters('name')]", ULTRA)] });
    const call = (condition: boolean) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'l', condition, properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/vm.json' }, parameters: { name: { value: 'passed' } } } });
    const files = { 'main.json': template({ resources: [call(false)] }), 'nested/vm.json': linked };
    assert.deepEqual(inventory(files), [`nested/vm.json:${nth(linked, VM_TYPE, 0)} passed 0`]);
    assert.deepEqual(at(lintHits(files), 'no-ultra-ssd'), []);
    // Reached from a caller that deploys it too, it is listed as deployed.
    const both = { ...files, 'other.json': template({ resources: [call(true)] }) };
    assert.deepEqual(inventory(both), [`nested/vm.json:${nth(linked, VM_TYPE, 0)} passed 1`]);
    assert.deepEqual(at(lintHits(both), 'no-ultra-ssd'), [`nested/vm.json:${pos(linked, '"UltraSSD_LRS"')}`]);
  });

  it('a linked template by the quickstart URI convention, deployed only under a false condition', () => {
    const linked = template({ resources: [armVm('by-uri')] });
    const call = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'l',
      condition: "[equals(parameters('mode'), 'new')]",
      properties: { mode: 'Incremental', templateLink: { uri: "[uri(parameters('_artifactsLocation'), concat('nested/vm.json', parameters('_artifactsLocationSasToken')))]" } },
    };
    const main = template({
      parameters: { mode: { type: 'string', defaultValue: 'existing' }, _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' }, _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' } },
      resources: [call],
    });
    assert.deepEqual(inventory({ 'main.json': main, 'nested/vm.json': linked }), [`nested/vm.json:${nth(linked, VM_TYPE, 0)} by-uri 0`]);
  });
});

/** A `.bicep` VM named by `name` (an expression), written after `head` (`= if (c)`, `= [for …:`). */
const bicepVmDecl = (symbol: string, name: string, head = '', tail = '') => `resource ${symbol} 'Microsoft.Compute/virtualMachines@2023-09-01' = ${head}{
  name: ${name}
  location: 'westeurope'
  properties: {
    storageProfile: {
      osDisk: {
        createOption: 'FromImage'
        managedDisk: {
          storageAccountType: 'UltraSSD_LRS'
        }
      }
    }
  }
}${tail}
`;
const BICEP_VM_TYPE = "'Microsoft.Compute/virtualMachines@2023-09-01'";

describe('inventory: declarations that make no instance (native .bicep)', () => {
  it('top-level VMs whose condition is false or whose loop runs over an empty list; `existing` VMs are not declarations', () => {
    const main = `param names array = []
${bicepVmDecl('off', "'off'", 'if (false) ')}${bicepVmDecl('none', "'vm-${n}'", '[for n in names: ', ']')}${bicepVmDecl('zero', "'z-${i}'", '[for i in range(0, 0): ', ']')}${bicepVmDecl('some', "'vm${i}'", '[for i in range(0, 3): if (i > 0) ', ']')}resource old 'Microsoft.Compute/virtualMachines@2023-09-01' existing = {
  name: 'elsewhere'
}
`;
    // Inside a loop that makes nothing, the loop variable has no value: the name is not known.
    assert.deepEqual(inventory({ 'main.bicep': main }), [`main.bicep:${nth(main, BICEP_VM_TYPE, 0)} off 0`, `main.bicep:${nth(main, BICEP_VM_TYPE, 1)} ? 0`, `main.bicep:${nth(main, BICEP_VM_TYPE, 2)} ? 0`, `main.bicep:${nth(main, BICEP_VM_TYPE, 3)} vm1 2`]);
    assert.deepEqual(at(lintHits({ 'main.bicep': main }), 'no-ultra-ssd'), [`main.bicep:${pos(main, "'UltraSSD_LRS'", 'resource some')}`]);
  });

  it('VMs and scale sets of a module call whose condition is false, and of the modules it calls, at any depth; never linted, nor alone', () => {
    const vm = `param vmName string\n${bicepVmDecl('vm', 'vmName')}`;
    const outer = `module inner './vm.bicep' = {\n  name: 'inner'\n  params: {\n    vmName: 'deep'\n  }\n}\nresource ss 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' = {\n  name: 'ss'\n  location: 'westeurope'\n}\n`;
    const main = `param deployVm bool = false
module off './modules/vm.bicep' = if (false) {
  name: 'off'
  params: {
    vmName: 'from-caller'
  }
}
module byParam './modules/outer.bicep' = if (deployVm) {
  name: 'byParam'
}
`;
    const files = { 'main.bicep': main, 'modules/vm.bicep': vm, 'modules/outer.bicep': outer };
    // One declaration in vm.bicep, reached twice: listed once, named by the first caller.
    assert.deepEqual(inventory(files), [`modules/outer.bicep:${pos(outer, "'Microsoft.Compute/virtualMachineScaleSets")} ss 0`, `modules/vm.bicep:${nth(vm, BICEP_VM_TYPE, 0)} from-caller 0`]);
    assert.deepEqual(at(lintHits(files), 'no-ultra-ssd'), []);
    // Reached from a call that deploys it too, it is listed as deployed.
    const both = { ...files, 'main.bicep': `${main}module on './modules/vm.bicep' = {\n  name: 'on'\n  params: {\n    vmName: 'deployed'\n  }\n}\n` };
    assert.deepEqual(inventory(both), [`modules/outer.bicep:${pos(outer, "'Microsoft.Compute/virtualMachineScaleSets")} ss 0`, `modules/vm.bicep:${nth(vm, BICEP_VM_TYPE, 0)} deployed 1`]);
  });

  it('a module loop over an empty list, to a .bicep and to a .json module', () => {
    const vm = `param vmName string\n${bicepVmDecl('vm', 'vmName')}`;
    const json = template({ parameters: { vmName: { type: 'string' } }, resources: [armVm("[parameters('vmName')]")] });
    const main = `module none './vm.bicep' = [for i in range(0, 0): {
  name: 'none\${i}'
  params: {
    vmName: 'vm-\${i}'
  }
}]
module fromJson './vm.json' = [for n in []: {
  name: n
  params: {
    vmName: 'fixed'
  }
}]
`;
    assert.deepEqual(inventory({ 'main.bicep': main, 'vm.bicep': vm, 'vm.json': json }), [`vm.bicep:${nth(vm, BICEP_VM_TYPE, 0)} ? 0`, `vm.json:${nth(json, VM_TYPE, 0)} fixed 0`]);
  });

  it('a registry module that only a module call that makes none calls does not make backup unknown', () => {
    const main = `${bicepVmDecl('app', "'app'")}module vms './vms.bicep' = if (false) {\n  name: 'vms'\n}\n`;
    const files = { 'main.bicep': main, 'vms.bicep': "module backup 'br/public:avm/res/recovery-services/vault:0.1.0' = {\n  name: 'backup'\n}\n" };
    assert.deepEqual(at(lintHits(files, { preset: 'all' }), 'require-backup'), [`main.bicep:${pos(main, BICEP_VM_TYPE)}`]);
  });
});

const TF_VM = (name: string, meta = '') => `resource "azurerm_linux_virtual_machine" "${name}" {
${meta}  name                  = "${name}"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = []
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "UltraSSD_LRS"
  }
}
`;

describe('inventory: declarations that make no instance (Terraform)', () => {
  it('count = 0 and an empty for_each, named by their name argument', () => {
    const main = `${TF_VM('none', '  count = 0\n')}${TF_VM('empty', '  for_each = {}\n')}`;
    assert.deepEqual(inventory({ 'main.tf': main }), [`main.tf:${pos(main, '"azurerm_linux_virtual_machine" "none"')} none 0`, `main.tf:${pos(main, '"azurerm_linux_virtual_machine" "empty"')} empty 0`]);
  });

  it('VMs of a module call with count 0, and of the modules it calls, in their own files', () => {
    const child = `variable "name" {}\n${TF_VM('vm').replace('name                  = "vm"', 'name                  = var.name')}module "inner" {\n  source = "../inner"\n}\n`;
    const inner = TF_VM('deep');
    const files = { 'main.tf': 'module "vms" {\n  source = "./modules/vm"\n  count  = 0\n  name   = "from-caller"\n}\n', 'modules/vm/main.tf': child, 'modules/inner/main.tf': inner };
    assert.deepEqual(inventory(files), [
      `modules/inner/main.tf:${pos(inner, '"azurerm_linux_virtual_machine" "deep"')} deep 0`,
      `modules/vm/main.tf:${pos(child, '"azurerm_linux_virtual_machine" "vm"')} from-caller 0`,
    ]);
    // Never deployed: no finding on its literal settings.
    assert.deepEqual(at(lintHits(files), 'no-ultra-ssd'), []);
  });

  it('a remote module that only a module call with count 0 calls deploys nothing: it does not make backup unknown', () => {
    const main = `${TF_VM('app')}module "vms" {\n  source = "./modules/vm"\n  count  = 0\n}\n`;
    const files = { 'main.tf': main, 'modules/vm/main.tf': 'module "backup" {\n  source = "Azure/backup/azurerm"\n}\n' };
    assert.deepEqual(at(lintHits(files, { preset: 'all' }), 'require-backup'), [`main.tf:${pos(main, '"azurerm_linux_virtual_machine" "app"')}`]);
  });

  it('a module call whose instances are not known: one representative instance is listed and linted', () => {
    const child = TF_VM('vm');
    const files = { 'main.tf': 'variable "names" {\n  type = set(string)\n}\nmodule "vms" {\n  source   = "./modules/vm"\n  for_each = var.names\n}\n', 'modules/vm/main.tf': child };
    assert.deepEqual(inventory(files), [`modules/vm/main.tf:${pos(child, '"azurerm_linux_virtual_machine" "vm"')} vm 1`]);
    assert.deepEqual(at(lintHits(files), 'no-ultra-ssd'), [`modules/vm/main.tf:${pos(child, '"UltraSSD_LRS"')}`]);
  });
});

describe('inventory: a linter that does not list VMs', () => {
  it('reports the same messages and no inventory (the ESLint session shows messages only)', () => {
    const fs = ProjectFs.virtual('/project', { 'main.json': template({ resources: [armVmStorage('a', ULTRA)] }) });
    const unit = (withInventory: boolean) => {
      const linter = createLinter(fs, { cwd: '/project' }, DEFAULT_SETUP, withInventory);
      return linter.lintUnit(linter.units.unitsOf('/project/main.json')[0]!);
    };
    const listed = unit(true);
    const unlisted = unit(false);
    assert.equal(listed.inventory.length, 1);
    assert.deepEqual(unlisted.inventory, []);
    assert.ok(listed.messages.size > 0);
    assert.deepEqual(unlisted.messages, listed.messages);
  });
});
