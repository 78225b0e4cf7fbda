import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './util.js';

/** Module trees the generated corpus repeats: the Terraform example and the HCL test fixtures. */
function sources(): { dir: string; files?: string[] }[] {
  const out: { dir: string; files?: string[] }[] = [];
  const example = path.join(REPO_ROOT, 'examples/terraform');
  out.push({ dir: example });
  const hcl = path.join(REPO_ROOT, 'test/fixtures/hcl');
  for (const name of safeList(hcl).filter((n) => n.endsWith('.tf'))) out.push({ dir: hcl, files: [name] });
  const tf = path.join(REPO_ROOT, 'test/fixtures/terraform');
  for (const name of safeList(tf)) if (statSync(path.join(tf, name)).isDirectory()) out.push({ dir: path.join(tf, name) });
  return out;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function countTf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.tf')).length;
}

/**
 * Copies the sources round-robin into `target/mNNNN/` until it holds `count` `.tf` files; returns
 * the root module directories (child modules are copied along and reached through `source`).
 */
export function generateTerraformCorpus(target: string, count: number): string[] {
  const list = sources();
  const roots: string[] = [];
  let total = 0;
  for (let i = 0; total < count; i++) {
    const src = list[i % list.length]!;
    const dest = path.join(target, `m${String(i).padStart(4, '0')}`);
    mkdirSync(dest, { recursive: true });
    if (src.files) for (const f of src.files) cpSync(path.join(src.dir, f), path.join(dest, f));
    else cpSync(src.dir, dest, { recursive: true, filter: (from) => statSync(from).isDirectory() || /\.(tf|tfvars)$/.test(from) });
    total += countTf(dest);
    roots.push(dest);
  }
  return roots;
}

/** Every `.tf` file under `dir`. */
export function tfFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tf'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * One Terraform module of `files` files with `perFile / 5` VMs each (NIC, VM, data disk, its
 * attachment, backup protection: five resources a VM), plus the shared network and vault in
 * `main.tf`: the shape of a large estate kept in one root module.
 */
export function generateLargeModule(target: string, files: number, perFile = 25): void {
  mkdirSync(target, { recursive: true });
  writeFileSync(
    path.join(target, 'main.tf'),
    `variable "location" {
  default = "westeurope"
}

resource "azurerm_resource_group" "main" {
  name     = "rg-estate"
  location = var.location
}

resource "azurerm_virtual_network" "main" {
  name                = "vnet-estate"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  address_space       = ["10.0.0.0/8"]
}

resource "azurerm_subnet" "vms" {
  name                 = "snet-vms"
  resource_group_name  = azurerm_resource_group.main.name
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.1.0.0/16"]
}

resource "azurerm_recovery_services_vault" "main" {
  name                = "rsv-estate"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  sku                 = "Standard"
}

resource "azurerm_backup_policy_vm" "daily" {
  name                = "daily"
  resource_group_name = azurerm_resource_group.main.name
  recovery_vault_name = azurerm_recovery_services_vault.main.name
  backup {
    frequency = "Daily"
    time      = "23:00"
  }
  retention_daily {
    count = 30
  }
}
`,
  );
  for (let f = 0; f < files; f++) {
    const blocks: string[] = [];
    for (let v = 0; v < perFile / 5; v++) {
      const id = `f${f}v${v}`;
      blocks.push(`resource "azurerm_network_interface" "${id}" {
  name                = "nic-${id}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.vms.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine" "${id}" {
  name                  = "vm-${id}"
  location              = azurerm_resource_group.main.location
  resource_group_name   = azurerm_resource_group.main.name
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = [azurerm_network_interface.${id}.id]
  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAA"
  }
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_managed_disk" "${id}" {
  name                 = "disk-${id}"
  location             = azurerm_resource_group.main.location
  resource_group_name  = azurerm_resource_group.main.name
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 128
}

resource "azurerm_virtual_machine_data_disk_attachment" "${id}" {
  managed_disk_id    = azurerm_managed_disk.${id}.id
  virtual_machine_id = azurerm_linux_virtual_machine.${id}.id
  lun                = 0
  caching            = "ReadOnly"
}

resource "azurerm_backup_protected_vm" "${id}" {
  resource_group_name = azurerm_resource_group.main.name
  recovery_vault_name = azurerm_recovery_services_vault.main.name
  source_vm_id        = azurerm_linux_virtual_machine.${id}.id
  backup_policy_id    = azurerm_backup_policy_vm.daily.id
}
`);
    }
    writeFileSync(path.join(target, `vms-${String(f).padStart(4, '0')}.tf`), blocks.join('\n'));
  }
}
