import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idText } from '../../src/kernel/names.js';
import { at, fixture, model, origins, plain, show } from './helpers.js';


describe('terraform → model', () => {
  const files = fixture('mapping');
  const m = model(files);
  const vm = m.vms[0]!;

  it('maps VM literals at their exact places', () => {
    assert.equal(vm.address, 'azurerm_linux_virtual_machine.web');
    assert.equal(at(files, vm.at), 'main.tf:22:10');
    assert.equal(show(files, vm.size), '"Standard_B1s" @ main.tf:26:32');
    assert.equal(show(files, vm.priority), '"Spot" @ main.tf:27:32');
    assert.deepEqual(vm.provisionVMAgent.map((v) => show(files, v)), ['false @ main.tf:28:32']);
    assert.deepEqual(vm.allowExtensionOperations.map((v) => show(files, v)), ['false @ main.tf:29:32']);
    assert.equal(show(files, vm.zones), '["1"] @ main.tf:30:32');
    assert.equal(show(files, vm.osDisk!.storageType), '"Premium_LRS" @ main.tf:34:28');
    assert.equal(show(files, vm.osDisk!.ephemeralOption), '"Local" @ main.tf:36:16');
    assert.equal(at(files, vm.plan), 'main.tf:39:3');
    assert.equal(show(files, vm.image!.sku), '"22_04-lts" @ main.tf:47:17');
    assert.equal(show(files, vm.ultraSSDEnabled), 'true @ main.tf:51:25');
    assert.equal(show(files, vm.osType), '"Linux" @ main.tf:22:10');
    assert.equal(show(files, vm.location), '"westeurope" @ main.tf:24:32');
    assert.deepEqual(origins(files, vm.location), ['resource-attribute azurerm_resource_group.rg @ main.tf:8:14']);
    assert.equal(vm.scaleSet, false);
  });

  it('links 33 attachments from count = var.disk_count to the VM and their disks', () => {
    assert.equal(m.scenario.name, 'terraform.tfvars');
    assert.equal(vm.dataDisks.length, 33);
    assert.equal(at(files, vm.dataDisksAt), 'main.tf:22:10');
    assert.equal(vm.dataDisksOrigin, '33 attachments from count = var.disk_count');
    const first = vm.dataDisks[0]!;
    assert.equal(at(files, first.at), 'main.tf:73:10');
    assert.equal(show(files, first.storageType), '"UltraSSD_LRS" @ main.tf:60:45');
    assert.equal(show(files, first.maxShares), '2 @ main.tf:63:26');
    assert.equal(plain(vm.dataDisks[32]!.lun), 32);
    assert.equal(plain(vm.dataDisks[32]!.storageType), 'Premium_LRS');
    assert.equal(first.managedDisk?.address, 'azurerm_managed_disk.data[0]');
  });

  it('never counts an unattached disk', () => {
    const spare = m.disks.find((d) => d.address === 'azurerm_managed_disk.spare')!;
    assert.equal(spare.attached, false);
    assert.equal(m.disks.filter((d) => d.attached).length, 33);
    assert.ok(vm.dataDisks.every((d) => d.managedDisk !== spare));
  });

  it('links the NIC, with its static allocation', () => {
    assert.equal(vm.networkInterfaces.length, 1);
    const nic = vm.networkInterfaces[0]!;
    assert.equal(nic.attached, true);
    assert.equal(show(files, nic.ipConfigurations[0]!.allocation), '"Static" @ main.tf:17:37');
  });

  it('links the protected item to VM, vault and policy, and the policy to its vault', () => {
    const item = m.protectedItems[0]!;
    assert.equal(item.vm, vm);
    assert.equal(item.vault?.address, 'azurerm_recovery_services_vault.vault');
    assert.equal(item.policy?.address, 'azurerm_backup_policy_vm.daily');
    // The VM's id is known only after apply: its configured name and group, never its address as text.
    assert.equal(show(files, item.sourceVm), 'unknown(a resource id is known only after apply) @ main.tf:110:25');
    assert.equal(idText(item.sourceVm), '/subscriptions/{terraform:provider-subscription:provider.azurerm}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-web');
    assert.deepEqual(vm.protectedBy, [item]);
    assert.equal(show(files, item.vault!.location), '"northeurope" @ main.tf:83:25');
    const policy = m.policies[0]!;
    assert.equal(policy.vault?.address, 'azurerm_recovery_services_vault.vault');
    assert.equal(show(files, policy.schedule.frequency), '"Daily" @ main.tf:95:17');
    assert.deepEqual(policy.schedule.runTimes.map((t) => show(files, t)), ['"23:00" @ main.tf:96:17']);
    assert.deepEqual(policy.retention.map((r) => `${r.unit} ${show(files, r.count)}`), ['daily 10000 @ main.tf:99:13', 'weekly 12 @ main.tf:102:16']);
    assert.equal(show(files, policy.timeZone), '"W. Europe Standard Time" @ main.tf:92:25');
    assert.equal(show(files, policy.policyType), '"V2" @ main.tf:93:25');
  });

  it('maps the lock on the resource group, the diagnostic setting and the extension', () => {
    const lock = m.locks[0]!;
    assert.equal(lock.scope, 'resourceGroup');
    assert.equal(show(files, lock.level), '"CanNotDelete" @ main.tf:117:16');
    assert.equal(plain(lock.targetResourceGroup), 'rg-app');
    assert.equal(vm.diagnosticSettings.length, 1);
    assert.equal(vm.diagnosticSettings[0]!.targetId, vm.id);
    assert.deepEqual(vm.extensions.map((e) => show(files, e.type)), ['"LinuxDiagnostic" @ main.tf:129:26']);
  });
});

