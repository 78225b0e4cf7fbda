/**
 * HCL native-syntax lexer. It scans the whole file once into parallel arrays (type, start, end)
 * so the parser can look ahead and resynchronise after errors without re-scanning. Like
 * HashiCorp's scanner it is modal: quoted strings and heredocs are template modes, and `${`/`%{`
 * re-enter expression mode until the matching `}`. The mode stack is an explicit array, so
 * nesting depth never touches the JS call stack.
 */
import type { Comment } from './ast.js';

export const enum T {
  EOF,
  Newline,
  Ident,
  Number,
  OQuote,
  CQuote,
  /** Literal run inside a quoted string (escapes not yet decoded). */
  QuotedLit,
  /** Literal chunk of a heredoc: up to and including one newline. */
  HeredocLit,
  OHeredoc,
  CHeredoc,
  /** `${` or `${~` (length tells which). */
  Interp,
  /** `%{` or `%{~`. */
  Control,
  /** `}` or `~}` closing an interpolation or directive. */
  SeqEnd,
  /** A quoted string that reached the end of its line or the file. Zero width. */
  UnterminatedString,
  /** A heredoc that reached the end of the file. Zero width. */
  UnterminatedHeredoc,
  OBrace,
  CBrace,
  OBrack,
  CBrack,
  OParen,
  CParen,
  Comma,
  Dot,
  Star,
  Slash,
  Percent,
  Plus,
  Minus,
  Equal,
  Lt,
  Gt,
  Bang,
  Question,
  Colon,
  EqEq,
  NotEq,
  LtEq,
  GtEq,
  And,
  Or,
  DoubleColon,
  Ellipsis,
  FatArrow,
  Invalid,
}

export interface HeredocInfo {
  readonly marker: string;
  readonly indented: boolean;
}

export interface Tokens {
  /** Parallel arrays indexed by token number. Past the last real token every type reads as EOF (0). */
  readonly types: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** For each OHeredoc token index. */
  readonly heredocs: Map<number, HeredocInfo>;
  readonly comments: Comment[];
  /** Lexical problems that no token can carry (unterminated block comment). */
  readonly problems: { message: string; start: number; end: number }[];
}

const enum Mode {
  Main,
  String,
  Heredoc,
  /** A standalone template (a string value in Terraform JSON): ends only where its region ends. */
  Bare,
}

interface Frame {
  mode: Mode;
  /** Main frames opened by `${`/`%{` return to their template at their own `}`. */
  interp: boolean;
  braces: number;
  marker: string;
  startOfLine: boolean;
}

/** Punctuation that is always one token of one character. */
const SINGLE_CHAR_TOKENS = new Map<number, T>([
  [91 /* [ */, T.OBrack],
  [93 /* ] */, T.CBrack],
  [40 /* ( */, T.OParen],
  [41 /* ) */, T.CParen],
  [44 /* , */, T.Comma],
  [42 /* * */, T.Star],
  [37 /* % */, T.Percent],
  [43 /* + */, T.Plus],
  [45 /* - */, T.Minus],
  [63 /* ? */, T.Question],
]);

const ID_START = /[\p{ID_Start}]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdContinue(c: number): boolean {
  return isAsciiIdStart(c) || (c >= 48 && c <= 57) || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length in UTF-16 units of the identifier starting at `i`, or 0 if none starts there. */
function identLength(text: string, i: number): number {
  const n = text.length;
  let j = i;
  const c = text.charCodeAt(j);
  if (isAsciiIdStart(c)) j++;
  else if (c >= 128) {
    const cp = text.codePointAt(j)!;
    if (!ID_START.test(String.fromCodePoint(cp))) return 0;
    j += cp > 0xffff ? 2 : 1;
  } else return 0;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isAsciiIdContinue(d)) j++;
    else if (d >= 128) {
      const cp = text.codePointAt(j)!;
      if (!ID_CONTINUE.test(String.fromCodePoint(cp))) break;
      j += cp > 0xffff ? 2 : 1;
    } else break;
  }
  return j - i;
}

