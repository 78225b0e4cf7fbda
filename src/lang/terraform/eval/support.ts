import type { Loc } from '../../../kernel/location.js';
import { arr, nul, obj, str, num, bool, toPlain, unknown, type Origin, type Plain, type Prop, type Val } from '../../../kernel/value.js';

/** Evaluation limits: generous for real modules, small enough that no input can hang the linter. */
export const LIMITS = {
  /** Largest list `range()` and other constructors may build; beyond it the result is unknown. */
  collection: 1_024_000,
  /** Longest string a function may build. */
  string: 4 * 1024 * 1024,
  /** Nesting of expression evaluation (deep parentheses, recursive templates). */
  depth: 256,
  /** Instances one `count`/`for_each` may create. */
  instances: 10_000,
  /**
   * Expressions one evaluation may evaluate (nested for-expressions multiply, so per-collection
   * caps alone do not bound the work).
   */
  steps: 3_000_000,
  /** Nesting of local child modules. */
  moduleDepth: 32,
} as const;

/**
 * A Terraform evaluation error (wrong type, missing key…). `try()` and `can()` catch it;
 * elsewhere the value becomes unknown with this message as the reason.
 */
export class EvalError extends Error {}

export function fail(message: string): never {
  throw new EvalError(message);
}

export function firstUnknown(values: readonly Val[]): Val | undefined {
  return values.find((v) => v.kind === 'unknown');
}

/** Origins of the inputs of a computed value, so `lower(var.x)` still names var.x's tfvars literal. */
export function mergedOrigins(inputs: readonly Val[]): readonly Origin[] {
  const out: Origin[] = [];
  for (const v of inputs) {
    for (const o of v.origins) {
      if (out.length >= 8) return out;
      if (!out.some((p) => p.kind === o.kind && p.name === o.name && p.loc?.start === o.loc?.start && p.loc?.file === o.loc?.file)) out.push(o);
    }
  }
  return out;
}

/** Unknown result of an operation, keeping the first unknown input's reason and candidates' absence. */
export function unknownFrom(inputs: readonly Val[], loc: Loc | undefined, fallback = 'value not known before apply'): Val {
  const u = firstUnknown(inputs);
  return unknown(u && u.kind === 'unknown' ? u.reason : fallback, loc, { origins: mergedOrigins(inputs) });
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

/** Terraform's implicit conversion to string for primitives. */
export function asStringLike(v: Val, what = 'argument'): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return formatNumber(v.value);
  if (v.kind === 'boolean') return v.value ? 'true' : 'false';
  return fail(`${what} must be a string, got ${typeName(v)}`);
}

export function asNumberLike(v: Val, what = 'argument'): number {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string') {
    const t = v.value.trim();
    if (t !== '' && /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  }
  return fail(`${what} must be a number, got ${typeName(v)}`);
}

export function asBoolLike(v: Val, what = 'argument'): boolean {
  if (v.kind === 'boolean') return v.value;
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
  return fail(`${what} must be a bool, got ${typeName(v)}`);
}

/** Lists, tuples and sets are all arrays here; objects are maps and objects. */
export function asList(v: Val, what = 'argument'): readonly Val[] {
  if (v.kind === 'array') return v.items;
  return fail(`${what} must be a list, got ${typeName(v)}`);
}

export function asObject(v: Val, what = 'argument'): ReadonlyMap<string, Prop> {
  if (v.kind === 'object') return v.props;
  return fail(`${what} must be a map or object, got ${typeName(v)}`);
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

export function checkString(s: string): string {
  if (s.length > LIMITS.string) fail(`string longer than ${LIMITS.string} characters`);
  return s;
}

/** Deep equality of known values, as Terraform's `==`: types must match. */
export function equalVals(a: Val, b: Val): boolean {
  const pa = toPlain(a);
  const pb = toPlain(b);
  if (pa === undefined || pb === undefined) return false;
  return equalPlain(pa, pb);
}

export function equalPlain(a: Plain, b: Plain): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalPlain(x, b[i]!));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  const bo = b as { [key: string]: Plain };
  return ka.length === kb.length && ka.every((k) => k in bo && equalPlain((a as { [key: string]: Plain })[k]!, bo[k]!));
}

/** A value built by a function: at the call, remembering its inputs' origins. */
export function derived(value: Plain | undefined, loc: Loc | undefined, inputs: readonly Val[]): Val {
  const origins = mergedOrigins(inputs);
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
