// Terraform fidelity: provider configurations give resources their subscription; azapi and
// azurerm resources link both ways; the legacy scale set is mapped; try() and can() answer as
// Terraform's; modules `terraform init` installed are read. Findings at exact line and column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, lintHits, pos } from '../helpers/lint.js';
import { tfPolicy, tfProtected, tfVault, tfVm } from '../rules/sources.js';
import { evaluate, model, plain, show } from './helpers.js';

const providers = (backupSubscription: string) => `provider "azurerm" {
  features {}
  subscription_id = "11111111-1111-1111-1111-111111111111"
}

provider "azurerm" {
  alias           = "backup"
  features {}
  subscription_id = ${backupSubscription}
}

variable "backup_subscription" {
  type = string
}
`;

const SOURCE = 'azurerm_linux_virtual_machine.web.id';

describe('provider configurations give resources their subscription (vault-same-region)', () => {
  const backup = (subscription: string, vaultProvider = '  provider            = azurerm.backup\n') =>
    providers(subscription) + tfVm() + tfVault(vaultProvider) + tfPolicy({ meta: vaultProvider }) + tfProtected();

  it('a vault through an aliased provider in another subscription fails at the VM reference', () => {
    const main = backup('"22222222-2222-2222-2222-222222222222"');
    assert.deepEqual(at(lintHits({ 'main.tf': main }), 'vault-same-region'), [`main.tf:${pos(main, SOURCE)}`]);
  });

  it('the same subscription, a subscription not known and one provider configuration pass', () => {
    for (const main of [backup('"11111111-1111-1111-1111-111111111111"'), backup('var.backup_subscription'), backup('var.backup_subscription', '')]) {
      assert.deepEqual(at(lintHits({ 'main.tf': main }), 'vault-same-region'), []);
    }
  });

  it('a module gets its caller’s default configuration, or the one its providers map passes', () => {
    const child = tfVault() + tfPolicy() + 'variable "vm_id" {}\n' + tfProtected('var.vm_id');
    const call = (map: string) => `${providers('"22222222-2222-2222-2222-222222222222"')}${tfVm()}module "backup" {\n  source = "./backup"\n${map}  vm_id  = azurerm_linux_virtual_machine.web.id\n}\n`;
    const inherited = { 'main.tf': call(''), 'backup/main.tf': child };
    assert.deepEqual(at(lintHits(inherited), 'vault-same-region'), []);
    const passed = { 'main.tf': call('  providers = {\n    azurerm = azurerm.backup\n  }\n'), 'backup/main.tf': child };
    assert.deepEqual(at(lintHits(passed), 'vault-same-region'), [`backup/main.tf:${pos(child, 'var.vm_id', 'source_vm_id')}`]);
    const m = model(passed);
    assert.equal(plain(m.vaults[0]!.subscription), '22222222-2222-2222-2222-222222222222');
    assert.equal(plain(m.vms[0]!.subscription), '11111111-1111-1111-1111-111111111111');
  });
});

const RG = `resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}
`;

