import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/kernel/diagnostic.js';
import { LineIndex } from '../../../src/kernel/location.js';
import type { Body } from '../../../src/syntax/hcl/ast.js';
import { MAX_NESTING, parseHcl } from '../../../src/syntax/hcl/index.js';

/** `line:column message` of every error. */
function errors(text: string): string[] {
  return lineColumnMessages(text, parseHcl(text).errors);
}

function lineColumnMessages(text: string, list: readonly Diagnostic[]): string[] {
  const lines = new LineIndex(text);
  return list.map((e) => {
    const { line, column } = lines.position(e.subject.start);
    return `${line}:${column} ${e.summary}`;
  });
}

/** Names of the items in a body, blocks with their contents in braces. */
function outline(body: Body): string {
  return body.items.map((i) => (i.type === 'Block' ? `${i.blockType.name}{${outline(i.body)}}` : i.name.name)).join(',');
}

function recovered(text: string): string {
  return outline(parseHcl(text).body);
}

describe('HCL syntax errors', () => {
  const cases: [string, string, string[], string][] = [
    ['missing "="', 'a = 1\nfoo\nb = 2\n', ['2:4 Expected "=" after attribute name "foo", found end of line'], 'a,b'],
    ['unterminated string', 'a = "abc\nb = 2\n', ['1:5 Unterminated string: a quoted string must end on the same line'], 'a,b'],
    ['unclosed list inside a block', 'resource "x" "y" {\n  name = [1, 2\n  size = 3\n}\nc = 1\n', ['3:3 Expected "," or "]" in the list, found "size"'], 'resource{name,size},c'],
    ['dangling operator', 'a = 1 +\nb = 2\n', ['1:8 Expected an expression, found end of line'], 'a,b'],
    ['comma between attributes', 'a = 1, b = 2\nc = 3\n', ['1:6 Expected a newline after the value of attribute "a": attributes are separated by newlines, not commas'], 'a,c'],
    ['unclosed block', 'x {\n  y {\n    a = 1\n', ['2:5 Missing "}" to close the block "y" opened here'], 'x{y{a}}'],
    ['stray closing brace', '}\na = 1\n', ['1:1 Unexpected "}": no block is open here'], 'a'],
    ['missing argument separator', 'a = foo(1 2)\nb = 1\n', ['1:11 Expected "," or ")" in the arguments of "foo", found "2"'], 'a,b'],
    ['junk in an interpolation', 'a = "${foo bar}"\nb = 1\n', ['1:12 Expected "}" to close the interpolation, found "bar"'], 'a,b'],
    ['unclosed directive', 'a = "%{ if x }y"\nb = 1\n', ['1:6 Missing %{ endif } for this %{ if } directive'], 'a,b'],
    ['unmatched endif', 'a = "%{ endif }"\nb = 1\n', ['1:6 Unexpected %{ endif } without a matching %{ if }'], 'a,b'],
    ['duplicate attribute', 'a = 1\na = 2\n', ['2:1 Attribute "a" is already defined on line 1'], 'a,a'],
    ['quoted label without "="', 'foo "bar"\nb = 1\n', ['1:10 Expected "=" after attribute name "foo", or "{" to open a block'], 'b'],
    ['block brace on the next line', 'resource "a" "b"\n{\n  x = 1\n}\nz = 1\n', ['1:17 Expected "{" to open the block "resource", found end of line'], 'z'],
    ['=> in a tuple for', 'a = [for x in y : x => 1]\nb = 1\n', ['1:21 "=>" is only allowed in an object for expression {for …: k => v}'], 'a,b'],
    ['unterminated heredoc', 'a = <<EOT\nabc\nb = 1\n', ['1:5 Unterminated heredoc: expected a line holding only "EOT", ended by a newline'], 'a'],
    ['invalid character', 'a = @\nb = 1\n', ['1:5 Expected an expression, found "@"'], 'a,b'],
    ['invalid escape', 'a = "\\q"\nb = 1\n', ['1:6 Invalid escape sequence "\\q": use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN'], 'a,b'],
    ['two attributes in a one-line block', 'a { b = 1, c = 2 }\nd = 1\n', ['1:10 A single-line block "a" can only hold one attribute; put each attribute on its own line'], 'a{b},d'],
    ['chained legacy index', 'a = x.0.1\nb = 1\n', ['1:7 Invalid legacy index ".0.1": use [N] to index'], 'a,b'],
    ['error inside a nested block', 'vm {\n  os_disk {\n    caching = \n  }\n  size = 1\n}\nnext = 2\n', ['3:15 Expected an expression, found end of line'], 'vm{os_disk{caching},size},next'],
  ];
  for (const [name, text, expected, items] of cases) {
    it(`${name}: one message, and later content still parses`, () => {
      assert.deepEqual(errors(text), expected);
      assert.equal(recovered(text), items);
    });
  }

  it('reports one message per break, not a cascade', () => {
    const text = 'a = [1,\nb = 2\nc = "x\nd {\n  e = (1\n}\nf = 3\n';
    assert.deepEqual(errors(text), [
      '2:3 Expected "," or "]" in the list, found "="',
      '3:5 Unterminated string: a quoted string must end on the same line',
      // Newlines do not count inside parentheses, so the error is at the brace.
      '6:1 Expected ")" to close the parenthesis, found "}"',
    ]);
    assert.equal(recovered(text), 'a,c,d{e},f');
  });

  it('gives error offsets that match their line and column with CRLF', () => {
    const text = 'a = 1\r\nb = )\r\n';
    const [e] = parseHcl(text).errors;
    assert.match(errors(text)[0] ?? '', /^2:5 /);
    assert.equal(e?.subject.start, text.indexOf(')'));
  });
});

