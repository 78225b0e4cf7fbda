// ESLint directives in JSONC, HCL and Bicep comments, and Bicep's own pragmas with bare rule ids:
// disable-next-line with a reason, block disable/enable, inline severity, and unused-directive
// reporting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { ARM } from './fixtures-arm.js';
import { HCL } from './fixtures-hcl.js';
import { BICEP } from './fixtures-bicep.js';
import { pos } from '../helpers/lint.js';
import { VIRTUAL_DIR } from './rule-tester.js';

const ARM_FILE = `${VIRTUAL_DIR}/suppress/azuredeploy.json`;
const TF_FILE = `${VIRTUAL_DIR}/suppress/main.tf`;
const BICEP_FILE = `${VIRTUAL_DIR}/suppress/main.bicep`;

function verify(text: string, filename: string, rules: Record<string, 'warn' | 'error'> = { 'azure-backup/no-ultra-ssd': 'error' }) {
  const linter = new Linter({ cwd: process.cwd() });
  const language = filename.endsWith('.tf') ? 'azure-backup/hcl' : filename.endsWith('.bicep') ? 'azure-backup/bicep' : 'azure-backup/arm';
  const config = [
    {
      files: ['**/*.json', '**/*.tf', '**/*.bicep'],
      plugins: { 'azure-backup': plugin },
      language,
      rules,
      linterOptions: { reportUnusedDisableDirectives: 'error' as const },
    },
  ];
  const messages = linter.verify(text, config as Linter.Config[], { filename });
  const brief = (m: Linter.LintMessage) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`;
  return { messages: messages.map(brief), suppressed: (linter as unknown as { getSuppressedMessages(): Linter.SuppressedLintMessage[] }).getSuppressedMessages() };
}

/** The text with `comment` inserted as a line before the first line containing `needle`. */
function before(text: string, needle: string, comment: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  const indent = /^\s*/.exec(lines[i]!)![0];
  lines.splice(i, 0, `${indent}${comment}`);
  return lines.join('\n');
}

/** The text with `comment` appended to the first line containing `needle`. */
function endOf(text: string, needle: string, comment: string): string {
  return text.replace(new RegExp(`^(.*${needle}.*)$`, 'm'), `$1 ${comment}`);
}

const ultraArm = ARM['no-ultra-ssd']!.invalid;
const ultraTf = HCL['no-ultra-ssd']!.invalid;
const ULTRA = "Disk type 'UltraSSD_LRS' cannot be backed up by Azure Backup; VMs with it cannot be protected.";

describe('JSONC directives (azure-backup/arm)', () => {
  it('reports the finding when nothing suppresses it', () => {
    assert.deepEqual(verify(ultraArm, ARM_FILE).messages, [`33:39 2 azure-backup/no-ultra-ssd ${ULTRA}`]);
  });

  it('eslint-disable-next-line with a -- reason suppresses the next line and keeps the reason', () => {
    const text = before(ultraArm, 'UltraSSD_LRS', '// eslint-disable-next-line azure-backup/no-ultra-ssd -- accepted: rebuilt from snapshots');
    const { messages, suppressed } = verify(text, ARM_FILE);
    assert.deepEqual(messages, []);
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0]!.ruleId, 'azure-backup/no-ultra-ssd');
    assert.equal(suppressed[0]!.line, 34);
    assert.deepEqual(suppressed[0]!.suppressions, [{ kind: 'directive', justification: 'accepted: rebuilt from snapshots' }]);
  });

  it('eslint-disable-line at the end of the line suppresses it', () => {
    const text = endOf(ultraArm, 'UltraSSD_LRS', '/* eslint-disable-line azure-backup/no-ultra-ssd */');
    assert.deepEqual(verify(text, ARM_FILE).messages, []);
  });

  it('a /* eslint-disable */ … /* eslint-enable */ block suppresses what is inside it only', () => {
    const twoDisks = ultraArm.replace(/("dataDisks": \[)/, '$1\n            { "lun": 9, "createOption": "Empty", "diskSizeGB": 8, "managedDisk": { "storageAccountType": "UltraSSD_LRS" } },');
    const text = before(before(twoDisks, '"lun": 0', '/* eslint-enable */'), '"lun": 9', '/* eslint-disable */');
    const { messages, suppressed } = verify(text, ARM_FILE);
    assert.deepEqual(messages, [`36:39 2 azure-backup/no-ultra-ssd ${ULTRA}`]);
    assert.deepEqual(suppressed.map((m) => `${m.line}:${m.column}`), ['29:106']);
  });

  it('/* eslint azure-backup/<id>: "warn" */ changes the severity for the file', () => {
    const text = `/* eslint azure-backup/no-ultra-ssd: "warn" */\n${ultraArm}`;
    assert.deepEqual(verify(text, ARM_FILE).messages, [`34:39 1 azure-backup/no-ultra-ssd ${ULTRA}`]);
  });

  it('an unused disable directive is reported', () => {
    const text = before(ultraArm, '"location"', '// eslint-disable-next-line azure-backup/no-spot-vm');
    const { messages } = verify(text, ARM_FILE, { 'azure-backup/no-ultra-ssd': 'error', 'azure-backup/no-spot-vm': 'error' });
    assert.deepEqual(messages, [
      "9:7 2 null Unused eslint-disable directive (no problems were reported from 'azure-backup/no-spot-vm').",
      `34:39 2 azure-backup/no-ultra-ssd ${ULTRA}`,
    ]);
  });

  it('an invalid inline config is a problem at the comment', () => {
    const text = `/* eslint azure-backup/no-ultra-ssd: [ */\n${ultraArm}`;
    const { messages } = verify(text, ARM_FILE);
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /^1:1 2 null /);
  });
});

describe('HCL directives (azure-backup/hcl)', () => {
  it('reports the finding when nothing suppresses it', () => {
    assert.deepEqual(verify(ultraTf, TF_FILE).messages, [`30:26 2 azure-backup/no-ultra-ssd ${ULTRA}`]);
  });

  for (const marker of ['#', '//']) {
    it(`${marker} eslint-disable-next-line with a reason suppresses the next line`, () => {
      const text = before(ultraTf, 'UltraSSD_LRS', `${marker} eslint-disable-next-line azure-backup/no-ultra-ssd -- accepted`);
      const { messages, suppressed } = verify(text, TF_FILE);
      assert.deepEqual(messages, []);
      assert.deepEqual(suppressed.map((m) => [m.line, m.column, m.suppressions]), [[31, 26, [{ kind: 'directive', justification: 'accepted' }]]]);
    });
  }

  it('# eslint-disable-line at the end of the line suppresses it', () => {
    assert.deepEqual(verify(endOf(ultraTf, 'UltraSSD_LRS', '# eslint-disable-line azure-backup/no-ultra-ssd'), TF_FILE).messages, []);
  });

  it('/* eslint-disable */ … /* eslint-enable */ blocks work', () => {
    const text = before(before(ultraTf, 'disk_size_gb', '/* eslint-enable */'), 'storage_account_type = "UltraSSD_LRS"', '/* eslint-disable azure-backup/no-ultra-ssd */');
    const { messages, suppressed } = verify(text, TF_FILE);
    assert.deepEqual(messages, []);
    assert.equal(suppressed.length, 1);
  });

  it('# eslint azure-backup/<id>: "warn" changes the severity', () => {
    assert.deepEqual(verify(`# eslint azure-backup/no-ultra-ssd: "warn"\n${ultraTf}`, TF_FILE).messages, [
      `31:26 1 azure-backup/no-ultra-ssd ${ULTRA}`,
    ]);
  });

  it('an unused # directive is reported', () => {
    const text = before(ultraTf, 'size                  =', '# eslint-disable-next-line azure-backup/min-vm-size');
    const { messages } = verify(text, TF_FILE, { 'azure-backup/no-ultra-ssd': 'error', 'azure-backup/min-vm-size': 'error' });
    assert.deepEqual(messages, ["10:3 2 null Unused eslint-disable directive (no problems were reported from 'azure-backup/min-vm-size').", `31:26 2 azure-backup/no-ultra-ssd ${ULTRA}`]);
  });
});

