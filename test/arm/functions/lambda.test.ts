import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, plain } from '../expression/fake-scope.js';

function table(cases: [string, unknown][]): void {
  for (const [expr, expected] of cases) it(`${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(plain(expr), expected));
}

const dogs = "json('[{\"name\":\"Evie\",\"age\":5},{\"name\":\"Casper\",\"age\":3},{\"name\":\"Indy\",\"age\":2}]')";

describe('lambda functions', () => {
  table([
    [`map(${dogs}, lambda('dog', lambdaVariables('dog').name))`, ['Evie', 'Casper', 'Indy']],
    [`map(${dogs}, lambda('dog', 'i', concat(string(lambdaVariables('i')), lambdaVariables('dog').name)))`, ['0Evie', '1Casper', '2Indy']],
    [`filter(${dogs}, lambda('dog', greaterOrEquals(lambdaVariables('dog').age, 3)))`, [{ name: 'Evie', age: 5 }, { name: 'Casper', age: 3 }]],
    [`reduce(map(${dogs}, lambda('d', lambdaVariables('d').age)), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))`, 10],
    [`sort(${dogs}, lambda('a', 'b', less(lambdaVariables('a').age, lambdaVariables('b').age)))`, [{ name: 'Indy', age: 2 }, { name: 'Casper', age: 3 }, { name: 'Evie', age: 5 }]],
    [`toObject(${dogs}, lambda('d', lambdaVariables('d').name))`, { Evie: { name: 'Evie', age: 5 }, Casper: { name: 'Casper', age: 3 }, Indy: { name: 'Indy', age: 2 } }],
    [`toObject(${dogs}, lambda('d', lambdaVariables('d').name), lambda('d', lambdaVariables('d').age))`, { Evie: 5, Casper: 3, Indy: 2 }],
    ["groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, 1)))", { f: ['foo'], b: ['bar', 'baz'] }],
    ["mapValues(createObject('foo', 'foo'), lambda('v', toUpper(lambdaVariables('v'))))", { foo: 'FOO' }],
    ["map(createArray(1), 'x')", 'unknown: error: map() argument 2 must be a lambda'],
    ["map(createArray(1), lambda('a', 'b', 'c', 1))", 'unknown: error: map() lambda takes 1 or 2 parameters, not 3'],
    ["filter(createArray(1), lambda('x', 1))", 'unknown: error: filter() lambda must return a boolean, not Integer'],
    ["length(lambda('x', 1))", 'unknown: error: lambda() can only be an argument of map, filter, reduce, sort, toobject, groupby, mapvalues; not of length() argument 1'],
  ]);

  it('an unknown predicate makes filter() unknown; unknown items still map', () => {
    assert.equal(plain("filter(createArray(1), lambda('x', equals(resourceGroup().location, 'x')))"), 'unknown: resourceGroup().location is known only at deployment');
    const v = ev("map(createArray(resourceGroup().location, 'b'), lambda('x', lambdaVariables('x')))");
    assert.equal(v.kind === 'array' && v.items.length, 2);
    assert.equal(v.kind === 'array' && v.items[0]!.kind, 'unknown');
  });
});
