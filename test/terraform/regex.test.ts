import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, known, unknownReason } from './regex-helpers.js';

type Case = readonly [fn: 'regex' | 'regexall' | 'replace', args: readonly string[], expected: unknown];

/** The first rows are the examples of Terraform's documentation for the three functions. */
const RESULTS: readonly Case[] = [
  ['regex', ['[a-z]+', '53453453.345345aaabbbccc23454'], 'aaabbbccc'],
  ['regex', ['(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01'], ['2019', '02', '01']],
  ['regex', ['^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', 'https://terraform.io/docs/'], { authority: 'terraform.io', scheme: 'https' }],
  ['regexall', ['[a-z]+', '1234abcd5678efgh9'], ['abcd', 'efgh']],
  ['regexall', ['[a-z]+', '123456789'], []],
  ['replace', ['1 + 2 + 3', '+', '-'], '1 - 2 - 3'],
  ['replace', ['hello world', '/w.*d/', 'everybody'], 'hello everybody'],
  // Go's named groups in both spellings; a group that took no part is null.
  ['regex', ['(?<tier>[A-Za-z]+)_(?<redundancy>[A-Z]+)', 'Premium_LRS'], { redundancy: 'LRS', tier: 'Premium' }],
  ['regex', ['(a)|(b)', 'b'], [null, 'b']],
  ['regex', ['(?P<a>a)|(?P<b>b)', 'b'], { a: null, b: 'b' }],
  ['regex', ['(?:x)(y)', 'xy'], ['y']],
  // Leftmost-first, not leftmost-longest; `$` is the end of the text unless (?m).
  ['regex', ['a|ab', 'ab'], 'a'],
  ['regexall', ['a$', 'a\na'], ['a']],
  ['regexall', ['(?m)a$', 'a\na'], ['a', 'a']],
  ['regexall', ['.', 'a\nb'], ['a', 'b']],
  ['regexall', ['(?s).', 'a\nb'], ['a', '\n', 'b']],
  ['regex', ['(?U)a+', 'aaa'], 'a'],
  ['regex', ['\\Aab\\z', 'ab'], 'ab'],
  // RE2 classes: \d, \w, \s and \b are ASCII; \pL, [[:alpha:]] and (?i) folding are as in Go.
  ['regex', ['\\d+', '٣٣12'], '12'],
  ['regexall', ['\\w+', 'héllo'], ['h', 'llo']],
  ['regexall', ['\\pL+', 'héllo wörld'], ['héllo', 'wörld']],
  ['regex', ['\\p{Greek}+', 'abc αβγ'], 'αβγ'],
  ['regex', ['[[:alpha:]]+', '12ab34'], 'ab'],
  ['regex', ['(?i)straße', 'STRAßE'], 'STRAßE'],
  ['regex', ['(?i)k', '\u212a'], '\u212a'],
  ['regex', ['\\Q.*\\E', 'a.*b'], '.*'],
  ['regex', ['^.$', '😀'], '😀'],
  ['regex', ['\\x{1F600}', 'x😀'], '😀'],
  // Empty matches as Go's FindAll and ReplaceAll: none right after a previous match.
  ['regexall', ['a*', 'baaac'], ['', 'aaa', '']],
  ['regexall', ['', 'ab'], ['', '', '']],
  ['replace', ['baaac', '/a*/', '-'], '-b-c-'],
  ['replace', ['abc', '/x*/', '-'], '-a-b-c-'],
  // Go's Expand: $n, ${n}, $name, ${name}, $$; a name runs as far as letters, digits and _ go.
  ['replace', ['key=val', '/(\\w+)=(\\w+)/', '$2=$1'], 'val=key'],
  ['replace', ['key=val', '/(?P<k>\\w+)=(?P<v>\\w+)/', '${v}:$k'], 'val:key'],
  ['replace', ['ab', '/(a)(b)/', '$1x|${1}x|$$1|$9|$|${1'], '|ax|$1||$|${1'],
  ['replace', ['ab', '/(a)/', '[$0]'], '[a]b'],
  ['replace', ['ab', '/(a)|(b)/', '<$2>'], '<><b>'],
  ['replace', ['vm-01-disk-02', '/(\\d+)/', 'n$1'], 'vm-n01-disk-n02'],
  ['replace', ['a.b', '/./', 'x'], 'xxx'],
  ['replace', ['a.b', '.', 'x'], 'axb'],
  ['replace', ['/', '/', 'x'], 'x'],
  // Go's strings.Replace with an empty search string: before every character and at the end.
  ['replace', ['foo 世界', '', '.'], '.f.o.o. .世.界.'],
  ['replace', ['', '', 'x'], 'x'],
];