describe('Bicep directives and pragmas (azure-backup/bicep)', () => {
  const ultra = BICEP['no-ultra-ssd']!.invalid;
  const at = (text: string) => pos(text, "'UltraSSD_LRS'").replace(':', ':');
  const unused = (line: number, column: number, id: string) => `${line}:${column} 2 null Unused eslint-disable directive (no problems were reported from 'azure-backup/${id}').`;

  it('reports the finding when nothing suppresses it', () => {
    assert.deepEqual(verify(ultra, BICEP_FILE).messages, [`${at(ultra)} 2 azure-backup/no-ultra-ssd ${ULTRA}`]);
  });

  it('// eslint-disable-next-line with a -- reason suppresses the next line and keeps the reason', () => {
    const text = before(ultra, 'UltraSSD_LRS', '// eslint-disable-next-line azure-backup/no-ultra-ssd -- accepted: rebuilt from snapshots');
    const { messages, suppressed } = verify(text, BICEP_FILE);
    assert.deepEqual(messages, []);
    assert.deepEqual(suppressed.map((m) => `${m.line}:${m.column} ${JSON.stringify(m.suppressions)}`), [`${at(text)} [{"kind":"directive","justification":"accepted: rebuilt from snapshots"}]`]);
  });

  it('#disable-next-line with the bare id suppresses the next line; a trailing comment is the reason', () => {
    const text = before(ultra, 'UltraSSD_LRS', '#disable-next-line no-ultra-ssd BCP081 // accepted: rebuilt from snapshots');
    const { messages, suppressed } = verify(text, BICEP_FILE);
    assert.deepEqual(messages, []);
    assert.deepEqual(suppressed.map((m) => `${m.line}:${m.column} ${JSON.stringify(m.suppressions)}`), [`${at(text)} [{"kind":"directive","justification":"accepted: rebuilt from snapshots"}]`]);
  });

  it('#disable-diagnostics … #restore-diagnostics suppress what is between them only', () => {
    const text = before(before(ultra, 'UltraSSD_LRS', '#disable-diagnostics no-ultra-ssd'), '      ]', '#restore-diagnostics no-ultra-ssd');
    const { messages, suppressed } = verify(text, BICEP_FILE);
    assert.deepEqual(messages, []);
    assert.equal(suppressed.length, 1);
    const after = before(before(ultra, 'UltraSSD_LRS', '#restore-diagnostics no-ultra-ssd'), '#restore-diagnostics', '#disable-diagnostics no-ultra-ssd');
    assert.equal(verify(after, BICEP_FILE).messages.filter((m) => m.includes(' 2 azure-backup/no-ultra-ssd ')).length, 1, 'restored before the finding');
  });

  it("a pragma without one of this plugin's ids is Bicep's own and suppresses nothing", () => {
    for (const pragma of ['#disable-next-line BCP081 no-unused-params', '#disable-next-line no-ultra-sd']) {
      const text = before(ultra, 'UltraSSD_LRS', pragma);
      assert.deepEqual(verify(text, BICEP_FILE).messages, [`${at(text)} 2 azure-backup/no-ultra-ssd ${ULTRA}`], pragma);
    }
  });

  it('unused pragmas and comments are reported as unused directives', () => {
    const text = before(before(ultra, "location:", '#disable-next-line no-spot-vm'), "name: 'vm1'", '// eslint-disable-next-line azure-backup/min-vm-size');
    const { messages } = verify(text, BICEP_FILE, { 'azure-backup/no-ultra-ssd': 'error', 'azure-backup/no-spot-vm': 'error', 'azure-backup/min-vm-size': 'error' });
    const [comment, pragma] = [pos(text, '// eslint-disable'), pos(text, '#disable')].map((p) => p.split(':').map(Number));
    assert.deepEqual(messages, [unused(comment![0]!, comment![1]!, 'min-vm-size'), unused(pragma![0]!, pragma![1]!, 'no-spot-vm'), `${at(text)} 2 azure-backup/no-ultra-ssd ${ULTRA}`]);
  });
});
