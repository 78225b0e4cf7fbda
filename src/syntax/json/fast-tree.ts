import type { Node } from 'jsonc-parser';
import { closingQuote, triviaEnd } from './scan.js';

/**
 * A fast parser for well-formed JSON with comments and trailing commas (what ARM accepts,
 * including line breaks inside strings), building the same tree as jsonc-parser's `parseTree`
 * less two fields no reader uses: `parent` (ESLint's `getParent` finds parents by a walk) and a
 * property's `colonOffset`. A tree is ~5 times its text and a large template's outlives many
 * young-generation collections: each field is 8 bytes a node of what the heap must hold.
 * Every node is made whole in one literal, so all leaves share one shape and all containers another.
 * It gives up (returns undefined) at the first thing it does not expect, and the caller lets
 * jsonc-parser produce the error messages and the partial tree: speed for the common case,
 * jsonc-parser's recovery for broken files.
 */
export function parseWellFormed(text: string, maxDepth: number): Node | undefined {
  const p = new Parser(text, maxDepth);
  const root = p.value(p.next(), 0);
  if (!root) return undefined;
  p.next();
  return p.pos === text.length ? root : undefined;
}

class Parser {
  pos = 0;
  /** Children being collected, copied out exactly sized: pushing onto `[]` reserves room for 17. */
  private readonly pending: Node[] = [];
  /**
   * The first backslash at or after the string being read (the text's length if none): a string
   * that ends before it holds no escape and its closing quote is not escaped, so most strings
   * are neither searched for one nor checked for it. Found again only once a string starts past
   * it, so the text is searched once in all.
   */
  private backslash = -1;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  /**
   * Moves past whitespace and comments and gives the character there: NaN at the end, and in
   * an unclosed comment, where `pos` becomes NaN so that the text is not taken as complete
   * (and the parse must stop: `charCodeAt(NaN)` reads the first character).
   * Spaces and line breaks are skipped here: calling `triviaEnd` between every two tokens was
   * about a quarter of the parse in a profile (`--no-turbo-inlining` inlines neither call).
   */
  next(): number {
    const t = this.text;
    let i = this.pos;
    let c = t.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++i);
    if (c === 0x2f || c === 0xfeff) {
      i = triviaEnd(t, i, true);
      c = i < t.length ? t.charCodeAt(i) : Number.NaN;
    }
    this.pos = i;
    return c;
  }

  /** The value at `pos`, whose first character is `c`. */
  value(c: number, depth: number): Node | undefined {
    if (c === 0x22) return this.string();
    if (c === 0x7b) return depth < this.maxDepth ? this.object(depth) : undefined;
    if (c === 0x5b) return depth < this.maxDepth ? this.array(depth) : undefined;
    const t = this.text;
    const start = this.pos;
    if (c === 0x74 && t.startsWith('true', start)) return this.literal('boolean', true, 4);
    if (c === 0x66 && t.startsWith('false', start)) return this.literal('boolean', false, 5);
    if (c === 0x6e && t.startsWith('null', start)) return this.literal('null', null, 4);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    return undefined;
  }

  private literal(type: 'boolean' | 'null', value: boolean | null, length: number): Node {
    const node: Node = { type, offset: this.pos, length, value };
    this.pos += length;
    return node;
  }

  private number(): Node | undefined {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === 0x2d) i++;
    const digitsFrom = i;
    while (isDigit(t.charCodeAt(i))) i++;
    if (i === digitsFrom) return undefined;
    if (t.charCodeAt(i) === 0x2e) {
      i++;
      const fraction = i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === fraction) return undefined;
    }
    const e = t.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = t.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      const exponent = i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === exponent) return undefined;
    }
    this.pos = i;
    return { type: 'number', offset: start, length: i - start, value: Number(t.slice(start, i)) };
  }

  private string(): Node | undefined {
    const t = this.text;
    const start = this.pos;
    if (this.backslash < start) {
      this.backslash = t.indexOf('\\', start);
      if (this.backslash === -1) this.backslash = t.length;
    }
    let end = t.indexOf('"', start + 1);
    let value: string | undefined;
    if (end !== -1 && end < this.backslash) {
      value = end - start - 1 < SHORT ? shortString(t, start + 1, end) : t.slice(start + 1, end);
    } else {
      end = closingQuote(t, start);
      if (end === -1) return undefined;
      value = decoded(t, start, end);
      if (value === undefined) return undefined;
    }
    this.pos = end + 1;
    return { type: 'string', offset: start, length: end + 1 - start, value };
  }

  private object(depth: number): Node | undefined {
    const offset = this.pos;
    const pending = this.pending;
    const first = pending.length;
    this.pos++;
    for (let c = this.next(); c !== 0x7d; ) {
      if (c !== 0x22) return undefined;
      const at = this.pos;
      const key = this.string();
      if (!key || this.next() !== 0x3a) return undefined;
      this.pos++;
      const value = this.value(this.next(), depth + 1);
      if (!value) return undefined;
      pending.push({ type: 'property', offset: at, length: value.offset + value.length - at, children: [key, value] });
      c = this.next();
      if (c === 0x2c) {
        this.pos++;
        c = this.next();
      } else if (c !== 0x7d) return undefined;
    }
    this.pos++;
    const node: Node = { type: 'object', offset, length: this.pos - offset, children: pending.slice(first) };
    pending.length = first;
    return node;
  }

  private array(depth: number): Node | undefined {
    const offset = this.pos;
    const pending = this.pending;
    const first = pending.length;
    this.pos++;
    for (let c = this.next(); c !== 0x5d; ) {
      const item = this.value(c, depth + 1);
      if (!item) return undefined;
      pending.push(item);
      c = this.next();
      if (c === 0x2c) {
        this.pos++;
        c = this.next();
      } else if (c !== 0x5d) return undefined;
    }
    this.pos++;
    const node: Node = { type: 'array', offset, length: this.pos - offset, children: pending.slice(first) };
    pending.length = first;
    return node;
  }
}

