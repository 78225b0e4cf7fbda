import { arr, bool, str, unknown, type UnknownVal, type Val } from '../../../kernel/value.js';
import { knownPrefix, partialString, partsOf, partsText, splitParts, type TextPart } from '../../../kernel/partial-string.js';
import { align, formatNumber, parseComposite } from './dotnet-format.js';
import { deterministicGuid, uniqueString } from './hash.js';
import type { Arg, CallContext, FunctionTable } from './types.js';
import { errorVal, limitVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { armMayContain, idText, intArg, MAX_STRING_LENGTH, newPartial, newStr, scalarText, toJsonText, wrongType } from './util.js';
import { stoppedVal } from '../../../kernel/work.js';

function strings(args: readonly Arg[], ctx: CallContext): string[] | Val {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.kind !== 'string') return wrongType(ctx, i, 'a string', a, args);
    out.push(a.value);
  }
  return out;
}

function format(args: readonly Arg[], ctx: CallContext): Val {
  const fmt = args[0]!;
  if (fmt.kind === 'unknown') return propagateUnknown(args, ctx.site);
  if (fmt.kind !== 'string') return wrongType(ctx, 0, 'a string', fmt, args);
  const pieces = parseComposite(fmt.value);
  if (typeof pieces === 'string') return errorVal(ctx.site, `format(): ${pieces}`, args);
  const texts: TextPart[] = [];
  let length = 0;
  for (const p of pieces) {
    if (typeof p === 'string') {
      texts.push(p);
      length += p.length;
      continue;
    }
    const v = args[p.index + 1];
    if (!v) return errorVal(ctx.site, `format(): index ${p.index} is out of range; there are ${args.length - 1} values to format`, args);
    if (v.kind === 'lambda') return wrongType(ctx, p.index + 1, 'a value', v, args);
    if (v.kind === 'unknown') {
      // Alignment pads to a length the unknown part hides.
      const parts = p.alignment === 0 && !p.spec ? partsOf(v) : undefined;
      if (!parts) return propagateUnknown(args, ctx.site);
      texts.push(...parts);
      continue;
    }
    let text: string | undefined;
    if (v.kind === 'number' && p.spec) text = formatNumber(v.value, p.spec);
    else if (v.kind === 'array' || v.kind === 'object') {
      const json = toJsonText(v);
      if (json === undefined) return propagateUnknown(args, ctx.site);
      if (json === 'too large') return limitVal(ctx.site, 'format() argument', args);
      text = json;
    } else text = scalarText(v);
    if (text === undefined) return propagateUnknown(args, ctx.site);
    if (Math.abs(p.alignment) > MAX_STRING_LENGTH) return limitVal(ctx.site, `format() alignment ${p.alignment}`, args);
    text = align(text, p.alignment);
    length += text.length;
    if (length > MAX_STRING_LENGTH) return limitVal(ctx.site, `format() result over ${MAX_STRING_LENGTH} characters`, args);
    texts.push(text);
  }
  return newPartial(texts, ctx, args);
}

function substring(args: readonly Arg[], ctx: CallContext): Val {
  const s = args[0]!;
  if (s.kind === 'unknown') {
    // Only substring(s, start, length) stops short of the unknown end.
    const [start, length] = args.slice(1).map((a) => intArg(a as Val));
    const needed = start !== undefined && length !== undefined && start >= 0 ? start + length : undefined;
    if (needed === undefined) return namedByCall('substring', s, args, ctx);
    return ofKnownPrefix(s, needed, args, ctx, (prefix) => substring([str(prefix, s.loc, s.origins), ...args.slice(1)], ctx), 'substring');
  }
  if (s.kind !== 'string') return wrongType(ctx, 0, 'a string', s, args);
  const startArg = args[1];
  const start = startArg ? intArg(startArg as Val) : 0;
  if (start === undefined) return wrongType(ctx, 1, 'an integer', startArg!, args);
  const lengthArg = args[2];
  const length = lengthArg ? intArg(lengthArg as Val) : s.value.length - start;
  if (length === undefined) return wrongType(ctx, 2, 'an integer', lengthArg!, args);
  if (start < 0 || length < 0 || start > s.value.length || start + length > s.value.length)
    return errorVal(
      ctx.site,
      `The index and length parameters must refer to a location within the string. The index parameter: '${start}', the length parameter: '${length}', the length of the string parameter: '${s.value.length}'.`,
      args,
    );
  return newStr(s.value.substring(start, start + length), ctx, args);
}