describe('azapi and azurerm resources link both ways', () => {
  it('an azapi protected item in an azurerm vault with an azurerm policy', () => {
    const main = `${RG}${tfVm()}${tfVault('', '"northeurope"')}${tfPolicy()}
resource "azapi_resource" "item" {
  type      = "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-10-01"
  name      = "vm;iaasvmcontainerv2;rg;vm-web"
  parent_id = "\${azurerm_recovery_services_vault.vault.id}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg;vm-web"
  body = {
    properties = {
      protectedItemType = "Microsoft.Compute/virtualMachines"
      sourceResourceId  = azurerm_linux_virtual_machine.web.id
      policyId          = azurerm_backup_policy_vm.policy.id
    }
  }
}
`;
    const m = model({ 'main.tf': main });
    const item = m.protectedItems[0]!;
    assert.equal(item.vault, m.vaults[0]);
    assert.equal(item.policy, m.policies[0]);
    assert.equal(item.vm, m.vms[0]);
    assert.deepEqual(at(lintHits({ 'main.tf': main }), 'vault-same-region'), [`main.tf:${pos(main, SOURCE, 'sourceResourceId')}`]);
  });

  const AZAPI_VM = `resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-07-01"
  name      = "vm-api"
  parent_id = azurerm_resource_group.rg.id
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = { vmSize = "Standard_D2s_v5" }
      storageProfile  = { osDisk = { createOption = "FromImage", vhd = { uri = "https://sa.blob.core.windows.net/vhds/os.vhd" } } }
    }
  }
}
`;

  it('an azurerm diagnostic setting and an azurerm lock on an azapi VM', () => {
    const main = `${RG}${AZAPI_VM}
resource "azurerm_monitor_diagnostic_setting" "vm" {
  name               = "diag"
  target_resource_id = azapi_resource.vm.id
}

resource "azurerm_management_lock" "vm" {
  name       = "lock"
  scope      = azapi_resource.vm.id
  lock_level = "CanNotDelete"
}
`;
    const hits = lintHits({ 'main.tf': main }, { preset: 'all' });
    assert.deepEqual(at(hits, 'no-diagnostic-settings'), [`main.tf:${pos(main, '"azurerm_monitor_diagnostic_setting" "vm"')}`]);
    assert.deepEqual(at(hits, 'no-lock-unmanaged-vm'), [`main.tf:${pos(main, '"CanNotDelete"')}`]);
  });

  it('an azapi VM and vault get their subscription from their parent resource group', () => {
    const main = `provider "azurerm" {\n  features {}\n  subscription_id = "11111111-1111-1111-1111-111111111111"\n}\n${RG}${AZAPI_VM}`;
    assert.equal(plain(model({ 'main.tf': main }).vms[0]!.subscription), '11111111-1111-1111-1111-111111111111');
  });
});

describe('the legacy azurerm_virtual_machine_scale_set', () => {
  const main = `resource "azurerm_virtual_machine_scale_set" "legacy" {
  name                = "vmss-legacy"
  location            = "westeurope"
  resource_group_name = "rg"
  upgrade_policy_mode = "Manual"
  priority            = "Low"

  sku {
    name     = "Standard_A1"
    tier     = "Standard"
    capacity = 2
  }

  storage_profile_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }

  storage_profile_os_disk {
    create_option     = "FromImage"
    managed_disk_type = "Premium_LRS"
  }

  storage_profile_data_disk {
    lun               = 0
    create_option     = "Empty"
    disk_size_gb      = 64
    managed_disk_type = "Standard_LRS"
  }

  os_profile_windows_config {
    provision_vm_agent = false
  }
}
`;

  it('is mapped like the other scale sets: size, disks, image, OS, agent', () => {
    const vm = model({ 'main.tf': main }).vms[0]!;
    assert.equal(vm.scaleSet, true);
    assert.equal(plain(vm.size), 'Standard_A1');
    assert.equal(plain(vm.osDisk!.storageType), 'Premium_LRS');
    assert.deepEqual(vm.dataDisks.map((d) => [plain(d.storageType), plain(d.sizeGB)]), [['Standard_LRS', 64]]);
    assert.equal(plain(vm.image!.offer), '0001-com-ubuntu-server-jammy');
    assert.equal(plain(vm.osType), 'Windows');
    assert.deepEqual(vm.provisionVMAgent.map(plain), [false]);
  });

  it('an unmanaged OS disk (vhd_containers) is unmanaged', () => {
    const unmanaged = main.replace('    managed_disk_type = "Premium_LRS"\n', '    name              = "os"\n    vhd_containers    = ["https://sa.blob.core.windows.net/vhds"]\n');
    assert.equal(model({ 'main.tf': unmanaged }).vms[0]!.osDisk!.vhdUri !== undefined, true);
  });
});

