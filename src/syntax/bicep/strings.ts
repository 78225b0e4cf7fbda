// Ported from Azure/bicep src/Bicep.Core/Parsing/Lexer.cs (TryGetRawStringSegments and its helpers).
// Copyright (c) Microsoft Corporation. Licensed under the MIT License.

import { scanEscape, T, type TokenArrays, type TokenType } from './lexer.js';

/**
 * The literal values of a string's pieces (`'a${`, `}b${`, `}c'`, or one `'…'` / `'''…'''`), escapes
 * resolved; undefined when a piece is not terminated as its kind requires (the lexer hands those
 * on so lexing can go on, and the parser must not accept them).
 */
export function stringSegments(text: string, tokens: TokenArrays, pieces: readonly number[]): string[] | undefined {
  if (pieces.length === 0) return [];
  const { types, starts, ends } = tokens;
  const first = pieces[0]!;
  const firstText = text.slice(starts[first], ends[first]);
  const multiLine = firstText.length > 2 && (firstText[0] === '$' || firstText[1] === "'");
  let dollars = 0;
  while (multiLine && firstText[dollars] === '$') dollars++;
  const out: string[] = [];
  for (const i of pieces) {
    const type = types[i]! as TokenType;
    const value = multiLine ? multiLineValue(text, type, starts[i]!, ends[i]!, dollars) : singleLineValue(text, type, starts[i]!, ends[i]!);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

/**
 * The value of a `StringComplete` token over `[start, end)`: `stringSegments` of that one token,
 * without the lists, for the parser's commonest string.
 */
export function completeStringValue(text: string, start: number, end: number): string | undefined {
  if (end - start > 2 && (text.charCodeAt(start) === 36 || text.charCodeAt(start + 1) === 39)) {
    let dollars = 0;
    while (text.charCodeAt(start + dollars) === 36) dollars++;
    return multiLineValue(text, T.StringComplete, start, end, dollars);
  }
  return singleLineValue(text, T.StringComplete, start, end);
}

// Single-line delimiters, allocated once.
const COMPLETE: [string, string] = ["'", "'"];
const LEFT: [string, string] = ["'", '${'];
const MIDDLE: [string, string] = ['}', '${'];
const RIGHT: [string, string] = ['}', "'"];

function delimiters(type: TokenType, multiLine: boolean, dollars: number): [string, string] | undefined {
  if (!multiLine) {
    switch (type) {
      case T.StringComplete: return COMPLETE;
      case T.StringLeftPiece: return LEFT;
      case T.StringMiddlePiece: return MIDDLE;
      case T.StringRightPiece: return RIGHT;
      default: return undefined;
    }
  }
  const hole = '$'.repeat(dollars);
  if (type === T.StringComplete) return [`${hole}'''`, "'''"];
  if (dollars === 0) return undefined;
  switch (type) {
    case T.StringLeftPiece: return [`${hole}'''`, `${hole}{`];
    case T.StringMiddlePiece: return ['}', `${hole}{`];
    case T.StringRightPiece: return ['}', "'''"];
    default: return undefined;
  }
}

/**
 * The text between a piece's delimiters, or undefined when they are not there. Open and close
 * are `[open, close]` of `delimiters`.
 */
function contents(text: string, start: number, end: number, d: readonly [string, string] | undefined): string | undefined {
  if (!d) return undefined;
  // Not `const [open, close] = d`: destructuring goes through an array iterator, an allocation per
  // string in the CLI's unoptimized code.
  const open = d[0];
  const close = d[1];
  if (end - start < open.length + close.length) return undefined;
  if (!text.startsWith(open, start) || !text.startsWith(close, end - close.length)) return undefined;
  return text.slice(start + open.length, end - close.length);
}

function multiLineValue(text: string, type: TokenType, start: number, end: number, dollars: number): string | undefined {
  const value = contents(text, start, end, delimiters(type, true, dollars));
  if (value === undefined) return undefined;
  // A newline right after the opening quotes is not part of the value.
  let from = 0;
  if (type === T.StringComplete || type === T.StringLeftPiece) {
    if (value.charCodeAt(from) === 13) from++;
    if (value.charCodeAt(from) === 10) from++;
  }
  return from === 0 ? value : value.slice(from);
}

function singleLineValue(text: string, type: TokenType, start: number, end: number): string | undefined {
  const slice = contents(text, start, end, delimiters(type, false, 0));
  if (slice === undefined) return undefined;
  if (slice.indexOf('\\') === -1) return slice.indexOf("'") === -1 ? slice : undefined;
  const out: string[] = [];
  for (let i = 0; i < slice.length; i++) {
    const ch = slice[i]!;
    if (ch === "'") return undefined;
    if (ch === '\\') {
      const length = scanEscape(slice, i, out);
      if (length === 0) return undefined;
      i += length - 1;
      continue;
    }
    out.push(ch);
  }
  return out.join('');
}
