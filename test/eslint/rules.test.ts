// Every catalog rule through ESLint's RuleTester, in both languages: one passing and one failing
// file each, with the finding's message, line and column.
import { rules as catalog } from '../../rules/index.js';
import { pos } from '../helpers/lint.js';
import { ARM, type Fixture } from './fixtures-arm.js';
import { HCL } from './fixtures-hcl.js';
import { eslintRule, ruleTester, VIRTUAL_DIR, type Language } from './rule-tester.js';

/** How each rule's message starts, per language where they differ. */
const MESSAGES: Record<string, string | { arm: string; hcl: string }> = {
  'no-ultra-ssd': "Disk type 'UltraSSD_LRS' is not supported by Azure Backup (support matrix 2021: \"Ultra SSD disks: Not supported.\")",
  'supported-disk-type': "Disk type 'PremiumV2_LRS' is not supported by Azure Backup (support matrix 2021: \"Storage type: Standard HDD, Standard SSD, Premium SSD.\")",
  'no-shared-disk': 'Disk is shared (maxShares 2); Azure Backup does not back up shared disks (support matrix 2021: "Shared disks: Not supported.")',
  'no-ephemeral-os-disk': "Ephemeral OS disk (diff disk option 'Local') is not supported by Azure Backup",
  'max-data-disks': {
    arm: 'VM has 33 data disks; Azure Backup supports up to 32 disks for a VM',
    hcl: 'VM has 33 data disks (33 attachments from count = 33); Azure Backup supports up to 32 disks for a VM',
  },
  'max-disk-size': 'Disk size 40,000 GiB is over the 32,767 GiB Azure Backup can back up',
  'write-accelerator': "Write Accelerator is enabled on this disk and the VM is in 'westeurope'; Azure Backup backs such disks up only in koreacentral, southafricanorth",
  'min-vm-size': "VM size 'Standard_B1ls' has 1 vCPU and 0.5 GiB of memory; Azure Backup needs at least 2 CPU cores and 1 GB of RAM",
  'no-spot-vm': "VM priority 'Spot' makes a Spot VM; Azure Backup does not support Spot VMs and restores them as regular VMs",
  'vm-agent-required': 'The VM agent is not provisioned; Azure Backup takes backups through an extension of the VM agent',
  'marketplace-plan-restore': 'The VM is deployed with a Marketplace plan; Azure Backup restores such VMs only as disks',
  'no-diagnostic-settings': "Diagnostics extension 'LinuxDiagnostic' on this VM: restoring the VM with the Create New option fails",
  'supported-os': "Image publisher 'CoreOS': Azure Backup doesn't support CoreOS Linux",
  'no-static-private-ip': {
    arm: "Private IP allocation 'Static' on Microsoft.Network/networkInterfaces 'nic1': a VM restored from a restore point gets a dynamic IP address",
    hcl: "Private IP allocation 'Static' on azurerm_network_interface.nic: a VM restored from a restore point gets a dynamic IP address",
  },
  'vault-same-region': {
    arm: "Microsoft.Compute/virtualMachines 'vm1' is in region 'westeurope' but Microsoft.RecoveryServices/vaults 'rsv' is in 'eastus'",
    hcl: "azurerm_linux_virtual_machine.vm is in region 'westeurope' but azurerm_recovery_services_vault.vault is in 'eastus'",
  },
  'policy-schedule': {
    arm: "Schedule frequency 'Hourly' is not supported: Azure Backup schedules VM backups 'Daily' and 'Weekly'",
    hcl: "Schedule frequency 'Monthly' is not supported: Azure Backup schedules VM backups 'Daily' and 'Weekly'",
  },
  'policy-retention': 'Daily retention of 10000 days is over the 9999 days a protected instance can keep',
  'policy-time-zone-dst': "Time zone 'W. Europe Standard Time' observes daylight saving time",
  'no-resource-group-lock': {
    arm: "CanNotDelete lock on the deployment's resource group, which holds Microsoft.Compute/virtualMachines 'vm1' with managed disks",
    hcl: "CanNotDelete lock on resource group 'rg-app', which holds azurerm_linux_virtual_machine.vm with managed disks",
  },
  'no-lock-unmanaged-vm': {
    arm: "Lock on the deployment's resource group, which holds Microsoft.Compute/virtualMachines 'vm1' with unmanaged disks",
    hcl: "Lock on resource group 'rg-app', which holds azurerm_virtual_machine.vm with unmanaged disks",
  },
  'encrypted-vm-restore': "Azure Disk Encryption ('AzureDiskEncryptionForLinux') on this VM: it can't be restored at file/folder level or with Replace existing",
  'unmanaged-disk-restore': 'The VM uses unmanaged disks: Replace existing is not supported for them',
  'availability-set-restore': 'The VM is in an availability set: restore it from its disks, not with the quick Create VM option',
  'zone-pinned-restore': 'The VM is pinned to zone 1 and no vault in this configuration has Cross Region Restore',
  'require-backup': {
    arm: "Microsoft.Compute/virtualMachines 'vm1' is not backed up: no protected item in this configuration protects it",
    hcl: 'azurerm_linux_virtual_machine.vm is not backed up: no protected item in this configuration protects it',
  },
};

/** Rules whose finding offers a replacement for the literal: the suggestion's text. */
const SUGGESTIONS: Record<string, { readonly desc: string; readonly text: string }> = {
  'no-ultra-ssd': {
    desc: "Use Premium SSD ('Premium_LRS'), which Azure Backup supports; check its IOPS and throughput, which are lower than Ultra Disk's and set by disk size",
    text: '"Premium_LRS"',
  },
  'no-static-private-ip': { desc: "Use 'Dynamic' allocation, the kind a restored VM gets (reserve the address another way, e.g. in DNS)", text: '"Dynamic"' },
  'vm-agent-required': { desc: 'Provision the VM agent (true)', text: 'true' },
};

/** The fixture with its flagged literal replaced, as applying the suggestion leaves it. */
function applied(fixture: Fixture, text: string): string {
  const from = fixture.after ? fixture.invalid.indexOf(fixture.after) : 0;
  const at = fixture.invalid.indexOf(fixture.at, from);
  return fixture.invalid.slice(0, at) + text + fixture.invalid.slice(at + fixture.at.length);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function run(language: Language, fixtures: Readonly<Record<string, Fixture>>, filename: string): void {
  const tester = ruleTester(language);
  const key = language === 'azure-backup/arm' ? 'arm' : 'hcl';
  for (const { id } of catalog) {
    const fixture = fixtures[id];
    const expected = MESSAGES[id];
    if (!fixture || !expected) throw new Error(`no ${key} case for ${id}`);
    const [line, column] = pos(fixture.invalid, fixture.at, fixture.after).split(':').map(Number);
    const message = new RegExp(`^${escape(typeof expected === 'string' ? expected : expected[key])}`);
    const suggestion = SUGGESTIONS[id];
    const suggestions = suggestion ? [{ desc: suggestion.desc, output: applied(fixture, suggestion.text) }] : [];
    tester.run(`${id} (${key})`, eslintRule(id), {
      valid: [{ name: `${key}: fixed file passes`, code: fixture.valid, filename }],
      invalid: [{ name: `${key}: violation at ${line}:${column}`, code: fixture.invalid, filename, errors: [{ message, line: line!, column: column!, suggestions }] }],
    });
  }
}

run('azure-backup/arm', ARM, `${VIRTUAL_DIR}/arm/azuredeploy.json`);
run('azure-backup/hcl', HCL, `${VIRTUAL_DIR}/tf/main.tf`);