function split(args: readonly Arg[], ctx: CallContext): Val {
  const [s, d] = args as [Val, Val];
  if (s.kind === 'unknown' && d.kind === 'unknown') return propagateUnknown(args, ctx.site);
  if (s.kind !== 'string' && s.kind !== 'unknown') return wrongType(ctx, 0, 'a string', s, args);
  let delims: string[];
  if (d.kind === 'string') delims = [d.value];
  else if (d.kind === 'array') {
    delims = [];
    for (const item of d.items) {
      if (item.kind === 'unknown') return propagateUnknown([item], ctx.site);
      if (item.kind !== 'string') return errorVal(ctx.site, `split() delimiters must be strings, not ${item.kind}`, args);
      if (item.value !== '') delims.push(item.value);
    }
  } else return wrongType(ctx, 1, 'a string or an array of strings', d, args);
  if (s.kind === 'unknown') return splitPartial(s, delims, ctx, args);
  const parts: string[] = [];
  if (delims.length === 0 || delims.every((x) => x === '')) parts.push(s.value);
  else {
    // .NET String.Split: at each position the first delimiter in the list that matches wins. Only
    // those starting with the position's character are tried; every try is charged to the unit.
    const byFirst = new Map<string, string[]>();
    for (const x of delims) {
      const list = byFirst.get(x[0]!);
      if (list) list.push(x);
      else byFirst.set(x[0]!, [x]);
    }
    let from = 0;
    let i = 0;
    const text = s.value;
    while (i < text.length) {
      const candidates = byFirst.get(text[i]!);
      if (candidates && !ctx.work.charge(candidates.length, ctx.site)) return stoppedVal(ctx.site, args);
      const hit = candidates?.find((x) => text.startsWith(x, i));
      if (hit) {
        parts.push(text.slice(from, i));
        i += hit.length;
        from = i;
      } else i++;
    }
    parts.push(text.slice(from));
  }
  const origins = mergeOrigins(args);
  return { kind: 'array', items: parts.map((p) => ({ kind: 'string', value: p, loc: ctx.site, origins })), loc: ctx.site, origins };
}

/** split() of a partially known string: its pieces, when no unknown part may hold a delimiter. */
function splitPartial(s: UnknownVal, delims: readonly string[], ctx: CallContext, args: readonly Arg[]): Val {
  const parts = partsOf(s);
  const pieces = parts && splitParts(parts, delims, armMayContain);
  if (!pieces) return propagateUnknown(args, ctx.site);
  const origins = mergeOrigins(args);
  return arr(pieces.map((p) => partialString(p, ctx.site, origins)), ctx.site, origins);
}

/**
 * A function of a string's first characters applied to a partially known string: decided by
 * its known prefix when `within` answers from it (undefined when it needs more), else unknown.
 */
/** `within` the known prefix of `s` when its first `needed` characters are known text; past it, the value named by the call. */
export function ofKnownPrefix(s: UnknownVal, needed: number, args: readonly Arg[], ctx: CallContext, within: (prefix: string) => Val, fn: string): Val {
  const parts = partsOf(s);
  if (parts && needed >= 0 && needed <= knownPrefix(parts).length) return within(knownPrefix(parts));
  return namedByCall(fn, s, args, ctx);
}

/**
 * A string function of a deployment-time string, past its known text: one definite value named
 * by the call (`fn` with its known integer arguments), so names built from it
 * (`substring(uniqueString(…), 0, 5)`) still link and compare.
 */
export function namedByCall(fn: string, s: UnknownVal, args: readonly Arg[], ctx: CallContext): Val {
  const parts = partsOf(s);
  const rest = args.slice(1).map((a) => intArg(a as Val));
  if (!parts || rest.some((n) => n === undefined)) return propagateUnknown(args, ctx.site);
  const only = parts.length === 1 ? parts[0] : undefined;
  const named = only !== undefined && typeof only !== 'string' ? only.symbol : partsText(parts);
  return newPartial([{ symbol: `${fn}(${[named, ...rest].join(', ')})` }], ctx, args);
}

function padLeft(args: readonly Arg[], ctx: CallContext): Val {
  const [v, total, padArg] = args as [Val, Val, Val | undefined];
  const text = v.kind === 'string' ? v.value : v.kind === 'number' && Number.isInteger(v.value) ? String(v.value) : undefined;
  if (text === undefined) return wrongType(ctx, 0, 'a string or an integer', v, args);
  const n = intArg(total);
  if (n === undefined) return wrongType(ctx, 1, 'an integer', total, args);
  let pad = ' ';
  if (padArg) {
    if (padArg.kind !== 'string' || padArg.value.length !== 1) return errorVal(ctx.site, 'padLeft() padding character must be a single character', args);
    pad = padArg.value;
  }
  if (n > MAX_STRING_LENGTH) return limitVal(ctx.site, `padLeft() to ${n} characters (limit ${MAX_STRING_LENGTH})`, args);
  return newStr(text.padStart(n, pad), ctx, args);
}

