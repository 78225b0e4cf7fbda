import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyBaseline, BaselineError, flaggedText, writeBaseline } from '../../src/results/baseline.js';
import type { LintMessage } from '../../src/engine/lint-message.js';
import type { RunReport } from '../../src/results/results.js';
import { sampleReport } from '../reporters/fixture.js';

const CWD = '/work/project';

const TF = `resource "azurerm_managed_disk" "a" {
  storage_account_type = "UltraSSD_LRS"
}

resource "azurerm_managed_disk" "b" {
  storage_account_type = "UltraSSD_LRS"
}
`;

const ULTRA = 'Disk type UltraSSD_LRS is not supported by Azure Backup.';

function ultraAt(line: number): LintMessage {
  return { ruleId: 'azure-backup/no-ultra-ssd', severity: 2, message: ULTRA, line, column: 26, endLine: line, endColumn: 40 };
}

/** A run over one Terraform file with the given source and findings. */
function runOf(source: string, messages: LintMessage[]): RunReport {
  return {
    ...sampleReport(CWD),
    results: [
      {
        filePath: `${CWD}/infra/disks.tf`,
        source,
        messages,
        suppressedMessages: [],
        errorCount: messages.filter((m) => m.severity === 2).length,
        fatalErrorCount: messages.filter((m) => m.fatal).length,
        warningCount: messages.filter((m) => m.severity === 1).length,
      },
    ],
  };
}

describe('baseline', () => {
  it('collapses whitespace in the flagged lines', () => {
    assert.equal(flaggedText('a\n   x =\t  "y"  \r\n  z\n', { line: 2, endLine: 3 }), 'x = "y" z');
    assert.equal(flaggedText(undefined, { line: 2 }), '');
  });

  it('writes one counted entry per identity, without line numbers', () => {
    assert.equal(
      writeBaseline(runOf(TF, [ultraAt(2), ultraAt(6)])),
      `{
  "version": 1,
  "findings": [
    {
      "ruleId": "azure-backup/no-ultra-ssd",
      "file": "infra/disks.tf",
      "text": "storage_account_type = \\"UltraSSD_LRS\\"",
      "message": "${ULTRA}",
      "count": 2
    }
  ]
}
`,
    );
  });

  it('leaves only new findings, even after lines move and the file is reindented', () => {
    const baseline = writeBaseline(runOf(TF, [ultraAt(2), ultraAt(6)]));

    const grown = `${TF}
resource "azurerm_linux_virtual_machine" "web" {
  priority = "Spot"
}
`;
    const spot: LintMessage = { ruleId: 'azure-backup/no-spot-vm', severity: 1, message: 'Spot VM.', line: 10, column: 14, endLine: 10, endColumn: 20 };
    const after = applyBaseline(runOf(grown, [ultraAt(2), ultraAt(6), spot]), baseline).results[0]!;
    assert.deepEqual(after.messages, [spot]);
    assert.deepEqual(
      after.suppressedMessages.map((m) => [m.line, m.suppressions]),
      [
        [2, [{ kind: 'baseline', justification: 'accepted in the baseline file' }]],
        [6, [{ kind: 'baseline', justification: 'accepted in the baseline file' }]],
      ],
    );
    assert.deepEqual([after.errorCount, after.warningCount, after.fatalErrorCount], [0, 1, 0]);

    const reindented = `# disks for the web tier
# (moved around)

resource "azurerm_managed_disk" "a" {
        storage_account_type   =   "UltraSSD_LRS"
}
resource "azurerm_managed_disk" "b" {
\tstorage_account_type = "UltraSSD_LRS"
}
`;
    const moved = applyBaseline(runOf(reindented, [ultraAt(5), ultraAt(8)]), baseline).results[0]!;
    assert.deepEqual(moved.messages, []);
    assert.equal(moved.suppressedMessages.length, 2);
    assert.equal(moved.errorCount, 0);
  });

  it('still reports a third copy of a finding accepted twice', () => {
    const baseline = writeBaseline(runOf(TF, [ultraAt(2), ultraAt(6)]));
    const three = `${TF}resource "azurerm_managed_disk" "c" {\n  storage_account_type = "UltraSSD_LRS"\n}\n`;
    const after = applyBaseline(runOf(three, [ultraAt(2), ultraAt(6), ultraAt(9)]), baseline).results[0]!;
    assert.deepEqual(after.messages.map((m) => m.line), [9]);
    assert.equal(after.errorCount, 1);
  });

  it('does not accept the same finding in another file, another rule or with another message', () => {
    const baseline = writeBaseline(runOf(TF, [ultraAt(2)]));
    const report = runOf(TF, [{ ...ultraAt(2), message: 'Other wording.' }, { ...ultraAt(6), ruleId: 'azure-backup/supported-disk-type' }]);
    assert.equal(applyBaseline(report, baseline).results[0]!.messages.length, 2);
    const elsewhere = { ...report, results: [{ ...runOf(TF, [ultraAt(2)]).results[0]!, filePath: `${CWD}/other/disks.tf` }] };
    assert.equal(applyBaseline(elsewhere, baseline).results[0]!.messages.length, 1);
  });

  it('never baselines parse errors', () => {
    const parseError: LintMessage = { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Value expected', line: 1, column: 1 };
    const report = runOf('{', [parseError]);
    assert.equal(writeBaseline(report), '{\n  "version": 1,\n  "findings": []\n}\n');
    assert.deepEqual(applyBaseline(report, writeBaseline(report)).results[0]!.messages, [parseError]);
  });

  it('rejects files that are not baselines', () => {
    assert.throws(() => applyBaseline(runOf(TF, []), 'not json'), (e: unknown) => e instanceof BaselineError && /not valid JSON/.test(e.message));
    assert.throws(() => applyBaseline(runOf(TF, []), '{"version":2,"findings":[]}'), /"version": 1/);
    assert.throws(() => applyBaseline(runOf(TF, []), '{"version":1,"findings":[{"ruleId":"x"}]}'), /findings\[0\]/);
  });
});
