import type { Loc } from '../../../kernel/location.js';
import { errorVal, limitVal, mergeOrigins } from '../../../kernel/value-ops.js';
import { arr, moveTo, str, unmoved, type UnknownVal, type Val } from '../../../kernel/value.js';
import { partialString, partsOf, partsText, partsTextLength, type TextPart } from '../../../kernel/partial-string.js';
import type { Arg, CallContext, LambdaArg } from './types.js';
import { stoppedVal } from '../../../kernel/work.js';

/** Longest string an expression may build; longer ones become unknown ("too large"). */
export const MAX_STRING_LENGTH = 1_000_000;
/** Longest array an expression may build. */
export const MAX_ARRAY_LENGTH = 100_000;

export function isLambda(a: Arg | undefined): a is LambdaArg {
  return a !== undefined && a.kind === 'lambda';
}

function sameLoc(a: Loc | undefined, b: Loc | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.file === b.file && a.start === b.start && a.end === b.end);
}

/**
 * A passed-through value reporting at `site`. Values built here are at their site all the way
 * down, so a root already at `site` needs no copy (this keeps property chains cheap).
 */
export function atSite(v: Val, site: Loc | undefined): Val {
  return sameLoc(v.loc, site) ? v : moveTo(v, site);
}

/** A new string from the arguments, or unknown when it exceeds the limits. */
export function newStr(value: string, ctx: CallContext, args: readonly Arg[]): Val {
  if (value.length > MAX_STRING_LENGTH) return limitVal(ctx.site, `${ctx.name}() would build a string of ${value.length} characters (limit ${MAX_STRING_LENGTH})`, args);
  if (!ctx.work.chargeChars(value.length, ctx.site)) return stoppedVal(ctx.site, args);
  return str(value, ctx.site, mergeOrigins(args));
}

/** A new array of passed-through items. */
export function newArr(items: readonly Val[], ctx: CallContext, args: readonly Arg[]): Val {
  if (items.length > MAX_ARRAY_LENGTH) return limitVal(ctx.site, `${ctx.name}() would build an array of ${items.length} items (limit ${MAX_ARRAY_LENGTH})`, args);
  if (!ctx.work.charge(items.length, ctx.site)) return stoppedVal(ctx.site, args);
  return arr(items.map((i) => atSite(i, ctx.site)), ctx.site, mergeOrigins(args));
}

export function typeName(v: Arg): string {
  switch (v.kind) {
    case 'string':
      return 'String';
    case 'number':
      return Number.isInteger(v.value) ? 'Integer' : 'Float';
    case 'boolean':
      return 'Boolean';
    case 'null':
      return 'Null';
    case 'array':
      return 'Array';
    case 'object':
      return 'Object';
    case 'lambda':
      return 'Lambda';
    case 'unknown':
      return 'unknown';
  }
}

export function wrongType(ctx: CallContext, position: number, expected: string, got: Arg, args: readonly Arg[]): UnknownVal {
  return errorVal(ctx.site, `${ctx.name}() argument ${position + 1} must be ${expected}, not ${typeName(got)}`, args);
}

/** ARM compares object keys ignoring case (`equals()`, `contains()`, `union()`…). */
export const ARM_EQUALITY = { caseInsensitiveKeys: true } as const;

/** .NET's text for a scalar, as ARM prints it in concat(), format() and string(). */
export function scalarText(v: Val): string | undefined {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'True' : 'False';
    case 'null':
      return '';
    default:
      return undefined;
  }
}

/** A scalar's text, or a deployment-time string's parts, as concat() and format() join them. */
export function textParts(v: Val): readonly TextPart[] | undefined {
  if (v.kind === 'unknown') return partsOf(v);
  const t = scalarText(v);
  return t === undefined ? undefined : [t];
}

/** Text usable inside an id: a scalar's text, deployment-time parts as `{symbol}`. */
export function idText(v: Val): string | undefined {
  const parts = textParts(v);
  return parts && partsText(parts);
}

