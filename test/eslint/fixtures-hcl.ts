// One Terraform module (a single main.tf) per rule that violates it, and one that does not.
import type { Fixture } from './fixtures-arm.js';

export interface VmParts {
  readonly size?: string;
  /** Extra attributes and blocks inside the VM resource. */
  readonly body?: string;
  readonly osDisk?: string;
  readonly image?: string;
}

const RG = `resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}
`;

/** A Linux VM in resource group `rg`, with the given parts, followed by other resources. */
export function linuxVm(parts: VmParts = {}, others = ''): string {
  const image =
    parts.image ??
    `  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
`;
  return `${RG}
resource "azurerm_linux_virtual_machine" "vm" {
  name                  = "vm1"
  location              = azurerm_resource_group.rg.location
  resource_group_name   = azurerm_resource_group.rg.name
  size                  = "${parts.size ?? 'Standard_D4s_v5'}"
  admin_username        = "azureuser"
  network_interface_ids = []
${parts.body ?? ''}  os_disk {
    caching              = "ReadWrite"
${parts.osDisk ?? '    storage_account_type = "Premium_LRS"\n'}  }
${image}}
${others}`;
}

const disk = (attrs: string) => `
resource "azurerm_managed_disk" "data" {
  name                 = "data"
  location             = azurerm_resource_group.rg.location
  resource_group_name  = azurerm_resource_group.rg.name
  create_option        = "Empty"
${attrs}}

resource "azurerm_virtual_machine_data_disk_attachment" "data" {
  managed_disk_id    = azurerm_managed_disk.data.id
  virtual_machine_id = azurerm_linux_virtual_machine.vm.id
  lun                = 0
  caching            = "None"
}
`;

const diskVm = (type: string, size = 128, extra = '') => linuxVm({}, disk(`  storage_account_type = "${type}"\n  disk_size_gb         = ${size}\n${extra}`));

const attachments = (count: number) =>
  linuxVm(
    {},
    `
resource "azurerm_managed_disk" "data" {
  count                = ${count}
  name                 = "data-\${count.index}"
  location             = azurerm_resource_group.rg.location
  resource_group_name  = azurerm_resource_group.rg.name
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 64
}

resource "azurerm_virtual_machine_data_disk_attachment" "data" {
  count              = ${count}
  managed_disk_id    = azurerm_managed_disk.data[count.index].id
  virtual_machine_id = azurerm_linux_virtual_machine.vm.id
  lun                = count.index
  caching            = "None"
}
`,
  );

const vault = (location: string) => `
resource "azurerm_recovery_services_vault" "vault" {
  name                = "rsv"
  location            = "${location}"
  resource_group_name = azurerm_resource_group.rg.name
  sku                 = "Standard"
}
`;

const DAILY = `  backup {
    frequency = "Daily"
    time      = "23:00"
  }
  retention_daily {
    count = 30
  }
`;

const policy = (schedule = DAILY, timezone = 'UTC') => `
resource "azurerm_backup_policy_vm" "daily" {
  name                = "daily"
  resource_group_name = azurerm_resource_group.rg.name
  recovery_vault_name = azurerm_recovery_services_vault.vault.name
  timezone            = "${timezone}"
${schedule}}
`;

const PROTECTED = `
resource "azurerm_backup_protected_vm" "vm" {
  resource_group_name = azurerm_resource_group.rg.name
  recovery_vault_name = azurerm_recovery_services_vault.vault.name
  source_vm_id        = azurerm_linux_virtual_machine.vm.id
  backup_policy_id    = azurerm_backup_policy_vm.daily.id
}
`;

const backedUp = (p = policy(), location = 'westeurope') => linuxVm({}, `${vault(location)}${p}${PROTECTED}`);

const lock = (level: string) => `
resource "azurerm_management_lock" "rg" {
  name       = "keep"
  scope      = azurerm_resource_group.rg.id
  lock_level = "${level}"
}
`;

const extension = (publisher: string, type: string) => `
resource "azurerm_virtual_machine_extension" "ext" {
  name                 = "ext"
  virtual_machine_id   = azurerm_linux_virtual_machine.vm.id
  publisher            = "${publisher}"
  type                 = "${type}"
  type_handler_version = "1.0"
}
`;

const nic = (allocation: string) => `${RG}
resource "azurerm_network_interface" "nic" {
  name                = "nic1"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  ip_configuration {
    name                          = "internal"
    private_ip_address_allocation = "${allocation}"
    private_ip_address            = "10.0.1.10"
  }
}
${linuxVm().replace(RG, '').replace('network_interface_ids = []', 'network_interface_ids = [azurerm_network_interface.nic.id]')}`;

/** A legacy `azurerm_virtual_machine` with an unmanaged OS disk (a VHD in a storage account). */
const unmanagedVm = (others = '') => `${RG}
resource "azurerm_virtual_machine" "vm" {
  name                  = "vm1"
  location              = azurerm_resource_group.rg.location
  resource_group_name   = azurerm_resource_group.rg.name
  vm_size               = "Standard_D4s_v5"
  network_interface_ids = []
  storage_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
  storage_os_disk {
    name          = "os"
    vhd_uri       = "https://st.blob.core.windows.net/vhds/os.vhd"
    caching       = "ReadWrite"
    create_option = "FromImage"
  }
  os_profile {
    computer_name  = "vm1"
    admin_username = "azureuser"
  }
  os_profile_linux_config {
    disable_password_authentication = true
  }
}
${others}`;

const image = (publisher: string, offer: string, sku: string) =>
  linuxVm({
    image: `  source_image_reference {
    publisher = "${publisher}"
    offer     = "${offer}"
    sku       = "${sku}"
    version   = "latest"
  }
`,
  });

