import type { Loc } from './location.js';
import { str, unknown, type Origin, type Val } from './value.js';

/**
 * Partially known strings: text built from known pieces and values known only at deployment
 * (`resourceGroup().name`, `uniqueString(…)`, a parameter without value, `${var.rg}`). Both
 * evaluators build them the same way, so names and ids composed from them still link, split
 * and compare, and nothing about the unknown parts is ever guessed.
 */

/** A deployment-time value inside a string, named by the expression that yields it. */
export interface SymbolPart {
  readonly symbol: string;
}

/** Known text, or a deployment-time value. */
export type TextPart = string | SymbolPart;

/**
 * Whether the value a symbol stands for may contain any character of `text` (a delimiter): the
 * language knows some alphabets (`uniqueString()` gives letters and digits), else the answer is yes.
 */
export type MayContain = (symbol: string, text: string) => boolean;

/** The parts of a string value: its text, its parts when partially known, or its lone symbol. */
export function partsOf(v: Val): readonly TextPart[] | undefined {
  if (v.kind === 'string') return v.value === '' ? [] : [v.value];
  if (v.kind !== 'unknown') return undefined;
  if (v.parts) return v.parts;
  return v.symbol ? [{ symbol: v.symbol }] : undefined;
}

/** The parts as id text, each deployment-time value as `{symbol}`: the key names and ids link by. */
export function partsText(parts: readonly TextPart[]): string {
  let out = '';
  // Loops over parts are indexed in this file: they run for every id and name built, often before
  // V8 optimizes them, and an unoptimized for…of allocates an iterator and a result per step.
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    out += typeof p === 'string' ? p : `{${p.symbol}}`;
  }
  return out;
}

function allText(parts: readonly TextPart[]): parts is readonly string[] {
  for (let i = 0; i < parts.length; i++) if (typeof parts[i] !== 'string') return false;
  return true;
}

/** Characters of the parts' id text (partsText), without building it. */
export function partsTextLength(parts: readonly TextPart[]): number {
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    n += typeof p === 'string' ? p.length : p.symbol.length + 2;
  }
  return n;
}

/** Adjacent texts merged, empty ones dropped: one spelling per string. */
function normalize(parts: readonly TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === '') continue;
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

/**
 * A string from parts: known text when no part is symbolic, the symbol's own value when it is
 * one symbol alone, otherwise a partially known string (an unknown whose `symbol` is its id text,
 * so two equal spellings are the same value wherever symbols are compared).
 */
export function partialString(parts: readonly TextPart[], loc: Loc | undefined, origins: readonly Origin[], reason = 'built from values known only at deployment'): Val {
  // Most strings built are known text (concat() of literals and parameters): no normalized copy for them.
  if (allText(parts)) return str(parts.length === 1 ? parts[0]! : parts.join(''), loc, origins);
  const norm = normalize(parts);
  if (norm.length === 1) return unknown(reason, loc, { origins, symbol: (norm[0] as SymbolPart).symbol });
  return unknown(reason, loc, { origins, symbol: partsText(norm), parts: norm });
}

/**
 * A string known to exist and not to be empty whose whole text is known only at deployment (a
 * Terraform resource's `id`): kept as one symbolic part, since a lone symbol may be any value.
 */
export function symbolicString(symbol: string, loc: Loc | undefined, reason: string): Val {
  const parts = [{ symbol }];
  return unknown(reason, loc, { symbol: partsText(parts), parts });
}

/** The known text before the first deployment-time part. */
export function knownPrefix(parts: readonly TextPart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p !== 'string') break;
    out += p;
  }
  return out;
}

function knownSuffix(parts: readonly TextPart[]): string {
  let out = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (typeof p !== 'string') break;
    out = p + out;
  }
  return out;
}

function key(parts: readonly TextPart[]): string {
  // NUL cannot stand in template text, so a literal `{x}` never reads as a symbol here.
  return normalize(parts)
    .map((p) => (typeof p === 'string' ? p : `\0${p.symbol}\0`))
    .join('');
}

function knownLength(parts: readonly TextPart[]): number {
  let n = 0;
  for (const p of parts) if (typeof p === 'string') n += p.length;
  return n;
}

/**
 * Equality of two strings given by parts: true when their structure and symbols are the same,
 * false when their known text cannot agree (different known prefixes or suffixes, or more known
 * text than a fully known string holds), undefined otherwise.
 */
export function compareParts(a: readonly TextPart[], b: readonly TextPart[]): boolean | undefined {
  if (key(a) === key(b)) return true;
  const pa = knownPrefix(a);
  const pb = knownPrefix(b);
  const n = Math.min(pa.length, pb.length);
  if (pa.slice(0, n) !== pb.slice(0, n)) return false;
  const sa = knownSuffix(a);
  const sb = knownSuffix(b);
  const m = Math.min(sa.length, sb.length);
  if (sa.slice(sa.length - m) !== sb.slice(sb.length - m)) return false;
  const aKnown = a.every((p) => typeof p === 'string');
  const bKnown = b.every((p) => typeof p === 'string');
  if (aKnown && knownLength(b) > knownLength(a)) return false;
  if (bKnown && knownLength(a) > knownLength(b)) return false;
  return undefined;
}

/**
 * The pieces between delimiters (the first delimiter that matches at a position wins, as .NET
 * and Terraform split); undefined when a deployment-time part may itself hold a delimiter, since
 * then even the number of pieces is unknown.
 */
export function splitParts(parts: readonly TextPart[], delimiters: readonly string[], mayContain: MayContain): TextPart[][] | undefined {
  const delims = delimiters.filter((d) => d !== '');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (typeof p !== 'string' && delims.some((d) => mayContain(p.symbol, d))) return undefined;
  }
  const pieces: TextPart[][] = [[]];
  let piece = pieces[0]!;
  const norm = normalize(parts);
  // No symbol holds a character of a delimiter, so none spans one: known texts split alone.
  for (let n = 0; n < norm.length; n++) {
    const p = norm[n]!;
    if (typeof p !== 'string') {
      piece.push(p);
      continue;
    }
    // From one delimiter to the next by indexOf (this runs for every resource id built), the
    // nearest first and, where several start at once, the first listed.
    let from = 0;
    for (;;) {
      let at = -1;
      let hit = '';
      for (let k = 0; k < delims.length; k++) {
        const j = p.indexOf(delims[k]!, from);
        if (j !== -1 && (at === -1 || j < at)) {
          at = j;
          hit = delims[k]!;
        }
      }
      if (at === -1) break;
      piece.push(p.slice(from, at));
      pieces.push((piece = []));
      from = at + hit.length;
    }
    piece.push(p.slice(from));
  }
  return pieces.map(normalize);
}

/** A string with known text around deployment-time parts: known to be a string, and not empty. */
export function isPartialString(v: Val): boolean {
  return v.kind === 'unknown' && v.parts !== undefined;
}