/** The characters each deployment-time value of ARM is made of, where the platform fixes them. */
const ALPHABETS: readonly [RegExp, RegExp][] = [
  [/^subscription\(\)\.(subscriptionId|tenantId)$/i, /^[0-9a-f-]$/i],
  [/^guid\(/i, /^[0-9a-f-]$/i],
  [/^uniqueString\(/i, /^[a-z0-9]$/],
  // Resource group and deployment names: letters, digits, '_', '-', '.', '(' and ')'.
  [/^(resourceGroup|deployment)\(\)\.name$/i, /^[\p{L}\p{N}_\-.()]$/u],
];

/** Whether an ARM deployment-time value may hold a character of `text` (split(), resource names). */
export function armMayContain(symbol: string, text: string): boolean {
  const alphabet = ALPHABETS.find(([which]) => which.test(symbol))?.[1];
  return alphabet === undefined || [...text].some((c) => alphabet.test(c));
}

/** A string of parts at the call site, or unknown when it exceeds the string limit. */
export function newPartial(parts: readonly TextPart[], ctx: CallContext, args: readonly Arg[]): Val {
  const length = partsTextLength(parts);
  if (length > MAX_STRING_LENGTH) return limitVal(ctx.site, `${ctx.name}() would build a string of ${length} characters (limit ${MAX_STRING_LENGTH})`, args);
  if (!ctx.work.chargeChars(length, ctx.site)) return stoppedVal(ctx.site, args);
  const first = args.find((a): a is UnknownVal => a.kind === 'unknown');
  return partialString(parts, ctx.site, mergeOrigins(args), first?.reason);
}

/**
 * Compact JSON as ARM's string() prints it; undefined when something inside is unknown, or
 * 'too large' past the string limit.
 */
export function toJsonText(v: Val): string | undefined | 'too large' {
  const parts: string[] = [];
  let size = 0;
  let unknownInside = false;
  const push = (s: string): boolean => {
    size += s.length;
    parts.push(s);
    return size <= MAX_STRING_LENGTH;
  };
  const walk = (moved: Val): boolean => {
    const x = unmoved(moved);
    switch (x.kind) {
      case 'string':
        return push(JSON.stringify(x.value));
      case 'number':
      case 'boolean':
        return push(String(x.value));
      case 'null':
        return push('null');
      case 'unknown':
        unknownInside = true;
        return false;
      case 'array': {
        if (!push('[')) return false;
        let first = true;
        for (const item of x.items) {
          if (!first && !push(',')) return false;
          first = false;
          if (!walk(item)) return false;
        }
        return push(']');
      }
      case 'object': {
        if (!push('{')) return false;
        let first = true;
        for (const [k, p] of x.props) {
          if (!first && !push(',')) return false;
          first = false;
          if (!push(JSON.stringify(k) + ':') || !walk(p.value)) return false;
        }
        return push('}');
      }
    }
  };
  if (walk(v)) return parts.join('');
  return unknownInside ? undefined : 'too large';
}

/** An integer argument, as ARM's int-typed parameters accept it. */
export function intArg(v: Val): number | undefined {
  return v.kind === 'number' && Number.isInteger(v.value) ? v.value : undefined;
}

/**
 * A text that is the same for values deepEqual(…, ARM_EQUALITY) calls equal (object keys ignore case and
 * order); undefined when the value has an unknown inside without a symbol.
 */
export function canonicalKey(moved: Val): string | undefined {
  const v = unmoved(moved);
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
    case 'unknown':
      return v.symbol ? `{${v.symbol}}` : undefined;
    case 'array': {
      const parts: string[] = [];
      for (const item of v.items) {
        const k = canonicalKey(item);
        if (k === undefined) return undefined;
        parts.push(k);
      }
      return `[${parts.join(',')}]`;
    }
    case 'object': {
      const parts: string[] = [];
      for (const [key, p] of v.props) {
        const k = canonicalKey(p.value);
        if (k === undefined) return undefined;
        parts.push(`${JSON.stringify(key.toLowerCase())}:${k}`);
      }
      return `{${parts.sort().join(',')}}`;
    }
  }
}
