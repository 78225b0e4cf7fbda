import { join } from 'node:path';
import type { RuleInfo, RunReport } from '../../src/results/results.js';

/** A hand-built report over a small project: two templates with findings, one clean, one broken. */

export const VM_JSON = `{
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "name": "vm1",
      "properties": {
        "priority": "Spot",
        "storageProfile": {
          "osDisk": {
            "managedDisk": {
              "storageAccountType": "[parameters('diskSku')]"
            }
          }
        }
      }
    }
  ]
}
`;

export const MAIN_TF = `resource "azurerm_linux_virtual_machine" "web" {
  name     = "web"
  # azure-backup-lint-disable-next-line no-spot-vm -- dev box
  priority = "Spot"
  os_disk {
    write_accelerator_enabled = true
  }
}
`;

export const BAD_JSON = '{ "resources": [ }\n';

const DOCS = 'https://example.org/azure-backup-lint/docs/rules/';

export const RULES: readonly RuleInfo[] = [
  {
    id: 'no-ultra-ssd',
    description: 'Disallow Ultra SSD disks on VMs that Azure Backup protects.',
    matrixRow: { edition: '2021', text: 'Ultra SSD disks: Not supported' },
    defaultSeverity: 'error',
    docsUrl: `${DOCS}no-ultra-ssd.md`,
  },
  {
    id: 'no-spot-vm',
    description: 'Warn about Spot VMs, which Azure Backup restores as regular VMs.',
    matrixRow: { edition: '2021', text: 'Spot VMs: Unsupported. Azure Backup restores Spot VMs as regular Azure VMs' },
    defaultSeverity: 'warn',
    docsUrl: `${DOCS}no-spot-vm.md`,
  },
  {
    id: 'write-accelerator',
    description: 'Warn about Write Accelerator disks outside the regions where backup supports them.',
    matrixRow: { edition: '2021', text: 'Disks with Write Accelerator enabled: supported only in Korea Central and South Africa North' },
    defaultSeverity: 'warn',
    docsUrl: `${DOCS}write-accelerator.md`,
  },
  {
    id: 'require-backup',
    description: 'Require every VM to be protected by a backup protected item.',
    matrixRow: { edition: '2021', text: '(the point of it all)' },
    defaultSeverity: 'off',
    docsUrl: `${DOCS}require-backup.md`,
  },
];

export function sampleReport(cwd: string): RunReport {
  const vm = join(cwd, 'templates', 'vm.json');
  const tf = join(cwd, 'infra', 'main.tf');
  return {
    cwd,
    toolVersion: '0.1.0',
    rules: RULES,
    stats: { files: 5, units: 3, vms: 2, durationMs: 12 },
    results: [
      {
        filePath: vm,
        source: VM_JSON,
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 1,
        suppressedMessages: [],
        messages: [
          {
            ruleId: 'azure-backup/no-spot-vm',
            severity: 1,
            message: "VM 'vm1' is a Spot VM; Azure Backup restores it as a regular VM.",
            line: 7,
            column: 21,
            endLine: 7,
            endColumn: 27,
          },
          {
            ruleId: 'azure-backup/no-ultra-ssd',
            severity: 2,
            message: "OS disk of VM 'vm1' is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks.",
            line: 11,
            column: 37,
            endLine: 11,
            endColumn: 62,
            relatedLocations: [
              {
                filePath: join(cwd, 'templates', 'vm.parameters.json'),
                line: 4,
                column: 16,
                endLine: 4,
                endColumn: 30,
                message: "value from parameter 'diskSku'",
              },
            ],
            scenarios: ['templates/vm.parameters.json'],
          },
        ],
      },
      {
        filePath: tf,
        source: MAIN_TF,
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 1,
        messages: [
          {
            ruleId: 'azure-backup/write-accelerator',
            severity: 1,
            message: "OS disk of 'azurerm_linux_virtual_machine.web' has Write Accelerator enabled.",
            line: 6,
            column: 33,
            endLine: 6,
            endColumn: 37,
          },
        ],
        suppressedMessages: [
          {
            ruleId: 'azure-backup/no-spot-vm',
            severity: 1,
            message: "VM 'azurerm_linux_virtual_machine.web' is a Spot VM; Azure Backup restores it as a regular VM.",
            line: 4,
            column: 14,
            endLine: 4,
            endColumn: 20,
            suppressions: [{ kind: 'directive', justification: 'dev box' }],
          },
        ],
      },
      {
        filePath: join(cwd, 'infra', 'variables.tf'),
        source: 'variable "size" {}\n',
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        messages: [],
        suppressedMessages: [],
      },
      {
        filePath: join(cwd, 'broken', 'bad.json'),
        source: BAD_JSON,
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        suppressedMessages: [],
        messages: [{ ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Value expected', line: 1, column: 18 }],
      },
    ],
    inventory: [
      {
        filePath: vm,
        line: 5,
        column: 15,
        name: 'vm1',
        kind: 'arm',
        instances: 1,
        size: 'Standard_D2s_v5',
        location: 'westeurope',
        diskCount: 1,
        diskTypes: ['UltraSSD_LRS'],
        protected: false,
        scenario: 'templates/vm.parameters.json',
      },
      {
        filePath: tf,
        line: 1,
        column: 41,
        name: 'azurerm_linux_virtual_machine.web',
        kind: 'terraform',
        instances: 3,
        size: 'Standard_B2s',
        location: 'westeurope',
        diskCount: 1,
        diskTypes: ['Premium_LRS'],
        protected: true,
        scenario: 'infra',
      },
    ],
  };
}
