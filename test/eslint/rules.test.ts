// Every catalog rule through ESLint's RuleTester, in each language: one passing and one failing
// file each, with the finding's message, line and column. The `.bicep` files are the ARM ones as
// an author writes them in Bicep, and get the ARM messages.
import { rules as catalog } from '../../rules/index.js';
import { pos } from '../helpers/lint.js';
import { ARM, type Fixture } from './fixtures-arm.js';
import { HCL } from './fixtures-hcl.js';
import { BICEP } from './fixtures-bicep.js';
import { bicepValue } from '../rules/bicep-source.js';
import { eslintRule, ruleTester, VIRTUAL_DIR, type Language } from './rule-tester.js';

/** Each rule's whole message, per language where they differ. */
const MESSAGES: Record<string, string | { arm: string; hcl: string }> = {
  'no-ultra-ssd': "Disk type 'UltraSSD_LRS' cannot be backed up by Azure Backup; VMs with it cannot be protected.",
  'supported-disk-type': "Disk type 'PremiumV2_LRS' cannot be backed up by Azure Backup; VMs with it cannot be protected.",
  'no-shared-disk': "Shared disk (maxShares 2): Azure Backup cannot back up shared disks, so the VM's protection fails or skips it.",
  'no-ephemeral-os-disk': "Ephemeral OS disk (diff disk option 'Local'): Azure Backup cannot back it up, so the VM cannot be protected.",
  'max-data-disks': {
    arm: "VM has 33 data disks, over Azure Backup's limit of 32 per VM.",
    hcl: "VM has 33 data disks (33 attachments from count = 33), over Azure Backup's limit of 32 per VM.",
  },
  'max-disk-size': 'Disk size 40,000 GiB is over the 32,767 GiB Azure Backup can back up; a VM with this disk cannot be protected.',
  'write-accelerator': "Write Accelerator disk in 'westeurope', where Azure Backup needs the VM to reach the internet to take snapshots.",
  'min-vm-size': "VM size 'Standard_B1ls' has 1 vCPU and 0.5 GiB of memory; Azure Backup needs at least 2 CPU cores and 1 GB of RAM.",
  'no-spot-vm': "VM priority 'Spot' makes a Spot VM, which Azure Backup does not support; a restore brings it back as a regular VM.",
  'vm-agent-required': 'The VM agent is not provisioned; Azure Backup takes backups through an extension of the VM agent.',
  'marketplace-plan-restore': "The VM has a Marketplace plan: Azure Backup restores it only as disks, since a new VM needs the plan's purchase information.",
  'no-diagnostic-settings': "Diagnostics extension 'LinuxDiagnostic' on this VM: Azure Backup cannot restore the VM with the Create New option.",
  'supported-os': "Image publisher 'CoreOS' is CoreOS Linux, which Azure Backup doesn't support.",
  'no-static-private-ip': "Private IP allocation 'Static' is lost on restore: a VM restored by Azure Backup gets a dynamic IP address.",
  'vault-same-region': {
    arm: "The VM is in 'westeurope' but its vault is in 'eastus': Azure Backup backs a VM up only to a vault in its own region.",
    hcl: "The VM is in 'westeurope' but its vault is in 'eastus': Azure Backup backs a VM up only to a vault in its own region (value from azurerm_linux_virtual_machine.vm).",
  },
  'policy-schedule': {
    arm: "Schedule frequency 'Hourly' is not supported: Azure Backup schedules VM backups 'Daily' and 'Weekly'.",
    hcl: "Schedule frequency 'Monthly' is not supported: Azure Backup schedules VM backups 'Daily' and 'Weekly'.",
  },
  'policy-retention': "Daily retention of 10000 days is over Azure Backup's limit of 9999 days, so the policy is rejected.",
  'policy-time-zone-dst': "Azure Backup ignores daylight saving time in 'W. Europe Standard Time': backups run an hour off for part of the year.",
  'no-resource-group-lock': "CanNotDelete lock on the resource group of a VM with managed disks: Azure Backup can't delete old restore points, so backups fail.",
  'no-lock-unmanaged-vm': {
    arm: "Microsoft.Compute/virtualMachines 'vm1' has unmanaged disks: Azure Backup can't back it up while this lock covers it.",
    hcl: "azurerm_virtual_machine.vm has unmanaged disks: Azure Backup can't back it up while this lock covers it.",
  },
  'encrypted-vm-restore': "Azure Disk Encryption ('AzureDiskEncryptionForLinux'): Azure Backup can't restore this VM file by file or with Replace existing.",
  'unmanaged-disk-restore': 'The VM uses unmanaged disks: Azure Backup cannot restore it with Replace existing, only as a new VM or disks.',
  'availability-set-restore': {
    arm: 'The VM is in an availability set: Azure Backup cannot restore it with the quick Create VM option, only from its disks.',
    hcl: 'The VM is in an availability set: Azure Backup cannot restore it with the quick Create VM option, only from its disks (value from azurerm_availability_set.avset).',
  },
  'zone-pinned-restore': 'The VM is pinned to zone 1 and no vault in this configuration has Cross Region Restore: in a zone outage, its restore fails.',
  'require-backup': {
    arm: "Microsoft.Compute/virtualMachines 'vm1' is not backed up: no protected item in this configuration protects it.",
    hcl: 'azurerm_linux_virtual_machine.vm is not backed up: no protected item in this configuration protects it.',
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
  const key = language === 'azure-backup/hcl' ? 'hcl' : 'arm';
  // Suggested values are written in the file's syntax: JSON (which HCL reads too), or Bicep.
  const written = (json: string) => (language === 'azure-backup/bicep' ? bicepValue(JSON.parse(json)) : json);
  for (const { id } of catalog) {
    const fixture = fixtures[id];
    const expected = MESSAGES[id];
    if (!fixture || !expected) throw new Error(`no ${key} case for ${id}`);
    const [line, column] = pos(fixture.invalid, fixture.at, fixture.after).split(':').map(Number);
    const message = new RegExp(`^${escape(typeof expected === 'string' ? expected : expected[key])}$`);
    const suggestion = SUGGESTIONS[id];
    const suggestions = suggestion ? [{ desc: suggestion.desc, output: applied(fixture, written(suggestion.text)) }] : [];
    const name = language.slice('azure-backup/'.length);
    tester.run(`${id} (${name})`, eslintRule(id), {
      valid: [{ name: `${name}: fixed file passes`, code: fixture.valid, filename }],
      invalid: [{ name: `${name}: violation at ${line}:${column}`, code: fixture.invalid, filename, errors: [{ message, line: line!, column: column!, suggestions }] }],
    });
  }
}

run('azure-backup/arm', ARM, `${VIRTUAL_DIR}/arm/azuredeploy.json`);
run('azure-backup/hcl', HCL, `${VIRTUAL_DIR}/tf/main.tf`);
run('azure-backup/bicep', BICEP, `${VIRTUAL_DIR}/bicep/main.bicep`);