describe('HCL nesting limit', () => {
  const n = 20000;
  const deep: [string, string][] = [
    ['brackets', 'a = ' + '['.repeat(n) + ']'.repeat(n)],
    ['parentheses', 'a = ' + '('.repeat(n) + '1' + ')'.repeat(n)],
    ['objects', 'a = ' + '{a = '.repeat(n) + '1' + '}'.repeat(n)],
    ['unary operators', 'a = ' + '!'.repeat(n) + 'true'],
    ['negations', 'a = ' + '-'.repeat(n) + '1'],
    ['interpolations', 'a = ' + '"${'.repeat(n) + '1' + '}"'.repeat(n)],
    ['conditionals', 'a = ' + 'x ? 1 : '.repeat(n) + '2'],
    ['splats', 'a = x' + '[*]'.repeat(n)],
    ['unclosed brackets', 'a = ' + '['.repeat(n)],
  ];
  for (const [name, value] of deep) {
    it(`reports 20,000 nested ${name} as one error and keeps parsing`, () => {
      const file = parseHcl(`${value}\nb = 1\n`);
      assert.equal(file.errors.length, 1);
      assert.match(file.errors[0]!.summary, new RegExp(`^Expression nesting is too deep \\(more than ${MAX_NESTING} levels\\)$`));
      assert.equal(outline(file.body), 'a,b');
    });
  }

  it('reports 20,000 nested blocks as one error', () => {
    const text = 'a {\n'.repeat(n) + '}\n'.repeat(n) + 'b = 1\n';
    const file = parseHcl(text);
    assert.deepEqual(
      lineColumnMessages(text, file.errors),
      [`${MAX_NESTING + 1}:3 Block nesting is too deep (more than ${MAX_NESTING} levels)`],
    );
    assert.equal(file.body.items.at(-1)?.type, 'Attribute');
  });

  it('accepts nesting within the limit', () => {
    const depth = MAX_NESTING - 10;
    assert.deepEqual(parseHcl('a = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n').errors, []);
  });
});
