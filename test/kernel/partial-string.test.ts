import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareParts, knownPrefix, partialString, partsOf, partsText, splitParts, type TextPart } from '../../src/kernel/partial-string.js';
import { deepEqual } from '../../src/kernel/value-ops.js';
import { str, unknown } from '../../src/kernel/value.js';
import { displayText, idText } from '../../src/kernel/names.js';

const RG = { symbol: 'resourceGroup().name' };
const SUB = { symbol: 'subscription().subscriptionId' };
const P = { symbol: "parameters('p')" };
const anything = () => true;
const nothing = () => false;

describe('partially known strings', () => {
  it('are known text when no part is symbolic, the symbol itself when alone', () => {
    assert.deepEqual(partialString(['a', '', 'b'], undefined, []), str('ab'));
    const alone = partialString(['', RG, ''], undefined, []);
    assert.equal(alone.kind === 'unknown' && alone.symbol, 'resourceGroup().name');
    assert.equal(alone.kind === 'unknown' && alone.parts, undefined);
  });

  it('keep their parts, with their id text as symbol', () => {
    const v = partialString(['rsv/', 'x;', RG, ';vm1'], undefined, []);
    assert.equal(v.kind, 'unknown');
    assert.deepEqual(partsOf(v), ['rsv/x;', RG, ';vm1']);
    assert.equal(v.kind === 'unknown' && v.symbol, 'rsv/x;{resourceGroup().name};vm1');
  });

  it('give their id text once, with one pair of braces per deployment-time part', () => {
    const v = partialString(['rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;', RG, ';vm1'], undefined, []);
    assert.equal(idText(v), 'rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;{resourceGroup().name};vm1');
    assert.equal(displayText(v), 'rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;{resourceGroup().name};vm1');
    assert.equal(idText(unknown('x', undefined, { symbol: 'utcNow()' })), '{utcNow()}');
    assert.equal(idText(unknown('x')), undefined);
  });

  it('know their prefix', () => {
    assert.equal(knownPrefix(['/subscriptions/', SUB, '/x']), '/subscriptions/');
    assert.equal(knownPrefix([SUB, '/x']), '');
  });
});

describe('equality of partially known strings', () => {
  const cases: [string, TextPart[], TextPart[], boolean | undefined][] = [
    ['same structure and symbols', ['vm-', RG], ['vm-', RG], true],
    ['same text split differently', ['vm', '-', RG], ['vm-', RG], true],
    ['known prefixes differ', ['vm-', RG], ['nic-', RG], false],
    ['known suffixes differ', [RG, '-vm'], [RG, '-nic'], false],
    ['a known string longer than the known text allows', ['abc'], ['abcd', RG], false],
    ['a known string that may be it', ['vm-rg1'], ['vm-', RG], undefined],
    ['other symbols', ['vm-', RG], ['vm-', P], undefined],
    ['a symbol where the other has text', [RG, '/x'], ['rg/x'], undefined],
    ['literal braces are not a symbol', ['{resourceGroup().name}'], [RG], undefined],
  ];
  for (const [name, a, b, expected] of cases) {
    it(`${name}: ${String(expected)}`, () => {
      assert.equal(compareParts(a, b), expected);
      assert.equal(compareParts(b, a), expected);
      assert.equal(deepEqual(partialString(a, undefined, []), partialString(b, undefined, []), { caseInsensitiveKeys: true }), expected);
    });
  }
});

describe('splitting partially known strings', () => {
  it('splits the known text, keeping each deployment-time part in its piece', () => {
    const pieces = splitParts(['rsv/Azure/c;', RG, ';vm1/vm;', RG, ';vm1'], ['/'], nothing)!;
    assert.deepEqual(pieces.map(partsText), ['rsv', 'Azure', 'c;{resourceGroup().name};vm1', 'vm;{resourceGroup().name};vm1']);
  });

  it('splits with the first delimiter that matches, dropping empty delimiters', () => {
    assert.deepEqual(splitParts(['a;b/c', RG], ['', ';', '/'], nothing)!.map(partsText), ['a', 'b', 'c{resourceGroup().name}']);
  });

  it('is undefined when a deployment-time part may hold a delimiter', () => {
    assert.equal(splitParts(['a/', P], ['/'], anything), undefined);
  });
});
