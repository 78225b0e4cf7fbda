// Inline directives in the CLI: a suppressed error does not fail the run, stays visible as a
// suppressed message in JSON and an in-source suppression in SARIF, with its justification.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch } from '../helpers/cli.js';

const JSONC = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm1",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": { "vmSize": "Standard_D4s_v5" },
        "storageProfile": {
          "dataDisks": [
            {
              "lun": 0,
              "createOption": "Empty",
              "diskSizeGB": 1024,
              // eslint-disable-next-line azure-backup/no-ultra-ssd -- log disk, rebuilt from snapshots
              "managedDisk": { "storageAccountType": "UltraSSD_LRS" }
            }
          ]
        }
      }
    }
  ]
}
`;

const TF = `resource "azurerm_managed_disk" "log" {
  name                 = "log"
  # eslint-disable-next-line azure-backup/no-ultra-ssd -- log disk, rebuilt from snapshots
  storage_account_type = "UltraSSD_LRS"
  create_option        = "Empty"
  disk_size_gb         = 1024
}

resource "azurerm_linux_virtual_machine" "vm" {
  name = "vm"
  size = "Standard_D4s_v5" // eslint-disable-line azure-backup/min-vm-size
}

resource "azurerm_virtual_machine_data_disk_attachment" "log" {
  managed_disk_id    = azurerm_managed_disk.log.id
  virtual_machine_id = azurerm_linux_virtual_machine.vm.id
  lun                = 0
  caching            = "None"
}
`;

interface SarifResult {
  ruleId: string;
  suppressions?: { kind: string; justification: string }[];
}

describe('suppressions in the CLI', () => {
  for (const [name, file, text] of [
    ['JSONC', 'infra/azuredeploy.json', JSONC],
    ['HCL', 'tf/main.tf', TF],
  ] as const) {
    it(`a suppressed error passes the run and is kept with its reason (${name})`, async () => {
      const dir = scratch({ [file]: text });
      const { code, stderr } = await cli(['.', '--format', 'json', '-o', 'out.json', '--format', 'sarif', '-o', 'out.sarif', '--format', 'stylish'], dir);
      assert.equal(code, 0, stderr);
      const results = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as { filePath: string; errorCount: number; messages: unknown[]; suppressedMessages: { ruleId: string; suppressions: unknown[] }[] }[];
      const result = results.find((r) => r.filePath.endsWith(file))!;
      const ultra = result.suppressedMessages.filter((m) => m.ruleId === 'azure-backup/no-ultra-ssd');
      assert.equal(ultra.length, 1);
      assert.deepEqual(ultra[0]!.suppressions, [{ kind: 'directive', justification: 'log disk, rebuilt from snapshots' }]);
      assert.equal(result.errorCount, 0);
      const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { runs: { results: SarifResult[] }[] };
      const suppressed = sarif.runs[0]!.results.filter((r) => r.ruleId === 'no-ultra-ssd' || r.ruleId === 'azure-backup/no-ultra-ssd');
      assert.deepEqual(suppressed.map((r) => r.suppressions), [[{ kind: 'inSource', justification: 'log disk, rebuilt from snapshots' }]]);
    });
  }

  it('the same error without the directive fails the run', async () => {
    const dir = scratch({ 'infra/azuredeploy.json': JSONC.replace(/\s*\/\/ eslint-disable-next-line.*\n/, '\n') });
    assert.equal((await cli(['.'], dir)).code, 1);
  });
});

describe('unused directives in the CLI', () => {
  const unused = `resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  # eslint-disable-next-line azure-backup/min-vm-size -- sized later\n  size = "Standard_D4s_v5"\n}\n`;

  it('are silent by default, errors with --report-unused-disable-directives, warnings with its severity flag', async () => {
    const dir = scratch({ 'tf/main.tf': unused });
    assert.equal((await cli(['.'], dir)).code, 0);
    const asError = await cli(['.', '--report-unused-disable-directives', '--format', 'json'], dir);
    assert.equal(asError.code, 1);
    const messages = (JSON.parse(asError.stdout) as { messages: { line: number; column: number; severity: number; message: string }[] }[])[0]!.messages;
    assert.deepEqual(messages, [{ ruleId: null, severity: 2, message: "Unused eslint-disable directive (no problems were reported from 'azure-backup/min-vm-size').", line: 3, column: 3 }]);
    const asWarning = await cli(['.', '--report-unused-disable-directives-severity', 'warn', '--format', 'json'], dir);
    assert.equal(asWarning.code, 0);
    assert.equal((JSON.parse(asWarning.stdout) as { warningCount: number }[])[0]!.warningCount, 1);
  });
});
