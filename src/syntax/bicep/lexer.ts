// Ported from Azure/bicep src/Bicep.Core/Parsing/Lexer.cs (commit 9beb0fee, 2026-08-21).
// Copyright (c) Microsoft Corporation. Licensed under the MIT License:
// https://github.com/Azure/bicep/blob/main/LICENSE — the port keeps its structure and diagnostics.

import type { Comment, Pragma, Range } from './ast.js';
import { BicepErrors, type BicepError, type BicepMessage, type ErrorFactory } from './messages.js';

/**
 * Bicep's `TokenType`. A const enum, so the compiler writes the numbers in: reading them from an
 * object needs type feedback, and each rare branch of the lexer and parser first reached after
 * they were optimized (a `$'''` string, a `!~`) threw the optimized code away, which cost a cold
 * run (the CLI) about a tenth of its parse.
 */
export const enum T {
  At = 0, Unrecognized = 1, LeftBrace = 2, RightBrace = 3, LeftParen = 4, RightParen = 5, LeftSquare = 6, RightSquare = 7,
  Comma = 8, Dot = 9, Question = 10, Colon = 11, Semicolon = 12, Assignment = 13, Plus = 14, Minus = 15,
  Asterisk = 16, Slash = 17, Modulo = 18, Exclamation = 19, LeftChevron = 20, RightChevron = 21, LessThanOrEqual = 22, GreaterThanOrEqual = 23,
  Equals = 24, NotEquals = 25, EqualsInsensitive = 26, NotEqualsInsensitive = 27, LogicalAnd = 28, LogicalOr = 29, Identifier = 30, StringLeftPiece = 31,
  StringMiddlePiece = 32, StringRightPiece = 33, StringComplete = 34, Integer = 35, TrueKeyword = 36, FalseKeyword = 37, NullKeyword = 38, NewLine = 39,
  EndOfFile = 40, DoubleQuestion = 41, DoubleColon = 42, Arrow = 43, Pipe = 44, Ellipsis = 45, Hat = 46, Dollar = 47,
}

export type TokenType = T;

/** The names of the token types, by number (in `T`'s order), for dumps and messages. */
export const TOKEN_NAMES: readonly string[] = [
  'At', 'Unrecognized', 'LeftBrace', 'RightBrace', 'LeftParen', 'RightParen', 'LeftSquare', 'RightSquare',
  'Comma', 'Dot', 'Question', 'Colon', 'Semicolon', 'Assignment', 'Plus', 'Minus',
  'Asterisk', 'Slash', 'Modulo', 'Exclamation', 'LeftChevron', 'RightChevron', 'LessThanOrEqual', 'GreaterThanOrEqual',
  'Equals', 'NotEquals', 'EqualsInsensitive', 'NotEqualsInsensitive', 'LogicalAnd', 'LogicalOr', 'Identifier', 'StringLeftPiece',
  'StringMiddlePiece', 'StringRightPiece', 'StringComplete', 'Integer', 'TrueKeyword', 'FalseKeyword', 'NullKeyword', 'NewLine',
  'EndOfFile', 'DoubleQuestion', 'DoubleColon', 'Arrow', 'Pipe', 'Ellipsis', 'Hat', 'Dollar',
];

export interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
}

/**
 * The tokens of a text as a struct of arrays: token `i` is `types[i]` over `[starts[i], ends[i])`,
 * for `i < count`; the last is always `EndOfFile`. A parse holds every token of its file, about
 * one per eight characters, and as objects they were the parse's most numerous allocation and
 * what the young generation had to copy; typed arrays hold them outside the heap.
 */
export interface TokenArrays {
  readonly count: number;
  readonly types: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export interface LexResult extends TokenArrays {
  /**
   * Indexes of the tokens whose leading trivia holds a comment (Bicep's `CheckTrivia` on them).
   * Few do: a set instead of a field on every token.
   */
  readonly commented: ReadonlySet<number>;
  readonly comments: Comment[];
  readonly pragmas: Pragma[];
  readonly errors: BicepError[];
}

/** The tokens as objects, for dumps and tests. */
export function tokenList(tokens: TokenArrays): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.count; i++) out.push({ type: tokens.types[i]! as TokenType, start: tokens.starts[i]!, end: tokens.ends[i]! });
  return out;
}

