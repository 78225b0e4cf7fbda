// Small ARM resources and Terraform blocks the format-level rule tables are built from.
import { vm as armVmBase } from '../helpers/lint.js';
import { NO_LOOP, type Resource, type TfLoop } from './formats.js';

/** An ARM VM; `props` are merged over its `properties` (hardwareProfile, storageProfile, osProfile…). */
export function armVm(name: string, props: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Resource {
  return armVmBase(name, {}, { ...extra, properties: props });
}

/** An ARM VM whose storage profile gets `storage` (osDisk, dataDisks, copy…). */
export function armVmStorage(name: string, storage: Record<string, unknown>, extra: Record<string, unknown> = {}): Resource {
  return armVmBase(name, storage, extra);
}

export function armDisk(name: string, sku: unknown, properties: Record<string, unknown> = {}): Resource {
  return {
    type: 'Microsoft.Compute/disks',
    apiVersion: '2023-04-02',
    name,
    location: 'westeurope',
    sku: { name: sku },
    properties: { creationData: { createOption: 'Empty' }, diskSizeGB: 128, ...properties },
  };
}

export function attachDisk(lun: number, diskName: string): Record<string, unknown> {
  return { lun, createOption: 'Attach', managedDisk: { id: `[resourceId('Microsoft.Compute/disks', '${diskName}')]` } };
}

export function armNic(name: string, method: unknown): Resource {
  return {
    type: 'Microsoft.Network/networkInterfaces',
    apiVersion: '2023-05-01',
    name,
    location: 'westeurope',
    properties: { ipConfigurations: [{ name: 'ip', properties: { privateIPAllocationMethod: method, privateIPAddress: '10.0.0.4' } }] },
  };
}

export function nicRef(name: string): Record<string, unknown> {
  return { networkProfile: { networkInterfaces: [{ id: `[resourceId('Microsoft.Network/networkInterfaces', '${name}')]` }] } };
}

export function armVault(name: string, location: unknown = 'westeurope', properties: Record<string, unknown> = {}): Resource {
  return { type: 'Microsoft.RecoveryServices/vaults', apiVersion: '2023-04-01', name, location, sku: { name: 'RS0', tier: 'Standard' }, properties };
}

/** An AzureIaasVM policy (V1 shape unless `properties` say otherwise). */
export function armPolicy(vault: string, name: string, properties: Record<string, unknown> = {}): Resource {
  return {
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    apiVersion: '2023-04-01',
    name: `${vault}/${name}`,
    properties: {
      backupManagementType: 'AzureIaasVM',
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2024-01-01T23:00:00Z'] },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: ['2024-01-01T23:00:00Z'], retentionDuration: { count: 30, durationType: 'Days' } },
      },
      timeZone: 'UTC',
      ...properties,
    },
  };
}

export function armProtected(vault: string, vmName: string, policy: string, sourceResourceId: unknown = `[resourceId('Microsoft.Compute/virtualMachines', '${vmName}')]`): Resource {
  const container = `iaasvmcontainer;iaasvmcontainerv2;rg;${vmName}`;
  return {
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
    apiVersion: '2023-04-01',
    name: `${vault}/Azure/${container}/vm;iaasvmcontainerv2;rg;${vmName}`,
    properties: {
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      sourceResourceId,
      policyId: `[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', '${vault}', '${policy}')]`,
    },
  };
}

/** A lock on the deployment's resource group (no `scope`). */
export function armLock(name: string, level: unknown): Resource {
  return { type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name, properties: { level, notes: 'keep' } };
}

export const UNMANAGED_OS = { osDisk: { createOption: 'FromImage', name: 'os', vhd: { uri: 'https://sa.blob.core.windows.net/vhds/os.vhd' } } };

// ---------------------------------------------------------------- Terraform

/** A resource block: `meta` lines first (count/for_each), then the body (already indented). */
export function tfResource(type: string, name: string, body: string, meta = ''): string {
  return `resource "${type}" "${name}" {\n${meta}${body}}\n\n`;
}

