import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_NESTING } from '../../../src/syntax/bicep/parser.js';
import { errors, outline, parse } from './helpers.js';

const DEPTH = 20_000;

describe('Bicep parser: hostile input', () => {
  const deep: [string, string][] = [
    ['arrays', `var a = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\nvar b = 1\n`],
    ['objects', `var a = ${'{a:'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\nvar b = 1\n`],
    ['parentheses', `var a = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)}\nvar b = 1\n`],
    ['ternaries', `var a = ${'x ? 1 : '.repeat(DEPTH)}2\nvar b = 1\n`],
    ['lambdas', `var a = ${'x => '.repeat(DEPTH)}1\nvar b = 1\n`],
    ['interpolations', `var a = ${"'${".repeat(DEPTH)}1${"}'".repeat(DEPTH)}\nvar b = 1\n`],
    ['object types', `type t = ${'{a:'.repeat(DEPTH)}int${'}'.repeat(DEPTH)}\nvar b = 1\n`],
    ['function calls', `var a = ${'f('.repeat(DEPTH)}1${')'.repeat(DEPTH)}\nvar b = 1\n`],
  ];
  for (const [what, text] of deep) {
    it(`skips ${DEPTH}-deep ${what} past the nesting limit with one diagnostic, and parses on`, () => {
      const r = parse(text);
      assert.deepEqual(r.diagnostics.map((d) => d.code), ['nesting'], JSON.stringify(r.diagnostics.slice(0, 3)));
      assert.deepEqual(outline(r.ast), ['~', 'VariableDeclaration b']);
    });
  }

  it('accepts nesting up to the limit', () => {
    const depth = MAX_NESTING - 2;
    assert.deepEqual(errors(`var a = ${'['.repeat(depth)}${']'.repeat(depth)}\n`), []);
  });

  it('never throws on every prefix of a real file', () => {
    const text = "@description('x')\nparam p string = 'a${'b'}'\nresource r 'A/b@1' = [for (x, i) in y: if (x.?z ?? true) {\n  name: '''\nm'''\n  properties: { a: [1, 2], ...s, b: f(x => x[^1]!) }\n}]\nimport * as n from 'x'\n";
    for (let i = 0; i <= text.length; i++) {
      const r = parse(text.slice(0, i));
      assert.deepEqual(r.ast.range, [0, i]);
      for (const d of r.diagnostics) assert.ok(d.subject.start >= 0 && d.subject.end <= i && d.subject.start <= d.subject.end, `${i}: ${d.summary}`);
    }
  });

  it('parses a large file in one pass', () => {
    const block = "resource r$ 'Microsoft.Compute/disks@2023-04-02' = {\n  name: 'd$'\n  properties: { diskSizeGB: 128, creationData: { createOption: 'Empty' } }\n}\n";
    const text = Array.from({ length: 20_000 }, (_, i) => block.replaceAll('$', String(i))).join('');
    const r = parse(text);
    assert.equal(r.diagnostics.length, 0);
    assert.equal(r.ast.body.length, 20_000);
  });

  it('survives control characters, lone surrogates and NUL', () => {
    const r = parse("var a = '\u0000\ud800'\n\u0001\u2028\nvar b = 1\n");
    assert.ok(r.diagnostics.length > 0);
    assert.deepEqual(outline(r.ast).slice(-1), ['VariableDeclaration b']);
  });
});
