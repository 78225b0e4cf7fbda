import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSyntaxError, MAX_EXPRESSION_DEPTH, parseExpression } from '../../../src/lang/arm/expression/index.js';

describe('parseExpression', () => {
  it('parses a call with string, number and nested call arguments', () => {
    assert.deepEqual(parseExpression("concat('a', -12, toLower('B'))"), {
      kind: 'call',
      name: 'concat',
      start: 0,
      end: 30,
      args: [
        { kind: 'string', value: 'a', start: 7, end: 10 },
        { kind: 'number', value: -12, start: 12, end: 15 },
        { kind: 'call', name: 'toLower', start: 17, end: 29, args: [{ kind: 'string', value: 'B', start: 25, end: 28 }] },
      ],
    });
  });

  it("unescapes '' inside string literals", () => {
    const n = parseExpression("'it''s ''quoted'''");
    assert.equal(n.kind === 'string' && n.value, "it's 'quoted'");
  });

  it('binds property access and indexing to the call before them, left to right', () => {
    const n = parseExpression("reference('x').outputs['a-b'][0].value");
    assert.equal(n.kind, 'property');
    if (n.kind !== 'property') return;
    assert.equal(n.name, 'value');
    assert.equal(n.object.kind, 'index');
    if (n.object.kind !== 'index') return;
    assert.deepEqual(n.object.index, { kind: 'number', value: 0, start: 30, end: 31 });
    const inner = n.object.object;
    assert.equal(inner.kind === 'index' && inner.index.kind === 'string' && inner.index.value, 'a-b');
    assert.equal(inner.kind === 'index' && inner.object.kind === 'property' && inner.object.name, 'outputs');
  });

  it('parses safe dereference .? and [?', () => {
    const n = parseExpression("parameters('p').?a[?'b']");
    assert.equal(n.kind === 'index' && n.safe, true);
    assert.equal(n.kind === 'index' && n.object.kind === 'property' && n.object.safe, true);
    const plainAccess = parseExpression("parameters('p').a");
    assert.equal(plainAccess.kind === 'property' && plainAccess.safe, false);
  });

  it('accepts whitespace between tokens and namespaced user functions', () => {
    const n = parseExpression("  contoso.name ( 'a' , 1 ) ");
    assert.equal(n.kind === 'call' && n.name, 'contoso.name');
    assert.equal(n.kind === 'call' && n.args.length, 2);
  });

  const errors: [string, string, number][] = [
    ["concat('a'", "missing ')' to close 'concat('", 10],
    ["concat('a' 'b')", "expected ',' or ')' but found '''", 11],
    ["'abc", 'unterminated string literal', 0],
    ['foo', "expected '(' after 'foo'", 3],
    ["a().", "expected a property name after '.'", 4],
    ["a()[1", "expected ']'", 5],
    ["a() b()", "unexpected 'b'", 4],
    ['1.5', "decimal numbers are not supported in expressions (use json('1.5'))", 0],
    ['', 'empty expression', 0],
    ['concat(,)', "unexpected ','", 7],
  ];
  for (const [text, message, offset] of errors) {
    it(`reports "${message}" at offset ${offset} for ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseExpression(text), { kind: 'syntax-error', severity: 'error', summary: message, subject: { file: '', start: offset, end: offset + 1 }, code: 'arm-expression-syntax' });
    });
  }

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = 'a('.repeat(100_000) + ')'.repeat(100_000);
    const r = parseExpression(deep);
    assert.ok(isSyntaxError(r));
    assert.equal(r.summary, `expression nested deeper than ${MAX_EXPRESSION_DEPTH} levels`);
    const chain = 'a()' + '.b'.repeat(MAX_EXPRESSION_DEPTH + 5);
    assert.ok(isSyntaxError(parseExpression(chain)));
    assert.ok(!isSyntaxError(parseExpression('a(' .repeat(200) + ')'.repeat(200))));
  });

  it('returns the cached tree for the same text', () => {
    assert.equal(parseExpression("parameters('x')"), parseExpression("parameters('x')"));
  });
});