describe('terraform → model: legacy VM and scale sets', () => {
  it('maps azurerm_virtual_machine with inline disks and unmanaged VHDs', () => {
    const files = {
      'main.tf': `resource "azurerm_virtual_machine" "old" {
  name                  = "old"
  vm_size               = "Standard_A1"
  network_interface_ids = []
  storage_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2008-R2-SP1"
    version   = "latest"
  }
  storage_os_disk {
    name              = "os"
    create_option     = "FromImage"
    managed_disk_type = "Standard_LRS"
  }
  storage_data_disk {
    name          = "d0"
    lun           = 0
    create_option = "Empty"
    disk_size_gb  = 40000
    vhd_uri       = "https://acct.blob.core.windows.net/vhds/d0.vhd"
  }
  storage_data_disk {
    name              = "d1"
    lun               = 1
    create_option     = "Empty"
    managed_disk_type = "UltraSSD_LRS"
    disk_size_gb      = 64
  }
  os_profile_windows_config {
    provision_vm_agent = false
  }
}
`,
    };
    const vm = model(files).vms[0]!;
    assert.equal(show(files, vm.size), '"Standard_A1" @ main.tf:3:27');
    assert.equal(show(files, vm.osType), '"Windows" @ main.tf:1:10');
    assert.equal(show(files, vm.image!.sku), '"2008-R2-SP1" @ main.tf:8:17');
    assert.equal(show(files, vm.osDisk!.storageType), '"Standard_LRS" @ main.tf:14:25');
    assert.equal(at(files, vm.dataDisksAt), 'main.tf:16:3');
    assert.equal(vm.dataDisksOrigin, '2 storage_data_disk blocks');
    assert.equal(show(files, vm.dataDisks[0]!.vhdUri), '"https://acct.blob.core.windows.net/vhds/d0.vhd" @ main.tf:21:21');
    assert.equal(show(files, vm.dataDisks[0]!.sizeGB), '40000 @ main.tf:20:21');
    assert.equal(show(files, vm.dataDisks[1]!.storageType), '"UltraSSD_LRS" @ main.tf:27:25');
    assert.deepEqual(vm.provisionVMAgent.map((v) => show(files, v)), ['false @ main.tf:31:26']);
  });

  it('maps scale sets as VMs with scaleSet: true', () => {
    const files = {
      'main.tf': `resource "azurerm_linux_virtual_machine_scale_set" "ss" {
  name      = "ss"
  sku       = "Standard_D2s_v5"
  instances = 2
  zones     = ["1", "2"]
  os_disk {
    storage_account_type = "Premium_LRS"
    caching              = "ReadWrite"
  }
  data_disk {
    lun                  = 0
    storage_account_type = "PremiumV2_LRS"
    disk_size_gb         = 10
    caching              = "None"
  }
}
`,
    };
    const vm = model(files).vms[0]!;
    assert.equal(vm.scaleSet, true);
    assert.equal(show(files, vm.size), '"Standard_D2s_v5" @ main.tf:3:15');
    assert.equal(show(files, vm.dataDisks[0]!.storageType), '"PremiumV2_LRS" @ main.tf:12:28');
    assert.equal(show(files, vm.zones), '["1","2"] @ main.tf:5:15');
  });

  it('keeps unknown values unknown: data sources and computed attributes', () => {
    const files = {
      'main.tf': `data "azurerm_resource_group" "rg" {
  name = "existing"
}
resource "azurerm_managed_disk" "d" {
  name                 = "d"
  location             = data.azurerm_resource_group.rg.location
  resource_group_name  = data.azurerm_resource_group.rg.name
  storage_account_type = "Premium_LRS"
}
resource "azurerm_management_lock" "l" {
  name       = "l"
  scope      = data.azurerm_resource_group.rg.id
  lock_level = "ReadOnly"
}
resource "azurerm_recovery_services_vault" "v" {
  name = azurerm_managed_disk.d.disk_iops_read_write
}
`,
    };
    const m = model(files);
    const d = m.disks[0]!;
    assert.equal(show(files, d.location), 'unknown(data.azurerm_resource_group.rg.location is known only after apply) @ main.tf:6:26');
    assert.equal(show(files, d.resourceGroup), '"existing" @ main.tf:7:26');
    assert.equal(m.locks[0]!.scope, 'resourceGroup');
    assert.equal(plain(m.locks[0]!.targetResourceGroup), 'existing');
    assert.equal(show(files, m.vaults[0]!.name), 'unknown(azurerm_managed_disk.d.disk_iops_read_write is known only after apply) @ main.tf:16:10');
  });

  it('links resources named by ARM ids composed from a configured group and name', () => {
    const files = {
      'main.tf': `resource "azurerm_resource_group" "rg" {
  name     = "rg1"
  location = "westeurope"
}
resource "azurerm_windows_virtual_machine" "vm" {
  name                = "vm1"
  resource_group_name = azurerm_resource_group.rg.name
}
resource "azurerm_backup_protected_vm" "by_id" {
  source_vm_id = "\${azurerm_resource_group.rg.id}/providers/Microsoft.Compute/virtualMachines/\${azurerm_windows_virtual_machine.vm.name}"
}
resource "azurerm_backup_protected_vm" "literal" {
  source_vm_id = "/subscriptions/0000/resourceGroups/RG1/providers/Microsoft.Compute/virtualMachines/vm1"
}
resource "azurerm_backup_protected_vm" "other" {
  source_vm_id = "/subscriptions/0000/resourceGroups/rg2/providers/Microsoft.Compute/virtualMachines/vm1"
}
data "azurerm_subscription" "current" {}
resource "azurerm_backup_protected_vm" "subscription_data_source" {
  source_vm_id = "\${data.azurerm_subscription.current.id}/resourceGroups/\${azurerm_resource_group.rg.name}/providers/Microsoft.Compute/virtualMachines/vm1"
}
`,
    };
    const m = model(files);
    assert.deepEqual(m.protectedItems.map((p) => [p.address, p.vm?.address]), [
      ['azurerm_backup_protected_vm.by_id', 'azurerm_windows_virtual_machine.vm'],
      ['azurerm_backup_protected_vm.literal', 'azurerm_windows_virtual_machine.vm'],
      ['azurerm_backup_protected_vm.other', undefined],
      ['azurerm_backup_protected_vm.subscription_data_source', 'azurerm_windows_virtual_machine.vm'],
    ]);
  });
});
