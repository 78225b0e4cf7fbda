// ESLint shows only rule and parse messages: the engine's rule-less diagnostics (template mistakes,
// limits, refused links) come through the one non-catalog rule, on in both presets.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';
import { TEMPLATE_PROBLEMS } from '../../src/eslint/rules.js';
import { pos, template } from '../helpers/lint.js';
import { tempProject } from './temp.js';

const RULE = `azure-backup/${TEMPLATE_PROBLEMS}`;

const arm = template({
  resources: [
    {
      type: 'Microsoft.Compute/virtualMachines',
      apiVersion: '2023-09-01',
      name: "[concat('vm', copyIndex())]",
      location: 'westeurope',
      copy: { name: 'vms', count: 801 },
      properties: { hardwareProfile: { vmSize: "[parameters('skuu')]" } },
    },
  ],
});

const tf = `resource "azurerm_linux_virtual_machine" "vm" {
  name                = "vm1"
  resource_group_name = "rg"
  location            = "westeurope"
  size                = var.skuu
  priority            = try(var.nope, "Regular")
}
`;

describe(RULE, () => {
  let project: ReturnType<typeof tempProject>;
  let results: ESLint.LintResult[];

  before(async () => {
    project = tempProject({ 'arm/azuredeploy.json': arm, 'tf/main.tf': tf });
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended as ESLint.Options['overrideConfig'] });
    results = await eslint.lintFiles(['.']);
  });
  after(() => project.remove());

  const problems = (file: string) =>
    results
      .find((r) => r.filePath === path.join(project.dir, file))!
      .messages.filter((m) => m.ruleId === RULE)
      .map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`);

  it('is a warning in recommended and in all, and documented as not a catalog rule', () => {
    for (const preset of [plugin.configs.recommended, plugin.configs.all]) for (const config of preset) assert.equal(config.rules![RULE], 'warn');
    assert.match(plugin.rules[TEMPLATE_PROBLEMS]!.meta!.docs!.url!, /docs\/rules\/template-problems\.md$/);
  });

  it('shows ARM template mistakes and the copy limit, which ESLint dropped before', () => {
    assert.deepEqual(problems('arm/azuredeploy.json'), [
      `${pos(arm, '801')} 1 Copy count 801 is outside ARM's limit of 0 to 800; the deployment would fail`,
      `${pos(arm, `"[parameters('skuu')]"`)} 1 parameter 'skuu' is not declared`,
    ]);
  });

  it('shows Terraform mistakes, and not what try() absorbs', () => {
    assert.deepEqual(problems('tf/main.tf'), [`${pos(tf, 'var.skuu')} 1 reference to undeclared input variable "skuu"`]);
  });

  it('can be turned off on its own', async () => {
    const eslint = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { rules: { [RULE]: 'off' } }] as ESLint.Options['overrideConfig'],
    });
    const [result] = await eslint.lintFiles(['tf/main.tf']);
    assert.deepEqual(result!.messages.filter((m) => m.ruleId === RULE), []);
  });
});
