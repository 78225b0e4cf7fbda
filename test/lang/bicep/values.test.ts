// E1: parameters, variables, outputs, interpolation, operators, resource symbols and ids, ARM functions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL, bicepBackup, bicepVm, hitsOf, MAYBE, ruleAt, where } from './helpers.js';

describe('Bicep values reach the rules at their .bicep positions', () => {
  it('a literal is reported where it is written', () => {
    const files = { 'main.bicep': bicepVm('vm', "'vm1'", "'Standard_A0'") };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', "'Standard_A0'")]);
  });

  it('a parameter default is reported at its use, naming the parameter', () => {
    const files = { 'main.bicep': `param size string = 'Standard_A0'\n${bicepVm('vm', "'vm1'", 'size')}` };
    const [hit] = hitsOf(files, 'min-vm-size');
    assert.equal(`main.bicep:${hit!.line}:${hit!.column}`, where(files, 'main.bicep', 'size', 'vmSize'));
    assert.match(hit!.message, /\(value from default of parameter 'size'\)\.$/);
    assert.deepEqual(hit!.raw.relatedLocations?.map((r) => `${r.line}:${r.column}`), [where(files, 'main.bicep', "'Standard_A0'").slice('main.bicep:'.length)]);
  });

  it('a variable, a ternary and an interpolated string keep their origins', () => {
    const files = {
      'main.bicep': `param small bool = true
var sizes = {
  tiny: 'Standard_A0'
}
var chosen = small ? sizes.tiny : 'Standard_D4s_v5'
${bicepVm('vm', "'vm-\${small}'", 'chosen')}`,
    };
    const [hit] = hitsOf(files, 'min-vm-size');
    assert.equal(`main.bicep:${hit!.line}:${hit!.column}`, where(files, 'main.bicep', 'chosen', 'vmSize'));
    assert.match(hit!.message, /variable 'chosen'/);
  });

  it('@allowed values are "may be" candidates of a parameter without a value', () => {
    const files = { 'main.bicep': `@allowed([\n  'Standard_A0'\n  'Standard_D4s_v5'\n])\nparam size string\n${bicepVm('vm', "'vm1'", 'size')}` };
    assert.deepEqual(ruleAt(files, 'min-vm-size', ALL), []);
    const [hit] = hitsOf(files, 'min-vm-size', MAYBE);
    assert.match(hit!.message, /^May be: Parameter 'size' allows 'Standard_A0'/);
  });

  it('operators are the ARM functions they compile to', () => {
    const files = {
      'main.bicep': `param env string = 'DEV'
var isDev = env =~ 'dev' && !(env == 'prod')
var n = 2 + 3 * 2 - 8 / 2 % 3
var size = isDev && n == 7 ? 'Standard_A0' : 'Standard_D4s_v5'
${bicepVm('vm', "'vm1'", 'size')}`,
    };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', 'size', 'vmSize')]);
  });

  it("a resource's id links its protected item, which then protects it", () => {
    const unprotected = { 'main.bicep': bicepVm('vm', "'vm1'", "'Standard_D4s_v5'") };
    assert.deepEqual(ruleAt(unprotected, 'require-backup'), [where(unprotected, 'main.bicep', "'Microsoft.Compute/virtualMachines@2023-09-01'")]);
    const files = { 'main.bicep': bicepVm('vm', "'vm1'", "'Standard_D4s_v5'") + bicepBackup('vm1', 'vm.id') };
    assert.deepEqual(ruleAt(files, 'require-backup'), []);
  });

  it('an id built with resourceId() from a parameter without a value still links', () => {
    const files = {
      'main.bicep': `param vmName string\n${bicepVm('vm', 'vmName', "'Standard_D4s_v5'")}${bicepBackup('x', "resourceId('Microsoft.Compute/virtualMachines', vmName)")}`,
    };
    assert.deepEqual(ruleAt(files, 'require-backup'), []);
  });

  it('a string that looks like an ARM expression is text', () => {
    const files = { 'main.bicep': bicepVm('vm', "'[concat(1)]'", "'[parameters(''x'')]'") };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
  });
});
