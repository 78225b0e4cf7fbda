// The plugin object ESLint loads, its configs, and its rules on @eslint/json's languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint, Linter } from 'eslint';
import json from '@eslint/json';
import plugin, { lint, lintSources } from '../../src/index.js';
import { TEMPLATE_PROBLEMS, toReport } from '../../src/eslint/rules.js';
import { rules as catalog } from '../../rules/index.js';
import { docsUrl, VERSION } from '../../src/kernel/meta.js';
import { ARM } from './fixtures-arm.js';
import { VIRTUAL_DIR } from './rule-tester.js';
import path from 'node:path';
import { BICEP } from './fixtures-bicep.js';
import { tempProject } from './temp.js';
import { dataDisk, template } from '../helpers/lint.js';
import { BICEP as BICEP_STAMP } from '../rules/formats.js';
import { armVmStorage } from '../rules/sources.js';

describe('plugin object', () => {
  it('has meta with the azure-backup namespace and its three languages', () => {
    assert.deepEqual(plugin.meta, { name: 'eslint-plugin-azure-backup', version: VERSION, namespace: 'azure-backup' });
    assert.deepEqual(Object.keys(plugin.languages), ['arm', 'hcl', 'bicep']);
    assert.equal(typeof lint, 'function');
    assert.equal(typeof lintSources, 'function');
  });

  it('has one rule per catalog rule, with docs, languages and problem type', () => {
    assert.deepEqual(Object.keys(plugin.rules).sort(), [...catalog.map((r) => r.id), TEMPLATE_PROBLEMS].sort());
    for (const r of catalog) {
      const meta = plugin.rules[r.id]!.meta!;
      assert.equal(meta.type, 'problem');
      assert.equal(meta.docs?.description, r.meta.description);
      assert.equal(meta.docs?.url, docsUrl(r.id));
      assert.deepEqual(meta.languages, ['azure-backup/arm', 'azure-backup/hcl', 'azure-backup/bicep', 'json/json', 'json/jsonc']);
      assert.equal(meta.hasSuggestions, true);
    }
    assert.deepEqual(plugin.rules['write-accelerator']!.meta!.schema, [
      { type: 'object', properties: { regions: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    ]);
    assert.deepEqual(plugin.rules['no-ultra-ssd']!.meta!.schema, []);
  });

  it('recommended: JSON as ARM, Terraform as HCL, Bicep as Bicep, catalog severities, restore limitations off', () => {
    const [arm, hcl, bicep] = plugin.configs.recommended;
    assert.equal(plugin.configs.recommended.length, 3);
    assert.deepEqual(bicep!.files, ['**/*.bicep', '**/*.bicepparam']);
    assert.equal(bicep!.language, 'azure-backup/bicep');
    assert.equal(bicep!.rules, arm!.rules);
    assert.deepEqual(arm!.files, ['**/*.json', '**/*.jsonc']);
    assert.equal(arm!.language, 'azure-backup/arm');
    assert.deepEqual(hcl!.files, ['**/*.tf', '**/*.tf.json', '**/*.tfvars', '**/*.tfvars.json']);
    assert.equal(hcl!.language, 'azure-backup/hcl');
    assert.equal(arm!.plugins!['azure-backup'], plugin);
    const rules = arm!.rules!;
    assert.equal(rules['azure-backup/no-ultra-ssd'], 'error');
    assert.equal(rules['azure-backup/no-spot-vm'], 'warn');
    const restoreLimitations = catalog.filter((r) => r.meta.category === 'restore-limitation').map((r) => r.id);
    assert.ok(restoreLimitations.includes('require-backup'));
    for (const id of restoreLimitations) {
      assert.equal(rules[`azure-backup/${id}`], 'off');
      assert.equal(plugin.configs.all[0]!.rules![`azure-backup/${id}`], 'warn');
    }
    assert.equal(Object.values(plugin.configs.all[1]!.rules!).filter((s) => s === 'off').length, 0);
  });

  it('each file kind gets its language from recommended; *.tf.json is Terraform (its entry comes last)', async () => {
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: plugin.configs.recommended as ESLint.Options['overrideConfig'] });
    const languageOf = async (file: string) => ((await eslint.calculateConfigForFile(`${VIRTUAL_DIR}/${file}`)) as { language?: unknown } | undefined)?.language;
    assert.equal(await languageOf('azuredeploy.json'), plugin.languages.arm);
    assert.equal(await languageOf('settings.jsonc'), plugin.languages.arm);
    for (const file of ['main.tf', 'main.tf.json', 'terraform.tfvars', 'prod.tfvars.json']) assert.equal(await languageOf(file), plugin.languages.hcl, file);
    for (const file of ['main.bicep', 'modules/vm.bicep', 'prod.bicepparam']) assert.equal(await languageOf(file), plugin.languages.bicep, file);
    assert.equal((await eslint.calculateConfigForFile(`${VIRTUAL_DIR}/all.bicep`))?.rules?.['azure-backup/no-ultra-ssd']?.[0], 2);
  });

  it('the HCL language reads *.tf.json as JSON', () => {
    const linter = new Linter();
    const messages = linter.verify('{ "resource": { } }', plugin.configs.recommended as Linter.Config[], { filename: `${VIRTUAL_DIR}/x/main.tf.json` });
    assert.deepEqual(messages, []);
    assert.equal((linter.getSourceCode()?.ast as { type?: string } | undefined)?.type, 'Document');
  });
});

