// Ported from Azure/bicep src/Bicep.Core/Parsing/Lexer.cs (TryGetRawStringSegments and its helpers).
// Copyright (c) Microsoft Corporation. Licensed under the MIT License.

import { scanEscape, T, type Token } from './lexer.js';

/**
 * The literal values of a string's pieces (`'a${`, `}b${`, `}c'`, or one `'…'` / `'''…'''`), escapes
 * resolved; undefined when a piece is not terminated as its kind requires (the lexer hands those
 * on so lexing can go on, and the parser must not accept them).
 */
export function stringSegments(text: string, tokens: readonly Token[]): string[] | undefined {
  const first = tokens[0];
  if (!first) return [];
  const firstText = text.slice(first.start, first.end);
  const multiLine = firstText.length > 2 && (firstText[0] === '$' || firstText[1] === "'");
  let dollars = 0;
  while (multiLine && firstText[dollars] === '$') dollars++;
  const out: string[] = [];
  for (const token of tokens) {
    const value = multiLine ? multiLineValue(text, token, dollars) : singleLineValue(text, token);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

/**
 * The value of a string that is one token: `stringSegments(text, [token])?.[0]`, without the
 * lists, for the parser's commonest string.
 */
export function completeStringValue(text: string, token: Token): string | undefined {
  const multiLine = token.end - token.start > 2 && (text.charCodeAt(token.start) === 36 || text.charCodeAt(token.start + 1) === 39);
  return multiLine ? stringSegments(text, [token])?.[0] : singleLineValue(text, token);
}

// Single-line delimiters, allocated once.
const COMPLETE: [string, string] = ["'", "'"];
const LEFT: [string, string] = ["'", '${'];
const MIDDLE: [string, string] = ['}', '${'];
const RIGHT: [string, string] = ['}', "'"];

function delimiters(token: Token, multiLine: boolean, dollars: number): [string, string] | undefined {
  if (!multiLine) {
    switch (token.type) {
      case T.StringComplete: return COMPLETE;
      case T.StringLeftPiece: return LEFT;
      case T.StringMiddlePiece: return MIDDLE;
      case T.StringRightPiece: return RIGHT;
      default: return undefined;
    }
  }
  const hole = '$'.repeat(dollars);
  if (token.type === T.StringComplete) return [`${hole}'''`, "'''"];
  if (dollars === 0) return undefined;
  switch (token.type) {
    case T.StringLeftPiece: return [`${hole}'''`, `${hole}{`];
    case T.StringMiddlePiece: return ['}', `${hole}{`];
    case T.StringRightPiece: return ['}', "'''"];
    default: return undefined;
  }
}

function contents(text: string, token: Token, multiLine: boolean, dollars: number): [number, number] | undefined {
  const d = delimiters(token, multiLine, dollars);
  if (!d) return undefined;
  const [open, close] = d;
  if (token.end - token.start < open.length + close.length) return undefined;
  if (!text.startsWith(open, token.start) || !text.startsWith(close, token.end - close.length)) return undefined;
  return [token.start + open.length, token.end - close.length];
}

function multiLineValue(text: string, token: Token, dollars: number): string | undefined {
  const c = contents(text, token, true, dollars);
  if (!c) return undefined;
  let [start] = c;
  // A newline right after the opening quotes is not part of the value.
  if (token.type === T.StringComplete || token.type === T.StringLeftPiece) {
    if (text.charCodeAt(start) === 13) start++;
    if (text.charCodeAt(start) === 10) start++;
  }
  return text.slice(start, Math.max(start, c[1]));
}

function singleLineValue(text: string, token: Token): string | undefined {
  const c = contents(text, token, false, 0);
  if (!c) return undefined;
  const [start, end] = c;
  const slice = text.slice(start, end);
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