export interface TfVmParts {
  readonly name?: string;
  readonly meta?: string;
  readonly size?: string;
  /** Extra lines in the body (indented, newline-terminated). */
  readonly attrs?: string;
  /** Extra lines in os_disk. */
  readonly osDisk?: string;
  readonly storageType?: string;
  readonly image?: string;
  readonly nics?: string;
  readonly location?: string;
}

export function tfVm(p: TfVmParts = {}): string {
  const image = p.image ?? '    publisher = "Canonical"\n    offer     = "0001-com-ubuntu-server-jammy"\n    sku       = "22_04-lts-gen2"\n    version   = "latest"\n';
  return tfResource(
    'azurerm_linux_virtual_machine',
    p.name ?? 'web',
    `  name                  = "vm-web"\n` +
      `  location              = ${p.location ?? '"westeurope"'}\n` +
      `  resource_group_name   = "rg"\n` +
      `  size                  = ${p.size ?? '"Standard_D2s_v3"'}\n` +
      `  admin_username        = "azureuser"\n` +
      `  network_interface_ids = ${p.nics ?? '[]'}\n` +
      (p.attrs ?? '') +
      `  os_disk {\n    caching              = "ReadWrite"\n    storage_account_type = ${p.storageType ?? '"Premium_LRS"'}\n${p.osDisk ?? ''}  }\n` +
      `  source_image_reference {\n${image}  }\n`,
    p.meta ?? '',
  );
}

/** A managed disk attached to `azurerm_linux_virtual_machine.web`, both following `loop`. */
export function tfAttachedDisk(attrs: { type?: string; size?: string; extra?: string }, loop: TfLoop = NO_LOOP, vm = 'azurerm_linux_virtual_machine.web'): string {
  const follow = loop.follow('azurerm_managed_disk.data');
  return (
    tfResource(
      'azurerm_managed_disk',
      'data',
      `  name                 = "data"\n  location             = "westeurope"\n  resource_group_name  = "rg"\n  storage_account_type = ${attrs.type ?? '"Premium_LRS"'}\n  create_option        = "Empty"\n  disk_size_gb         = ${attrs.size ?? '128'}\n${attrs.extra ?? ''}`,
      loop.meta,
    ) +
    tfResource(
      'azurerm_virtual_machine_data_disk_attachment',
      'data',
      `  managed_disk_id    = ${follow.id}\n  virtual_machine_id = ${vm}.id\n  lun                = 0\n  caching            = "None"\n`,
      follow.meta,
    )
  );
}

export function tfNic(allocation: string, meta = ''): string {
  return tfResource(
    'azurerm_network_interface',
    'nic',
    `  name                = "nic"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  ip_configuration {\n    name                          = "ip"\n    subnet_id                     = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"\n    private_ip_address_allocation = ${allocation}\n  }\n`,
    meta,
  );
}

export function tfVault(attrs = '', location = '"westeurope"'): string {
  return tfResource('azurerm_recovery_services_vault', 'vault', `  name                = "rsv"\n  location            = ${location}\n  resource_group_name = "rg"\n  sku                 = "Standard"\n${attrs}`);
}

/** A VM backup policy in `azurerm_recovery_services_vault.vault`. */
export function tfPolicy(p: { meta?: string; attrs?: string; backup?: string; retention?: string; timezone?: string } = {}): string {
  return tfResource(
    'azurerm_backup_policy_vm',
    'policy',
    `  name                = "daily"\n  resource_group_name = "rg"\n  recovery_vault_name = azurerm_recovery_services_vault.vault.name\n  timezone            = ${p.timezone ?? '"UTC"'}\n${p.attrs ?? ''}` +
      `  backup {\n${p.backup ?? '    frequency = "Daily"\n    time      = "23:00"\n'}  }\n` +
      (p.retention ?? '  retention_daily {\n    count = 30\n  }\n'),
    p.meta ?? '',
  );
}

export function tfProtected(vmId = 'azurerm_linux_virtual_machine.web.id', meta = ''): string {
  return tfResource(
    'azurerm_backup_protected_vm',
    'web',
    `  resource_group_name = "rg"\n  recovery_vault_name = azurerm_recovery_services_vault.vault.name\n  source_vm_id        = ${vmId}\n  backup_policy_id    = azurerm_backup_policy_vm.policy.id\n`,
    meta,
  );
}

