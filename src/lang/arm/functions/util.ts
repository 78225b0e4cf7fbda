import type { Loc } from '../../../kernel/location.js';
import { arr, moveTo, str, unknown, type Origin, type UnknownVal, type Val } from '../../../kernel/value.js';
import type { Arg, CallContext, LambdaArg } from './types.js';

/** Longest string an expression may build; longer ones become unknown ("too large"). */
export const MAX_STRING_LENGTH = 1_000_000;
/** Longest array an expression may build. */
export const MAX_ARRAY_LENGTH = 100_000;

/** Reasons of real template errors start with this, so the evaluator can report them. */
export const ERROR_PREFIX = 'error: ';

export function isLambda(a: Arg | undefined): a is LambdaArg {
  return a !== undefined && a.kind === 'lambda';
}

export function isError(v: Val): v is UnknownVal {
  return v.kind === 'unknown' && v.reason.startsWith(ERROR_PREFIX);
}

function originKey(o: Origin): string {
  const l = o.loc;
  return l ? `${o.kind}\0${o.name}\0${l.file}\0${l.start}\0${l.end}` : `${o.kind}\0${o.name}`;
}

/** The arguments' own origins, each once, in argument order. */
export function mergeOrigins(args: readonly Arg[]): readonly Origin[] {
  let only: readonly Origin[] | undefined;
  let many = false;
  for (const a of args) {
    if (a.kind === 'lambda' || a.origins.length === 0) continue;
    if (only === undefined) only = a.origins;
    else if (only !== a.origins) many = true;
  }
  if (!many) return only ?? [];
  const seen = new Set<string>();
  const out: Origin[] = [];
  for (const a of args) {
    if (a.kind === 'lambda') continue;
    for (const o of a.origins) {
      const k = originKey(o);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(o);
      }
    }
  }
  return out;
}

export function fail(ctx: CallContext, message: string, args: readonly Arg[] = []): UnknownVal {
  return unknown(`${ERROR_PREFIX}${message}`, ctx.site, { origins: mergeOrigins(args) });
}

export function tooLarge(ctx: CallContext, what: string, args: readonly Arg[] = []): UnknownVal {
  return unknown(`too large: ${what}`, ctx.site, { origins: mergeOrigins(args) });
}

/** Unknown result because of an unknown argument: keeps that argument's reason (an error's first, so errors stay errors). */
export function propagate(args: readonly Arg[], ctx: CallContext): UnknownVal {
  const unknowns = args.filter((a): a is UnknownVal => a.kind === 'unknown');
  let first: UnknownVal | undefined = unknowns.find(isError) ?? unknowns[0];
  for (let i = 0; !first && i < args.length; i++) first = nestedUnknown(args[i]!);
  return unknown(first ? first.reason : `${ctx.name}() depends on an unknown value`, ctx.site, { origins: mergeOrigins(args) });
}

/** The first unknown inside an array or object. */
function nestedUnknown(v: Arg): UnknownVal | undefined {
  if (v.kind === 'unknown') return v;
  if (v.kind === 'array') {
    for (const item of v.items) {
      const u = nestedUnknown(item);
      if (u) return u;
    }
  } else if (v.kind === 'object') {
    for (const p of v.props.values()) {
      const u = nestedUnknown(p.value);
      if (u) return u;
    }
  }
  return undefined;
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
  if (value.length > MAX_STRING_LENGTH) return tooLarge(ctx, `${ctx.name}() would build a string of ${value.length} characters (limit ${MAX_STRING_LENGTH})`, args);
  ctx.budget.chars += value.length;
  return str(value, ctx.site, mergeOrigins(args));
}

/** A new array of passed-through items. */
export function newArr(items: readonly Val[], ctx: CallContext, args: readonly Arg[]): Val {
  if (items.length > MAX_ARRAY_LENGTH) return tooLarge(ctx, `${ctx.name}() would build an array of ${items.length} items (limit ${MAX_ARRAY_LENGTH})`, args);
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
  return fail(ctx, `${ctx.name}() argument ${position + 1} must be ${expected}, not ${typeName(got)}`, args);
}

/**
 * Stand-in text for deployment-time identity inside ids: `{resourceGroup().name}`. The ids
 * of the deployment's own scopes expand to their parts, so `concat(resourceGroup().id, …)`
 * and `resourceId(…)` give the same text for the same resource.
 */
export function symbolText(symbol: string): string {
  switch (symbol.toLowerCase()) {
    case 'subscription().id':
      return '/subscriptions/{subscription().subscriptionId}';
    case 'resourcegroup().id':
      return '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}';
    default:
      return `{${symbol}}`;
  }
}

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

/** Text usable inside an id: a scalar's text, or a symbolic unknown's stand-in. */
export function idText(v: Val): string | undefined {
  if (v.kind === 'unknown') return v.symbol ? symbolText(v.symbol) : undefined;
  return scalarText(v);
}

/**
 * Deep equality as ARM's equals() sees it: true, false, or undefined when it depends on an
 * unknown. Unknowns with the same symbol are the same deployment-time value.
 */
export function deepEqual(a: Val, b: Val): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') {
    if (a.kind === 'unknown' && b.kind === 'unknown' && a.symbol && a.symbol === b.symbol) return true;
    return undefined;
  }
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return a.kind === b.kind && a.value === (b as typeof a).value;
    case 'null':
      return b.kind === 'null';
    case 'array': {
      if (b.kind !== 'array' || a.items.length !== b.items.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const e = deepEqual(a.items[i]!, b.items[i]!);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      if (b.kind !== 'object' || a.props.size !== b.props.size) return false;
      const bLower = new Map<string, Val>();
      for (const [k, p] of b.props) bLower.set(k.toLowerCase(), p.value);
      let result: boolean | undefined = true;
      for (const [k, p] of a.props) {
        const other = bLower.get(k.toLowerCase());
        if (other === undefined) return false;
        const e = deepEqual(p.value, other);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
  }
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
  const walk = (x: Val): boolean => {
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
 * A text that is the same for values deepEqual() calls equal (object keys ignore case and
 * order); undefined when the value has an unknown inside without a symbol.
 */
export function canonicalKey(v: Val): string | undefined {
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
