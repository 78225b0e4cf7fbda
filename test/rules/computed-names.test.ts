// Cross-resource links through names and ids built from deployment-time values and through
// children declared inside their parents (issue 13, items 1, 2 and 4): the rules that need two resources linked fire on ARM, Bicep JSON 1.0 and
// 2.0 and Terraform, at the exact place, and stay quiet when the link is not knowable.
import { armCase, formatSuite, jsonCases, tfCase, type Resource } from './formats.js';
import { armNic, armPolicy, armVault, armVm, armVmStorage, tfPolicy, tfProtected, tfResource, tfVault, tfVm, UNMANAGED_OS } from './sources.js';
import { dataDisk } from '../helpers/lint.js';

const ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems';
const SOURCE = "[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]";
const POLICY = "[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', 'rsv', 'daily')]";

/** The quickstart way of naming a protected item: the resource group comes from the deployment. */
const QUICKSTART_ITEM_NAME = "[format('{0}/Azure/iaasvmcontainer;iaasvmcontainerv2;{1};{2}/vm;iaasvmcontainerv2;{1};{2}', 'rsv', resourceGroup().name, 'vm1')]";

function item(name: string, type = ITEM_TYPE, policyId = POLICY): Resource {
  return { type, apiVersion: '2023-04-01', name, properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: SOURCE, policyId } };
}

const vmIn = (location: string) => armVm('vm1', {}, { location });
const backup = (vaultLocation: string, protectedItem: Resource): Resource[] => [vmIn('westeurope'), armVault('rsv', vaultLocation), armPolicy('rsv', 'daily'), protectedItem];
const AT_SOURCE = `"${SOURCE}"`;

formatSuite('vault-same-region', [
  ...jsonCases('a protected item named with resourceGroup().name links to its vault', backup('northeurope', item(QUICKSTART_ITEM_NAME)), [AT_SOURCE]),
  ...jsonCases('the same vault in the same region passes', backup('westeurope', item(QUICKSTART_ITEM_NAME)), []),
  ...jsonCases(
    'a protected item named with concat() and a parameter without value',
    backup('northeurope', item("[concat(parameters('vaultName'), '/Azure/iaasvmcontainer;iaasvmcontainerv2;', resourceGroup().name, ';vm1/vm;iaasvmcontainerv2;', resourceGroup().name, ';vm1')]")).map((r) =>
      r.type === 'Microsoft.RecoveryServices/vaults' ? { ...r, name: "[parameters('vaultName')]" } : String(r.type).endsWith('/backupPolicies') ? { ...r, name: "[concat(parameters('vaultName'), '/daily')]" } : r,
    ),
    [AT_SOURCE],
    {},
    { parameters: { vaultName: { type: 'string' } } },
  ),
  ...jsonCases(
    'a protected item declared inside its vault, with its relative multi-segment type',
    [
      vmIn('westeurope'),
      { ...armVault('rsv', 'northeurope'), resources: [item("[format('Azure/iaasvmcontainer;iaasvmcontainerv2;{0};vm1/vm;iaasvmcontainerv2;{0};vm1', resourceGroup().name)]", 'backupFabrics/protectionContainers/protectedItems')] },
      armPolicy('rsv', 'daily'),
    ],
    [AT_SOURCE],
  ),
  tfCase(
    'Terraform: a source VM id interpolated from a subscription data source and a variable without value',
    'variable "rg" {\n  type = string\n}\n\n' +
      'data "azurerm_subscription" "current" {}\n\n' +
      tfVm().replace('resource_group_name   = "rg"', 'resource_group_name   = var.rg') +
      tfVault('', '"northeurope"') +
      tfPolicy() +
      tfProtected('"${data.azurerm_subscription.current.id}/resourceGroups/${var.rg}/providers/Microsoft.Compute/virtualMachines/vm-web"'),
    ['"${data.azurerm_subscription.current.id}/resourceGroups/${var.rg}/providers/Microsoft.Compute/virtualMachines/vm-web"'],
  ),
]);

/** A NIC named the way quickstarts make names unique, referenced by the VM through resourceId(). */
const UNIQUE_NIC = "[concat('nic-', uniqueString(resourceGroup().id))]";
const nicVm = armVm('vm1', { networkProfile: { networkInterfaces: [{ id: "[resourceId('Microsoft.Network/networkInterfaces', concat('nic-', uniqueString(resourceGroup().id)))]" }] } });

