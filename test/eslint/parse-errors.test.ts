// A file that does not parse gets one "Parsing error" at its line and column, and ESLint goes on.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';
import { ARM } from './fixtures-arm.js';
import { HCL } from './fixtures-hcl.js';
import { BICEP } from './fixtures-bicep.js';
import { pos } from '../helpers/lint.js';
import { tempProject } from './temp.js';

const BICEP_ULTRA = BICEP['no-ultra-ssd']!.invalid;

describe('parse errors', () => {
  let project: ReturnType<typeof tempProject>;
  let results: ESLint.LintResult[];

  before(async () => {
    project = tempProject({
      'arm/broken.json': '{\n  "a": 1\n  "b": 2\n}\n',
      'arm/azuredeploy.json': ARM['no-ultra-ssd']!.invalid,
      'tf/broken/main.tf': 'resource "azurerm_resource_group" "rg" {\n  name = \n}\n',
      'tf/ok/main.tf': HCL['no-ultra-ssd']!.invalid,
      'bicep/broken/main.bicep': "param size string = \nparam zone string = '1'\n\nresource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {\n  name: 'vm1'\n",
      'bicep/ok/main.bicep': BICEP_ULTRA,
      'bicep/ok/main.bicepparam': "using 'main.bicep'\n",
      'bicep/broken/main.bicepparam': "using 'main.bicep'\n\nparam size = \n",
    });
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended as ESLint.Options['overrideConfig'] });
    results = await eslint.lintFiles(['.']);
  });
  after(() => project.remove());

  const messagesOf = (file: string) => {
    const result = results.find((r) => r.filePath === path.join(project.dir, file));
    assert.ok(result, `no result for ${file}`);
    return result.messages.map((m) => ({ ruleId: m.ruleId, fatal: m.fatal ?? false, message: m.message, line: m.line, column: m.column }));
  };

  it('JSON: one fatal Parsing error with a 1-based line and column', () => {
    assert.deepEqual(messagesOf('arm/broken.json'), [{ ruleId: null, fatal: true, message: 'Parsing error: Expected "," (found "\\"b\\"")', line: 3, column: 3 }]);
  });

  it('HCL: one fatal Parsing error with a 1-based line and column', () => {
    assert.deepEqual(messagesOf('tf/broken/main.tf'), [{ ruleId: null, fatal: true, message: 'Parsing error: Expected an expression, found end of line', line: 2, column: 10 }]);
  });

  it('Bicep: one fatal Parsing error at the first break, for .bicep and .bicepparam alike', () => {
    const [only, ...rest] = messagesOf('bicep/broken/main.bicep');
    assert.deepEqual(rest, []);
    assert.deepEqual([only!.fatal, only!.line, only!.column], [true, 1, 21]);
    assert.match(only!.message, /^Parsing error: /);
    const [params, ...more] = messagesOf('bicep/broken/main.bicepparam');
    assert.deepEqual(more, []);
    assert.deepEqual([params!.fatal, params!.line], [true, 3]);
  });

  it('a .bicepparam that parses gets no messages; the .bicep it names gets the findings', () => {
    assert.deepEqual(messagesOf('bicep/ok/main.bicepparam'), []);
    assert.deepEqual(messagesOf('bicep/ok/main.bicep').map((m) => `${m.ruleId} ${m.line}:${m.column}`), [`azure-backup/no-ultra-ssd ${pos(BICEP_ULTRA, "'UltraSSD_LRS'")}`]);
  });

  it('the other files are still linted', () => {
    assert.deepEqual(
      messagesOf('arm/azuredeploy.json').map((m) => `${m.ruleId} ${m.line}:${m.column}`),
      ['azure-backup/no-ultra-ssd 33:39'],
    );
    assert.deepEqual(
      messagesOf('tf/ok/main.tf').map((m) => `${m.ruleId} ${m.line}:${m.column}`),
      ['azure-backup/no-ultra-ssd 30:26'],
    );
  });
});
