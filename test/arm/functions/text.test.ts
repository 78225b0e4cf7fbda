import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, plain } from '../expression/fake-scope.js';
import { unknown } from '../../../src/kernel/value.js';

function table(cases: [string, unknown][]): void {
  for (const [expr, expected] of cases) it(`${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(plain(expr), expected));
}

describe('string functions', () => {
  describe('concat', () => {
    table([
      ["concat('a', 'b', 'c')", 'abc'],
      ["concat('vm', 1, '-', true())", 'vm1-True'],
      ['concat(createArray(1, 2), createArray(3))', [1, 2, 3]],
      ["concat(createArray(1), 'a')", 'unknown: error: concat() cannot combine arrays with String (argument 2)'],
      ["concat('a', createObject())", 'unknown: error: concat() argument 2 must be a string or an array, not Object'],
    ]);
  });

  describe('format', () => {
    table([
      ["format('{0}-{1}', 'a', 2)", 'a-2'],
      ["format('{0:D3}', 7)", '007'],
      ["format('{0:N2}', 8175133)", '8,175,133.00'],
      ["format('{0:N0}', 8175133)", '8,175,133'],
      ["format('{0:X4}|{0:x}', 255)", '00FF|ff'],
      ["format('{0:000}', 5)", '005'],
      ["format('{0,4}|{1,-3}|', 'a', 'b')", '   a|b  |'],
      ["format('{{{0}}}', 'x')", '{x}'],
      ["format('{0} {1}', true(), false())", 'True False'],
      ["format('{1}', 'a')", 'unknown: error: format(): index 1 is out of range; there are 1 values to format'],
      ["format('{0', 'a')", "unknown: error: format(): Input string was not in a correct format (unclosed '{')."],
      ["format('a}', 'a')", "unknown: error: format(): Input string was not in a correct format (unescaped '}')."],
    ]);
  });

  describe('substring', () => {
    table([
      ["substring('one two', 4, 3)", 'two'],
      ["substring('one two', 4)", 'two'],
      ["substring('abc', 0, 0)", ''],
      [
        "substring('1234567890', 0, 11)",
        "unknown: error: The index and length parameters must refer to a location within the string. The index parameter: '0', the length parameter: '11', the length of the string parameter: '10'.",
      ],
      ["substring('abc', -1, 1)", "unknown: error: The index and length parameters must refer to a location within the string. The index parameter: '-1', the length parameter: '1', the length of the string parameter: '3'."],
    ]);
  });

  describe('split, replace, padLeft, case and trim', () => {
    table([
      ["split('one,two,three', ',')", ['one', 'two', 'three']],
      ["split('one;two,three', createArray(',', ';'))", ['one', 'two', 'three']],
      ["split('a,,b', ',')", ['a', '', 'b']],
      ["split('abc', '')", ['abc']],
      ["replace('123-123-1234', '-', '')", '1231231234'],
      ["replace('aaa', 'a', 'bb')", 'bbbbbb'],
      ["replace('a', '', 'b')", 'unknown: error: replace() oldString cannot be empty'],
      ["padLeft('123', 10, '0')", '0000000123'],
      ['padLeft(7, 3)', '  7'],
      ["padLeft('12345', 3, '0')", '12345'],
      ["padLeft('1', 3, '00')", 'unknown: error: padLeft() padding character must be a single character'],
      ["toLower('One Two')", 'one two'],
      ["toUpper('One Two')", 'ONE TWO'],
      ["trim('  a b \t')", 'a b'],
      ["startsWith('abcdef', 'AB')", true],
      ["endsWith('abcdef', 'DEF')", true],
      ["endsWith('abcdef', 'e')", false],
      ['toLower(1)', 'unknown: error: toLower() argument 1 must be a string, not Integer'],
    ]);
  });

  describe('string()', () => {
    table([
      ["string(createObject('valueA', 10, 'valueB', 'Example Text'))", '{"valueA":10,"valueB":"Example Text"}'],
      ["string(createArray('a', 'b', 'c'))", '["a","b","c"]'],
      ['string(5)', '5'],
      ['string(true())', 'True'],
      ['string(null())', ''],
      ["string('x')", 'x'],
      ["string(createArray(resourceGroup().location))", 'unknown: resourceGroup().location is known only at deployment'],
    ]);
  });

  describe('uniqueString and guid', () => {
    it('are stable 13-character and GUID-shaped strings that differ by input', () => {
      const a = plain("uniqueString('a', 'b')");
      assert.match(String(a), /^[a-z2-7]{13}$/);
      assert.equal(plain("uniqueString('a', 'b')"), a);
      assert.notEqual(plain("uniqueString('a', 'c')"), a);
      const g = plain("guid('a')");
      assert.match(String(g), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(plain("guid('a')"), g);
    });

    it('are unknown with a symbol when an input is deployment-time', () => {
      const u = ev('uniqueString(resourceGroup().id)');
      assert.equal(u.kind, 'unknown');
      assert.equal(u.kind === 'unknown' && u.symbol, 'uniqueString(/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name})');
      const g = ev('guid(subscription().subscriptionId)');
      assert.equal(g.kind === 'unknown' && g.symbol, 'guid({subscription().subscriptionId})');
      assert.equal(plain("equals(concat('st', uniqueString(resourceGroup().id)), concat('st', uniqueString(resourceGroup().id)))"), true);
    });
  });
});

describe('partially known strings in text functions', () => {
  const ITEM = "format('{0}/Azure/iaasvmcontainer;iaasvmcontainerv2;{1};{2}', 'rsv', resourceGroup().name, 'vm1')";
  const cases: [string, unknown][] = [
    [ITEM, 'partial: rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;{resourceGroup().name};vm1'],
    [`split(${ITEM}, '/')`, ['rsv', 'Azure', 'partial: iaasvmcontainer;iaasvmcontainerv2;{resourceGroup().name};vm1']],
    [`last(split(${ITEM}, ';'))`, 'vm1'],
    [`first(split(${ITEM}, '/'))`, 'rsv'],
    [`substring(${ITEM}, 4, 5)`, 'Azure'],
    [`concat('x', substring(${ITEM}, 4))`, 'partial: x{substring(rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;{resourceGroup().name};vm1, 4)}'],
    [`concat('x', substring(${ITEM}, 30, 40))`, 'partial: x{substring(rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;{resourceGroup().name};vm1, 30, 40)}'],
    ["concat(take(toLower(resourceGroup().name), 10), 'as')", 'partial: {take(toLower(resourceGroup().name), 10)}as'],
    ["concat('vm', substring(uniqueString(resourceGroup().id), 0, 5))", 'partial: vm{substring(uniqueString(/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}), 0, 5)}'],
    ["equals(concat('vm', skip(resourceGroup().name, 2)), concat('vm', skip(resourceGroup().name, 2)))", true],
    ["equals(take(resourceGroup().name, 2), take(resourceGroup().name, 3))", 'unknown: resourceGroup().name is known only at deployment'],
    ["take(parameters('p'), length(parameters('p')))", 'unknown: p is known only at deployment'],
    [`take(${ITEM}, 3)`, 'rsv'],
    [`skip(${ITEM}, 4)`, 'partial: Azure/iaasvmcontainer;iaasvmcontainerv2;{resourceGroup().name};vm1'],
    ["toLower(concat('VM-', resourceGroup().name))", 'partial: vm-{toLower(resourceGroup().name)}'],
    ["split(concat('a/', parameters('p')), '/')", 'unknown: p is known only at deployment'],
    ["split(concat('vm-', uniqueString(resourceGroup().id)), '-')", ['vm', '{uniqueString(/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name})}']],
    ["format('{0,10}', resourceGroup().name)", 'unknown: resourceGroup().name is known only at deployment'],
    ["equals(concat('vm-', resourceGroup().name), format('vm-{0}', resourceGroup().name))", true],
    ["equals(concat('vm-', resourceGroup().name), concat('nic-', resourceGroup().name))", false],
    ["equals(concat('vm-', resourceGroup().name), 'vm-rg1')", 'unknown: resourceGroup().name is known only at deployment'],
    ["equals(resourceId('Microsoft.Compute/virtualMachines', 'vm1'), resourceId('Microsoft.Compute/virtualMachines', 'vm2'))", false],
  ];
  const p = { parameters: { p: unknown('p is known only at deployment', undefined, { symbol: "parameters('p')" }) } };
  for (const [expr, expected] of cases) it(`${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(partialPlain(expr, p), expected));
});

/** Like `plain`, with array items shown the same way. */
function partialPlain(expr: string, options: Parameters<typeof ev>[1]): unknown {
  const v = ev(expr, options);
  const shown = (i: typeof v): string => (i.kind === 'string' ? i.value : i.kind !== 'unknown' ? i.kind : i.parts ? `partial: ${i.symbol}` : `{${i.symbol}}`);
  if (v.kind === 'array') return v.items.map(shown);
  return plain(expr, options);
}