formatSuite('no-static-private-ip', [
  ...jsonCases('a NIC named with uniqueString(resourceGroup().id) is linked to its VM', [armNic(UNIQUE_NIC, 'Static'), nicVm], ['"Static"']),
  ...jsonCases('a NIC whose known name differs from the one the VM names is not linked', [armNic("[concat('other-', uniqueString(resourceGroup().id))]", 'Static'), nicVm], []),
]);

const ultraVm = () => armVmStorage('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] }, { properties: { additionalCapabilities: { ultraSSDEnabled: true } } });
const elsewhere = "[resourceId('otherRg', 'Microsoft.RecoveryServices/vaults/backupPolicies', 'rsv', 'enhanced')]";

formatSuite('no-ultra-ssd', [
  // The policy lives in another resource group: its type is not known, so no error; a "may be" under unknownValues: report.
  ...jsonCases('2025: a protected item whose policy is not in the configuration has an unknown policy type', [ultraVm(), armVault('rsv'), item(QUICKSTART_ITEM_NAME, ITEM_TYPE, elsewhere)], [], { matrix: '2025' }),
  ...jsonCases(
    '2025: the same, reported as "may be" when unknown values are reported',
    [ultraVm(), armVault('rsv'), item(QUICKSTART_ITEM_NAME, ITEM_TYPE, elsewhere)],
    ['"UltraSSD_LRS"'],
    { matrix: '2025', unknownValues: 'report' },
  ),
  armCase('ARM 2025: without any protected item the Ultra disk is an error', { resources: [ultraVm()] }, ['"UltraSSD_LRS"'], { matrix: '2025' }),
  tfCase(
    'Terraform 2025: an azapi protected item whose V2 policy is another configuration\'s has an unknown policy type',
    tfVm() +
      tfResource('azurerm_managed_disk', 'ultra', '  name                 = "ultra"\n  location             = "westeurope"\n  resource_group_name  = "rg"\n  storage_account_type = "UltraSSD_LRS"\n  create_option        = "Empty"\n  disk_size_gb         = 128\n') +
      tfResource('azurerm_virtual_machine_data_disk_attachment', 'ultra', '  managed_disk_id    = azurerm_managed_disk.ultra.id\n  virtual_machine_id = azurerm_linux_virtual_machine.web.id\n  lun                = 0\n  caching            = "None"\n') +
      tfVault() +
      tfResource(
        'azapi_resource',
        'item',
        '  type      = "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2023-04-01"\n' +
          '  name      = "vm;iaasvmcontainerv2;rg;vm-web"\n' +
          '  parent_id = "${azurerm_recovery_services_vault.vault.id}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg;vm-web"\n' +
          '  body = {\n    properties = {\n      protectedItemType = "Microsoft.Compute/virtualMachines"\n      sourceResourceId  = azurerm_linux_virtual_machine.web.id\n      policyId          = var.enhanced_policy_id\n    }\n  }\n',
      ) +
      'variable "enhanced_policy_id" {\n  type = string\n}\n',
    [],
    { matrix: '2025' },
  ),
]);

/** A VM named the quickstart way, with extension resources declared inside it by their relative types. */
const UNIQUE_VM = "[concat('vm-', uniqueString(resourceGroup().id))]";
const withChildren = (vm: Resource, children: Resource[]): Resource => ({ ...vm, name: UNIQUE_VM, resources: children });
const nestedSetting: Resource = { type: 'providers/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'Microsoft.Insights/vm-diag', properties: { workspaceId: 'ws' } };
const nestedLock: Resource = { type: 'providers/locks', apiVersion: '2020-05-01', name: 'Microsoft.Authorization/vm-lock', properties: { level: 'CanNotDelete' } };

formatSuite('no-diagnostic-settings', [
  ...jsonCases('a diagnostic setting declared inside its VM as providers/diagnosticSettings', [withChildren(armVm('vm1'), [nestedSetting])], ['"providers/diagnosticSettings"']),
]);

formatSuite('no-lock-unmanaged-vm', [
  ...jsonCases(
    'a lock declared inside its VM as providers/locks',
    [withChildren(armVmStorage('vm1', UNMANAGED_OS), [nestedLock])],
    ['"CanNotDelete"'],
  ),
]);
