// One ARM template per rule that violates it, and one that does not, for the RuleTester tables.
import { dataDisk, template, vm } from '../helpers/lint.js';

export interface Fixture {
  /** Violates the rule. */
  readonly invalid: string;
  /** The same shape, fixed. */
  readonly valid: string;
  /** Text of the literal the finding points at (first occurrence, after `after` when given). */
  readonly at: string;
  readonly after?: string;
}

const vmId = (name: string) => `[resourceId('Microsoft.Compute/virtualMachines', '${name}')]`;

/** A template holding one VM (with the given storage profile and extra properties) and other resources. */
function oneVm(storage: Record<string, unknown> = {}, extra: Record<string, unknown> = {}, others: Record<string, unknown>[] = []): string {
  return template({ resources: [vm('vm1', storage, extra), ...others] });
}

const vault = (location = 'westeurope', properties: Record<string, unknown> = {}) => ({
  type: 'Microsoft.RecoveryServices/vaults',
  apiVersion: '2023-04-01',
  name: 'rsv',
  location,
  sku: { name: 'RS0', tier: 'Standard' },
  properties,
});

function policy(schedule: Record<string, unknown>, daily: Record<string, unknown>, timeZone = 'UTC') {
  return {
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    apiVersion: '2023-04-01',
    name: 'rsv/daily',
    properties: {
      backupManagementType: 'AzureIaasVM',
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', ...schedule },
      retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: ['2024-01-01T02:00:00Z'], ...daily } },
      timeZone,
    },
  };
}

const dailyPolicy = (timeZone = 'UTC') =>
  policy({ scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2024-01-01T02:00:00Z'] }, { retentionDuration: { count: 30, durationType: 'Days' } }, timeZone);

const protectedItem = (vmName = 'vm1') => ({
  type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
  apiVersion: '2023-04-01',
  name: `rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;rg;${vmName}/vm;iaasvmcontainerv2;rg;${vmName}`,
  properties: {
    protectedItemType: 'Microsoft.Compute/virtualMachines',
    policyId: "[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', 'rsv', 'daily')]",
    sourceResourceId: vmId(vmName),
  },
});

/** A VM with its vault, policy and protected item: backed up, so only the policy's rules apply. */
function backedUp(p: Record<string, unknown>, location = 'westeurope'): string {
  return oneVm({}, {}, [vault(location), p, protectedItem()]);
}

const lock = (level: string) => ({
  type: 'Microsoft.Authorization/locks',
  apiVersion: '2020-05-01',
  name: 'rg-lock',
  properties: { level, notes: 'keep' },
});

const unmanagedOs = { osDisk: { createOption: 'FromImage', name: 'os', vhd: { uri: 'https://st.blob.core.windows.net/vhds/os.vhd' } } };

const extension = (publisher: string, type: string) => ({
  type: 'Microsoft.Compute/virtualMachines/extensions',
  apiVersion: '2023-09-01',
  name: 'vm1/ext',
  location: 'westeurope',
  properties: { publisher, type, typeHandlerVersion: '1.0', autoUpgradeMinorVersion: true },
});

const disk = (maxShares: number) => ({
  type: 'Microsoft.Compute/disks',
  apiVersion: '2023-04-02',
  name: 'shared',
  location: 'westeurope',
  sku: { name: 'Premium_LRS' },
  properties: { creationData: { createOption: 'Empty' }, diskSizeGB: 256, maxShares },
});

const sharedDisk = (maxShares: number) =>
  oneVm({ dataDisks: [{ lun: 0, createOption: 'Attach', managedDisk: { id: "[resourceId('Microsoft.Compute/disks', 'shared')]" } }] }, {}, [disk(maxShares)]);

const copiedDisks = (count: number) =>
  oneVm({ copy: [{ name: 'dataDisks', count, input: { lun: "[copyIndex('dataDisks')]", createOption: 'Empty', diskSizeGB: 64, managedDisk: { storageAccountType: 'Premium_LRS' } } }] });

const nic = (allocation: string) => ({
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2023-09-01',
  name: 'nic1',
  location: 'westeurope',
  properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: allocation, privateIPAddress: '10.0.0.4' } }] },
});

const withNic = (allocation: string) =>
  oneVm({}, { properties: { networkProfile: { networkInterfaces: [{ id: "[resourceId('Microsoft.Network/networkInterfaces', 'nic1')]" }] } } }, [nic(allocation)]);

const size = (vmSize: string) => oneVm({}, { properties: { hardwareProfile: { vmSize } } });

const image = (publisher: string, offer: string, sku: string) => oneVm({ imageReference: { publisher, offer, sku, version: 'latest' } });

const agent = (provisionVMAgent: boolean) =>
  oneVm({}, { properties: { osProfile: { computerName: 'vm1', adminUsername: 'azureuser', linuxConfiguration: { provisionVMAgent } } } });

