// Broken and hostile Bicep: positioned diagnostics, the rest still evaluated, never a crash or hang.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bicepVm, diagnostics, ruleAt, where } from './helpers.js';

describe('Bicep evaluation of broken or hostile input', () => {
  it('a half-typed property is one diagnostic on its line; the rest of the file still counts', () => {
    const files = { 'main.bicep': `${bicepVm('broken', "'vm0'", "'Standard_D4s_v5'").replace("location: 'westeurope'", 'ultraSSDEnabled: ')}\n${bicepVm('vm', "'vm1'", "'Standard_A0'")}` };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', "'Standard_A0'")]);
    const problems = diagnostics(files);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.ok(problems[0]!.startsWith('main.bicep:3:'), problems[0]);
  });

  it('a BOM does not shift positions', () => {
    const files = { 'main.bicep': `\uFEFF${bicepVm('vm', "'vm1'", "'Standard_A0'")}` };
    const [hit] = ruleAt(files, 'min-vm-size');
    assert.equal(hit, where({ 'main.bicep': files['main.bicep'].slice(1) }, 'main.bicep', "'Standard_A0'"));
  });

  it('a variable that refers to itself, and functions the linter does not compute, are no findings', () => {
    const files = { 'main.bicep': `var a = b\nvar b = a\nvar text = loadTextContent('x.txt')\n${bicepVm('vm', 'a', "'Standard_${text}'")}` };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
    assert.ok(diagnostics(files).some((d) => /refers to itself/.test(d)));
  });

  it('deeply nested modules stop at the nesting limit with a diagnostic', () => {
    const files: Record<string, string> = { 'main.bicep': "module m './m0.bicep' = {\n  name: 'm'\n}\n" };
    for (let i = 0; i < 25; i++) files[`m${i}.bicep`] = `module m './m${i + 1}.bicep' = {\n  name: 'm'\n}\n`;
    files['m25.bicep'] = '';
    assert.ok(diagnostics(files).some((d) => /nested deeper than 20 levels/.test(d)));
  });

  it('a resource name built from a huge string stays bounded', () => {
    const files = { 'main.bicep': `var big = join(map(range(0, 10000), i => 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), '')\nvar bigger = '\${big}\${big}\${big}\${big}\${big}\${big}\${big}\${big}\${big}\${big}\${big}\${big}'\n${bicepVm('vm', 'bigger', "'Standard_A0'")}` };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', "'Standard_A0'")]);
  });
});