/** Patterns RE2 rejects: Terraform errors (so can() is false), saying where and why. */
const REJECTED: readonly (readonly [pattern: string, message: RegExp])[] = [
  ['(a)\\1', /invalid escape sequence `\\1` at character 4 of the pattern .*no backreferences/],
  ['(?P<n>a)\\k<n>', /invalid escape sequence `\\k` at character 9 .*no backreferences/],
  ['a(?=b)', /invalid or unsupported Perl syntax `\(\?=` at character 2 .*no lookahead or lookbehind/],
  ['a(?!b)', /`\(\?!` at character 2 .*no lookahead or lookbehind/],
  ['x(?<=a)b', /invalid named capture `\(\?<=a\)b` at character 2 .*no lookahead or lookbehind/],
  ['a++', /invalid nested repetition operator `\+\+` at character 2 .*no atomic groups or possessive repetition/],
  ['(?>a)', /invalid or unsupported Perl syntax `\(\?>` at character 1 .*no atomic groups/],
  ['a\\Z', /invalid escape sequence `\\Z` at character 2/],
  ['[a', /missing closing \] `\[a` at character 1/],
  ['(a', /^(regex|regexall|replace): invalid regexp pattern: missing closing \) `\(a`$/],
  ['a{1001}', /invalid repeat count `\{1001\}` at character 2/],
  ['(?P<x>a)(b)', /cannot mix both named and unnamed capture groups/],
  ['(?P<x>a)(?P<x>b)', /duplicate capture group name/],
  [`${'('.repeat(1001)}a${')'.repeat(1001)}`, /expression nests too deeply/],
];

describe('Terraform regex, regexall and replace (RE2, as Go)', () => {
  for (const [fn, args, expected] of RESULTS) {
    it(`${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`, () => {
      assert.deepEqual(known(call(fn, ...args)), expected);
    });
  }

  it('makes a regex that does not match an error, and regexall of it an empty list', () => {
    assert.match(unknownReason(call('regex', '[a-z]+', '53453453.34534523454')), /^regex: pattern did not match any part of the given string$/);
    assert.equal(known(`can(${call('regex', '[a-z]+', '123')})`), false);
    assert.equal(known(`length(${call('regexall', '[a-z]+', '123')}) > 0`), false);
  });

  for (const [pattern, message] of REJECTED) {
    it(`rejects ${pattern.slice(0, 30)} as Go does`, () => {
      for (const expr of [call('regex', pattern, 'ab'), call('regexall', pattern, 'ab'), call('replace', 'ab', `/${pattern}/`, 'x')]) {
        assert.match(unknownReason(expr), message);
        assert.equal(known(`can(${expr})`), false);
      }
    });
  }

  it('leaves a literal replacement unknown, before building it, when it would outgrow the string limit', () => {
    assert.match(unknownReason(call('replace', 'a'.repeat(10_000), '', 'b'.repeat(1000))), /^replace would build a string longer than 4194304 characters$/);
    assert.match(unknownReason(call('replace', 'a'.repeat(10_000), 'a', 'b'.repeat(1000))), /^replace would build a string longer than 4194304 characters$/);
  });

  it('leaves the result unknown when the pattern or the input is unknown', () => {
    assert.match(unknownReason('regex(uuid(), "a")'), /uuid/);
    assert.match(unknownReason('regexall("a", uuid())'), /uuid/);
    assert.match(unknownReason('replace(uuid(), "/a/", "b")'), /uuid/);
  });
});
