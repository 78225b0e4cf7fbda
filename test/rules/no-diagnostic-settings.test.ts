import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-diagnostic-settings.js';
import type { DiagnosticSetting } from '../../src/model/types.js';
import { loc, model, param, run, s, symbol, vm } from './model-builder.js';

const TAIL = `restoring the VM with the Create New option fails (support matrix 2021: "Backup with Diagnostic Settings: Unsupported. If the restore of the Azure VM with diagnostic settings is triggered using Create New option, then the restore fails.")`;

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
  const win = { at: loc(), publisher: s('Microsoft.Azure.Diagnostics'), type: s('IaaSDiagnostics') };
  const linux = { at: loc(), publisher: s('microsoft.azure.diagnostics'), type: s('LinuxDiagnostic') };
  const other = { at: loc(), publisher: s('Microsoft.Azure.Monitor'), type: s('AzureMonitorLinuxAgent') };
  const unknownType = { at: loc(), publisher: s('Microsoft.Azure.Diagnostics'), type: param('extType') };
  const { reports } = run(rule, model({ vms: [vm({ extensions: [win, linux, other, unknownType] })] }));
  assert.deepEqual(reports.map((r) => r.at), [win.type, linux.type]);
  assert.equal(reports[0]!.message, `Diagnostics extension 'IaaSDiagnostics' on this VM: ${TAIL}`);
});
