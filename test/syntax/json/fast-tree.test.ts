import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { parseWellFormed } from '../../../src/syntax/json/fast-tree.js';
import { REPO_ROOT } from '../../helpers/cli.js';

/** The tree without the fields the fast tree leaves out (parent links, colonOffset), for comparison. */
function plain(node: Node | undefined): unknown {
  if (!node) return node;
  const { parent: _parent, colonOffset: _colon, children, ...rest } = node;
  return children ? { ...rest, children: children.map(plain) } : rest;
}

function jsonc(text: string): Node | undefined {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the fast JSON tree', () => {
  const cases: Record<string, string> = {
    scalars: '[1, -2.5e+3, 0.25, true, false, null, "s"]',
    escapes: String.raw`{"a": "q\"uo\\te\/\b\f\n\r\t\u00e9\uD83D\uDE00", "k\u0065y": 1}`,
    comments: '// head\n{ /* a */ "a": 1, // b\n "b": [1, 2, ], }\n/* tail */',
    nested: '{"a": {"b": [{"c": []}, {}]}, "d": ""}',
    unicode: '{"naïve": "日本語 ✓"}',
    crlf: '{\r\n  "a": 1,\r\n  "b": "x"\r\n}\r\n',
    'escapes at the edges': String.raw`["\n", "\\", "a\tb\tc", "\u0041", "\"\"x\"\""]`,
    'strings before and after escaped ones': String.raw`{"a\\": "b", "c": "d\"e", "f": "g", "h\\\"": ["i", "\\"], "long plain string": "x"}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`builds jsonc-parser's tree: ${name}`, () => assert.deepEqual(plain(parseWellFormed(text, 1000)), plain(jsonc(text))));
  }

  it("builds jsonc-parser's tree for every JSON file of examples/ and the test fixtures", () => {
    const files = [...jsonFiles(path.join(REPO_ROOT, 'examples')), ...jsonFiles(path.join(REPO_ROOT, 'test', 'fixtures'))];
    assert.ok(files.length >= 5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(plain(parseWellFormed(text, 1000)), plain(jsonc(text)), file);
    }
  });

  it('gives up on an invalid escape, for jsonc-parser to report', () => {
    assert.equal(parseWellFormed(String.raw`["a\x"]`, 1000), undefined);
    assert.equal(parseWellFormed(String.raw`["\u12"]`, 1000), undefined);
    assert.equal(parseWellFormed(String.raw`["\u12g4"]`, 1000), undefined);
  });

  it('gives every leaf one shape and every container another, without parent links', () => {
    const root = parseWellFormed('{"a": [1, "s", true, null]}', 1000)!;
    const property = root.children![0]!;
    const array = property.children![1]!;
    assert.deepEqual(Object.keys(root), ['type', 'offset', 'length', 'children']);
    assert.deepEqual(Object.keys(property), Object.keys(root));
    assert.deepEqual(Object.keys(array), Object.keys(root));
    for (const leaf of [property.children![0]!, ...array.children!]) assert.deepEqual(Object.keys(leaf), ['type', 'offset', 'length', 'value']);
  });

  it('decodes a short string written with escapes the same whether or not its plain spelling was seen before', () => {
    const texts = [String.raw`["ab", "a\u0062", "\n", "n", "\\", "\"", "", "ab"]`, String.raw`["a\u0062", "ab", "", "n", "\n"]`];
    for (const text of [...texts, ...texts.reverse()]) assert.deepEqual(plain(parseWellFormed(text, 1000)), plain(jsonc(text)), text);
  });

  it('decodes escapes in strings that also hold a raw tab or line break, as ARM does', () => {
    const root = parseWellFormed('["a\\n\tb", "c\\"\nd"]', 1000)!;
    assert.deepEqual(root.children!.map((c) => c.value), ['a\n\tb', 'c"\nd']);
  });

  it('accepts line breaks inside strings, as ARM does', () => {
    const root = parseWellFormed('{"a": "[concat(\n  \'x\')]"}', 1000)!;
    assert.equal(root.children![0]!.children![1]!.value, "[concat(\n  'x')]");
  });

  it('gives up on anything broken, so that jsonc-parser reports it', () => {
    for (const text of ['', '  ', '{', '[1] /* open', '{"a": 1 /* open', '{"a": "b\\"}', '{"a" 1}', '{"a": }', '[1 2]', '{"a": 1} x', '"\\q"', '[01x]', '{"a": tru}', '/* open', '[-]', '[1.]', '[1e]', '{a: 1}']) {
      assert.equal(parseWellFormed(text, 1000), undefined, text);
    }
  });

  it('gives up past the depth limit instead of recursing on', () => {
    assert.equal(parseWellFormed('['.repeat(50) + ']'.repeat(50), 10), undefined);
    assert.ok(parseWellFormed('['.repeat(10) + ']'.repeat(10), 10));
  });
});