describe('try() and can() as Terraform evaluates them', () => {
  const settings = (value: string, expr: string) => `variable "vm" {
  type = object({
    os_disk = optional(object({
      storage_account_type = optional(string)
    }))
    name = string
  })
  default = ${value}
}

resource "azurerm_managed_disk" "d" {
  name                 = "d"
  resource_group_name  = "rg"
  location             = "westeurope"
  create_option        = "Empty"
  storage_account_type = ${expr}
}
`;
  const sku = (value: string, expr: string) => model({ 'main.tf': settings(value, expr) }).disks[0]!.sku;

  it('an optional attribute left out is null; reading through it fails over to the fallback', () => {
    assert.equal(plain(sku('{ name = "a" }', 'try(var.vm.os_disk.storage_account_type, "Premium_LRS")')), 'Premium_LRS');
    assert.equal(plain(sku('{ name = "a", os_disk = {} }', 'try(var.vm.os_disk.storage_account_type, "Premium_LRS")')), null);
    assert.equal(plain(sku('{ name = "a", os_disk = { storage_account_type = "UltraSSD_LRS" } }', 'try(var.vm.os_disk.storage_account_type, null)')), 'UltraSSD_LRS');
  });

  it('an attribute an object lacks fails the argument, deep inside a list or object too; can() says so', () => {
    assert.equal(plain(sku('{ name = "a" }', 'try([var.vm.missing][0], "StandardSSD_LRS")')), 'StandardSSD_LRS');
    assert.equal(plain(sku('{ name = "a" }', 'can({ x = var.vm.os_disk.storage_account_type }) ? "Premium_LRS" : "Standard_LRS"')), 'Standard_LRS');
    assert.equal(plain(sku('{ name = "a", os_disk = {} }', 'can(var.vm.os_disk.storage_account_type) ? "Premium_LRS" : "Standard_LRS"')), 'Premium_LRS');
  });

  it('a value not known yet is the answer, unknown, not the fallback', () => {
    const files = { 'main.tf': settings('null', 'try(var.vm.os_disk.storage_account_type, "Premium_LRS")').replace('  default = null\n', '') };
    assert.equal(model(files).disks[0]!.sku.kind, 'unknown');
    const can = { 'main.tf': settings('null', 'can(var.vm.os_disk) ? "Premium_LRS" : "Standard_LRS"').replace('  default = null\n', '') };
    assert.equal(model(can).disks[0]!.sku.kind, 'unknown');
  });
});

describe('modules terraform init installed', () => {
  const remote = tfVm().replace('"Premium_LRS"', '"UltraSSD_LRS"');
  const main = 'module "vm" {\n  source  = "Azure/avm-res-compute-virtualmachine/azurerm"\n  version = "0.19.0"\n}\n';
  const manifest = (dir: string) => JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vm', Source: 'registry.terraform.io/Azure/avm-res-compute-virtualmachine/azurerm', Version: '0.19.0', Dir: dir }] });

  it('are read where the manifest puts them, with their values at their own lines', () => {
    const files = { 'main.tf': main, '.terraform/modules/modules.json': manifest('.terraform/modules/vm'), '.terraform/modules/vm/main.tf': remote };
    const vm = model(files).vms[0]!;
    assert.equal(vm.address, 'module.vm.azurerm_linux_virtual_machine.web');
    assert.equal(show(files, vm.osDisk!.storageType), `"UltraSSD_LRS" @ .terraform/modules/vm/main.tf:${pos(remote, '"UltraSSD_LRS"')}`);
  });

  it('without a manifest entry, or outside the project root, stay unread', () => {
    assert.equal(model({ 'main.tf': main, '.terraform/modules/vm/main.tf': remote }).vms.length, 0);
    const outside = { 'main.tf': main, '.terraform/modules/modules.json': manifest('../../elsewhere/vm'), '.terraform/modules/vm/main.tf': remote };
    assert.equal(model(outside).vms.length, 0);
  });

  it('a broken or hostile manifest reads as no manifest; one that points back at the root is a cycle', () => {
    for (const text of ['{not json', '{"Modules": 5}', '{"Modules": [null, 1, {"Key": 2, "Dir": []}, {"Key": "vm"}]}', 'null']) {
      assert.equal(model({ 'main.tf': main, '.terraform/modules/modules.json': text, '.terraform/modules/vm/main.tf': remote }).vms.length, 0);
    }
    const self = evaluate({ 'main.tf': main, '.terraform/modules/modules.json': manifest('.') });
    assert.deepEqual(self.diagnostics.map((d) => d.summary), ['Module cycle: "Azure/avm-res-compute-virtualmachine/azurerm" calls a module that is already being evaluated']);
  });

  it('a nested call of an installed module is found by its dotted key', () => {
    const outer = 'module "inner" {\n  source = "Azure/inner/azurerm"\n}\n';
    const nested = JSON.stringify({ Modules: [{ Key: 'vm', Dir: '.terraform/modules/vm' }, { Key: 'vm.inner', Dir: '.terraform/modules/vm.inner' }] });
    const files = { 'main.tf': main, '.terraform/modules/modules.json': nested, '.terraform/modules/vm/main.tf': outer, '.terraform/modules/vm.inner/main.tf': remote };
    assert.equal(model(files).vms[0]!.address, 'module.vm.module.inner.azurerm_linux_virtual_machine.web');
  });
});