const MAX_IDENTIFIER_LENGTH = 255;
const PRAGMAS = ['disable-next-line', 'disable-diagnostics', 'restore-diagnostics'] as const;
const SINGLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
const ESCAPE_LIST = `"\\$", "\\'", "\\\\", "\\n", "\\r", "\\t", "\\u{...}"`;

/** Tokens whose trailing trivia takes comments (Bicep's comment stickiness Trailing or Bidirectional). */
const TRAILING_COMMENTS = new Uint8Array(64);
for (const t of [T.RightParen, T.RightSquare, T.RightBrace, T.StringRightPiece, T.Question, T.Exclamation, T.FalseKeyword, T.TrueKeyword, T.NullKeyword, T.StringComplete, T.Integer, T.Identifier]) {
  TRAILING_COMMENTS[t] = 1;
}

const IDENTIFIER = 1;
const DIGIT = 2;
const SPACE = 4;
/** Character classes of ASCII codes, for the lexer's hot loops. */
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) CHAR_CLASS[c] = IDENTIFIER;
  else if (c >= 48 && c <= 57) CHAR_CLASS[c] = IDENTIFIER | DIGIT;
  else if (c === 32 || c === 9) CHAR_CLASS[c] = SPACE;
}

const NOT_OPERATOR = 255;
/**
 * Operator tokens by their first character (ASCII), and two-character ones by both, `first << 7 |
 * second`. One table lookup for every operator rather than a branch each: a branch first taken
 * after the lexer was optimized (the run's first `!~` or `&&`) had no type feedback and threw the
 * optimized code away.
 */
const OPERATOR = new Uint8Array(128).fill(NOT_OPERATOR);
const OPERATOR_PAIR = new Uint8Array(128 * 128).fill(NOT_OPERATOR);
for (const [op, type] of [
  ['(', T.LeftParen], [')', T.RightParen], ['[', T.LeftSquare], [']', T.RightSquare], ['@', T.At], [',', T.Comma], [';', T.Semicolon],
  ['+', T.Plus], ['-', T.Minus], ['%', T.Modulo], ['*', T.Asterisk], ['/', T.Slash], ['^', T.Hat], ['?', T.Question], [':', T.Colon],
  ['!', T.Exclamation], ['<', T.LeftChevron], ['>', T.RightChevron], ['=', T.Assignment], ['|', T.Pipe], ['&', T.Unrecognized],
  ['??', T.DoubleQuestion], ['::', T.DoubleColon], ['!=', T.NotEquals], ['!~', T.NotEqualsInsensitive], ['<=', T.LessThanOrEqual],
  ['>=', T.GreaterThanOrEqual], ['==', T.Equals], ['=~', T.EqualsInsensitive], ['=>', T.Arrow], ['&&', T.LogicalAnd], ['||', T.LogicalOr],
] as const) {
  if (op.length === 1) OPERATOR[op.charCodeAt(0)] = type;
  else OPERATOR_PAIR[(op.charCodeAt(0) << 7) | op.charCodeAt(1)] = type;
}

const isIdentifierStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentifierContinuation = (c: number): boolean => isIdentifierStart(c) || isDigit(c);
const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isNewLine = (c: number): boolean => c === 10 || c === 13;
const isWhiteSpace = (c: number): boolean => c === 32 || c === 9;

interface TemplateEntry {
  readonly opening: TokenType;
  readonly multiLine: boolean;
  readonly escapeCount: number;
}

/** Splits Bicep text (BOM already removed) into tokens, keeping comments and pragmas aside. */
export function lexBicep(text: string): LexResult {
  return new Lexer(text, undefined).lex();
}

/**
 * Token arrays a finished parse gave back, for the next to fill. Allocating three typed arrays per
 * file cost more than the lexing of a small file; a run parses hundreds.
 */
let spare: TokenArrays | undefined;

/**
 * `lexBicep` into the arrays of an earlier parse when one gave them back: the tokens are valid only
 * until `releaseTokens`, which the caller must call once it reads them no more.
 */
export function lexBicepReusing(text: string): LexResult {
  const arrays = spare;
  spare = undefined;
  return new Lexer(text, arrays).lex();
}