/**
 * Lexes `text`, or with `template` only `text[template.start, template.end)` as a standalone
 * template, framed by zero-width OQuote/CQuote tokens so it parses like a quoted string.
 */
export function lex(text: string, template?: { start: number; end: number }): Tokens {
  // Every token but a few zero-width ones consumes a character, so this rarely needs to grow.
  let capacity = (template ? template.end - template.start : text.length) + 16;
  let types = new Uint8Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  const heredocs = new Map<number, HeredocInfo>();
  const comments: Comment[] = [];
  const problems: { message: string; start: number; end: number }[] = [];
  const n = template ? template.end : text.length;
  const stack: Frame[] = [{ mode: Mode.Main, interp: false, braces: 0, marker: '', startOfLine: false }];
  let i = template ? template.start : 0;

  const emit = (type: T, start: number, end: number): void => {
    if (count === capacity) {
      capacity *= 2;
      const t = new Uint8Array(capacity);
      t.set(types);
      types = t;
      const s = new Int32Array(capacity);
      s.set(starts);
      starts = s;
      const e = new Int32Array(capacity);
      e.set(ends);
      ends = e;
    }
    types[count] = type;
    starts[count] = start;
    ends[count++] = end;
  };
  if (template) {
    emit(T.OQuote, i, i);
    stack.push({ mode: Mode.Bare, interp: false, braces: 0, marker: '', startOfLine: false });
  } else if (text.charCodeAt(0) === 0xfeff) {
    // A leading BOM is the caller's to strip; tolerate it without shifting offsets.
    i = 1;
  }

  // `i` and the stack stay plain locals (no closure captures them) so the loop optimises well.
  while (i < n) {
    const c = text.charCodeAt(i);
    const frame = stack[stack.length - 1]!;
    if (frame.mode !== Mode.Main) {
      if (frame.mode === Mode.String) {
        if (c === 34 /* " */) {
          emit(T.CQuote, i, i + 1);
          i++;
          if (stack.length > 1) stack.pop();
          continue;
        }
        if (c === 10 || c === 13) {
          emit(T.UnterminatedString, i, i);
          // Close every template this line opened, so the next line lexes as structure again.
          while (stack.length > 1 && stack[stack.length - 1]!.mode !== Mode.Heredoc) stack.pop();
          continue;
        }
      } else if (frame.mode === Mode.Heredoc && frame.startOfLine && closesHeredoc(text, i, frame.marker)) {
        const lineEnd = endOfLine(text, i);
        emit(T.CHeredoc, i, lineEnd);
        i = lineEnd;
        if (stack.length > 1) stack.pop();
        continue;
      }
      const open = interpolationOpenLength(text, i);
      if (open) {
        emit(c === 36 ? T.Interp : T.Control, i, i + open);
        i += open;
        frame.startOfLine = false;
        stack.push({ mode: Mode.Main, interp: true, braces: 0, marker: '', startOfLine: false });
        continue;
      }
      const start = i;
      if (frame.mode === Mode.String) {
        i = quotedLiteralEnd(text, i, n);
        emit(T.QuotedLit, start, i);
      } else {
        i = heredocLiteralEnd(text, i, n);
        frame.startOfLine = text.charCodeAt(i - 1) === 10;
        emit(T.HeredocLit, start, i);
      }
      continue;
    }

    // Expression / structure mode.
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 10) {
      emit(T.Newline, i, i + 1);
      i++;
      continue;
    }
    if (c === 13) {
      const len = text.charCodeAt(i + 1) === 10 ? 2 : 1;
      emit(T.Newline, i, i + len);
      i += len;
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      i = scanNumber(text, i);
      emit(T.Number, start, i);
      continue;
    }
    if (isAsciiIdStart(c) || c >= 128) {
      const len = identLength(text, i);
      if (len > 0) {
        emit(T.Ident, i, i + len);
        i += len;
        continue;
      }
    }
    const next = text.charCodeAt(i + 1);
    switch (c) {
      case 35 /* # */:
        i = lineComment(text, i, 1, 'hash', comments);
        continue;
      case 47 /* / */:
        if (next === 47) {
          i = lineComment(text, i, 2, 'slash', comments);
          continue;
        }
        if (next === 42 /* * */) {
          const close = text.indexOf('*/', i + 2);
          const end = close < 0 ? n : close + 2;
          comments.push({ type: 'Comment', style: 'block', value: text.slice(i + 2, close < 0 ? n : close), start: i, end });
          if (close < 0) problems.push({ message: 'Unterminated comment: expected "*/"', start: i, end: i + 2 });
          i = end;
          continue;
        }
        emit(T.Slash, i, ++i);
        continue;
      case 34 /* " */:
        emit(T.OQuote, i, ++i);
        stack.push({ mode: Mode.String, interp: false, braces: 0, marker: '', startOfLine: false });
        continue;
      case 60 /* < */: {
        if (next === 60) {
          const heredoc = heredocIntro(text, i);
          if (heredoc) {
            heredocs.set(count, heredoc.info);
            emit(T.OHeredoc, i, heredoc.nameEnd);
            i = heredoc.contentStart;
            stack.push({ mode: Mode.Heredoc, interp: false, braces: 0, marker: heredoc.info.marker, startOfLine: true });
            continue;
          }
        }
        if (next === 61) emit(T.LtEq, i, (i += 2));
        else emit(T.Lt, i, ++i);
        continue;
      }
      case 123 /* { */:
        frame.braces++;
        emit(T.OBrace, i, ++i);
        continue;
      case 125 /* } */:
        if (frame.interp && frame.braces === 0) {
          emit(T.SeqEnd, i, ++i);
          stack.pop();
        } else {
          if (frame.braces > 0) frame.braces--;
          emit(T.CBrace, i, ++i);
        }
        continue;
      case 126 /* ~ */:
        if (next === 125) {
          emit(T.SeqEnd, i, (i += 2));
          if (frame.interp && frame.braces === 0) stack.pop();
          else if (frame.braces > 0) frame.braces--;
        } else emit(T.Invalid, i, ++i);
        continue;
      case 61 /* = */:
        if (next === 61) emit(T.EqEq, i, (i += 2));
        else if (next === 62) emit(T.FatArrow, i, (i += 2));
        else emit(T.Equal, i, ++i);
        continue;
      case 33 /* ! */:
        if (next === 61) emit(T.NotEq, i, (i += 2));
        else emit(T.Bang, i, ++i);
        continue;
      case 62 /* > */:
        if (next === 61) emit(T.GtEq, i, (i += 2));
        else emit(T.Gt, i, ++i);
        continue;
      case 38 /* & */:
        if (next === 38) emit(T.And, i, (i += 2));
        else emit(T.Invalid, i, ++i);
        continue;
      case 124 /* | */:
        if (next === 124) emit(T.Or, i, (i += 2));
        else emit(T.Invalid, i, ++i);
        continue;
      case 58 /* : */:
        if (next === 58) emit(T.DoubleColon, i, (i += 2));
        else emit(T.Colon, i, ++i);
        continue;
      case 46 /* . */:
        if (next === 46 && text.charCodeAt(i + 2) === 46) emit(T.Ellipsis, i, (i += 3));
        else emit(T.Dot, i, ++i);
        continue;
      default: {
        const single = SINGLE_CHAR_TOKENS.get(c);
        if (single !== undefined) {
          emit(single, i, ++i);
          continue;
        }
        // One invalid token per character (a whole surrogate pair counts as one character).
        const len = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        emit(T.Invalid, i, (i += len));
        continue;
      }
    }
  }

  // Templates still open at the end of the file: let the parser report them precisely.
  for (let k = stack.length - 1; k > 0; k--) {
    const f = stack[k]!;
    if (f.mode === Mode.Bare) emit(T.CQuote, n, n);
    else if (f.mode === Mode.String) emit(T.UnterminatedString, n, n);
    else if (f.mode === Mode.Heredoc) emit(T.UnterminatedHeredoc, n, n);
  }
  emit(T.EOF, n, n);
  return { types, starts, ends, heredocs, comments, problems };
}

