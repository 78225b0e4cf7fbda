import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, lintHits, pos } from '../helpers/lint.js';

/**
 * A shared module outside the root module's directory reads a file beside itself through
 * `path.module` (the Azure/sap-hana hdb_node pattern): relative paths start from the root
 * module's directory as in Terraform, and only the project root bounds what is read.
 */
const UNIT = `locals {
  sizes = jsondecode(file("\${path.module}/sizes.json"))
  disks = local.sizes[var.size].disks
}
variable "size" {
  default = "small"
}
resource "azurerm_linux_virtual_machine" "vm" {
  name                  = "vm"
  location              = "westeurope"
  resource_group_name   = "rg"
  size                  = "Standard_M32ts"
  admin_username        = "a"
  network_interface_ids = ["nic"]
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}
resource "azurerm_managed_disk" "d" {
  count                = length(local.disks)
  name                 = local.disks[count.index].name
  location             = "westeurope"
  resource_group_name  = "rg"
  create_option        = "Empty"
  storage_account_type = "Premium_LRS"
  disk_size_gb         = 128
}
resource "azurerm_virtual_machine_data_disk_attachment" "a" {
  count                     = length(local.disks)
  managed_disk_id           = azurerm_managed_disk.d[count.index].id
  virtual_machine_id        = azurerm_linux_virtual_machine.vm.id
  caching                   = "None"
  write_accelerator_enabled = local.disks[count.index].wa
  lun                       = count.index
}
`;
const SIZES = '{"large":{"disks":[{"name":"log","wa":true}]},"small":{"disks":[{"name":"data","wa":false}]}}';

describe('terraform file functions', () => {
  it('lets a module outside the root module directory read beside itself', () => {
    const hits = lintHits({
      'run/sys/main.tf': 'module "hdb" {\n  source = "../../units/hdb"\n  size   = "large"\n}\n',
      'units/hdb/main.tf': UNIT,
      'units/hdb/sizes.json': SIZES,
    });
    assert.deepEqual(hits.filter((h) => h.rule === null), []);
    // Only the call with size "large" has a Write Accelerator disk; the unit on its own has "small".
    assert.deepEqual(at(hits, 'write-accelerator'), [`units/hdb/main.tf:${pos(UNIT, 'local.disks[count.index].wa')}`]);
  });

  it('reports a read outside the project at the call; a missing file, a directory or one in a home directory is just unknown', () => {
    const main = `resource "azurerm_recovery_services_vault" "v" {
  name                = file("../../etc/name.txt")
  location            = file("~/location.txt")
  resource_group_name = try(file(""), file("\${path.module}/missing.txt"))
  sku                 = "Standard"
}
`;
    const hits = lintHits({ 'main.tf': main });
    assert.deepEqual(
      hits.filter((h) => h.rule === null).map((h) => `${h.line}:${h.column} ${h.message}`),
      [
        `${pos(main, 'file("../')} File "../../etc/name.txt" is not read: outside the project root; what depends on it is unknown`,
      ],
    );
  });
});
