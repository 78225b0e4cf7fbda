// E7: `.bicepparam` and JSON parameter files as scenarios of a `.bicep`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parameterFile } from '../../helpers/lint.js';
import { bicepVm, diagnostics, hitsOf, ruleAt, where } from './helpers.js';

const main = `param size string = 'Standard_D4s_v5'\n${bicepVm('vm', "'vm1'", 'size')}`;

describe('Bicep parameter values from .bicepparam and JSON parameter files', () => {
  it('a .bicepparam value is reported at its use in the template, naming the file', () => {
    const files = { 'main.bicep': main, 'prod.bicepparam': "using './main.bicep'\n\nvar family = 'A0'\nparam size = 'Standard_${family}'\n" };
    const [hit, ...rest] = hitsOf(files, 'min-vm-size');
    assert.deepEqual(rest, []);
    assert.equal(`${hit!.file}:${hit!.line}:${hit!.column}`, where(files, 'main.bicep', 'size', 'vmSize'));
    assert.match(hit!.message, /\(value from variable 'family' → parameter 'size' in prod\.bicepparam\)\.$/);
    assert.deepEqual(hit!.raw.relatedLocations?.map((r) => `${r.filePath.replace('/project/', '')}:${r.line}:${r.column}`), [
      where(files, 'prod.bicepparam', "'Standard_${family}'"),
      where(files, 'prod.bicepparam', "'A0'"),
    ]);
  });

  it('each .bicepparam naming the template is a scenario; one naming another template is not', () => {
    const files = {
      'main.bicep': main,
      'dev.bicepparam': "using 'main.bicep'\nparam size = 'Standard_A0'\n",
      'prod.bicepparam': "using './main.bicep'\nparam size = 'Standard_D4s_v5'\n",
      'other.bicepparam': "using './other.bicep'\nparam size = 'Standard_A1'\n",
      'none.bicepparam': "using none\nparam size = 'Standard_A1'\n",
    };
    const hits = hitsOf(files, 'min-vm-size');
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message, /in dev\.bicepparam/);
  });

  it("JSON parameter files pair by the ARM convention, the compiled twin's name included", () => {
    const files = { 'main.bicep': main, 'azuredeploy.parameters.json': parameterFile({ size: 'Standard_A0' }) };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', 'size', 'vmSize')]);
    const own = { 'web.bicep': main, 'web.parameters.json': parameterFile({ size: 'Standard_A0' }) };
    assert.deepEqual(ruleAt(own, 'min-vm-size'), [where(own, 'web.bicep', 'size', 'vmSize')]);
  });

  it('a .bicepparam gets no findings of its own, and its syntax errors are positioned', () => {
    const files = { 'main.bicep': main, 'dev.bicepparam': "using './main.bicep'\nparam size = \nparam other = 'x'\n" };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
    assert.ok(diagnostics(files).some((d) => d.startsWith('dev.bicepparam:2:')), diagnostics(files).join('\n'));
  });
});