describe('with @eslint/json', () => {
  const ultra = ARM['no-ultra-ssd']!.invalid;

  it("the rules run on json/jsonc next to @eslint/json's own rules", () => {
    const linter = new Linter();
    const config = [
      {
        files: ['**/*.json'],
        plugins: { json, 'azure-backup': plugin },
        language: 'json/jsonc',
        rules: { 'json/no-duplicate-keys': 'error', 'azure-backup/no-ultra-ssd': 'error' },
      },
    ] as Linter.Config[];
    const text = ultra.replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.0",\n  "contentVersion": "1.0.0.0",');
    const messages = linter.verify(`// a comment json/jsonc accepts\n${text}`, config, { filename: `${VIRTUAL_DIR}/json/azuredeploy.json` });
    assert.deepEqual(
      messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
      ['5:3 json/no-duplicate-keys', '35:39 azure-backup/no-ultra-ssd'],
    );
  });

  it("@eslint/json's directives suppress our findings too", () => {
    const linter = new Linter();
    const config = [{ files: ['**/*.json'], plugins: { json, 'azure-backup': plugin }, language: 'json/jsonc', rules: { 'azure-backup/no-ultra-ssd': 'error' } }] as Linter.Config[];
    const text = ultra.replace('"storageAccountType": "UltraSSD_LRS"', '// eslint-disable-next-line azure-backup/no-ultra-ssd -- ok\n"storageAccountType": "UltraSSD_LRS"');
    assert.deepEqual(linter.verify(text, config, { filename: `${VIRTUAL_DIR}/json2/azuredeploy.json` }), []);
  });
});

describe('reports and settings', () => {
  it('an engine message becomes a report in the language column base, with its suggestion as a text replacement', () => {
    const message = {
      ruleId: 'azure-backup/no-ultra-ssd',
      severity: 2 as const,
      message: 'm',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 19,
      suggestions: [{ desc: "Use 'Premium_LRS'", fix: { range: [40, 54] as const, text: '"Premium_LRS"' } }],
    };
    const oneBased = toReport(message, 1);
    assert.deepEqual(oneBased.loc, { start: { line: 3, column: 5 }, end: { line: 3, column: 19 } });
    assert.deepEqual(toReport(message, 0).loc, { start: { line: 3, column: 4 }, end: { line: 3, column: 18 } });
    const suggest = (oneBased as { suggest?: { desc: string; fix: (f: unknown) => unknown }[] }).suggest!;
    assert.equal(suggest[0]!.desc, "Use 'Premium_LRS'");
    const fixer = { replaceTextRange: (range: [number, number], text: string) => ({ range, text }) };
    assert.deepEqual(suggest[0]!.fix(fixer), { range: [40, 54], text: '"Premium_LRS"' });
    assert.equal('suggest' in toReport({ ...message, suggestions: [] }, 1), false);
  });

  it('a wrong setting is a clear configuration error', () => {
    const linter = new Linter();
    const config = [...(plugin.configs.recommended as Linter.Config[]), { settings: { 'azure-backup': { matrix: '2030' } } }];
    assert.throws(() => linter.verify(ARM['no-ultra-ssd']!.invalid, config, { filename: `${VIRTUAL_DIR}/settings/azuredeploy.json` }), {
      message: /settings\['azure-backup'\]\.matrix must be "2021" or "2025", not "2030"/,
    });
    const typo = [...(plugin.configs.recommended as Linter.Config[]), { settings: { 'azure-backup': { paramFile: ['x.json'] } } }];
    assert.throws(() => linter.verify('{}', typo, { filename: `${VIRTUAL_DIR}/settings/x.json` }), { message: /paramFile is not a setting/ });
  });

  it('a compiled twin reports nothing beside its .bicep, unless compiledJson is "lint"', async () => {
    const compiled = template({ metadata: BICEP_STAMP, resources: [armVmStorage('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] });
    const project = tempProject({ 'main.bicep': BICEP['no-ultra-ssd']!.invalid, 'azuredeploy.json': compiled });
    try {
      const lintWith = async (settings: Record<string, unknown>) => {
        const config = [...(plugin.configs.recommended as Linter.Config[]), { settings: { 'azure-backup': settings } }];
        const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: config as ESLint.Options['overrideConfig'] });
        return (await eslint.lintFiles(['.'])).map((r) => `${path.basename(r.filePath)} ${r.messages.map((m) => m.ruleId).join(',')}`).sort();
      };
      assert.deepEqual(await lintWith({}), ['azuredeploy.json ', 'main.bicep azure-backup/no-ultra-ssd']);
      assert.deepEqual(await lintWith({ compiledJson: 'lint' }), ['azuredeploy.json azure-backup/no-ultra-ssd', 'main.bicep azure-backup/no-ultra-ssd']);
      await assert.rejects(lintWith({ compiledJson: 'yes' }), /compiledJson must be "skip" or "lint", not "yes"/);
    } finally {
      project.remove();
    }
  });
});
