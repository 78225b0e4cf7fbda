import type { SourceComment } from '../../kernel/comment.js';

/** What `scanJsonText` reports: strings and comments as spans, every other character one by one. */
export interface JsonTextVisitor {
  /** A string, from its opening quote to just after its closing one (or to the end of an unterminated one). */
  string?(start: number, end: number): void;
  /**
   * A `//` comment up to its line break, or a block comment; `contentEnd` is where its text
   * ends (before the closing delimiter of a block comment, if it has one).
   */
  comment?(kind: 'line' | 'block', start: number, end: number, contentEnd: number): void;
  /** Any character outside strings and comments; returning true ends the scan. */
  other?(code: number, at: number): boolean | void;
}

/**
 * Walks JSON with comments (JSONC, as ARM accepts it) without parsing it, so that brackets,
 * quotes and slashes inside strings and comments are never mistaken for structure.
 */
export function scanJsonText(text: string, visitor: JsonTextVisitor): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const close = closingQuote(text, i);
      const end = close < 0 ? text.length : close + 1;
      visitor.string?.(i, end);
      i = end - 1;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      let end = i + 2;
      while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
      visitor.comment?.('line', i, end, end);
      i = end - 1;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      visitor.comment?.('block', i, end, close < 0 ? text.length : close);
      i = end - 1;
    } else if (visitor.other?.(c, i)) return;
  }
}

/**
 * The closing quote of the string whose opening quote is at `open`, or -1 when it is not closed.
 * indexOf runs natively, far faster than a loop over characters; a quote preceded by an odd
 * number of backslashes is escaped and does not end the string.
 */
export function closingQuote(text: string, open: number): number {
  let i = text.indexOf('"', open + 1);
  while (i !== -1 && isEscaped(text, i)) i = text.indexOf('"', i + 1);
  return i;
}

/**
 * Where the whitespace and comments from `i` end (U+FEFF counts as space when `bom` says so:
 * our fast grammar skips it, jsonc-parser does not); NaN when a block comment is not closed.
 */
export function triviaEnd(text: string, i: number, bom: boolean): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || (bom && c === 0xfeff)) i++;
    else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      i += 2;
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return Number.NaN;
      i = close + 2;
    } else return i;
  }
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

/** Line and block comments outside strings (ARM accepts JSON with comments). */
export function jsonComments(text: string): SourceComment[] {
  const out: SourceComment[] = [];
  scanJsonText(text, {
    comment: (kind, start, end, contentEnd) => void out.push({ kind, value: text.slice(start + 2, contentEnd), start, end }),
  });
  return out;
}
