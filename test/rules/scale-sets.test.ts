// Which rules apply to scale-set models (docs/rules/*.md, "Scale sets"; README, "Scale sets"):
// every rule, a Uniform and a Flexible scale set, in ARM, Bicep-compiled JSON (languageVersion
// 2.0) and Terraform, with the finding's exact line and column or its asserted absence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, lintHits, pos, template } from '../helpers/lint.js';
import { BICEP, type Resource } from './formats.js';
import { armLock, armPolicy, armProtected, armVault, TF_RG, tfLock, tfPolicy, tfProtected, tfResource, tfVault } from './sources.js';

type Mode = 'Uniform' | 'Flexible';
const MODES: readonly Mode[] = ['Uniform', 'Flexible'];
const SS_ID = "[resourceId('Microsoft.Compute/virtualMachineScaleSets', 'ss')]";

interface ArmParts {
  /** Merged into `virtualMachineProfile` (storageProfile and osProfile merged one level deeper). */
  readonly profile?: Record<string, unknown>;
  readonly storage?: Record<string, unknown>;
  readonly linux?: Record<string, unknown>;
  /** Beside `properties` (sku, zones, plan). */
  readonly top?: Record<string, unknown>;
  readonly size?: string;
}

function armScaleSet(mode: Mode, p: ArmParts = {}): Resource {
  return {
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    apiVersion: '2023-09-01',
    name: 'ss',
    location: 'westeurope',
    sku: { name: p.size ?? 'Standard_D2s_v5', capacity: 2 },
    ...p.top,
    properties: {
      orchestrationMode: mode,
      ...(mode === 'Uniform' ? { upgradePolicy: { mode: 'Manual' } } : { platformFaultDomainCount: 1 }),
      virtualMachineProfile: {
        storageProfile: {
          imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
          osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } },
          ...p.storage,
        },
        osProfile: { computerNamePrefix: 'ss', adminUsername: 'azureuser', linuxConfiguration: { disablePasswordAuthentication: true, ...p.linux } },
        ...p.profile,
      },
    },
  };
}

interface TfParts {
  readonly size?: string;
  readonly osType?: string;
  /** Extra lines in `os_disk`. */
  readonly osDisk?: string;
  /** Extra lines in the body. */
  readonly attrs?: string;
  readonly agent?: string;
  readonly publisher?: string;
}

function tfScaleSet(mode: Mode, p: TfParts = {}): string {
  const image = `  source_image_reference {\n    publisher = ${p.publisher ?? '"Canonical"'}\n    offer     = "0001-com-ubuntu-server-jammy"\n    sku       = "22_04-lts-gen2"\n    version   = "latest"\n  }\n`;
  const osDisk = `  os_disk {\n    caching              = "ReadWrite"\n    storage_account_type = ${p.osType ?? '"Premium_LRS"'}\n${p.osDisk ?? ''}  }\n`;
  const common = '  name                = "ss"\n  resource_group_name = "rg"\n  location            = "westeurope"\n  instances           = 2\n';
  if (mode === 'Uniform') {
    const agent = p.agent ? `  provision_vm_agent  = ${p.agent}\n` : '';
    return tfResource('azurerm_linux_virtual_machine_scale_set', 'ss', `${common}  sku                 = ${p.size ?? '"Standard_D2s_v5"'}\n  admin_username      = "azureuser"\n${agent}${p.attrs ?? ''}${image}${osDisk}`);
  }
  const agent = p.agent ? `      provision_vm_agent = ${p.agent}\n` : '';
  return tfResource(
    'azurerm_orchestrated_virtual_machine_scale_set',
    'ss',
    `${common}  sku_name                    = ${p.size ?? '"Standard_D2s_v5"'}\n  platform_fault_domain_count = 1\n${p.attrs ?? ''}  os_profile {\n    linux_configuration {\n      admin_username = "azureuser"\n${agent}    }\n  }\n${image}${osDisk}`,
  );
}

/** What a rule case builds: files and the needle (with an optional anchor) of each finding, in main.json/main.tf. */
interface Built {
  readonly resources?: readonly Resource[];
  readonly tf?: string;
  readonly at: readonly (string | readonly [string, string])[];
}

interface ScaleSetCase {
  readonly rule: string;
  /** Why it applies or not (the test name). */
  readonly why: string;
  readonly arm: (mode: Mode) => Built;
  readonly tf: (mode: Mode) => Built;
}

const needleAt = (file: string, text: string, n: string | readonly [string, string]): string =>
  `${file}:${typeof n === 'string' ? pos(text, n) : pos(text, n[0], n[1])}`;