export const ARM: Readonly<Record<string, Fixture>> = {
  'no-ultra-ssd': { invalid: oneVm({ dataDisks: [dataDisk(0, 'UltraSSD_LRS')] }), valid: oneVm({ dataDisks: [dataDisk(0, 'Premium_LRS')] }), at: '"UltraSSD_LRS"' },
  'supported-disk-type': { invalid: oneVm({ dataDisks: [dataDisk(0, 'PremiumV2_LRS')] }), valid: oneVm({ dataDisks: [dataDisk(0, 'StandardSSD_LRS')] }), at: '"PremiumV2_LRS"' },
  'no-shared-disk': { invalid: sharedDisk(2), valid: sharedDisk(1), at: '2', after: '"maxShares"' },
  'no-ephemeral-os-disk': {
    invalid: oneVm({ osDisk: { createOption: 'FromImage', caching: 'ReadOnly', diffDiskSettings: { option: 'Local' }, managedDisk: { storageAccountType: 'Standard_LRS' } } }),
    valid: oneVm({ osDisk: { createOption: 'FromImage', caching: 'ReadOnly', managedDisk: { storageAccountType: 'Standard_LRS' } } }),
    at: '"Local"',
  },
  'max-data-disks': { invalid: copiedDisks(33), valid: copiedDisks(32), at: '"dataDisks"' },
  'max-disk-size': { invalid: oneVm({ dataDisks: [dataDisk(0, 'Premium_LRS', { diskSizeGB: 40000 })] }), valid: oneVm({ dataDisks: [dataDisk(0, 'Premium_LRS', { diskSizeGB: 4096 })] }), at: '40000' },
  'write-accelerator': {
    invalid: oneVm({ dataDisks: [dataDisk(0, 'Premium_LRS', { writeAcceleratorEnabled: true })] }),
    valid: oneVm({ dataDisks: [dataDisk(0, 'Premium_LRS', { writeAcceleratorEnabled: false })] }),
    at: 'true',
    after: '"writeAcceleratorEnabled"',
  },
  'min-vm-size': { invalid: size('Standard_B1ls'), valid: size('Standard_D2s_v5'), at: '"Standard_B1ls"' },
  'no-spot-vm': { invalid: oneVm({}, { properties: { priority: 'Spot' } }), valid: oneVm({}, { properties: { priority: 'Regular' } }), at: '"Spot"' },
  'vm-agent-required': { invalid: agent(false), valid: agent(true), at: 'false', after: '"provisionVMAgent"' },
  'marketplace-plan-restore': { invalid: oneVm({}, { plan: { name: 'byol', publisher: 'f5-networks', product: 'f5-big-ip' } }), valid: oneVm(), at: '"plan"' },
  'no-diagnostic-settings': {
    invalid: oneVm({}, {}, [extension('Microsoft.Azure.Diagnostics', 'LinuxDiagnostic')]),
    valid: oneVm({}, {}, [extension('Microsoft.Azure.Monitor', 'AzureMonitorLinuxAgent')]),
    at: '"LinuxDiagnostic"',
  },
  'supported-os': { invalid: image('CoreOS', 'CoreOS', 'Stable'), valid: image('Canonical', 'ubuntu-24_04-lts', 'server'), at: '"CoreOS"' },
  'no-static-private-ip': { invalid: withNic('Static'), valid: withNic('Dynamic'), at: '"Static"' },
  'vault-same-region': { invalid: backedUp(dailyPolicy(), 'eastus'), valid: backedUp(dailyPolicy()), at: '"[resourceId(\'Microsoft.Compute/virtualMachines\', \'vm1\')]"', after: '"sourceResourceId"' },
  'policy-schedule': {
    invalid: backedUp(policy({ scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4, scheduleWindowStartTime: '2024-01-01T08:00:00Z', scheduleWindowDuration: 12 } }, { retentionDuration: { count: 30, durationType: 'Days' } })),
    valid: backedUp(dailyPolicy()),
    at: '"Hourly"',
  },
  'policy-retention': {
    invalid: backedUp(policy({ scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2024-01-01T02:00:00Z'] }, { retentionDuration: { count: 10000, durationType: 'Days' } })),
    valid: backedUp(dailyPolicy()),
    at: '10000',
  },
  'policy-time-zone-dst': { invalid: backedUp(dailyPolicy('W. Europe Standard Time')), valid: backedUp(dailyPolicy()), at: '"W. Europe Standard Time"' },
  'no-resource-group-lock': { invalid: oneVm({}, {}, [lock('CanNotDelete')]), valid: oneVm(), at: '"CanNotDelete"' },
  'no-lock-unmanaged-vm': { invalid: oneVm(unmanagedOs, {}, [lock('ReadOnly')]), valid: oneVm(unmanagedOs), at: '"ReadOnly"' },
  'encrypted-vm-restore': {
    invalid: oneVm({}, {}, [extension('Microsoft.Azure.Security', 'AzureDiskEncryptionForLinux')]),
    valid: oneVm(),
    at: '"AzureDiskEncryptionForLinux"',
  },
  'unmanaged-disk-restore': { invalid: oneVm(unmanagedOs), valid: oneVm(), at: '"https://st.blob.core.windows.net/vhds/os.vhd"' },
  'availability-set-restore': {
    invalid: oneVm({}, { properties: { availabilitySet: { id: "[resourceId('Microsoft.Compute/availabilitySets', 'avset')]" } } }),
    valid: oneVm(),
    at: '"[resourceId(\'Microsoft.Compute/availabilitySets\', \'avset\')]"',
  },
  'zone-pinned-restore': { invalid: oneVm({}, { zones: ['1'] }), valid: oneVm(), at: '[', after: '"zones"' },
  'require-backup': { invalid: oneVm(), valid: backedUp(dailyPolicy()), at: '"Microsoft.Compute/virtualMachines"' },
};