/**
 * HCL numbers: digits, then any run of digits, `.` and exponents (`e`, `E`, optional sign, digit),
 * not ending in `.`. So `1.5e3` is one token, `foo.0.bar` yields `0`, and `1.2.3` is one (invalid) token.
 */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  let lastGood = j;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isDigit(c)) {
      j++;
      lastGood = j;
    } else if (c === 46) {
      j++;
    } else if (c === 101 || c === 69) {
      const s = text.charCodeAt(j + 1);
      if (isDigit(s)) j += 2;
      else if ((s === 43 || s === 45) && isDigit(text.charCodeAt(j + 2))) j += 3;
      else break;
      lastGood = j;
    } else break;
  }
  return lastGood;
}

function lineComment(text: string, i: number, markerLen: number, style: 'hash' | 'slash', out: Comment[]): number {
  let j = i + markerLen;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) break;
    j++;
  }
  out.push({ type: 'Comment', style, value: text.slice(i + markerLen, j), start: i, end: j });
  // The newline stays in the stream: a line comment ends its line like a newline does.
  return j;
}

function heredocIntro(text: string, i: number): { info: HeredocInfo; nameEnd: number; contentStart: number } | undefined {
  let j = i + 2;
  const indented = text.charCodeAt(j) === 45;
  if (indented) j++;
  const len = identLength(text, j);
  if (len === 0) return undefined;
  const nameEnd = j + len;
  let k = nameEnd;
  if (text.charCodeAt(k) === 13) k++;
  if (text.charCodeAt(k) !== 10) return undefined;
  return { info: { marker: text.slice(j, nameEnd), indented }, nameEnd, contentStart: k + 1 };
}

