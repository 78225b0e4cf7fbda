import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, dataDisk, lintHits, parameterFile, pos, SCHEMA, template, vm } from '../../helpers/lint.js';

const ULTRA = 'no-ultra-ssd';

/**
 * ARM takes `{ "value": null }` as no value, so a parameter with a default gets its default
 * (Azure/bicep#11532). Bicep compiles an optional module parameter passed as `cond ? {...} : null`
 * into exactly that (the Azure Verified Modules VM module's `extensionAadJoinConfig`).
 */
describe('ARM parameter given null', () => {
  it('takes its default in a nested deployment, as Bicep modules rely on', () => {
    const t = template({
      parameters: { entra: { type: 'bool', defaultValue: false } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          properties: {
            expressionEvaluationOptions: { scope: 'inner' },
            mode: 'Incremental',
            parameters: {
              aadJoin: "[if(parameters('entra'), createObject('value', createObject('enabled', true(), 'sku', 'Premium_LRS')), createObject('value', null()))]",
            },
            template: {
              $schema: SCHEMA,
              contentVersion: '1.0.0.0',
              parameters: { aadJoin: { type: 'object', defaultValue: { enabled: false, sku: 'UltraSSD_LRS' } } },
              resources: [{ ...vm('vm1', { dataDisks: [dataDisk(0, "[parameters('aadJoin').sku]")] }), condition: "[not(parameters('aadJoin').enabled)]" }],
            },
          },
        },
      ],
    });
    const hits = lintHits({ 'main.json': t });
    assert.deepEqual(hits.filter((h) => h.rule === null), []);
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[parameters('aadJoin').sku]"`)}`]);
    assert.match(hits.find((h) => h.rule === ULTRA)!.message, /default of parameter 'aadJoin'/);
  });

  it('takes its default from a parameter file', () => {
    const t = template({
      parameters: { sku: { type: 'string', defaultValue: 'UltraSSD_LRS' } },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })],
    });
    const hits = lintHits({ 'main.json': t, 'main.parameters.json': parameterFile({ sku: null }) });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[parameters('sku')]"`)}`]);
    assert.match(hits[0]!.message, /default of parameter 'sku'/);
  });

  it('stays null without a default (a nullable parameter)', () => {
    const t = template({
      parameters: { sku: { type: 'string', nullable: true } },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[coalesce(parameters('sku'), 'UltraSSD_LRS')]")] })],
    });
    const hits = lintHits({ 'main.json': t, 'main.parameters.json': parameterFile({ sku: null }) });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[coalesce(parameters('sku'), 'UltraSSD_LRS')]"`)}`]);
  });
});
