import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, fixture, model, plain, show } from './helpers.js';


describe('azapi_resource', () => {
  it('maps ARM bodies through the ARM model builder, linked by ARM-style ids', () => {
    const files = fixture('azapi');
    const m = model(files);
    const vm = m.vms[0]!;
    assert.equal(show(files, vm.size), '"Standard_D2s_v5" @ main.tf:24:36');
    assert.equal(at(files, vm.at), 'main.tf:18:15');
    assert.equal(m.disks[0]!.attached, true);
    assert.equal(show(files, vm.dataDisks[0]!.storageType), '"UltraSSD_LRS" @ main.tf:12:27');
    assert.equal(plain(m.vaults[0]!.location), 'northeurope');
    assert.equal(vm.protectedBy.length, 1);
    assert.equal(vm.protectedBy[0]!.vault, m.vaults[0]);
    assert.equal(plain(vm.resourceGroup), 'rg-azapi');
  });
});

describe('azapi protected items for azurerm VMs', () => {
  // The shape of Azure Verified Modules' backup submodule: a PUT action creates the item, an
  // update manages it, a destroy-time action removes it.
  const item = (kind: string, extra: string) => `
resource "${kind}" "${kind === 'azapi_update_resource' ? 'manage' : extra.includes('destroy') ? 'remove' : 'create'}" {
  type        = "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2024-10-01"
  resource_id = local.item_id
${extra}
  body = {
    properties = {
      sourceResourceId = azurerm_windows_virtual_machine.vm.id
      policyId         = "\${azapi_resource.vault.id}/backupPolicies/daily"
    }
  }
}
`;
  const files = {
    'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_windows_virtual_machine" "vm" {
  name                = "vm-app"
  resource_group_name = azurerm_resource_group.rg.name
  location            = "westeurope"
  size                = "Standard_D2s_v5"
}

resource "azapi_resource" "vault" {
  type      = "Microsoft.RecoveryServices/vaults@2025-08-01"
  name      = "rsv"
  parent_id = azurerm_resource_group.rg.id
  location  = "northeurope"
  body      = { sku = { name = "Standard" }, properties = {} }
}

locals {
  item_id = "\${azapi_resource.vault.id}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-app/protectedItems/VM;iaasvmcontainerv2;rg-app;vm-app"
}
${item('azapi_resource_action', '  method = "PUT"')}
${item('azapi_update_resource', '')}
${item('azapi_resource_action', '  method = "DELETE"\n  when   = "destroy"')}`,
  };

  it('counts the PUT and the update of one item id as one protected item, linked to the azurerm VM and its vault', () => {
    const m = model(files);
    assert.equal(m.protectedItems.length, 1);
    const protectedItem = m.protectedItems[0]!;
    assert.equal(at(files, protectedItem.at), 'main.tf:27:17');
    assert.equal(m.vms.length, 1);
    assert.deepEqual(m.vms[0]!.protectedBy, [protectedItem]);
    assert.equal(protectedItem.vm, m.vms[0]);
    assert.equal(protectedItem.vault, m.vaults[0]);
    assert.equal(plain(protectedItem.name), 'VM;iaasvmcontainerv2;rg-app;vm-app');
  });
});
