import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, paramDefault, plain } from '../expression/fake-scope.js';

function table(cases: [string, unknown][]): void {
  for (const [expr, expected] of cases) it(`${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(plain(expr), expected));
}

describe('array and object functions', () => {
  describe('length, empty, first, last, take, skip', () => {
    table([
      ["length('One Two Three')", 13],
      ["length(createArray('a', resourceGroup().location))", 2],
      ["length(createObject('a', 1, 'b', 2))", 2],
      ['length(1)', 'unknown: error: length() argument 1 must be an array, a string or an object, not Integer'],
      ["empty('')", true],
      ['empty(createArray())', true],
      ['empty(createObject())', true],
      ['empty(null())', true],
      ["empty(' ')", false],
      ["first(createArray('one', 'two'))", 'one'],
      ["first('One')", 'O'],
      ['first(createArray())', null],
      ["last(createArray('one', 'three'))", 'three'],
      ["last('One')", 'e'],
      ["take(createArray('one', 'two', 'three'), 2)", ['one', 'two']],
      ["take('one two', 2)", 'on'],
      ["take('abc', -1)", ''],
      ["skip(createArray('one', 'two', 'three'), 2)", ['three']],
      ["skip('one two three', 4)", 'two three'],
      ["skip('abc', 10)", ''],
    ]);
  });

  describe('contains, indexOf, lastIndexOf', () => {
    table([
      ["contains('OneTwoThree', 'e')", true],
      ["contains('OneTwoThree', 'z')", false],
      ["contains('abc', 'B')", false],
      ["contains(createObject('one', 'a'), 'ONE')", true],
      ["contains(createObject('one', 'a'), 'a')", false],
      ["contains(createArray('one', 'two'), 'two')", true],
      ["contains(createArray(createObject('a', 1)), createObject('a', 1))", true],
      ["indexOf('test', 't')", 0],
      ["lastIndexOf('test', 't')", 3],
      ["indexOf('abcdef', 'CD')", 2],
      ["indexOf('abc', 'z')", -1],
      ["indexOf(createArray('a', 'b', 'b'), 'b')", 1],
      ["lastIndexOf(createArray('a', 'b', 'b'), 'b')", 2],
      ["indexOf(createArray('a', resourceGroup().location), 'a')", 0],
      ["indexOf(createArray(resourceGroup().location, 'a'), 'a')", 'unknown: resourceGroup().location is known only at deployment'],
    ]);
  });

  describe('union and intersection', () => {
    table([
      [
        "union(createObject('one', 'a', 'two', 'b', 'three', 'c1'), createObject('three', 'c2', 'four', 'd', 'five', 'e'))",
        { one: 'a', two: 'b', three: 'c2', four: 'd', five: 'e' },
      ],
      ["union(createArray('one', 'two', 'three'), createArray('three', 'four'))", ['one', 'two', 'three', 'four']],
      [
        "union(json('{\"property\":{\"one\":\"a\",\"two\":\"b\",\"three\":\"c1\"},\"nestedArray\":[1,2]}'), json('{\"property\":{\"three\":\"c2\",\"four\":\"d\",\"five\":\"e\"},\"nestedArray\":[3,4]}'))",
        { property: { one: 'a', two: 'b', three: 'c2', four: 'd', five: 'e' }, nestedArray: [3, 4] },
      ],
      ["union(json('[[\"one\",\"two\"],[\"three\"]]'), json('[[\"three\"],[\"four\",\"two\"]]'))", [['one', 'two'], ['three'], ['four', 'two']]],
      ["union(createObject('a', 1), null())", { a: 1 }],
      ["union(createObject('a', 1), createArray(1))", 'unknown: error: union() arguments must be all arrays or all objects (argument 2 is Array)'],
      ["intersection(createArray('one', 'two', 'three'), createArray('two', 'three', 'four'))", ['two', 'three']],
      ["intersection(createObject('one', 'a', 'two', 'b'), createObject('one', 'a', 'two', 'z'))", { one: 'a' }],
    ]);

    it('keeps array items whose equality is unknown, and merges same-symbol ones', () => {
      const u = { parameters: { u: { kind: 'unknown', reason: 'no value', origins: [], cause: 'deploy-time' } as const } };
      assert.equal(plain("length(union(createArray(parameters('u')), createArray(parameters('u'))))", u), 2);
      assert.equal(plain('length(union(createArray(resourceGroup().location), createArray(resourceGroup().location)))'), 1);
    });
  });

  describe('constructors and conversions', () => {
    table([
      ['createArray()', []],
      ["createArray(1, 'a', createArray(true()))", [1, 'a', [true]]],
      ["createObject('a', 1, 'b', createArray(2))", { a: 1, b: [2] }],
      ["createObject('a')", 'unknown: error: createObject() needs key and value pairs (an even number of arguments)'],
      ['createObject(1, 2)', 'unknown: error: createObject() argument 1 must be a string key, not Integer'],
      ['array(1)', [1]],
      ["array('efgh')", ['efgh']],
      ["array(createObject('a', 'b'))", [{ a: 'b' }]],
      ['array(createArray(1))', [1]],
      ['range(1, 3)', [1, 2, 3]],
      ['range(5, 0)', []],
      ['range(0, 10000)', 'unknown: __LEN__'],
      ['range(0, 10001)', "unknown: error: range() count 10001 exceeds ARM's limit of 10000"],
      ['range(0, -1)', 'unknown: error: range() count -1 must not be negative'],
      ["flatten(createArray(createArray('a'), createArray('b', 'c')))", ['a', 'b', 'c']],
      ['flatten(createArray(1))', 'unknown: error: flatten() items must be arrays, not Integer'],
      ["indexFromEnd(createArray('a', 'b', 'c'), 1)", 'c'],
      ["indexFromEnd(createArray('a'), 2)", 'unknown: error: indexFromEnd() index 2 is out of range for an array of 1 items'],
      ["tryIndexFromEnd(createArray('a', 'b'), 2)", 'a'],
      ["tryIndexFromEnd(createArray('a'), 2)", null],
      ["tryIndexFromEnd(json('null'), 1)", null],
      ["join(createArray('a', 'b', 'c'), ',')", 'a,b,c'],
      ["join(createArray('a', 1), '-')", 'a-1'],
    ].map(([e, x]) => (x === 'unknown: __LEN__' ? [`length(${e})`, 10000] : [e, x])) as [string, unknown][]);
  });

  describe('items, objectKeys, tryGet, shallowMerge', () => {
    table([
      [
        "items(json('{\"item002\":{\"n\":2},\"item001\":{\"n\":1}}'))",
        [
          { key: 'item001', value: { n: 1 } },
          { key: 'item002', value: { n: 2 } },
        ],
      ],
      ["objectKeys(json('{\"b\":1,\"a\":2}'))", ['b', 'a']],
      ["tryGet(json('{\"a\":{\"b\":[5]}}'), 'A', 'b', 0)", 5],
      ["tryGet(json('{\"a\":1}'), 'z')", null],
      ["tryGet(createArray(1), 4)", null],
      ["shallowMerge(json('[{\"a\":1,\"n\":{\"x\":1}},{\"b\":2,\"n\":{\"y\":2}}]'))", { a: 1, n: { y: 2 }, b: 2 }],
    ]);
  });

  describe('coalesce, null, min, max', () => {
    table([
      ["coalesce(null(), null(), 'default')", 'default'],
      ['coalesce(null(), null())', null],
      ["coalesce(null(), 'a', resourceGroup().location)", 'a'],
      ["coalesce(null(), resourceGroup().location, 'a')", 'unknown: resourceGroup().location is known only at deployment'],
      ["coalesce('', 'x')", ''],
      ['null()', null],
      ['min(createArray(0, 3, 2, 5, 4))', 0],
      ['min(0, 3, 2)', 0],
      ['max(createArray(0, 3, 2, 5, 4))', 5],
      ['max(4, 7)', 7],
      ['max(createArray())', 'unknown: error: max() needs at least one value'],
    ]);

    it('coalesce passes the chosen value with its origins', () => {
      const v = ev("coalesce(null(), parameters('p'))", { parameters: { p: paramDefault('p', 'x', 70) } });
      assert.deepEqual(v.origins.map((o) => o.loc?.start), [70]);
    });
  });
});
