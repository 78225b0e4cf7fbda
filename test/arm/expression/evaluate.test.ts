import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateString } from '../../../src/lang/arm/expression/index.js';
import { fromPlain, getProp, unknown, type Val } from '../../../src/kernel/value.js';
import { ev, fakeScope, FILE, paramDefault, plain, SITE } from './fake-scope.js';

describe('evaluateString', () => {
  it('returns non-expression strings as literals at the site', () => {
    assert.deepEqual(evaluateString('Standard_LRS', SITE, fakeScope()), { kind: 'string', value: 'Standard_LRS', loc: SITE, origins: [] });
    assert.deepEqual(evaluateString(' [notAnExpression()]', SITE, fakeScope()).kind, 'string');
    assert.equal((evaluateString('[x', SITE, fakeScope()) as { value: string }).value, '[x');
  });

  it('turns a leading [[ into a literal [', () => {
    assert.equal((evaluateString("[[concat('a')]", SITE, fakeScope()) as { value: string }).value, "[concat('a')]");
  });

  it('reports syntax errors as error unknowns with the character position in the string', () => {
    const v = evaluateString("[concat('a']", SITE, fakeScope());
    assert.equal(v.kind, 'unknown');
    assert.equal(v.kind === 'unknown' && v.cause === 'error' && v.reason, "invalid expression [concat('a']: missing ')' to close 'concat(' (at character 12)");
    assert.deepEqual(v.loc, SITE);
  });

  it('reads properties case-insensitively and indexes arrays and objects', () => {
    const config = paramDefault('config', { Disks: [{ Sku: 'Premium_LRS' }], 'odd-key': 3 });
    assert.equal(plain("parameters('CONFIG').disks[0].sku", { parameters: { config } }), 'Premium_LRS');
    assert.equal(plain("parameters('config')['ODD-KEY']", { parameters: { config } }), 3);
  });

  it('keeps a parameter value’s origin and reports nested values at the use site', () => {
    const config = paramDefault('config', { sku: 'Premium_LRS' }, 40);
    const v = ev("parameters('config').sku", { parameters: { config } });
    assert.deepEqual(v.loc, SITE);
    assert.deepEqual(v.origins, [{ kind: 'parameter-default', name: 'config', loc: { file: FILE, start: 40, end: 45 } }]);
  });

  it('keeps variable origins through pass-through functions', () => {
    const v = ev("first(variables('names'))", { variables: { names: paramDefault('names', ['a', 'b'], 60) } });
    assert.equal(v.kind === 'string' && v.value, 'a');
    assert.deepEqual(v.loc, SITE);
    assert.deepEqual(
      v.origins.map((o) => `${o.kind}:${o.name}@${o.loc?.start}`),
      ['variable:names@60', 'parameter-default:names@60'],
    );
  });

  it('gives clear errors for missing properties and out-of-range indexes', () => {
    const p = { parameters: { o: paramDefault('o', { a: 1, b: [1] }) } };
    assert.equal(plain("parameters('o').c", p), "unknown: error: The language expression property 'c' doesn't exist, available properties are 'a, b'.");
    assert.equal(plain("parameters('o').b[3]", p), "unknown: error: The language expression array index '3' is out of bounds (the array has 1 items).");
    assert.equal(plain("parameters('o').a.x", p), "unknown: error: the property 'x' cannot be read from a number");
  });

  it('returns null through safe dereference where a property or item is missing', () => {
    const p = { parameters: { o: paramDefault('o', { a: null, b: [] }) } };
    assert.equal(plain("parameters('o').?c", p), null);
    assert.equal(plain("parameters('o').a.?x", p), null);
    assert.equal(plain("parameters('o').b[?0]", p), null);
    assert.equal(plain("parameters('o')[?'c']", p), null);
  });

  it('derives symbols for properties of symbolic unknowns', () => {
    const v = ev('deployment().properties.templateLink.uri');
    assert.equal(v.kind === 'unknown' && v.symbol, 'deployment().properties.templateLink.uri');
    const w = ev('resourceGroup().location');
    assert.equal(w.kind === 'unknown' && w.symbol, 'resourceGroup().location');
  });

  it('evaluates only the chosen branch of if()', () => {
    assert.equal(plain("if(equals(1, 1), 'a', parameters('missing'))"), 'a');
    assert.equal(plain("if(false(), parameters('missing'), 'b')"), 'b');
    assert.equal(plain("if(true(), parameters('missing'), 'b')"), "unknown: error: parameter 'missing' is not declared");
  });

  it('with an unknown if() condition, gives the common value or candidates', () => {
    assert.equal(plain("if(equals(resourceGroup().location, 'x'), 'same', 'same')"), 'same');
    const v = ev("if(equals(resourceGroup().location, 'x'), 'Premium_LRS', 'UltraSSD_LRS')");
    assert.equal(v.kind, 'unknown');
    assert.deepEqual(v.kind === 'unknown' && v.candidates?.map((c) => c.kind === 'string' && c.value), ['Premium_LRS', 'UltraSSD_LRS']);
    assert.equal(v.kind === 'unknown' && v.reason, 'resourceGroup().location is known only at deployment');
  });

  it('binds lambda variables, including in nested lambdas', () => {
    assert.deepEqual(
      plain("map(createArray(1, 2), lambda('x', map(createArray(10, 20), lambda('y', add(lambdaVariables('x'), lambdaVariables('y'))))))"),
      [
        [11, 21],
        [12, 22],
      ],
    );
    assert.equal(plain("lambdaVariables('x')"), "unknown: error: lambdaVariables('x') is not a parameter of an enclosing lambda");
    assert.equal(plain("lambda('x', 1)"), 'unknown: error: lambda() can only be an argument of a function such as map() or filter()');
  });

  it('calls functions case-insensitively', () => {
    assert.equal(plain("TOLOWER(Concat('A', 'B'))"), 'ab');
  });

  it('passes user-defined function calls to the scope', () => {
    const scope = {
      ...fakeScope(),
      userFunction: (name: string, args: readonly Val[]) =>
        name === 'ns.twice' && args[0]?.kind === 'string' ? fromPlain(args[0].value + args[0].value) : undefined,
    };
    const v = evaluateString("[ns.twice('ab')]", SITE, scope);
    assert.equal(v.kind === 'string' && v.value, 'abab');
    assert.deepEqual(v.loc, SITE);
    const missing = evaluateString("[ns.other('ab')]", SITE, scope);
    assert.equal(missing.kind === 'unknown' && missing.cause === 'error' && missing.reason, "the user-defined function 'ns.other' is not defined");
    assert.equal(plain("ns.twice('a')"), 'unknown: user-defined function ns.twice() is not evaluated');
  });

  it('hands reference() to the scope', () => {
    const scope = { ...fakeScope(), reference: (t: Val, site: typeof SITE) => unknown(`ref ${t.kind === 'string' ? t.value : '?'}`, site) };
    const v = evaluateString("[reference('vm1').properties]", SITE, scope);
    assert.equal(v.kind === 'unknown' && v.reason, 'ref vm1');
  });

  it('gives deployment objects from the scope', () => {
    const rg = ev('resourceGroup()');
    const id = getProp(rg, 'id');
    assert.equal(id?.kind === 'unknown' && id.symbol, '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}');
  });
});
