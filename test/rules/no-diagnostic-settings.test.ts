import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-diagnostic-settings.js';
import type { DiagnosticSetting } from '../../src/azure/model.js';
import { loc, model, param, run, s, symbol, vm } from './model-builder.js';
import { nul } from '../../src/kernel/value.js';
import { armCase, BICEP, formatSuite, tfCase, valueCases } from './formats.js';
import { armVm, tfResource, tfVm } from './sources.js';

const TAIL = 'Azure Backup cannot restore the VM with the Create New option';

test('a diagnostic settings resource on the VM warns at its type', () => {
  const setting: DiagnosticSetting = {
    kind: 'diagnosticSetting', at: loc(), address: "Microsoft.Insights/diagnosticSettings 'diag'", name: s('diag'),
    location: s('westeurope'), resourceGroup: symbol('rg'), subscription: symbol('sub'), typeAt: loc(), targetId: 'x',
  };
  const { reports } = run(rule, model({ vms: [vm({ diagnosticSettings: [setting] })], diagnosticSettings: [setting] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, setting.typeAt);
  assert.equal(reports[0]!.message, `Diagnostic settings on this VM: ${TAIL}`);
});

test('the guest diagnostics extensions warn at the extension type', () => {
  const win = { at: loc(), publisher: s('Microsoft.Azure.Diagnostics'), type: s('IaaSDiagnostics'), encryptionOperation: nul() };
  const linux = { at: loc(), publisher: s('microsoft.azure.diagnostics'), type: s('LinuxDiagnostic'), encryptionOperation: nul() };
  const other = { at: loc(), publisher: s('Microsoft.Azure.Monitor'), type: s('AzureMonitorLinuxAgent'), encryptionOperation: nul() };
  const unknownType = { at: loc(), publisher: s('Microsoft.Azure.Diagnostics'), type: param('extType'), encryptionOperation: nul() };
  const { reports } = run(rule, model({ vms: [vm({ extensions: [win, linux, other, unknownType] })] }));
  assert.deepEqual(reports.map((r) => r.at), [win.type, linux.type]);
  assert.equal(reports[0]!.message, `Diagnostics extension 'IaaSDiagnostics' on this VM: ${TAIL}`);
});

const armExtension = (type: unknown) => ({
  type: 'Microsoft.Compute/virtualMachines/extensions',
  apiVersion: '2023-09-01',
  name: 'vm1/diag',
  location: 'westeurope',
  dependsOn: ["[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]"],
  properties: { publisher: 'Microsoft.Azure.Diagnostics', type, typeHandlerVersion: '4.0', autoUpgradeMinorVersion: true },
});
const armSetting = (scope: string) => ({
  type: 'Microsoft.Insights/diagnosticSettings',
  apiVersion: '2021-05-01-preview',
  name: 'diag',
  scope,
  properties: { workspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w', metrics: [{ category: 'AllMetrics', enabled: true }] },
});
const VM_ID = "[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]";
const tfSetting = (target: string) =>
  tfResource('azurerm_monitor_diagnostic_setting', 'web', `  name                       = "diag"\n  target_resource_id         = ${target}\n  log_analytics_workspace_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w"\n`);

formatSuite('no-diagnostic-settings', [
  ...valueCases({
    bad: 'LinuxDiagnostic',
    good: 'CustomScript',
    arm: (v) => [armVm('vm1'), armExtension(v)],
    tf: (expr, loop) =>
      tfVm() +
      tfResource(
        'azurerm_virtual_machine_extension',
        'diag',
        `  name                 = "diag"\n  virtual_machine_id   = azurerm_linux_virtual_machine.web.id\n  publisher            = "Microsoft.Azure.Diagnostics"\n  type                 = ${expr}\n  type_handler_version = "4.0"\n`,
        loop.meta,
      ),
    tfBad: '"LinuxDiagnostic"',
    tfGood: '"CustomScript"',
  }),
  armCase('ARM: a diagnosticSettings resource scoped to the VM', { resources: [armVm('vm1'), armSetting(VM_ID)] }, ['"Microsoft.Insights/diagnosticSettings"']),
  armCase("ARM: settings scoped to another resource pass", { resources: [armVm('vm1'), armSetting("[resourceId('Microsoft.Network/networkInterfaces', 'nic1')]")] }, []),
  armCase(
    'Bicep 2.0: settings scoped to the VM by symbolic name',
    { languageVersion: '2.0', metadata: BICEP, resources: { web: armVm('vm1'), diag: { ...armSetting('vm1'), scope: VM_ID } } },
    ['"Microsoft.Insights/diagnosticSettings"'],
  ),
  tfCase('Terraform: azurerm_monitor_diagnostic_setting targeting the VM', tfVm() + tfSetting('azurerm_linux_virtual_machine.web.id'), ['"azurerm_monitor_diagnostic_setting"']),
  tfCase('Terraform: settings on another resource pass', tfVm() + tfSetting('"/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"'), []),
]);
