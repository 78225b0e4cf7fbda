import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idText } from '../../src/kernel/names.js';
import { at, model, plain, show } from './helpers.js';

const RG = `
resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_resource_group" "other" {
  name     = "rg-other"
  location = "westeurope"
}

resource "azurerm_resource_group" "unnamed" {
  name     = var.rg
  location = "westeurope"
}

variable "rg" {}

resource "azurerm_managed_disk" "a" {
  name = "a"
}

resource "azurerm_managed_disk" "b" {
  name = "b"
}
`;

/** The vault's `name` set to `expr`, next to the resources above (`provider` blocks in `extra`). */
function vaultName(expr: string, extra = '') {
  const files = { 'main.tf': `${RG}${extra}\nresource "azurerm_recovery_services_vault" "v" {\n  name = ${expr}\n}\n` };
  return { files, value: model(files).vaults[0]!.name };
}

describe('resource attribute references are symbols (Terraform knows them only after apply)', () => {
  it('split() of a resource group id gives its configured name, at the call', () => {
    const { files, value } = vaultName('split("/", azurerm_resource_group.rg.id)[4]');
    assert.equal(show(files, value), '"rg-app" @ main.tf:28:10');
    assert.equal(plain(vaultName('split("/", azurerm_resource_group.rg.id)[3]').value), 'resourceGroups');
  });

  it('split() of a resource group id is unknown where the name is, never the address text', () => {
    const { value } = vaultName('split("/", azurerm_resource_group.unnamed.id)[4]');
    // A variable may hold a `/`: even the number of pieces is unknown.
    assert.equal(value.kind, 'unknown');
    assert.equal(idText(value), undefined);
    // The subscription is the provider's: known when it sets subscription_id, else its symbol.
    assert.equal(vaultName('split("/", azurerm_resource_group.rg.id)[2]').value.kind, 'unknown');
    const provider = 'provider "azurerm" {\n  features {}\n  subscription_id = "00000000-0000-0000-0000-000000000001"\n}\n';
    assert.equal(plain(vaultName('split("/", azurerm_resource_group.rg.id)[2]', provider).value), '00000000-0000-0000-0000-000000000001');
  });

  it('an id with no known structure is its address as a symbol, not as text', () => {
    const { files, value } = vaultName('azurerm_managed_disk.a.id');
    assert.equal(show(files, value), 'unknown(azurerm_managed_disk.a.id is known only after apply) @ main.tf:28:10');
    assert.equal(idText(value), '{azurerm_managed_disk.a}');
    assert.equal(vaultName('split("/", azurerm_managed_disk.a.id)[0]').value.kind, 'unknown');
    assert.equal(vaultName('"${azurerm_managed_disk.a.id}/x"').value.kind, 'unknown');
  });

  it('two ids compare equal only when they are the same, unequal only when known parts differ', () => {
    assert.equal(plain(vaultName('azurerm_managed_disk.a.id == azurerm_managed_disk.a.id').value), true);
    assert.equal(vaultName('azurerm_managed_disk.a.id == azurerm_managed_disk.b.id').value.kind, 'unknown');
    assert.equal(vaultName('azurerm_managed_disk.a.id == "azurerm_managed_disk.a"').value.kind, 'unknown');
    assert.equal(plain(vaultName('azurerm_resource_group.rg.id == azurerm_resource_group.other.id').value), false);
    assert.equal(plain(vaultName('azurerm_resource_group.rg.id != azurerm_resource_group.rg.id').value), false);
    assert.equal(vaultName('azurerm_resource_group.rg.id == azurerm_resource_group.unnamed.id').value.kind, 'unknown');
  });

  it('an azurerm VM, disk, NIC, availability set or vault id is built from its name and group', () => {
    const disk = 'resource "azurerm_managed_disk" "c" {\n  name                = "disk-c"\n  resource_group_name = azurerm_resource_group.rg.name\n}\n';
    assert.equal(plain(vaultName('split("/", azurerm_managed_disk.c.id)[8]', disk).value), 'disk-c');
    assert.equal(plain(vaultName('split("/", azurerm_managed_disk.c.id)[6]', disk).value), 'Microsoft.Compute');
    assert.equal(idText(vaultName('azurerm_managed_disk.c.id', disk).value), '/subscriptions/{terraform:provider-subscription:provider.azurerm}/resourceGroups/rg-app/providers/Microsoft.Compute/disks/disk-c');
  });

  it('other attributes known only after apply are one value each', () => {
    assert.equal(plain(vaultName('azurerm_managed_disk.a.disk_iops_read_write == azurerm_managed_disk.a.disk_iops_read_write').value), true);
    assert.equal(vaultName('azurerm_managed_disk.a.disk_iops_read_write == azurerm_managed_disk.b.disk_iops_read_write').value.kind, 'unknown');
    assert.equal(idText(vaultName('"x-${azurerm_managed_disk.a.disk_iops_read_write}"').value), 'x-{azurerm_managed_disk.a.disk_iops_read_write}');
  });

  it('links an id composed from a resource group id whose name is a variable', () => {
    const files = {
      'main.tf': `variable "rg" {}

resource "azurerm_resource_group" "rg" {
  name     = var.rg
  location = "westeurope"
}

resource "azurerm_linux_virtual_machine" "vm" {
  name                = "vm-app"
  resource_group_name = azurerm_resource_group.rg.name
  location            = "westeurope"
  size                = "Standard_D2s_v5"
}

resource "azurerm_management_lock" "vm" {
  name       = "lock"
  scope      = "\${azurerm_resource_group.rg.id}/providers/Microsoft.Compute/virtualMachines/\${azurerm_linux_virtual_machine.vm.name}"
  lock_level = "CanNotDelete"
}

resource "azurerm_monitor_diagnostic_setting" "vm" {
  name               = "diag"
  target_resource_id = azurerm_linux_virtual_machine.vm.id
}
`,
    };
    const m = model(files);
    const lock = m.locks[0]!;
    assert.equal(at(files, lock.at), 'main.tf:15:10');
    assert.equal(lock.scope, 'resource');
    assert.equal(lock.targetId, m.vms[0]!.id);
    assert.equal(m.vms[0]!.diagnosticSettings.length, 1);
  });
});
