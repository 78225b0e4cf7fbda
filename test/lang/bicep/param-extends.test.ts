// E7: `.bicepparam` files that extend a base parameters file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bicepVm, diagnostics, hitsOf, ruleAt, where } from './helpers.js';

const main = `param size string = 'Standard_D4s_v5'\nparam suffix string = '1'\n${bicepVm('vm', "'vm${suffix}'", 'size')}`;

describe('Bicep .bicepparam extends', () => {
  it('an inherited value is reported at its use, naming the base file that set it', () => {
    const files = {
      'main.bicep': main,
      'base.bicepparam': "using none\nparam size = 'Standard_A0'\nparam suffix = '2'\n",
      'prod.bicepparam': "using './main.bicep'\nextends './base.bicepparam'\nparam suffix = '3'\n",
    };
    const [hit, ...rest] = hitsOf(files, 'min-vm-size');
    assert.deepEqual(rest, []);
    assert.equal(`${hit!.file}:${hit!.line}:${hit!.column}`, where(files, 'main.bicep', 'size', 'vmSize'));
    assert.match(hit!.message, /parameter 'size' in base\.bicepparam\)\.$/);
    assert.deepEqual(hit!.raw.relatedLocations?.map((r) => `${r.filePath.replace('/project/', '')}:${r.line}:${r.column}`), [where(files, 'base.bicepparam', "'Standard_A0'")]);
    assert.deepEqual(diagnostics(files), []);
  });

  it('the extending file wins, and base.x reads the inherited value through a chain of files', () => {
    const files = {
      'main.bicep': main,
      'global.bicepparam': "using none\nparam size = 'Standard_A0'\n",
      'mid.bicepparam': "using none\nextends 'global.bicepparam'\nvar hidden = 'Standard_A1'\nparam size = 'Standard_D4s_v5'\nparam suffix = base.size\n",
      'leaf.bicepparam': "extends './mid.bicepparam'\nusing './main.bicep'\nparam size = base.suffix\n",
    };
    const [hit, ...rest] = hitsOf(files, 'min-vm-size');
    assert.deepEqual(rest, []);
    assert.equal(`${hit!.file}:${hit!.line}:${hit!.column}`, where(files, 'main.bicep', 'size', 'vmSize'));
    // leaf's size ← base.suffix (mid) ← base.size (global): the chain names each file.
    assert.match(hit!.message, /parameter 'size' in global\.bicepparam → parameter 'suffix' in mid\.bicepparam → parameter 'size' in leaf\.bicepparam\)\.$/);
    assert.deepEqual(diagnostics(files), []);
  });

  it('spreading base merges an inherited object', () => {
    const vm = bicepVm('vm', "'vm1'", 'cfg.size');
    const files = {
      'main.bicep': `param cfg object\n${vm}`,
      'base.bicepparam': "using none\nparam cfg = {\n  size: 'Standard_A0'\n  zone: '1'\n}\n",
      'ok.bicepparam': "using 'main.bicep'\nextends 'base.bicepparam'\nparam cfg = {\n  ...base.cfg\n  size: 'Standard_D4s_v5'\n}\n",
    };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
    const bad = { ...files, 'ok.bicepparam': "using 'main.bicep'\nextends 'base.bicepparam'\nparam cfg = {\n  ...base.cfg\n  zone: '2'\n}\n" };
    assert.deepEqual(ruleAt(bad, 'min-vm-size'), [where(bad, 'main.bicep', 'cfg.size')]);
  });

  it('a cycle, a missing, outside-root, non-literal or second base gives a positioned diagnostic and no crash', () => {
    const cycle = {
      'main.bicep': main,
      'a.bicepparam': "using './main.bicep'\nextends './b.bicepparam'\nparam size = 'Standard_A0'\n",
      'b.bicepparam': "using none\nextends './a.bicepparam'\nparam suffix = '2'\n",
    };
    assert.deepEqual(diagnostics(cycle), [`${where(cycle, 'b.bicepparam', "'./a.bicepparam'")} Base parameters file './a.bicepparam' extends this file again (cycle); it is not read again`]);
    assert.equal(ruleAt(cycle, 'min-vm-size').length, 1);

    const broken = {
      'main.bicep': main,
      'p.bicepparam': "using './main.bicep'\nextends '../../etc/x.bicepparam'\nparam size = 'Standard_A0'\n",
      'q.bicepparam': "using './main.bicep'\nextends 'missing.bicepparam'\n",
      'r.bicepparam': "using './main.bicep'\nextends '${'x'}.bicepparam'\n",
      's.bicepparam': "using './main.bicep'\nextends 'main.bicep'\n",
    };
    assert.deepEqual(diagnostics(broken).sort(), [
      `${where(broken, 'p.bicepparam', "'../")} Base parameters file '../../etc/x.bicepparam' is outside the linted root; it is not read`,
      `${where(broken, 'q.bicepparam', "'missing")} Base parameters file 'missing.bicepparam' cannot be read: file not found`,
      `${where(broken, 'r.bicepparam', "'${")} The base parameters file must be named by a literal path; its values are not read`,
      `${where(broken, 's.bicepparam', "'main")} Base parameters file 'main.bicep' is not a .bicepparam file; its values are not read`,
    ]);
  });
});
