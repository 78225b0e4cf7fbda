import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { str, unknown, type Val } from '../../../src/kernel/value.js';
import { ev, FILE, paramDefault, plain, SITE } from '../expression/fake-scope.js';

const skuParam = unknown("parameter 'sku' has no value", { file: FILE, start: 5, end: 9 }, {
  candidates: [str('Premium_LRS'), str('UltraSSD_LRS')],
  origins: [{ kind: 'parameter', name: 'sku' }],
});
const withSku = { parameters: { sku: skuParam } };

describe('unknown values', () => {
  it('propagate the reason of the unknown argument, with origins, at the use site', () => {
    const v = ev("toLower(concat(parameters('sku'), 'x', concat(parameters('sku'))))", { parameters: { sku: unknown('no value', undefined, { origins: [{ kind: 'parameter', name: 'sku' }] }) } });
    assert.deepEqual(v, { kind: 'unknown', reason: 'no value', loc: SITE, origins: [{ kind: 'parameter', name: 'sku' }], cause: 'deploy-time' });
  });

  it('keep template errors as errors through enclosing calls', () => {
    assert.equal(plain("toUpper(concat(parameters('nope'), resourceGroup().location))"), "unknown: error: parameter 'nope' is not declared");
  });

  it('map allowed values through functions as candidates', () => {
    const v = ev("toLower(parameters('sku'))", withSku);
    assert.equal(v.kind, 'unknown');
    if (v.kind !== 'unknown') return;
    assert.equal(v.reason, "parameter 'sku' has no value");
    assert.deepEqual(v.candidates?.map((c) => [c.kind === 'string' && c.value, c.loc]), [
      ['premium_lrs', SITE],
      ['ultrassd_lrs', SITE],
    ]);
    assert.deepEqual(v.origins, [{ kind: 'parameter', name: 'sku' }]);
  });

  it('are decided when every allowed value gives the same result', () => {
    const v = ev("equals(parameters('sku'), 'Standard_LRS')", withSku);
    assert.deepEqual(v, { kind: 'boolean', value: false, loc: SITE, origins: [{ kind: 'parameter', name: 'sku' }] });
    assert.equal(plain("endsWith(parameters('sku'), '_LRS')", withSku), true);
    const mixed = ev("startsWith(parameters('sku'), 'Ultra')", withSku);
    assert.deepEqual(mixed.kind === 'unknown' && mixed.candidates?.map((c) => c.kind === 'boolean' && c.value), [false, true]);
  });

  it('do not hide known array items from length()', () => {
    assert.equal(plain("length(createArray(parameters('sku'), 1))", withSku), 2);
  });
});

describe('origins', () => {
  it('a computed value carries each argument origin once', () => {
    const p = { parameters: { a: paramDefault('a', 'x', 10), b: paramDefault('b', 'y', 20) } };
    const v = ev("concat(parameters('a'), parameters('b'), parameters('a'))", p);
    assert.equal(v.kind === 'string' && v.value, 'xyx');
    assert.deepEqual(v.loc, SITE);
    assert.deepEqual(v.origins.map((o) => `${o.name}@${o.loc?.start}`), ['a@10', 'b@20']);
  });

  it('literals have no origin', () => {
    assert.deepEqual(ev("toUpper('a')").origins, []);
  });

  it('array items passed through keep their own origins at the use site', () => {
    const v = ev("createArray(parameters('a'), 'lit')", { parameters: { a: paramDefault('a', 'x', 10) } });
    assert.equal(v.kind, 'array');
    if (v.kind !== 'array') return;
    assert.deepEqual(v.items.map((i: Val) => [i.loc, i.origins.length]), [
      [SITE, 1],
      [SITE, 0],
    ]);
  });
});

describe('limits', () => {
  it('strings over 1,000,000 characters become unknown "too large"', () => {
    assert.equal(plain("padLeft('a', 2000000, 'x')"), 'unknown: limit: padLeft() to 2000000 characters (limit 1000000)');
    assert.equal(plain("length(padLeft('a', 1000000, 'x'))"), 1000000);
    assert.equal(
      plain("concat(padLeft('a', 600000, 'x'), padLeft('a', 600000, 'x'))"),
      'unknown: limit: concat() result over 1000000 characters',
    );
    assert.equal(plain("replace(padLeft('a', 600000, 'a'), 'a', 'aa')"), 'unknown: limit: replace() would build a string of 1200000 characters');
  });

  it('arrays over 100,000 items become unknown "too large"', () => {
    const r = 'range(0, 10000)';
    assert.equal(plain(`concat(${Array(11).fill(r).join(', ')})`), 'unknown: limit: concat() result over 100000 items');
  });

  it('runaway reductions stop quickly instead of hanging', () => {
    const start = Date.now();
    const v = ev("reduce(range(0, 10000), '', lambda('acc', 'i', concat(lambdaVariables('acc'), padLeft('', 50000, 'x'))))");
    assert.ok(v.kind === 'unknown' && v.cause === 'limit');
    assert.ok(Date.now() - start < 2000);
  });

  it('deeply nested values built by lambdas never crash', () => {
    const v = ev("string(reduce(range(0, 10000), createArray(), lambda('acc', 'i', createArray(lambdaVariables('acc')))))");
    assert.ok(v.kind === 'string' || (v.kind === 'unknown' && v.cause === 'limit'));
  });
});