/** The same resources as languageVersion 2.0 output: an object keyed by symbolic name. */
function bicepV2(resources: readonly Resource[]): string {
  return template({ languageVersion: '2.0', metadata: BICEP, resources: Object.fromEntries(resources.map((r, i) => [`r${i}`, r])) });
}

function suite(c: ScaleSetCase): void {
  describe(`${c.rule} on scale sets: ${c.why}`, () => {
    for (const mode of MODES) {
      const arm = c.arm(mode);
      for (const [format, text] of [['ARM', template({ resources: arm.resources })], ['Bicep JSON 2.0', bicepV2(arm.resources ?? [])]] as const) {
        it(`${format}, ${mode}`, () => {
          const hits = lintHits({ 'main.json': text }, { preset: 'all' });
          assert.deepEqual(at(hits, c.rule), arm.at.map((n) => needleAt('main.json', text, n)));
        });
      }
      it(`Terraform, ${mode}`, () => {
        const tf = c.tf(mode);
        const hits = lintHits({ 'main.tf': tf.tf! }, { preset: 'all' });
        assert.deepEqual(at(hits, c.rule), tf.at.map((n) => needleAt('main.tf', tf.tf!, n)));
      });
    }
  });
}

const ADE = { name: 'ade', properties: { publisher: 'Microsoft.Azure.Security', type: 'AzureDiskEncryptionForLinux', typeHandlerVersion: '1.1' } };
const DIAG_EXT = { name: 'diag', properties: { publisher: 'Microsoft.Azure.Diagnostics', type: 'LinuxDiagnostic', typeHandlerVersion: '4.0' } };
const tfExtensionBlock = (publisher: string, type: string) => `  extension {\n    name                 = "ext"\n    publisher            = "${publisher}"\n    type                 = "${type}"\n    type_handler_version = "1.0"\n  }\n`;
const armSetting = { type: 'Microsoft.Insights/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'diag', scope: SS_ID, properties: { metrics: [{ category: 'AllMetrics', enabled: true }] } };
const tfSetting = (target: string) => tfResource('azurerm_monitor_diagnostic_setting', 'ss', `  name               = "diag"\n  target_resource_id = ${target}\n`);
const tfAddress = (mode: Mode) => (mode === 'Uniform' ? 'azurerm_linux_virtual_machine_scale_set.ss' : 'azurerm_orchestrated_virtual_machine_scale_set.ss');
const dataDisks = (n: number, extra: Record<string, unknown> = {}) => Array.from({ length: n }, (_v, lun) => ({ lun, createOption: 'Empty', diskSizeGB: 64, managedDisk: { storageAccountType: 'Premium_LRS' }, ...extra }));
const tfDataDisks = (n: number, extra = '') => Array.from({ length: n }, () => `  data_disk {\n    caching              = "None"\n    create_option        = "Empty"\n    disk_size_gb         = 64\n    lun                  = 0\n    storage_account_type = "Premium_LRS"\n${extra}  }\n`).join('');

/** A legacy Uniform scale set with an unmanaged OS disk: the only Terraform scale set that can have one. */
const TF_UNMANAGED = tfResource(
  'azurerm_virtual_machine_scale_set',
  'ss',
  '  name                = "ss"\n  resource_group_name = "rg"\n  location            = "westeurope"\n  upgrade_policy_mode = "Manual"\n  sku {\n    name     = "Standard_D2s_v5"\n    capacity = 2\n  }\n' +
    '  storage_profile_os_disk {\n    name           = "os"\n    create_option  = "FromImage"\n    vhd_containers = ["https://sa.blob.core.windows.net/vhds"]\n  }\n',
);
const ARM_UNMANAGED = { osDisk: { createOption: 'FromImage', name: 'os', vhdContainers: ['https://sa.blob.core.windows.net/vhds'] } };

/** A lock on the resource group, and a scale set whose disks are unmanaged (Uniform) or managed (Flexible: managed disks only). */
const lockCase = (rule: string, unmanagedRule: boolean): ScaleSetCase => ({
  rule,
  why: unmanagedRule ? 'applies to an unmanaged Uniform scale set (a Flexible one has managed disks only)' : 'applies: a locked group fails the backups of its instances',
  arm: (mode) => ({
    resources: [armScaleSet(mode, mode === 'Uniform' && unmanagedRule ? { storage: ARM_UNMANAGED } : {}), armLock('lock', 'CanNotDelete')],
    at: unmanagedRule && mode === 'Flexible' ? [] : ['"CanNotDelete"'],
  }),
  tf: (mode) => ({
    tf: TF_RG + (mode === 'Uniform' && unmanagedRule ? TF_UNMANAGED : tfScaleSet(mode)) + tfLock('"CanNotDelete"'),
    at: unmanagedRule && mode === 'Flexible' ? [] : ['"CanNotDelete"'],
  }),
});

const CASES: readonly ScaleSetCase[] = [
  {
    rule: 'availability-set-restore',
    why: 'does not apply: a scale set is never in an availability set',
    arm: (mode) => ({ resources: [armScaleSet(mode)], at: [] }),
    tf: (mode) => ({ tf: tfScaleSet(mode), at: [] }),
  },
  {
    rule: 'encrypted-vm-restore',
    why: 'applies to the Azure Disk Encryption extension of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { profile: { extensionProfile: { extensions: [ADE] } } })], at: ['"AzureDiskEncryptionForLinux"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: tfExtensionBlock('Microsoft.Azure.Security', 'AzureDiskEncryptionForLinux') }), at: ['"AzureDiskEncryptionForLinux"'] }),
  },
  {
    rule: 'marketplace-plan-restore',
    why: 'applies: every instance has the plan',
    arm: (mode) => ({ resources: [armScaleSet(mode, { top: { plan: { name: 'p', publisher: 'pub', product: 'prod' } } })], at: ['"plan"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: '  plan {\n    name      = "p"\n    publisher = "pub"\n    product   = "prod"\n  }\n' }), at: ['plan {'] }),
  },
  {
    rule: 'max-data-disks',
    why: 'applies to the data disks of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { dataDisks: dataDisks(33) } })], at: ['"dataDisks"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: tfDataDisks(33) }), at: ['data_disk {'] }),
  },
  {
    rule: 'max-disk-size',
    why: 'applies to each disk of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { dataDisks: [{ lun: 0, createOption: 'Empty', diskSizeGB: 40000, managedDisk: { storageAccountType: 'Premium_LRS' } }] } })], at: ['40000'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: tfDataDisks(1).replace('= 64', '= 40000') }), at: ['40000'] }),
  },
  {
    rule: 'min-vm-size',
    why: 'applies to the instance size (the scale set sku)',
    arm: (mode) => ({ resources: [armScaleSet(mode, { size: 'Standard_B1s' })], at: ['"Standard_B1s"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { size: '"Standard_B1s"' }), at: ['"Standard_B1s"'] }),
  },
  {
    rule: 'no-diagnostic-settings',
    why: "applies to the diagnostics extension of the profile, not to the scale set's own diagnostic settings",
    arm: (mode) => ({ resources: [armScaleSet(mode, { profile: { extensionProfile: { extensions: [DIAG_EXT] } } }), armSetting], at: ['"LinuxDiagnostic"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: tfExtensionBlock('Microsoft.Azure.Diagnostics', 'LinuxDiagnostic') }) + tfSetting(`${tfAddress(mode)}.id`), at: ['"LinuxDiagnostic"'] }),
  },
  {
    rule: 'no-ephemeral-os-disk',
    why: 'applies to the OS disk of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { osDisk: { createOption: 'FromImage', caching: 'ReadOnly', diffDiskSettings: { option: 'Local' }, managedDisk: { storageAccountType: 'Standard_LRS' } } } })], at: ['"Local"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { osType: '"Standard_LRS"', osDisk: '    diff_disk_settings {\n      option = "Local"\n    }\n' }), at: ['"Local"'] }),
  },
  lockCase('no-lock-unmanaged-vm', true),
  lockCase('no-resource-group-lock', false),
  {
    rule: 'no-shared-disk',
    why: 'does not apply: a profile creates each instance its own disks, never shared ones',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { dataDisks: dataDisks(2) } })], at: [] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: tfDataDisks(2) }), at: [] }),
  },
  {
    rule: 'no-spot-vm',
    why: 'applies to the priority of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { profile: { priority: 'Spot', evictionPolicy: 'Delete' } })], at: ['"Spot"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: '  priority            = "Spot"\n  eviction_policy     = "Delete"\n' }), at: ['"Spot"'] }),
  },
  {
    rule: 'no-static-private-ip',
    why: 'does not apply: scale-set NICs are declared in the profile and get dynamic addresses',
    arm: (mode) => ({
      resources: [armScaleSet(mode, { profile: { networkProfile: { networkInterfaceConfigurations: [{ name: 'nic', properties: { primary: true, ipConfigurations: [{ name: 'ip', properties: { subnet: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s' } } }] } }] } } })],
      at: [],
    }),
    tf: (mode) => ({ tf: tfScaleSet(mode), at: [] }),
  },
  {
    rule: 'no-ultra-ssd',
    why: 'applies to the disks of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { dataDisks: dataDisks(1, { managedDisk: { storageAccountType: 'UltraSSD_LRS' } }) } })], at: ['"UltraSSD_LRS"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { osType: '"UltraSSD_LRS"' }), at: ['"UltraSSD_LRS"'] }),
  },
  ...['policy-retention', 'policy-schedule', 'policy-time-zone-dst'].map(
    (rule): ScaleSetCase => ({
      rule,
      why: 'does not apply: it judges backup policies, whatever they protect',
      arm: (mode) => ({ resources: [armScaleSet(mode)], at: [] }),
      tf: (mode) => ({ tf: tfScaleSet(mode), at: [] }),
    }),
  ),
  {
    rule: 'require-backup',
    why: 'does not apply: a protected item names a VM, not a scale-set model',
    arm: (mode) => ({ resources: [armScaleSet(mode)], at: [] }),
    tf: (mode) => ({ tf: tfScaleSet(mode), at: [] }),
  },
  {
    rule: 'supported-disk-type',
    why: 'applies to the disks of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { dataDisks: dataDisks(1, { managedDisk: { storageAccountType: 'PremiumV2_LRS' } }) } })], at: ['"PremiumV2_LRS"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: tfDataDisks(1).replace('"Premium_LRS"', '"PremiumV2_LRS"') }), at: ['"PremiumV2_LRS"'] }),
  },
  {
    rule: 'supported-os',
    why: 'applies to the image of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { imageReference: { publisher: 'CoreOS', offer: 'CoreOS', sku: 'Stable', version: 'latest' } } })], at: ['"CoreOS"'] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { publisher: '"CoreOS"' }), at: ['"CoreOS"'] }),
  },
  {
    rule: 'unmanaged-disk-restore',
    why: 'applies to an unmanaged Uniform scale set (a Flexible one has managed disks only)',
    arm: (mode) => ({ resources: [armScaleSet(mode, mode === 'Uniform' ? { storage: ARM_UNMANAGED } : {})], at: mode === 'Uniform' ? [['[', '"vhdContainers"']] : [] }),
    tf: (mode) => ({ tf: mode === 'Uniform' ? TF_UNMANAGED : tfScaleSet(mode), at: mode === 'Uniform' ? ['["https://sa.blob.core.windows.net/vhds"]'] : [] }),
  },
  {
    rule: 'vault-same-region',
    why: 'does not apply: Azure Backup protects VMs, and an item naming a scale set is not one it makes',
    arm: (mode) => ({ resources: [armScaleSet(mode), armVault('rsv', 'northeurope'), armPolicy('rsv', 'daily'), armProtected('rsv', 'ss', 'daily', SS_ID)], at: [] }),
    tf: (mode) => ({ tf: tfScaleSet(mode) + tfVault('', '"northeurope"') + tfPolicy() + tfProtected(`${tfAddress(mode)}.id`), at: [] }),
  },
  {
    rule: 'vm-agent-required',
    why: 'applies to the agent setting of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { linux: { provisionVMAgent: false } })], at: [['false', '"provisionVMAgent"']] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { agent: 'false' }), at: [['false', 'provision_vm_agent']] }),
  },
  {
    rule: 'write-accelerator',
    why: 'applies to the disks of the profile',
    arm: (mode) => ({ resources: [armScaleSet(mode, { storage: { dataDisks: dataDisks(1, { writeAcceleratorEnabled: true }) } })], at: [['true', '"writeAcceleratorEnabled"']] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: tfDataDisks(1, '    write_accelerator_enabled = true\n') }), at: ['true'] }),
  },
  {
    rule: 'zone-pinned-restore',
    why: 'applies: each instance is pinned to one of the zones',
    arm: (mode) => ({ resources: [armScaleSet(mode, { top: { zones: ['1', '2'] } })], at: [['[', '"zones"']] }),
    tf: (mode) => ({ tf: tfScaleSet(mode, { attrs: '  zones               = ["1", "2"]\n' }), at: ['["1", "2"]'] }),
  },
];

for (const c of CASES) suite(c);

describe('every catalog rule has its scale-set decision tested', () => {
  it('lists each rule of the catalog once', async () => {
    const { rules } = await import('../../rules/index.js');
    assert.deepEqual(CASES.map((c) => c.rule).sort(), rules.map((r) => r.id).sort());
  });
});