export const HCL: Readonly<Record<string, Fixture>> = {
  'no-ultra-ssd': { invalid: diskVm('UltraSSD_LRS'), valid: diskVm('Premium_LRS'), at: '"UltraSSD_LRS"' },
  'supported-disk-type': { invalid: diskVm('PremiumV2_LRS'), valid: diskVm('StandardSSD_ZRS'), at: '"PremiumV2_LRS"' },
  'no-shared-disk': { invalid: diskVm('Premium_LRS', 256, '  max_shares           = 2\n'), valid: diskVm('Premium_LRS', 256, '  max_shares           = 1\n'), at: '2', after: 'max_shares' },
  'no-ephemeral-os-disk': {
    invalid: linuxVm({ osDisk: '    storage_account_type = "Standard_LRS"\n    diff_disk_settings {\n      option = "Local"\n    }\n' }),
    valid: linuxVm({ osDisk: '    storage_account_type = "Standard_LRS"\n' }),
    at: '"Local"',
  },
  'max-data-disks': { invalid: attachments(33), valid: attachments(32), at: '"azurerm_linux_virtual_machine"' },
  'max-disk-size': { invalid: diskVm('Premium_LRS', 40000), valid: diskVm('Premium_LRS', 4096), at: '40000' },
  'write-accelerator': {
    invalid: linuxVm({ osDisk: '    storage_account_type      = "Premium_LRS"\n    write_accelerator_enabled = true\n' }),
    valid: linuxVm({ osDisk: '    storage_account_type      = "Premium_LRS"\n    write_accelerator_enabled = false\n' }),
    at: 'true',
    after: 'write_accelerator_enabled',
  },
  'min-vm-size': { invalid: linuxVm({ size: 'Standard_B1ls' }), valid: linuxVm({ size: 'Standard_D2s_v5' }), at: '"Standard_B1ls"' },
  'no-spot-vm': {
    invalid: linuxVm({ body: '  priority              = "Spot"\n  eviction_policy       = "Deallocate"\n' }),
    valid: linuxVm({ body: '  priority              = "Regular"\n' }),
    at: '"Spot"',
  },
  'vm-agent-required': {
    invalid: linuxVm({ body: '  provision_vm_agent    = false\n' }),
    valid: linuxVm({ body: '  provision_vm_agent    = true\n' }),
    at: 'false',
  },
  'marketplace-plan-restore': {
    invalid: linuxVm({ body: '  plan {\n    name      = "byol"\n    product   = "f5-big-ip"\n    publisher = "f5-networks"\n  }\n' }),
    valid: linuxVm(),
    at: 'plan',
  },
  'no-diagnostic-settings': {
    invalid: linuxVm({}, extension('Microsoft.Azure.Diagnostics', 'LinuxDiagnostic')),
    valid: linuxVm({}, extension('Microsoft.Azure.Monitor', 'AzureMonitorLinuxAgent')),
    at: '"LinuxDiagnostic"',
  },
  'supported-os': { invalid: image('CoreOS', 'CoreOS', 'Stable'), valid: image('Canonical', 'ubuntu-24_04-lts', 'server'), at: '"CoreOS"' },
  'no-static-private-ip': { invalid: nic('Static'), valid: nic('Dynamic'), at: '"Static"' },
  'vault-same-region': { invalid: backedUp(policy(), 'eastus'), valid: backedUp(), at: 'azurerm_linux_virtual_machine.vm.id', after: 'source_vm_id' },
  'policy-schedule': {
    invalid: backedUp(policy('  backup {\n    frequency = "Monthly"\n    time      = "23:00"\n  }\n  retention_daily {\n    count = 30\n  }\n')),
    valid: backedUp(),
    at: '"Monthly"',
  },
  'policy-retention': {
    invalid: backedUp(policy('  backup {\n    frequency = "Daily"\n    time      = "23:00"\n  }\n  retention_daily {\n    count = 10000\n  }\n')),
    valid: backedUp(),
    at: '10000',
  },
  'policy-time-zone-dst': { invalid: backedUp(policy(DAILY, 'W. Europe Standard Time')), valid: backedUp(), at: '"W. Europe Standard Time"' },
  'no-resource-group-lock': { invalid: linuxVm({}, lock('CanNotDelete')), valid: linuxVm(), at: '"CanNotDelete"' },
  'no-lock-unmanaged-vm': { invalid: unmanagedVm(lock('ReadOnly')), valid: unmanagedVm(), at: '"ReadOnly"' },
  'encrypted-vm-restore': {
    invalid: linuxVm({}, extension('Microsoft.Azure.Security', 'AzureDiskEncryptionForLinux')),
    valid: linuxVm(),
    at: '"AzureDiskEncryptionForLinux"',
  },
  'unmanaged-disk-restore': { invalid: unmanagedVm(), valid: linuxVm(), at: '"https://st.blob.core.windows.net/vhds/os.vhd"' },
  'availability-set-restore': {
    invalid: linuxVm({ body: '  availability_set_id   = azurerm_availability_set.avset.id\n' }, '\nresource "azurerm_availability_set" "avset" {\n  name                = "avset"\n  location            = azurerm_resource_group.rg.location\n  resource_group_name = azurerm_resource_group.rg.name\n}\n'),
    valid: linuxVm(),
    at: 'azurerm_availability_set.avset.id',
  },
  'zone-pinned-restore': { invalid: linuxVm({ body: '  zone                  = "1"\n' }), valid: linuxVm(), at: '"1"', after: 'zone ' },
  'require-backup': { invalid: linuxVm(), valid: backedUp(), at: '"azurerm_linux_virtual_machine"' },
};