export const TF_RG = tfResource('azurerm_resource_group', 'rg', '  name     = "rg"\n  location = "westeurope"\n');

export function tfLock(level: string, meta = ''): string {
  return tfResource('azurerm_management_lock', 'rg', `  name       = "lock"\n  scope      = azurerm_resource_group.rg.id\n  lock_level = ${level}\n`, meta);
}

/** Vault, policy of `policyType` and a protected item for `vm1`, in ARM. */
export function armProtection(policyType: 'V1' | 'V2', vmName = 'vm1'): Resource[] {
  return [armVault('rsv'), armPolicy('rsv', 'daily', { policyType }), armProtected('rsv', vmName, 'daily')];
}

/** Vault, policy of `policyType` and a protected item for `azurerm_linux_virtual_machine.web`. */
export function tfProtection(policyType: 'V1' | 'V2'): string {
  return tfVault() + tfPolicy({ attrs: `  policy_type         = "${policyType}"\n` }) + tfProtected();
}

/** A property copy of two data disks made by `make(v)`, `v` evaluated per copy (`copyIndex('dataDisks')`). */
export function armDataDiskCopy(make: (v: unknown) => Record<string, unknown>): { index: string; resources: (v: unknown) => Resource[] } {
  return {
    index: "copyIndex('dataDisks')",
    resources: (v) => [armVmStorage('vm1', { copy: [{ name: 'dataDisks', count: 2, input: { ...make(v), lun: "[copyIndex('dataDisks')]" } }] })],
  };
}

/** `count` managed disks attached to `azurerm_linux_virtual_machine.web` (the attachments follow the disks). */
export function tfDiskCount(count: string, size = '128'): string {
  return (
    tfResource(
      'azurerm_managed_disk',
      'data',
      `  count                = ${count}\n  name                 = "data-\${count.index}"\n  location             = "westeurope"\n  resource_group_name  = "rg"\n  storage_account_type = "Premium_LRS"\n  create_option        = "Empty"\n  disk_size_gb         = ${size}\n`,
    ) +
    tfResource(
      'azurerm_virtual_machine_data_disk_attachment',
      'data',
      '  count              = length(azurerm_managed_disk.data)\n  managed_disk_id    = azurerm_managed_disk.data[count.index].id\n  virtual_machine_id = azurerm_linux_virtual_machine.web.id\n  lun                = count.index\n  caching            = "None"\n',
    )
  );
}

/** A legacy `azurerm_virtual_machine` with an unmanaged OS disk at `vhdUri`. */
export function tfLegacyVm(vhdUri: string, meta = ''): string {
  return tfResource(
    'azurerm_virtual_machine',
    'legacy',
    '  name                  = "legacy"\n  location              = "westeurope"\n  resource_group_name   = "rg"\n  vm_size               = "Standard_D2s_v3"\n  network_interface_ids = []\n' +
      `  storage_os_disk {\n    name          = "os"\n    create_option = "FromImage"\n    vhd_uri       = ${vhdUri}\n  }\n`,
    meta,
  );
}

/** An ARM VM extension of `vm1`. */
export function armExtension(publisher: string, type: unknown): Resource {
  return {
    type: 'Microsoft.Compute/virtualMachines/extensions',
    apiVersion: '2023-09-01',
    name: 'vm1/ext',
    location: 'westeurope',
    dependsOn: ["[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]"],
    properties: { publisher, type, typeHandlerVersion: '1.0', autoUpgradeMinorVersion: true },
  };
}

/** A Terraform VM extension of `azurerm_linux_virtual_machine.web`. */
export function tfExtension(publisher: string, type: string, meta = ''): string {
  return tfResource(
    'azurerm_virtual_machine_extension',
    'ext',
    `  name                 = "ext"\n  virtual_machine_id   = azurerm_linux_virtual_machine.web.id\n  publisher            = "${publisher}"\n  type                 = ${type}\n  type_handler_version = "1.0"\n`,
    meta,
  );
}
