import { MAX_JSON_DEPTH, type JsonNode } from './parse.js';
import { decodeEscapes } from './fast-tree.js';
import { closingQuote, triviaEnd } from './scan.js';

/** A value `peekJson` found: its type, and its text when it is a string. */
export interface PeekedValue {
  readonly type: JsonNode['type'];
  readonly value?: string;
}

/** The text is not plain enough to answer without the full parse. */
class Unclear extends Error {}

/**
 * The value at `path` (object keys from the root, each matched as `prop` matches: the first key
 * equal ignoring case), read without building a tree and stopping as soon as it is known; `null`
 * when there is none, `undefined` when only the full parse (`parseJson`) can tell.
 *
 * What it reads must be plain: the full parse's fast grammar, with no line break inside a
 * string, no number with a leading zero and no U+FEFF between tokens, which jsonc-parser (the
 * full parse of a broken file) would read differently. Both parsers then build the same nodes
 * for that prefix whatever follows it, so the answer is the full parse's. The one exception is
 * a file nested so deep further on that jsonc-parser exhausts the stack (thousands of levels):
 * the full parse then has no tree at all.
 */
export function peekJson(text: string, path: readonly string[]): PeekedValue | null | undefined {
  try {
    const r = new Reader(text);
    r.skipSpace();
    return r.text.charCodeAt(r.pos) === 0x7b ? r.find(path, 0) : undefined;
  } catch (e) {
    if (e instanceof Unclear) return undefined;
    throw e;
  }
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  /** In the object at `pos`, the value at `path[at…]`; leaves `pos` anywhere once it is found. */
  find(path: readonly string[], at: number): PeekedValue | null {
    const t = this.text;
    const wanted = path[at]!;
    const lower = wanted.toLowerCase();
    this.pos++;
    for (;;) {
      this.skipSpace();
      const c = t.charCodeAt(this.pos);
      if (c === 0x7d) return null;
      if (c !== 0x22) throw new Unclear();
      const key = this.string();
      this.skipSpace();
      if (t.charCodeAt(this.pos) !== 0x3a) throw new Unclear();
      this.pos++;
      this.skipSpace();
      if (key.length === wanted.length && (key === wanted || key.toLowerCase() === lower)) {
        const v = t.charCodeAt(this.pos);
        if (at + 1 < path.length) return v === 0x7b ? this.find(path, at + 1) : (this.skipValue(at + 1), null);
        if (v === 0x22) return { type: 'string', value: this.string() };
        return { type: this.skipValue(at + 1) };
      }
      this.skipValue(at + 1);
      this.skipSpace();
      const next = t.charCodeAt(this.pos);
      if (next === 0x2c) this.pos++;
      else if (next !== 0x7d) throw new Unclear();
    }
  }

  /** Reads past one value, checking it as the full parse would, and says what it was. */
  private skipValue(depth: number): JsonNode['type'] {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 0x22) {
      this.string();
      return 'string';
    }
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_JSON_DEPTH) throw new Unclear();
      const close = c === 0x7b ? 0x7d : 0x5d;
      this.pos++;
      for (;;) {
        this.skipSpace();
        if (t.charCodeAt(this.pos) === close) break;
        if (c === 0x7b) {
          if (t.charCodeAt(this.pos) !== 0x22) throw new Unclear();
          this.string();
          this.skipSpace();
          if (t.charCodeAt(this.pos) !== 0x3a) throw new Unclear();
          this.pos++;
          this.skipSpace();
        }
        this.skipValue(depth + 1);
        this.skipSpace();
        const next = t.charCodeAt(this.pos);
        if (next === 0x2c) this.pos++;
        else if (next !== close) throw new Unclear();
      }
      this.pos++;
      return c === 0x7b ? 'object' : 'array';
    }
    for (const [word, type] of LITERALS) {
      if (t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return type;
      }
    }
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(t)) throw new Unclear();
    this.pos = NUMBER.lastIndex;
    return 'number';
  }

  /** A string's value, from its opening quote at `pos`. */
  private string(): string {
    const t = this.text;
    const close = closingQuote(t, this.pos);
    if (close < 0) throw new Unclear();
    const raw = t.slice(this.pos + 1, close);
    if (raw.includes('\n') || raw.includes('\r')) throw new Unclear();
    const value = raw.includes('\\') ? decodeEscapes(raw) : raw;
    if (value === undefined) throw new Unclear();
    this.pos = close + 1;
    return value;
  }

  /** Whitespace and comments, as both parsers skip them (not U+FEFF, which jsonc-parser does not). */
  skipSpace(): void {
    const end = triviaEnd(this.text, this.pos, false);
    if (Number.isNaN(end)) throw new Unclear();
    this.pos = end;
  }
}

const LITERALS: readonly (readonly [string, JsonNode['type']])[] = [
  ['true', 'boolean'],
  ['false', 'boolean'],
  ['null', 'null'],
];

/** The fast grammar's numbers without a leading zero before more digits (jsonc-parser reads `01` as two tokens). */
const NUMBER = /-?(?:0(?![0-9])|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