/** Gives the arrays of `lexBicepReusing`'s result back; its tokens must not be read after. */
export function releaseTokens(tokens: TokenArrays): void {
  spare = tokens;
}

class Lexer {
  private types: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  private readonly comments: Comment[] = [];
  private readonly pragmas: Pragma[] = [];
  private readonly errors: BicepError[] = [];
  private readonly commented = new Set<number>();
  private readonly templateStack: TemplateEntry[] = [];
  /** The sliding window: [start, pos) is the text scanned since the last reset. */
  private start = 0;
  private pos = 0;
  /** Whether the current token's leading trivia held a comment. */
  private leadingComment = false;

  constructor(private readonly text: string, arrays: TokenArrays | undefined) {
    // Real files hold about one token per eight characters; `grow` doubles the arrays if need be.
    const capacity = (text.length >> 3) + 16;
    if (arrays !== undefined && arrays.types.length >= capacity) {
      this.types = arrays.types;
      this.starts = arrays.starts;
      this.ends = arrays.ends;
    } else {
      this.types = new Uint8Array(capacity);
      this.starts = new Int32Array(capacity);
      this.ends = new Int32Array(capacity);
    }
  }

  lex(): LexResult {
    const n = this.text.length;
    while (this.pos < n) this.lexToken();
    if (this.count === 0 || this.types[this.count - 1] !== T.EndOfFile) this.lexToken();
    const { count, types, starts, ends } = this;
    return { count, types, starts, ends, commented: this.commented, comments: this.comments, pragmas: this.pragmas, errors: this.errors };
  }