/**
 * Strings this short are copied by `slice` (longer ones are views of the text): 30 bytes each,
 * and two thirds of a template's strings are (keys above all: "type", "name", "properties").
 * Each is taken from a small table of strings seen before when the text there is the same, so
 * a tree holds one copy of each instead of one per node; a miss replaces the slot.
 */
const SHORT = 13;
const seen: (string | undefined)[] = new Array(4096).fill(undefined);

function shortString(t: string, from: number, to: number): string {
  const length = to - from;
  if (length === 0) return '';
  const slot = (length * 977 + t.charCodeAt(from) * 31 + t.charCodeAt(to - 1) * 7 + t.charCodeAt(from + (length >> 1))) & 4095;
  const known = seen[slot];
  if (known !== undefined && known.length === length && t.startsWith(known, from)) return known;
  return (seen[slot] = t.slice(from, to));
}

/**
 * The value of the string between the quotes at `open` and `close`, which holds an escape.
 * JSON.parse decodes it natively (long strings here are scripts and nested templates with
 * thousands of escapes); it refuses line breaks and tabs, which ARM accepts, and invalid
 * escapes: `decodeEscapes` then decides.
 */
function decoded(t: string, open: number, close: number): string | undefined {
  const quoted = t.slice(open, close + 1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return decodeEscapes(quoted.slice(1, -1));
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes a string's escapes; undefined for an invalid one (jsonc-parser then reports it). */
export function decodeEscapes(raw: string): string | undefined {
  // Copies the runs between escapes whole: appending char by char allocated a string per character.
  let out = '';
  let from = 0;
  for (let i = raw.indexOf('\\'); i !== -1; i = raw.indexOf('\\', from)) {
    out += raw.slice(from, i);
    const e = raw[i + 1];
    if (e === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      from = i + 6;
    } else {
      const decoded = e === undefined ? undefined : ESCAPES[e];
      if (decoded === undefined) return undefined;
      out += decoded;
      from = i + 2;
    }
  }
  return out + raw.slice(from);
}
