// In SARIF a template mistake is a result of the synthetic `input-diagnostic` rule, at its line and column.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../src/api/lint.js';
import { sarif } from '../../src/reporters/sarif.js';
import { sarifMultitool, validateSarif } from '../helpers/sarif-validator.js';
import { pos, template } from '../helpers/lint.js';

const text = template({
  resources: [
    {
      type: 'Microsoft.Compute/virtualMachines',
      apiVersion: '2023-09-01',
      name: 'vm1',
      location: 'westeurope',
      properties: { hardwareProfile: { vmSize: "[parameters('skuu')]" } },
    },
  ],
});

describe('template mistakes in SARIF', () => {
  it('are warnings of the input-diagnostic rule, and the log stays valid', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'abl-diag-'));
    try {
      writeFileSync(path.join(dir, 'azuredeploy.json'), text);
      const log = sarif(await lint([], { cwd: dir }));
      const run = (JSON.parse(log) as { runs: { results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] }).runs[0]!;
      const found = run.results.filter((r) => r.ruleId === 'input-diagnostic');
      assert.deepEqual(
        found.map((r) => `${r.locations[0]!.physicalLocation.region.startLine}:${r.locations[0]!.physicalLocation.region.startColumn} ${r.level} ${r.message.text}`),
        [`${pos(text, `"[parameters('skuu')]"`)} warning parameter 'skuu' is not declared`],
      );
      const tool = sarifMultitool();
      if ('skip' in tool) t.skip(tool.skip);
      else assert.deepEqual(validateSarif(tool.bin, log), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
