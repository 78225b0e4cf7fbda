// peekJson answers what the full parse's tree would, reading only as far as it must, and
// declines (undefined) where only the full parse can tell.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from '../../../src/syntax/json/parse.js';
import { peekJson } from '../../../src/syntax/json/peek.js';
import { prop } from '../../../src/lang/arm/template/json-val.js';

const GENERATOR = ['metadata', '_generator', 'name'];

/** The full parse's answer, as `peekJson` gives it. */
function full(text: string, path: readonly string[]): { type: string; value?: unknown } | null {
  let node = parseJson(text).root;
  for (const key of path) node = prop(node, key);
  if (!node) return null;
  return node.type === 'string' ? { type: node.type, value: node.value } : { type: node.type };
}

/** Asserts the peek decides and agrees with the full parse. */
function agrees(text: string, path: readonly string[] = GENERATOR) {
  const peeked = peekJson(text, path);
  assert.notEqual(peeked, undefined, `decides: ${text}`);
  assert.deepEqual(peeked, full(text, path), text);
  return peeked;
}

describe('peekJson', () => {
  it('finds metadata wherever it is among the top-level members, after nested values of every kind', () => {
    const text = `{
      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "parameters": { "a": { "type": "string", "defaultValue": "x\\"}]" } },
      "resources": [ { "type": "T", "properties": { "n": [1, -2.5e3, 0, true, false, null, [], {}] } }, ],
      "metadata": { "_generator": { "name": "bicep", "version": "0.30" } }
    }`;
    assert.deepEqual(agrees(text), { type: 'string', value: 'bicep' });
  });

  it('ignores a _generator that only a nested deployment\'s template has', () => {
    const nested = JSON.stringify({ resources: [{ type: 'Microsoft.Resources/deployments', properties: { template: { metadata: { _generator: { name: 'bicep' } } } } }] });
    assert.equal(agrees(nested), null);
    assert.equal(agrees(JSON.stringify({ metadata: { other: { _generator: { name: 'bicep' } } } })), null);
  });

  it('decodes escaped keys and values, and matches keys ignoring case', () => {
    assert.deepEqual(agrees('{"Metadata": {"_gen\\u0065rator": {"NAME": "bic\\u0065p"}}}'), { type: 'string', value: 'bicep' });
    assert.deepEqual(agrees('{"metadata": {"_generator": {"name": "a\\\\"}}}'), { type: 'string', value: 'a\\' });
  });

  it('takes the first of duplicate keys, as the tree lookup does', () => {
    assert.deepEqual(agrees('{"metadata": {"_generator": {"name": "first"}}, "METADATA": {"_generator": {"name": "bicep"}}}'), { type: 'string', value: 'first' });
    assert.equal(agrees('{"metadata": 1, "metadata": {"_generator": {"name": "bicep"}}}'), null);
    assert.deepEqual(agrees('{"metadata": {"_generator": {"name": 3, "name": "bicep"}}}'), { type: 'number' });
  });

  it('skips comments and trailing commas', () => {
    const text = '// head\n{ /* "metadata": {} */ "a": [1,], // "metadata"\n "metadata": { "_generator": { /* x */ "name": "bicep", }, }, }';
    assert.deepEqual(agrees(text), { type: 'string', value: 'bicep' });
    assert.deepEqual(agrees('{"$schema": "s"}', ['$schema']), { type: 'string', value: 's' });
    assert.equal(agrees('{}', ['$schema']), null);
  });

  it('answers from a plain prefix of a broken file as the full parse does', () => {
    assert.deepEqual(agrees('{"metadata": {"_generator": {"name": "bicep"}}, "resources": [ {'), { type: 'string', value: 'bicep' });
    assert.deepEqual(agrees('{"$schema": "s", "resources": ]', ['$schema']), { type: 'string', value: 's' });
  });

  it('declines what it cannot read as plainly as the full parse', () => {
    for (const text of [
      '',
      '[{"metadata": {}}]',
      '{"a": 01, "metadata": {"_generator": {"name": "bicep"}}}',
      '{"a": "line\nbreak", "metadata": {"_generator": {"name": "bicep"}}}',
      '{"a": "\\q", "metadata": {"_generator": {"name": "bicep"}}}',
      '{"a": "\\u12", "metadata": {}}',
      '{"a": tru, "metadata": {}}',
      '{"a": 1 "metadata": {}}',
      '{\ufeff"metadata": {}}',
      '{"a": 1, /* unterminated',
      '{"a": [1, 2}',
      `{"a": ${'['.repeat(1000)}${']'.repeat(1000)}, "metadata": {}}`,
    ]) {
      assert.equal(peekJson(text, GENERATOR), undefined, JSON.stringify(text));
    }
  });
});
