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
  p.skipSpace();
  if (p.pos >= text.length) return undefined;
  const root = p.value(0);
  if (!root) return undefined;
  p.skipSpace();
  return p.pos === text.length ? root : undefined;
}

class Parser {
  pos = 0;
  /** Children being collected, copied out exactly sized: pushing onto `[]` reserves room for 17. */
  private readonly pending: Node[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  /** Between every two tokens; an unclosed block comment leaves `pos` NaN, where nothing matches. */
  skipSpace(): void {
    this.pos = triviaEnd(this.text, this.pos, true);
  }

  value(depth: number): Node | undefined {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === 0x22) return this.string();
    if (c === 0x7b) return depth < this.maxDepth ? this.object(depth) : undefined;
    if (c === 0x5b) return depth < this.maxDepth ? this.array(depth) : undefined;
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
    const i = closingQuote(t, start);
    if (i === -1) return undefined;
    const value = i - start - 1 < SHORT ? shortString(t, start + 1, i) : unescaped(t.slice(start + 1, i));
    if (value === undefined) return undefined;
    this.pos = i + 1;
    return { type: 'string', offset: start, length: i + 1 - start, value };
  }

  private object(depth: number): Node | undefined {
    const t = this.text;
    const offset = this.pos;
    const first = this.pending.length;
    this.pos++;
    for (;;) {
      this.skipSpace();
      const c = t.charCodeAt(this.pos);
      if (c === 0x7d) break;
      if (c !== 0x22) return undefined;
      const at = this.pos;
      const key = this.string();
      if (!key) return undefined;
      this.skipSpace();
      if (t.charCodeAt(this.pos) !== 0x3a) return undefined;
      this.pos++;
      this.skipSpace();
      const value = this.value(depth + 1);
      if (!value) return undefined;
      const property: Node = { type: 'property', offset: at, length: value.offset + value.length - at, children: [key, value] };
      this.pending.push(property);
      this.skipSpace();
      const next = t.charCodeAt(this.pos);
      if (next === 0x2c) this.pos++;
      else if (next !== 0x7d) return undefined;
    }
    this.pos++;
    const node: Node = { type: 'object', offset, length: this.pos - offset, children: this.pending.slice(first) };
    this.pending.length = first;
    return node;
  }

  private array(depth: number): Node | undefined {
    const t = this.text;
    const offset = this.pos;
    const first = this.pending.length;
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (t.charCodeAt(this.pos) === 0x5d) break;
      const item = this.value(depth + 1);
      if (!item) return undefined;
      this.pending.push(item);
      this.skipSpace();
      const next = t.charCodeAt(this.pos);
      if (next === 0x2c) this.pos++;
      else if (next !== 0x5d) return undefined;
    }
    this.pos++;
    const node: Node = { type: 'array', offset, length: this.pos - offset, children: this.pending.slice(first) };
    this.pending.length = first;
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

function shortString(t: string, from: number, to: number): string | undefined {
  const length = to - from;
  if (length === 0) return '';
  const slot = (length * 977 + t.charCodeAt(from) * 31 + t.charCodeAt(to - 1) * 7 + t.charCodeAt(from + (length >> 1))) & 4095;
  const known = seen[slot];
  // A string in the table holds no escape, so text equal to it holds none either.
  if (known !== undefined && known.length === length && t.startsWith(known, from)) return known;
  const value = unescaped(t.slice(from, to));
  if (value !== undefined && value.length === length) seen[slot] = value;
  return value;
}

function unescaped(raw: string): string | undefined {
  return raw.indexOf('\\') === -1 ? raw : decodeEscapes(raw);
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