  private grow(): void {
    const capacity = this.types.length * 2;
    const types = new Uint8Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    types.set(this.types);
    starts.set(this.starts);
    ends.set(this.ends);
    this.types = types;
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * The character code `i` ahead, or NaN past the end (which no comparison matches). Reads past the
   * end are checked here and in the loops below, not left to `charCodeAt`: V8's optimized code
   * does not expect them, and each file's end threw the lexer's optimized code away.
   */
  private peek(i = 0): number {
    const p = this.pos + i;
    return p < this.text.length ? this.text.charCodeAt(p) : NaN;
  }

  /** Advances over the characters of `kind` (the IDENTIFIER, DIGIT or SPACE bit of CHAR_CLASS). */
  private skipWhile(kind: number): void {
    const text = this.text;
    const n = text.length;
    let p = this.pos;
    for (; p < n; p++) {
      const c = text.charCodeAt(p);
      if (c >= 128 || (CHAR_CLASS[c]! & kind) === 0) break;
    }
    this.pos = p;
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private error(start: number, end: number, e: ErrorFactory, ...args: string[]): void {
    this.errors.push({ ...(e as (...a: string[]) => BicepMessage)(...args), start, end });
  }

  /**
   * One token and the trivia around it. The usual trivia, a few spaces, is skipped here rather
   * than in a call: the CLI runs V8 without inlining (src/cli/v8-flags.ts), so every call on
   * this path is paid once per token.
   */
  private lexToken(): void {
    const text = this.text;
    const n = text.length;
    let p = this.pos;
    let c = p < n ? text.charCodeAt(p) : -1;
    while (c === 32 || c === 9) c = ++p < n ? text.charCodeAt(p) : -1;
    this.pos = p;
    this.leadingComment = false;
    if (c === 47 || c === 35) this.scanLeadingTrivia();
    const start = (this.start = this.pos);
    const type = this.scanToken();
    const end = this.pos;
    if (type === T.Unrecognized) this.unrecognized(start, end);
    const i = this.count;
    if (i === this.types.length) this.grow();
    if (this.leadingComment) this.commented.add(i);
    this.types[i] = type;
    this.starts[i] = start;
    this.ends[i] = end;
    this.count = i + 1;
    p = end;
    c = p < n ? text.charCodeAt(p) : -1;
    while (c === 32 || c === 9) c = ++p < n ? text.charCodeAt(p) : -1;
    this.pos = p;
    if (c === 47 && TRAILING_COMMENTS[type] === 1) this.scanTrailingComments();
  }

  private unrecognized(start: number, end: number): void {
    const s = this.text.slice(start, end);
    if (s === '"') this.error(start, end, BicepErrors.doubleQuoteToken, s);
    else this.error(start, end, BicepErrors.unrecognizedToken, s);
  }

  private scanTrailingComments(): void {
    for (;;) {
      const c = this.peek();
      if (c === 32 || c === 9) this.skipWhile(SPACE);
      else if (c === 47 && this.peek(1) === 47) this.scanSingleLineComment();
      else if (c === 47 && this.peek(1) === 42) this.scanMultiLineComment();
      else return;
    }
  }

  private scanLeadingTrivia(): void {
    let lastWasComment = false;
    for (;;) {
      const triviaStart = this.pos;
      const c = this.peek();
      if (c === 32 || c === 9) {
        this.skipWhile(SPACE);
        lastWasComment = false;
      } else if (c === 47 && this.peek(1) === 47) {
        this.scanSingleLineComment();
        lastWasComment = this.leadingComment = true;
      } else if (c === 47 && this.peek(1) === 42) {
        this.scanMultiLineComment();
        lastWasComment = this.leadingComment = true;
      } else if (c === 35 && !lastWasComment) {
        const kind = this.pragmaAt(this.pos + 1);
        if (!kind || !this.onlyWhitespaceBeforeOnLine(triviaStart)) return;
        this.scanPragma(kind);
        lastWasComment = false;
      } else return;
    }
  }

  /** The pragma keyword at `position`. A loop, not `find` with a closure: a closure over `this` made every call of the caller allocate. */
  private pragmaAt(position: number): Pragma['kind'] | undefined {
    for (const kind of PRAGMAS) if (this.text.startsWith(kind, position)) return kind;
    return undefined;
  }

  private onlyWhitespaceBeforeOnLine(position: number): boolean {
    const lineStart = this.text.lastIndexOf('\n', position - 1) + 1;
    return /^\s*$/.test(this.text.slice(lineStart, position));
  }

  private scanSingleLineComment(): void {
    const start = this.pos;
    const text = this.text;
    let p = start + 2;
    for (; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === 10 || c === 13) break;
    }
    this.pos = p;
    this.comments.push({ type: 'Line', value: this.text.slice(start + 2, this.pos), range: [start, this.pos] });
  }

  private scanMultiLineComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('*/', start + 2);
    if (close === -1) {
      this.pos = this.text.length;
      this.error(start, this.pos, BicepErrors.unterminatedMultilineComment);
      this.comments.push({ type: 'Block', value: this.text.slice(start + 2), range: [start, this.pos] });
      return;
    }
    this.pos = close + 2;
    this.comments.push({ type: 'Block', value: this.text.slice(start + 2, close), range: [start, this.pos] });
  }

  /** A pragma's codes are runs of identifier characters and `-`, up to something else on the line. */
  private scanPragma(kind: Pragma['kind']): void {
    const start = this.pos;
    this.pos += kind.length + 1;
    let end = this.pos;
    let codeStart = this.pos;
    const codes: { code: string; range: Range }[] = [];
    const addCode = (): boolean => {
      if (this.pos <= codeStart) return false;
      codes.push({ code: this.text.slice(codeStart, this.pos), range: [codeStart, this.pos] });
      end = this.pos;
      return true;
    };
    while (!this.atEnd()) {
      const c = this.peek();
      if (isNewLine(c)) break;
      if (isIdentifierContinuation(c) || c === 45) {
        const next = this.peek(1);
        this.pos++;
        if (next === 32 || next === 9 || next === 10 || next === 13 || Number.isNaN(next)) {
          addCode();
          codeStart = this.pos;
        }
      } else if (isWhiteSpace(c)) {
        this.pos++;
        codeStart = this.pos;
      } else {
        addCode();
        break;
      }
    }
    if (codes.length === 0) {
      // Bicep reports it where the scan stopped, after the keyword and any spaces.
      this.error(codeStart, this.pos, BicepErrors.missingDiagnosticCodes);
      end = this.pos;
    }
    // What follows the last code (spaces, a comment) is trivia of its own.
    this.pos = end;
    this.pragmas.push({ kind, codes, range: [start, end] });
  }