function endOfLine(text: string, i: number): number {
  let j = i;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 10 || (c === 13 && text.charCodeAt(j + 1) === 10)) break;
    j++;
  }
  return j;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** A heredoc closes on a line holding only its marker, with any spaces around it (HCL allows that in both forms). */
function closesHeredoc(text: string, i: number, marker: string): boolean {
  let j = i;
  while (isBlank(text.charCodeAt(j))) j++;
  if (!text.startsWith(marker, j)) return false;
  j += marker.length;
  while (isBlank(text.charCodeAt(j)) || (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) !== 10)) j++;
  // Like HashiCorp's scanner, the marker line must end with a newline, even at the end of the file.
  const c = text.charCodeAt(j);
  return c === 10 || (c === 13 && text.charCodeAt(j + 1) === 10);
}

/** Length of the `${`, `%{`, `${~` or `%{~` that opens an interpolation or directive at `i`; 0 if none. */
function interpolationOpenLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c !== 36 /* $ */ && c !== 37) /* % */ || text.charCodeAt(i + 1) !== 123 /* { */) return 0;
  return text.charCodeAt(i + 2) === 126 /* ~ */ ? 3 : 2;
}

/** Length of `$${` or `%%{` at `i`, which stand for a literal `${` or `%{`; 0 if none. */
function escapedInterpolationLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return (c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123 ? 3 : 0;
}

/** End of a quoted string's literal text from `i`: at `"`, a line break or an interpolation. */
function quotedLiteralEnd(text: string, i: number, n: number): number {
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === 34 || d === 10 || d === 13 || interpolationOpenLength(text, i)) break;
    if (d === 92 /* \ */) {
      const e = text.charCodeAt(i + 1);
      i += e === 10 || e === 13 || i + 1 >= n ? 1 : 2;
    } else i += escapedInterpolationLength(text, i) || 1;
  }
  return i;
}

/** End of a heredoc's literal text from `i`: just after a line break, or at an interpolation. */
function heredocLiteralEnd(text: string, i: number, n: number): number {
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === 10) return i + 1;
    if (d === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
    if (interpolationOpenLength(text, i)) break;
    i += escapedInterpolationLength(text, i) || 1;
  }
  return i;
}
