// A repository where each kind of change (a parameter file, a tfvars file, a linked template)
// alone brings in an error, beside one that changes nothing that matters. Shared by the CLI's
// file-list and --changed-since tests and by the real pre-commit framework test.
import { dataDisk, parameterFile, template, vm } from './lint.js';

/** The tree before the change: every unit clean. */
export const CLEAN_TREE: Record<string, string> = {
  // The data-disk count comes from the parameter file: 4 now, 40 after the change.
  'infra/vm/azuredeploy.json': template({
    parameters: { diskCount: { type: 'int', defaultValue: 2 } },
    resources: [
      vm('vm1', {
        copy: [{ name: 'dataDisks', count: "[parameters('diskCount')]", input: { lun: "[copyIndex('dataDisks')]", createOption: 'Empty', diskSizeGB: 128, managedDisk: { storageAccountType: 'Premium_LRS' } } }],
      }),
    ],
  }),
  'infra/vm/azuredeploy.parameters.json': parameterFile({ diskCount: 4 }),
  // The size comes from terraform.tfvars.
  'tf/main.tf': 'variable "size" {\n  default = "Standard_D4s_v5"\n}\n\nresource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = var.size\n}\n',
  'tf/terraform.tfvars': 'size = "Standard_D4s_v5"\n',
  // The parent passes an Ultra SKU; the linked template uses it only after the change.
  'app/azuredeploy.json': template({
    resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'disks', properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/vm.json' }, parameters: { sku: { value: 'UltraSSD_LRS' } } } }],
  }),
  'app/nested/vm.json': template({
    parameters: { sku: { type: 'string', defaultValue: 'Premium_LRS' } },
    resources: [vm('vm2', { dataDisks: [dataDisk(0, 'Premium_LRS')] })],
  }),
  // Holds an error already: a change elsewhere must not report it.
  'legacy/old.json': template({ resources: [vm('vm3', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] }),
  'README.md': '# infra\n',
};

/** Each change alone: the file, its new text, and the finding it must bring (rule id and file), or none. */
export const CHANGES: { name: string; file: string; text: string; finding: [string, string] | undefined }[] = [
  { name: 'a parameter-file-only change', file: 'infra/vm/azuredeploy.parameters.json', text: parameterFile({ diskCount: 40 }), finding: ['azure-backup/max-data-disks', 'infra/vm/azuredeploy.json'] },
  { name: 'a tfvars-only change', file: 'tf/terraform.tfvars', text: 'size = "Standard_A0"\n', finding: ['azure-backup/min-vm-size', 'tf/main.tf'] },
  {
    name: 'a linked-template-only change',
    file: 'app/nested/vm.json',
    text: template({ parameters: { sku: { type: 'string', defaultValue: 'Premium_LRS' } }, resources: [vm('vm2', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })] }),
    finding: ['azure-backup/no-ultra-ssd', 'app/nested/vm.json'],
  },
  { name: 'an unrelated change', file: 'README.md', text: '# infra, with notes\n', finding: undefined },
];