  private scanMultilineString(atStart: boolean, escapeCount: number): TokenType {
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === 36) {
        let dollars = 0;
        while (this.peek() === 36) {
          this.pos++;
          dollars++;
        }
        if (escapeCount > 0 && dollars >= escapeCount && this.peek() === 123) {
          this.pos++;
          return atStart ? T.StringLeftPiece : T.StringMiddlePiece;
        }
      } else if (c === 39) {
        let quotes = 0;
        while (this.peek() === 39) {
          this.pos++;
          quotes++;
        }
        if (quotes >= 3) return atStart ? T.StringComplete : T.StringRightPiece;
      } else this.pos++;
    }
    this.error(this.start, this.pos, BicepErrors.unterminatedMultilineString);
    return atStart ? T.StringComplete : T.StringRightPiece;
  }

  private scanStringSegment(atStart: boolean): TokenType {
    const done = atStart ? T.StringComplete : T.StringRightPiece;
    const text = this.text;
    const n = text.length;
    for (;;) {
      // Plain characters run to the next quote, hole, escape or line end: one tight loop, as
      // most strings have no escapes and the lexer spends much of its time inside strings.
      let p = this.pos;
      let c = -1;
      for (; p < n; p++) {
        c = text.charCodeAt(p);
        if (c === 39 || c === 36 || c === 92 || c === 10 || c === 13) break;
      }
      this.pos = p;
      if (p >= n) {
        this.error(this.start, this.pos, BicepErrors.unterminatedString);
        return done;
      }
      if (c === 10 || c === 13) {
        this.error(this.start, this.pos, BicepErrors.unterminatedStringWithNewLine);
        return done;
      }
      const escapeBegin = p;
      this.pos = ++p;
      if (c === 39) return done;
      if (c === 36) {
        if (p >= n || text.charCodeAt(p) !== 123) continue;
        this.pos++;
        return atStart ? T.StringLeftPiece : T.StringMiddlePiece;
      }
      if (this.atEnd()) {
        this.error(this.start, this.pos, BicepErrors.unterminatedStringEscapeSequenceAtEof);
        return done;
      }
      const length = scanEscape(text, escapeBegin, null);
      if (length > 0) {
        this.pos = escapeBegin + length;
        continue;
      }
      c = this.peek();
      this.pos++;
      if (c === 117) {
        if (this.atEnd()) continue;
        if (this.peek() !== 123) {
          this.error(escapeBegin, this.pos, BicepErrors.invalidUnicodeEscape);
          continue;
        }
        this.pos++;
        if (this.atEnd()) continue;
        const hexStart = this.pos;
        while (isHexDigit(this.peek())) this.pos++;
        const hex = text.slice(hexStart, this.pos);
        if (this.atEnd()) continue;
        if (hex === '' || this.peek() !== 125) {
          this.error(escapeBegin, this.pos, BicepErrors.invalidUnicodeEscape);
          continue;
        }
        this.pos++;
        if (!validCodePoint(hex)) this.error(escapeBegin, this.pos, BicepErrors.invalidUnicodeEscape);
      } else if (!(String.fromCharCode(c) in SINGLE_ESCAPES)) {
        this.error(this.pos - 2, this.pos, BicepErrors.unterminatedStringEscapeSequenceUnrecognized, ESCAPE_LIST);
      }
    }
  }

  private scanToken(): TokenType {
    const text = this.text;
    if (this.pos >= text.length) return T.EndOfFile;
    const c = text.charCodeAt(this.pos++);
    const charClass = c < 128 ? CHAR_CLASS[c]! : 0;
    if (charClass & IDENTIFIER) return charClass & DIGIT ? this.scanInteger() : this.scanIdentifier();
    const operator = c < 128 ? OPERATOR[c]! : NOT_OPERATOR;
    if (operator !== NOT_OPERATOR) {
      const next = this.pos < text.length ? text.charCodeAt(this.pos) : 128;
      const pair = next < 128 ? OPERATOR_PAIR[(c << 7) | next]! : NOT_OPERATOR;
      if (pair === NOT_OPERATOR) return operator as TokenType;
      this.pos++;
      return pair as TokenType;
    }
    const stack = this.templateStack;
    switch (c) {
      case 123: // {
        if (stack.length > 0) stack.push({ opening: T.LeftBrace, multiLine: false, escapeCount: 0 });
        return T.LeftBrace;
      case 125: {
        // }
        const entry = stack[stack.length - 1];
        // As in Bicep, a `}` that closes an object inside a hole leaves its entry on the stack.
        if (entry === undefined || entry.opening === T.LeftBrace) return T.RightBrace;
        const piece = entry.multiLine ? this.scanMultilineString(false, entry.escapeCount) : this.scanStringSegment(false);
        if (piece === T.StringRightPiece) stack.pop();
        return piece;
      }
      case 46: {
        // Written without a branch of its own for the rare `...`: code first reached after the lexer
        // was optimized has no type feedback, and running it threw the optimized lexer away.
        const ellipsis = text.startsWith('..', this.pos);
        this.pos += ellipsis ? 2 : 0;
        return ellipsis ? T.Ellipsis : T.Dot;
      }
      case 36: {
        // $'''…''' (and $$'''…''' with $${…} holes)
        let escapeCount = 1;
        while (this.peek() === 36) {
          this.pos++;
          escapeCount++;
        }
        if (this.peek() === 39 && this.peek(1) === 39 && this.peek(2) === 39) {
          this.pos += 3;
          const t = this.scanMultilineString(true, escapeCount);
          if (t === T.StringLeftPiece) stack.push({ opening: t, multiLine: true, escapeCount });
          return t;
        }
        return T.Unrecognized;
      }
      case 39: {
        if (text.startsWith("''", this.pos)) {
          this.pos += 2;
          return this.scanMultilineString(true, 0);
        }
        const t = this.scanStringSegment(true);
        if (t === T.StringLeftPiece) stack.push({ opening: t, multiLine: false, escapeCount: 0 });
        return t;
      }
      case 10:
      case 13:
        if (stack.length > 0) {
          // A newline inside an interpolation hole ends the string.
          this.pos--;
          this.error(this.start, this.pos, BicepErrors.unterminatedStringWithNewLine);
          stack.length = 0;
          return T.StringRightPiece;
        }
        while (isNewLine(this.peek())) this.pos++;
        return T.NewLine;
      default:
        return T.Unrecognized;
    }
  }

  private scanInteger(): TokenType {
    this.skipWhile(DIGIT);
    return T.Integer;
  }

  private scanIdentifier(): TokenType {
    this.skipWhile(IDENTIFIER);
    const { start, pos: end, text } = this;
    const length = end - start;
    // The keywords compared in place: a slice for a map lookup was an allocation per word of their length.
    if (length === 4) {
      if (text.startsWith('true', start)) return T.TrueKeyword;
      if (text.startsWith('null', start)) return T.NullKeyword;
    } else if (length === 5 && text.startsWith('false', start)) return T.FalseKeyword;
    if (length > MAX_IDENTIFIER_LENGTH) this.error(start, end, BicepErrors.identifierNameExceedsLimit);
    return T.Identifier;
  }
}

function validCodePoint(hex: string): boolean {
  return hex.length <= 8 && parseInt(hex, 16) <= 0x10ffff;
}

/**
 * The length of the escape sequence at `text[at]` (a backslash), or 0 when it is not a valid one;
 * appends its value to `out` when given. `\${` is one escape for `${`.
 */
export function scanEscape(text: string, at: number, out: string[] | null): number {
  if (at + 1 >= text.length) return 0;
  const e = text[at + 1]!;
  if (e === 'u') {
    if (text.charCodeAt(at + 2) !== 123) return 0;
    let p = at + 3;
    while (p < text.length && isHexDigit(text.charCodeAt(p))) p++;
    if (p === at + 3 || p >= text.length || text.charCodeAt(p) !== 125) return 0;
    const hex = text.slice(at + 3, p);
    if (!validCodePoint(hex)) return 0;
    out?.push(String.fromCodePoint(parseInt(hex, 16)));
    return p + 1 - at;
  }
  const value = SINGLE_ESCAPES[e];
  if (value === undefined) return 0;
  if (e === '$' && text.charCodeAt(at + 2) === 123) {
    out?.push('${');
    return 3;
  }
  out?.push(value);
  return 2;
}
