import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lexBicep, TOKEN_NAMES, tokenList } from '../../../src/syntax/bicep/lexer.js';

function tokens(text: string): string[] {
  return tokenList(lexBicep(text)).map((t) => `${TOKEN_NAMES[t.type]}|${text.slice(t.start, t.end)}|`);
}

describe('Bicep lexer', () => {
  it('splits operators greedily, as Bicep does', () => {
    assert.deepEqual(tokens('a ?? b ?.c .?d :: ... => == != =~ !~ <= >= && || ! ^ |'), [
      'Identifier|a|', 'DoubleQuestion|??|', 'Identifier|b|', 'Question|?|', 'Dot|.|', 'Identifier|c|', 'Dot|.|', 'Question|?|', 'Identifier|d|',
      'DoubleColon|::|', 'Ellipsis|...|', 'Arrow|=>|', 'Equals|==|', 'NotEquals|!=|', 'EqualsInsensitive|=~|', 'NotEqualsInsensitive|!~|',
      'LessThanOrEqual|<=|', 'GreaterThanOrEqual|>=|', 'LogicalAnd|&&|', 'LogicalOr|\\|\\||'.replace(/\\/g, ''), 'Exclamation|!|', 'Hat|^|', 'Pipe|||', 'EndOfFile||',
    ]);
  });

  it('keeps only true, false and null as keywords', () => {
    assert.deepEqual(tokens('true false null resource if'), ['TrueKeyword|true|', 'FalseKeyword|false|', 'NullKeyword|null|', 'Identifier|resource|', 'Identifier|if|', 'EndOfFile||']);
  });

  it('lexes interpolated strings into pieces, holes included', () => {
    assert.deepEqual(tokens("'a${b}c${'d${e}'}f'"), [
      "StringLeftPiece|'a${|", 'Identifier|b|', 'StringMiddlePiece|}c${|', "StringLeftPiece|'d${|", 'Identifier|e|', "StringRightPiece|}'|", "StringRightPiece|}f'|", 'EndOfFile||',
    ]);
  });

  it("lexes verbatim '''…''' and $'''…${x}…''' strings", () => {
    assert.deepEqual(tokens("'''a\n${b}'''"), ["StringComplete|'''a\n${b}'''|", 'EndOfFile||']);
    assert.deepEqual(tokens("$'''a${b}c'''"), ["StringLeftPiece|$'''a${|", 'Identifier|b|', "StringRightPiece|}c'''|", 'EndOfFile||']);
  });

  it('ends a string at a newline inside an interpolation hole', () => {
    const r = lexBicep("'a${b\nc");
    assert.deepEqual(tokenList(r).map((t) => TOKEN_NAMES[t.type]), ['StringLeftPiece', 'Identifier', 'StringRightPiece', 'NewLine', 'Identifier', 'EndOfFile']);
    assert.deepEqual(r.errors.map((e) => e.code), ['BCP004']);
  });

  it('collapses a run of newlines into one token and keeps comments aside', () => {
    const r = lexBicep('a // x\r\n\r\n/* y\n */ b');
    assert.deepEqual(tokenList(r).map((t) => TOKEN_NAMES[t.type]), ['Identifier', 'NewLine', 'Identifier', 'EndOfFile']);
    assert.deepEqual(r.comments, [
      { type: 'Line', value: ' x', range: [2, 6] },
      { type: 'Block', value: ' y\n ', range: [10, 18] },
    ]);
  });

  it('records pragmas at the start of a line only, with positioned codes', () => {
    const text = '#disable-next-line BCP081 no-ultra-ssd // why\nvar a = 1 #disable-next-line x\n  #restore-diagnostics y\n';
    const r = lexBicep(text);
    assert.deepEqual(r.pragmas, [
      { kind: 'disable-next-line', codes: [{ code: 'BCP081', range: [19, 25] }, { code: 'no-ultra-ssd', range: [26, 38] }], range: [0, 38] },
      { kind: 'restore-diagnostics', codes: [{ code: 'y', range: [100, 101] }], range: [79, 101] },
    ]);
    assert.equal(r.comments[0]!.value, ' why');
    // The pragma in the middle of a line is not one: '#' is an unrecognized token there.
    assert.deepEqual(r.errors.map((e) => e.code), ['BCP001']);
  });

  it('reports a pragma without codes', () => {
    assert.deepEqual(lexBicep('#disable-diagnostics\n').errors.map((e) => [e.code, e.start, e.end]), [['BCP226', 20, 20]]);
    assert.deepEqual(lexBicep('#disable-next-line /* x */ a\n').errors.map((e) => [e.code, e.start, e.end]), [['BCP226', 19, 19]]);
  });

  it('reports unterminated strings, comments, bad escapes and double quotes', () => {
    const codes = (t: string) => lexBicep(t).errors.map((e) => e.code);
    assert.deepEqual(codes("'abc"), ['BCP003']);
    assert.deepEqual(codes("'abc\n'"), ['BCP004', 'BCP003']);
    assert.deepEqual(codes('/* x'), ['BCP002']);
    assert.deepEqual(codes("'''x"), ['BCP140']);
    assert.deepEqual(codes("'\\q'"), ['BCP006']);
    assert.deepEqual(codes("'\\u{110000}'"), ['BCP133']);
    assert.deepEqual(codes('"x"'), ['BCP103', 'BCP103']);
    assert.deepEqual(codes(`var ${'a'.repeat(256)} = 1`), ['BCP024']);
  });
});
