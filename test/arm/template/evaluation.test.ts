import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, dataDisk, lintHits, parameterFile, pos, template, vm } from '../../helpers/lint.js';

const ULTRA = 'no-ultra-ssd';

describe('ARM evaluation feeds the rules', () => {
  it('reports a literal at the literal', () => {
    const t = template({ resources: [vm('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] });
    assert.deepEqual(at(lintHits({ 'main.json': t }), ULTRA), [`main.json:${pos(t, '"UltraSSD_LRS"')}`]);
  });

  it('reports a parameter default at the use site and names the parameter', () => {
    const t = template({
      parameters: { sku: { type: 'string', defaultValue: 'UltraSSD_LRS' } },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })],
    });
    const hits = lintHits({ 'main.json': t });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[parameters('sku')]"`)}`]);
    const hit = hits.find((h) => h.rule === ULTRA)!;
    assert.match(hit.message, /default of parameter 'sku'/);
    assert.equal(hit.raw.relatedLocations?.[0]?.line, Number(pos(t, '"UltraSSD_LRS"').split(':')[0]));
  });

  it('uses the parameter file over the default, and names it', () => {
    const t = template({
      parameters: { sku: { type: 'string', defaultValue: 'Premium_LRS' } },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })],
    });
    const p = parameterFile({ sku: 'UltraSSD_LRS' });
    const hits = lintHits({ 'main.json': t, 'main.parameters.json': p });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[parameters('sku')]"`)}`]);
    assert.match(hits[0]!.message, /parameter 'sku' in main\.parameters\.json/);
    assert.equal(hits[0]!.raw.relatedLocations?.[0]?.filePath, '/project/main.parameters.json');
    // The default alone would be clean.
    assert.deepEqual(at(lintHits({ 'main.json': t }), ULTRA), []);
  });

  it('evaluates variables and functions: concat, format, if, length, range', () => {
    const t = template({
      parameters: { tier: { type: 'string', defaultValue: 'Ultra' } },
      variables: {
        sku: "[concat(parameters('tier'), 'SSD_LRS')]",
        chosen: "[if(equals(length(range(0, 3)), 3), variables('sku'), 'Premium_LRS')]",
        formatted: "[format('{0}SSD_{1}', parameters('tier'), 'LRS')]",
      },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[variables('chosen')]"), dataDisk(1, "[variables('formatted')]")] })],
    });
    const hits = lintHits({ 'main.json': t });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[variables('chosen')]"`)}`, `main.json:${pos(t, `"[variables('formatted')]"`)}`]);
    assert.match(hits[0]!.message, /variable 'chosen'/);
  });

  it('expands property copy loops whose count is a parameter; 32 disks pass, 33 fail', () => {
    const make = (count: number) =>
      template({
        parameters: { n: { type: 'int', defaultValue: count } },
        resources: [
          vm('vm1', { copy: [{ name: 'dataDisks', count: "[parameters('n')]", input: dataDisk(0, 'Premium_LRS', { lun: "[copyIndex('dataDisks')]" }) }] }),
        ],
      });
    assert.deepEqual(at(lintHits({ 'main.json': make(32) }), 'max-data-disks'), []);
    const t = make(33);
    assert.deepEqual(at(lintHits({ 'main.json': t }), 'max-data-disks'), [`main.json:${pos(t, '"dataDisks"')}`]);
  });

  it('expands resource copy loops', () => {
    const t = template({
      resources: [{ ...vm("[concat('vm', copyIndex())]", { dataDisks: [dataDisk(0, "[if(equals(copyIndex(), 2), 'UltraSSD_LRS', 'Premium_LRS')]")] }), copy: { name: 'vms', count: 3 } }],
    });
    const hits = lintHits({ 'main.json': t });
    assert.equal(at(hits, ULTRA).length, 1);
  });

  it('skips resources whose condition is false', () => {
    const t = template({
      parameters: { deploy: { type: 'bool', defaultValue: false } },
      resources: [{ ...vm('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] }), condition: "[parameters('deploy')]" }],
    });
    assert.deepEqual(at(lintHits({ 'main.json': t }), ULTRA), []);
  });

  it('never reports an unknown value', () => {
    const t = template({
      parameters: { sku: { type: 'string', allowedValues: ['Premium_LRS', 'UltraSSD_LRS'] } },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]"), dataDisk(1, "[reference('x').sku]")] })],
    });
    assert.deepEqual(at(lintHits({ 'main.json': t }), ULTRA), []);
    const maybe = lintHits({ 'main.json': t }, { unknownValues: 'report' }).filter((h) => h.rule === ULTRA);
    assert.equal(maybe.length, 1);
    assert.equal(maybe[0]!.raw.severity, 1);
    assert.equal(maybe[0]!.raw.maybe, true);
  });

  it('links disk resources by evaluated id and ignores unattached disks', () => {
    const t = template({
      variables: { diskName: "[concat('vm1', '-data')]" },
      resources: [
        { type: 'Microsoft.Compute/disks', apiVersion: '2023-04-02', name: "[variables('diskName')]", location: 'westeurope', sku: { name: 'UltraSSD_LRS' }, properties: { maxShares: 3, creationData: { createOption: 'Empty' } } },
        { type: 'Microsoft.Compute/disks', apiVersion: '2023-04-02', name: 'orphan', location: 'westeurope', sku: { name: 'UltraSSD_LRS' }, properties: { maxShares: 5 } },
        vm('vm1', { dataDisks: [{ lun: 0, createOption: 'Attach', managedDisk: { id: "[resourceId('Microsoft.Compute/disks', 'vm1-data')]" } }] }),
      ],
    });
    const hits = lintHits({ 'main.json': t });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, '"UltraSSD_LRS"')}`]);
    assert.deepEqual(at(hits, 'no-shared-disk'), [`main.json:${pos(t, '3', '"maxShares": ')}`]);
  });

  it('evaluates nested deployments in inner scope with passed parameters', () => {
    const t = template({
      parameters: { sku: { type: 'string', defaultValue: 'UltraSSD_LRS' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          properties: {
            expressionEvaluationOptions: { scope: 'inner' },
            mode: 'Incremental',
            parameters: { diskSku: { value: "[parameters('sku')]" } },
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              parameters: { diskSku: { type: 'string' }, sku: { type: 'string', defaultValue: 'Premium_LRS' } },
              resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('diskSku')]")] })],
            },
          },
        },
      ],
    });
    const hits = lintHits({ 'main.json': t });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[parameters('diskSku')]"`, '"resources"')}`]);
    assert.match(hits[0]!.message, /default of parameter 'sku' → parameter 'diskSku' passed by deployment 'inner' in main.json/);
  });

  it('evaluates nested deployments in outer scope with the parent parameters', () => {
    const t = template({
      parameters: { sku: { type: 'string', defaultValue: 'UltraSSD_LRS' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'outer',
          properties: {
            mode: 'Incremental',
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              parameters: { sku: { type: 'string', defaultValue: 'Premium_LRS' } },
              resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })],
            },
          },
        },
      ],
    });
    assert.equal(at(lintHits({ 'main.json': t }), ULTRA).length, 1);
  });

  it('follows linked templates by relativePath and reports in the linked file', () => {
    const linked = template({
      parameters: { sku: { type: 'string' } },
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })],
    });
    const main = template({
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'linked',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/vm.json' }, parameters: { sku: { value: 'UltraSSD_LRS' } } },
        },
      ],
    });
    const hits = lintHits({ 'main.json': main, 'nested/vm.json': linked });
    assert.deepEqual(at(hits, ULTRA), [`nested/vm.json:${pos(linked, `"[parameters('sku')]"`)}`]);
  });

  it('evaluates Bicep languageVersion 2.0 output and skips existing resources', () => {
    const t = template({
      languageVersion: '2.0',
      metadata: { _generator: { name: 'bicep', version: '0.30.23.60470' } },
      parameters: { sku: { type: 'string', defaultValue: 'UltraSSD_LRS' } },
      resources: {
        old: { ...vm('old', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] }), existing: true },
        web: vm('web', { dataDisks: [dataDisk(0, "[parameters('sku')]")] }),
      },
    });
    assert.deepEqual(at(lintHits({ 'main.json': t }), ULTRA), [`main.json:${pos(t, `"[parameters('sku')]"`)}`]);
  });

  it('reports a static private IP on a NIC attached to a VM only', () => {
    const nic = (name: string, method: string) => ({
      type: 'Microsoft.Network/networkInterfaces',
      apiVersion: '2023-05-01',
      name,
      location: 'westeurope',
      properties: { ipConfigurations: [{ name: 'ip', properties: { privateIPAllocationMethod: method, privateIPAddress: '10.0.0.4' } }] },
    });
    const t = template({
      resources: [
        nic('attached', 'Static'),
        nic('loose', 'Static'),
        vm('vm1', {}, { properties: { networkProfile: { networkInterfaces: [{ id: "[resourceId('Microsoft.Network/networkInterfaces', 'attached')]" }] } } }),
      ],
    });
    assert.deepEqual(at(lintHits({ 'main.json': t }), 'no-static-private-ip'), [`main.json:${pos(t, '"Static"')}`]);
  });
});

describe('ARM input problems', () => {
  it('reports a truncated file as a fatal parse error and still lints the others', () => {
    const good = template({ resources: [vm('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] });
    const hits = lintHits({ 'bad.json': '{\n  "resources": [\n    {"type": ', 'good.json': good });
    const fatal = hits.find((h) => h.file === 'bad.json')!;
    assert.equal(fatal.raw.fatal, true);
    assert.equal(fatal.rule, null);
    assert.deepEqual([fatal.line, fatal.column], [3, 14]);
    assert.equal(at(hits, ULTRA).length, 1);
  });

  it('gives a diagnostic for a copy count of 10^9 instead of hanging', () => {
    const t = template({ resources: [{ ...vm('vm1', {}), copy: { name: 'vms', count: 1_000_000_000 } }] });
    const hits = lintHits({ 'main.json': t });
    assert.match(hits.find((h) => h.rule === null)!.message, /outside ARM's limit of 0 to 800/);
  });

  it('survives 20,000-deep arrays', () => {
    const deep = `{"resources": ${'['.repeat(20000)}${']'.repeat(20000)}, "contentVersion": "1.0.0.0"}`;
    const hits = lintHits({ 'deep.json': deep });
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message, /nested deeper than 1000 levels/);
  });

  it('skips JSON that is not a template', () => {
    assert.deepEqual(lintHits({ 'package.json': '{"name": "x", "version": "1.0.0"}', 'tsconfig.json': '{"compilerOptions": {} // c\n}' }), []);
  });
});

describe('ARM evaluation details', () => {
  it('evaluates user-defined functions', () => {
    const t = template({
      functions: [
        {
          namespace: 'disks',
          members: { sku: { parameters: [{ name: 'tier', type: 'string' }], output: { type: 'string', value: "[concat(parameters('tier'), 'SSD_LRS')]" } } },
        },
      ],
      resources: [vm('vm1', { dataDisks: [dataDisk(0, "[disks.sku('Ultra')]")] })],
    });
    assert.deepEqual(at(lintHits({ 'main.json': t }), ULTRA), [`main.json:${pos(t, `"[disks.sku('Ultra')]"`)}`]);
  });

  it('treats copyIndex() of a loop with an unknown count as unknown', () => {
    const t = template({
      parameters: { n: { type: 'int' } },
      resources: [
        {
          ...vm("[concat('vm', copyIndex())]", {
            dataDisks: [dataDisk(0, "[if(equals(copyIndex(), 0), 'UltraSSD_LRS', 'Premium_LRS')]"), dataDisk(1, 'UltraSSD_LRS')],
          }),
          copy: { name: 'vms', count: "[parameters('n')]" },
        },
      ],
    });
    // The literal Ultra disk is a finding whatever the count; the copyIndex-dependent one is not known.
    assert.deepEqual(at(lintHits({ 'main.json': t }), ULTRA), [`main.json:${pos(t, '"UltraSSD_LRS"', '"lun": 1')}`]);
  });

  it('links resources named from parameters without values', () => {
    const t = template({
      parameters: { diskName: { type: 'string' } },
      resources: [
        { type: 'Microsoft.Compute/disks', apiVersion: '2023-04-02', name: "[parameters('diskName')]", location: 'westeurope', sku: { name: 'UltraSSD_LRS' } },
        vm('vm1', { dataDisks: [{ lun: 0, createOption: 'Attach', managedDisk: { id: "[resourceId('Microsoft.Compute/disks', parameters('diskName'))]" } }] }),
      ],
    });
    assert.equal(at(lintHits({ 'main.json': t }), ULTRA).length, 1);
  });
});

describe('unknown data-disk counts', () => {
  it('are no finding, and a "may be" finding when the count parameter allows more than 32', () => {
    const t = template({
      parameters: { n: { type: 'int', allowedValues: [1, 8, 40] } },
      resources: [vm('vm1', { copy: [{ name: 'dataDisks', count: "[parameters('n')]", input: dataDisk(0, 'Premium_LRS') }] })],
    });
    assert.deepEqual(at(lintHits({ 'main.json': t }), 'max-data-disks'), []);
    const maybe = lintHits({ 'main.json': t }, { unknownValues: 'report' }).filter((h) => h.rule === 'max-data-disks');
    assert.deepEqual(maybe.map((h) => `${h.line}:${h.column}`), [pos(t, '"dataDisks"')]);
    assert.equal(maybe[0]!.message, "May be: The disk count allows 40 data disks, over Azure Backup's limit of 32 per VM.");
  });
});