function replace(args: readonly Arg[], ctx: CallContext): Val {
  const s = strings(args, ctx);
  if (!Array.isArray(s)) return s;
  const [text, from, to] = s as [string, string, string];
  if (from === '') return errorVal(ctx.site, 'replace() oldString cannot be empty', args);
  let count = 0;
  for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + from.length)) count++;
  const size = text.length + count * (to.length - from.length);
  if (size > MAX_STRING_LENGTH) return limitVal(ctx.site, `replace() would build a string of ${size} characters`, args);
  return newStr(text.split(from).join(to), ctx, args);
}

function caseInsensitive(test: (s: string, t: string) => boolean) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const s = strings(args, ctx);
    if (!Array.isArray(s)) return s;
    return bool(test(s[0]!.toLowerCase(), s[1]!.toLowerCase()), ctx.site, mergeOrigins(args));
  };
}

/**
 * A function of a string's text; `symbolic` names what it makes of a deployment-time part
 * (`toLower(resourceGroup().name)`), so a partially known string keeps its structure.
 */
function oneString(f: (s: string) => string, symbolic?: string) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const a = args[0]!;
    if (a.kind === 'unknown') {
      const parts = symbolic ? partsOf(a) : undefined;
      if (!parts) return propagateUnknown(args, ctx.site);
      return newPartial(parts.map((p) => (typeof p === 'string' ? f(p) : { symbol: `${symbolic}(${p.symbol})` })), ctx, args);
    }
    if (a.kind !== 'string') return wrongType(ctx, 0, 'a string', a, args);
    return newStr(f(a.value), ctx, args);
  };
}

/** string(): scalars as .NET prints them, arrays and objects as compact JSON. */
function toStr(args: readonly Arg[], ctx: CallContext): Val {
  const v = args[0] as Val;
  const scalar = scalarText(v);
  if (scalar !== undefined) return newStr(scalar, ctx, args);
  const json = toJsonText(v);
  if (json === undefined) return propagateUnknown([v], ctx.site);
  if (json === 'too large') return limitVal(ctx.site, `string() result over ${MAX_STRING_LENGTH} characters`, args);
  return newStr(json, ctx, args);
}

/**
 * uniqueString() and guid(): a stable hash of the arguments. With a deployment-time input
 * (e.g. `resourceGroup().id`) the value is unknown, but it keeps a symbol so names and ids
 * built from it still identify the same resource.
 */
function hashed(kind: 'uniqueString' | 'guid', hash: (parts: readonly string[]) => string) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const parts: string[] = [];
    let symbolic = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.kind === 'unknown') {
        const text = idText(a);
        if (text === undefined) return propagateUnknown(args, ctx.site);
        symbolic = true;
        parts.push(text);
      } else if (a.kind === 'string') parts.push(a.value);
      else return wrongType(ctx, i, 'a string', a, args);
    }
    if (symbolic)
      return unknown(`${kind}() of a value known only at deployment`, ctx.site, {
        symbol: `${kind}(${parts.join(', ')})`,
        origins: mergeOrigins(args),
      });
    return newStr(hash(parts), ctx, args);
  };
}

export const textFunctions: FunctionTable = {
  format: { minArgs: 1, maxArgs: Infinity, handlesUnknown: true, fn: format },
  substring: { minArgs: 1, maxArgs: 3, handlesUnknown: true, fn: substring },
  split: { minArgs: 2, maxArgs: 2, handlesUnknown: true, fn: split },
  padleft: { minArgs: 2, maxArgs: 3, fn: padLeft },
  replace: { minArgs: 3, maxArgs: 3, fn: replace },
  startswith: { minArgs: 2, maxArgs: 2, fn: caseInsensitive((s, t) => s.startsWith(t)) },
  endswith: { minArgs: 2, maxArgs: 2, fn: caseInsensitive((s, t) => s.endsWith(t)) },
  tolower: { minArgs: 1, maxArgs: 1, handlesUnknown: true, fn: oneString((s) => s.toLowerCase(), 'toLower') },
  toupper: { minArgs: 1, maxArgs: 1, handlesUnknown: true, fn: oneString((s) => s.toUpperCase(), 'toUpper') },
  trim: { minArgs: 1, maxArgs: 1, fn: oneString((s) => s.trim()) },
  string: { minArgs: 1, maxArgs: 1, fn: toStr },
  uniquestring: { minArgs: 1, maxArgs: Infinity, handlesUnknown: true, fn: hashed('uniqueString', uniqueString) },
  guid: { minArgs: 1, maxArgs: Infinity, handlesUnknown: true, fn: hashed('guid', deterministicGuid) },
};

