// E5: `.?`, `[?]`, `??`, postfix `!`, `[^i]`, spread, lambdas; user functions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bicepVm, ruleAt, where } from './helpers.js';

function sizeFrom(declarations: string, expression: string): Record<string, string> {
  return { 'main.bicep': `${declarations}\n${bicepVm('vm', "'vm1'", expression)}` };
}

describe('Bicep operators and lambdas evaluate as their compiled ARM functions', () => {
  const cases: [string, string, string][] = [
    ['safe access and coalesce', "param config object = {}\nvar size = config.?vm.?size ?? 'Standard_A0'", 'size'],
    ['safe index', "var sizes = ['Standard_A0']\nvar size = sizes[?3] ?? sizes[0]", 'size'],
    ['non-null assertion', "param config object = {\n  size: 'Standard_A0'\n}", 'config.size!'],
    ['index from the end', "var sizes = ['Standard_D4s_v5', 'Standard_A0']", 'sizes[^1]'],
    ['safe index from the end', "var sizes = ['Standard_A0']", "sizes[?^5] ?? sizes[^1]"],
    ['object spread', "var base = {\n  size: 'Standard_D4s_v5'\n}\nvar merged = {\n  ...base\n  size: 'Standard_A0'\n}", 'merged.size'],
    ['array spread', "var more = ['Standard_A0']\nvar sizes = ['Standard_D4s_v5', ...more]", 'sizes[1]'],
    ['lambdas in map and filter', "var sizes = filter(map(['A0', 'D4s_v5'], s => 'Standard_${s}'), s => s != 'Standard_D4s_v5')", 'sizes[0]'],
    ['a user-defined function', "func sizeOf(family string) string => 'Standard_${family}'", "sizeOf('A0')"],
  ];
  for (const [name, declarations, expression] of cases) {
    it(name, () => {
      const files = sizeFrom(declarations, expression);
      assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', expression, 'vmSize')]);
    });
  }

  it('an unknown before ?? keeps the value unknown: no finding', () => {
    const files = sizeFrom('param config object', "config.?size ?? 'Standard_A0'");
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
  });
});
