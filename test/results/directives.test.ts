// The CLI and the API apply directive comments as ESLint applies them in the plugin: each case
// runs through ESLint's Linter with the plugin and through lintSources, and both must agree on
// what is reported (with unused directives) and what is suppressed, with which justification.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { lintSources } from '../../src/api/index.js';
import { RULE_IDS } from '../../src/setup.js';
import { ARM } from '../eslint/fixtures-arm.js';
import { HCL } from '../eslint/fixtures-hcl.js';
import { BICEP } from '../eslint/fixtures-bicep.js';
import { VIRTUAL_DIR } from '../eslint/rule-tester.js';

const ON = ['no-ultra-ssd', 'no-spot-vm', 'min-vm-size'];

interface Outcome {
  readonly reported: string[];
  readonly suppressed: string[];
}

function viaEslint(text: string, file: string): Outcome {
  const linter = new Linter({ cwd: process.cwd() });
  const config = [
    {
      files: ['**/*.json', '**/*.tf', '**/*.bicep'],
      plugins: { 'azure-backup': plugin },
      language: file.endsWith('.tf') ? 'azure-backup/hcl' : file.endsWith('.bicep') ? 'azure-backup/bicep' : 'azure-backup/arm',
      rules: Object.fromEntries(ON.map((id) => [`azure-backup/${id}`, 'error'])),
      linterOptions: { reportUnusedDisableDirectives: 'error' as const },
    },
  ];
  const messages = linter.verify(text, config as Linter.Config[], { filename: path.join(VIRTUAL_DIR, file) });
  const suppressed = (linter as unknown as { getSuppressedMessages(): Linter.SuppressedLintMessage[] }).getSuppressedMessages();
  return {
    reported: messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId ?? m.message}`),
    suppressed: suppressed.map((m) => `${m.line}:${m.column} ${m.ruleId} ${JSON.stringify(m.suppressions)}`),
  };
}

function viaApi(text: string, file: string): Outcome {
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, ON.includes(id) ? 'error' : 'off'] as const));
  const report = lintSources({ [file]: text }, { cwd: path.resolve(VIRTUAL_DIR), rules, reportUnusedDisableDirectives: 'error' });
  const result = report.results.find((r) => r.filePath.endsWith(file))!;
  return {
    reported: result.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId ?? m.message}`),
    suppressed: result.suppressedMessages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${JSON.stringify(m.suppressions)}`),
  };
}

/** `comment` inserted as a line before the first line containing `needle`. */
function before(text: string, needle: string, comment: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  lines.splice(i, 0, `${/^\s*/.exec(lines[i]!)![0]}${comment}`);
  return lines.join('\n');
}

const endOf = (text: string, needle: string, comment: string) => text.replace(new RegExp(`^(.*${needle}.*)$`, 'm'), `$1 ${comment}`);

const arm = ARM['no-ultra-ssd']!.invalid;
const tf = HCL['no-ultra-ssd']!.invalid;
const bicep = BICEP['no-ultra-ssd']!.invalid;
const twoDisks = arm.replace(/("dataDisks": \[)/, '$1\n            { "lun": 9, "createOption": "Empty", "diskSizeGB": 8, "managedDisk": { "storageAccountType": "UltraSSD_LRS" } },');

const CASES: [string, string, string][] = [
  ['nothing to apply', 'azuredeploy.json', arm],
  ['next-line with a reason', 'azuredeploy.json', before(arm, 'UltraSSD_LRS', '// eslint-disable-next-line azure-backup/no-ultra-ssd -- accepted: rebuilt from snapshots')],
  ['next-line without rules', 'azuredeploy.json', before(arm, 'UltraSSD_LRS', '// eslint-disable-next-line')],
  ['disable-line in a block comment', 'azuredeploy.json', endOf(arm, 'UltraSSD_LRS', '/* eslint-disable-line azure-backup/no-ultra-ssd -- reason */')],
  ['a block disable … enable', 'azuredeploy.json', before(before(twoDisks, '"lun": 0', '/* eslint-enable */'), '"lun": 9', '/* eslint-disable */')],
  ['a block disable with no enable, for one rule', 'azuredeploy.json', before(twoDisks, '"lun": 9', '/* eslint-disable azure-backup/no-ultra-ssd -- whole file */')],
  ['an unused directive for another rule', 'azuredeploy.json', before(arm, '"location"', '// eslint-disable-next-line azure-backup/no-spot-vm')],
  ['one of two rules used', 'azuredeploy.json', before(arm, 'UltraSSD_LRS', '// eslint-disable-next-line azure-backup/no-ultra-ssd, azure-backup/no-spot-vm')],
  ['three unused rules', 'azuredeploy.json', before(arm, '"location"', '// eslint-disable-next-line azure-backup/no-spot-vm, azure-backup/min-vm-size, azure-backup/no-ultra-ssd')],
  ['an enable with nothing to end', 'azuredeploy.json', before(arm, '"location"', '/* eslint-enable azure-backup/no-ultra-ssd */')],
  ['a rule of ours that does not exist', 'azuredeploy.json', before(arm, 'UltraSSD_LRS', '// eslint-disable-next-line azure-backup/no-such-rule')],
  ['disable-line spanning lines', 'azuredeploy.json', endOf(arm, 'UltraSSD_LRS', '/* eslint-disable-line\n azure-backup/no-ultra-ssd */')],
  ['# next-line', 'main.tf', before(tf, 'UltraSSD_LRS', '# eslint-disable-next-line azure-backup/no-ultra-ssd -- accepted')],
  ['// next-line', 'main.tf', before(tf, 'UltraSSD_LRS', '// eslint-disable-next-line azure-backup/no-ultra-ssd -- accepted')],
  ['# disable-line', 'main.tf', endOf(tf, 'UltraSSD_LRS', '# eslint-disable-line azure-backup/no-ultra-ssd')],
  ['HCL block', 'main.tf', before(before(tf, 'disk_size_gb', '/* eslint-enable */'), 'storage_account_type = "UltraSSD_LRS"', '/* eslint-disable azure-backup/no-ultra-ssd */')],
  ['an unused # directive', 'main.tf', before(tf, 'size                  =', '# eslint-disable-next-line azure-backup/min-vm-size')],
  ['// next-line', 'main.bicep', before(bicep, 'UltraSSD_LRS', '// eslint-disable-next-line azure-backup/no-ultra-ssd -- accepted')],
  ['Bicep block', 'main.bicep', before(before(bicep, '      ]', '/* eslint-enable */'), "storageAccountType: 'UltraSSD_LRS'", '/* eslint-disable azure-backup/no-ultra-ssd */')],
  ['an unused // directive', 'main.bicep', before(bicep, "location:", '// eslint-disable-next-line azure-backup/no-spot-vm')],
];

/** Bicep's pragmas, which name our rules by their bare ids and suppress as ESLint's directives do. */
const PRAGMAS: [string, string][] = [
  ['#disable-next-line with a reason', before(bicep, 'UltraSSD_LRS', '#disable-next-line no-ultra-ssd BCP081 // accepted: rebuilt from snapshots')],
  ['#disable-diagnostics … #restore-diagnostics', before(before(bicep, '      ]', '#restore-diagnostics no-ultra-ssd'), "storageAccountType: 'UltraSSD_LRS'", '#disable-diagnostics no-ultra-ssd')],
  ['#disable-diagnostics with no restore', before(bicep, "storageAccountType: 'UltraSSD_LRS'", '#disable-diagnostics no-ultra-ssd no-spot-vm')],
  ['an unused pragma', before(bicep, 'location:', '#disable-next-line no-spot-vm')],
  ['a restore with nothing to end', before(bicep, 'location:', '#restore-diagnostics no-ultra-ssd')],
  ["Bicep's own codes only", before(bicep, 'UltraSSD_LRS', '#disable-next-line BCP081 no-unused-params')],
];


describe('directive comments in the CLI and the API, as in ESLint', () => {
  for (const [name, file, text] of CASES) {
    it(`${name} (${file})`, () => {
      const expected = viaEslint(text, file);
      assert.deepEqual(viaApi(text, file), expected);
    });
  }

  for (const [name, text] of PRAGMAS) {
    it(`${name} (main.bicep)`, () => {
      const expected = viaEslint(text, 'main.bicep');
      assert.deepEqual(viaApi(text, 'main.bicep'), expected);
    });
  }

  it('the cases exercise both suppression and unused reporting', () => {
    const all = CASES.map(([, file, text]) => viaEslint(text, file));
    assert.ok(all.filter((o) => o.suppressed.length > 0).length >= 8);
    assert.ok(all.filter((o) => o.reported.some((r) => r.includes('Unused eslint-'))).length >= 4);
  });
});
