import type { Loc } from '../../../kernel/location.js';
import { deepEqual, errorVal, mergeOrigins } from '../../../kernel/value-ops.js';
import { arr, nul, obj, str, num, bool, isError, type Plain, type Prop, type UnknownVal, type Val } from '../../../kernel/value.js';
import { compareParts, partsOf } from '../../../kernel/partial-string.js';

/** Evaluation limits: generous for real modules, small enough that no input can hang the linter. */
export const LIMITS = {
  /** Largest list `range()` and other constructors may build; beyond it the result is unknown. */
  collection: 1_024_000,
  /** Longest string a function may build. */
  string: 4 * 1024 * 1024,
  /** Instances one `count`/`for_each` may create. */
  instances: 10_000,
  /** Nesting of local child modules. */
  moduleDepth: 32,
} as const;

/**
 * Raised by a library function's body (through the `as…Like` coercions and `fail`) and turned
 * into an error value at the call by `callFunction`: no exception leaves a function call. The
 * evaluator itself works with values (`errorVal`) and never sees one.
 */
export class FunctionFailure extends Error {
  constructor(
    message: string,
    /** `limit` when the linter's own bounds, not the template, stopped the call. */
    readonly failure: 'error' | 'limit',
  ) {
    super(message);
  }
}

export function fail(message: string): never {
  throw new FunctionFailure(message, 'error');
}

export function failLimit(message: string): never {
  throw new FunctionFailure(message, 'limit');
}

export function typeName(v: Val): string {
  switch (v.kind) {
    case 'array':
      return 'list';
    case 'object':
      return 'object';
    default:
      return v.kind;
  }
}

/** Terraform's implicit conversion to string for primitives; undefined when there is none. */
export function stringLike(v: Val): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return formatNumber(v.value);
  if (v.kind === 'boolean') return v.value ? 'true' : 'false';
  return undefined;
}

export function numberLike(v: Val): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string') {
    const t = v.value.trim();
    if (t !== '' && /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  }
  return undefined;
}

export function boolLike(v: Val): boolean | undefined {
  if (v.kind === 'boolean') return v.value;
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
  return undefined;
}

/** Terraform's wording of a value that cannot convert: "`what` must be a string, got list". */
export function typeMismatch(what: string, expected: 'a string' | 'a number' | 'a bool' | 'a list' | 'a map or object', v: Val): string {
  return `${what} must be ${expected}, got ${typeName(v)}`;
}

/** The error value of a failed conversion at `loc`. */
export function typeError(loc: Loc, what: string, expected: Parameters<typeof typeMismatch>[1], v: Val): UnknownVal {
  return errorVal(loc, typeMismatch(what, expected, v), [v]);
}

// The as…Like forms are for library function bodies: a failed conversion fails the call.

export function asStringLike(v: Val, what = 'argument'): string {
  return stringLike(v) ?? fail(typeMismatch(what, 'a string', v));
}

export function asNumberLike(v: Val, what = 'argument'): number {
  return numberLike(v) ?? fail(typeMismatch(what, 'a number', v));
}

export function asBoolLike(v: Val, what = 'argument'): boolean {
  return boolLike(v) ?? fail(typeMismatch(what, 'a bool', v));
}

/** Lists, tuples and sets are all arrays here; objects are maps and objects. */
export function asList(v: Val, what = 'argument'): readonly Val[] {
  if (v.kind === 'array') return v.items;
  return fail(typeMismatch(what, 'a list', v));
}

export function asObject(v: Val, what = 'argument'): ReadonlyMap<string, Prop> {
  if (v.kind === 'object') return v.props;
  return fail(typeMismatch(what, 'a map or object', v));
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

export function checkString(s: string): string {
  if (s.length > LIMITS.string) failLimit(`string longer than ${LIMITS.string} characters`);
  return s;
}

/** Terraform compares object keys exactly. */
export const TF_EQUALITY = { caseInsensitiveKeys: false } as const;

/** `==` on two values: types must match; false while either holds an unknown (not yet decidable). */
export function equalVals(a: Val, b: Val): boolean {
  return deepEqual(a, b, TF_EQUALITY) === true;
}

/**
 * Equality of strings given by parts (an id with deployment-time parts, a symbol): true when
 * they are the same value, false when their known text cannot agree, else undefined.
 */
export function equalStrings(a: Val, b: Val): boolean | undefined {
  if ((a.kind === 'unknown' && (a.candidates || isError(a))) || (b.kind === 'unknown' && (b.candidates || isError(b)))) return undefined;
  const pa = partsOf(a);
  const pb = partsOf(b);
  return pa && pb ? compareParts(pa, pb) : undefined;
}

/** A value built by a function: at the call, remembering its inputs' origins. */
export function derived(value: Plain | undefined, loc: Loc | undefined, inputs: readonly Val[]): Val {
  const origins = mergeOrigins(inputs);
  const build = (p: Plain | undefined): Val => {
    if (p === undefined || p === null) return nul(loc, origins);
    if (typeof p === 'string') return str(checkString(p), loc, origins);
    if (typeof p === 'number') return num(p, loc, origins);
    if (typeof p === 'boolean') return bool(p, loc, origins);
    if (Array.isArray(p)) return arr(p.map(build), loc, origins);
    return obj(Object.entries(p).map(([key, v]) => ({ key, value: build(v) })), loc, origins);
  };
  return build(value);
}

/** Sorted keys, as Terraform iterates maps and objects. */
export function sortedEntries(props: ReadonlyMap<string, Prop>): [string, Val][] {
  return [...props.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, p]) => [k, p.value]);
}
