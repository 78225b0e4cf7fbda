import type { Loc } from './location.js';
import { compareParts, partsOf } from './partial-string.js';
import { sameKnownContent, unknown, unmoved, type ErrorVal, type Origin, type UnknownVal, type Val } from './value.js';

/**
 * The value operations both evaluators share: one convention for origins, equality, unknowns and
 * errors, whatever the language.
 */

/**
 * Most origins a computed value keeps. Messages name the first one or two; a value built from
 * hundreds of inputs (a `join` over a copy loop) would otherwise carry them all at every step.
 */
export const MAX_ORIGINS = 8;

/** Anything an operation takes as input: a value, or a language's non-value argument (a lambda). */
export interface Input {
  readonly kind: string;
  readonly origins?: readonly Origin[];
}

/** The same origin: kind, name and place (who passed it aside). */
function sameOrigin(a: Origin, b: Origin): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.name !== b.name) return false;
  const la = a.loc;
  const lb = b.loc;
  return la === lb || (la !== undefined && lb !== undefined && la.file === lb.file && la.start === lb.start && la.end === lb.end);
}

/** The inputs' origins, each once, in input order, at most MAX_ORIGINS. */
export function mergeOrigins(inputs: readonly Input[]): readonly Origin[] {
  // Most operations have one input with origins: its array is the answer, no copy.
  let only: readonly Origin[] | undefined;
  let many = false;
  // Indexed: every operation comes here, often before V8 optimizes it, and an unoptimized for…of allocates per step.
  for (let i = 0; i < inputs.length; i++) {
    const o = inputs[i]!.origins;
    if (!o || o.length === 0) continue;
    if (only === undefined) only = o;
    else if (only !== o) many = true;
  }
  if (!many) return only === undefined ? [] : only.length > MAX_ORIGINS ? only.slice(0, MAX_ORIGINS) : only;
  // Compared with the few kept (at most MAX_ORIGINS) rather than keyed: a key string per origin was most of this.
  const out: Origin[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const origins = inputs[i]!.origins ?? [];
    for (let j = 0; j < origins.length; j++) {
      const o = origins[j]!;
      if (out.some((kept) => sameOrigin(kept, o))) continue;
      out.push(o);
      if (out.length === MAX_ORIGINS) return out;
    }
  }
  return out;
}

/** A template mistake at `site`: unknown, and reported if it reaches a declaration. */
export function errorVal(site: Loc | undefined, summary: string, inputs: readonly Input[] = []): UnknownVal {
  return unknown(summary, site, { origins: mergeOrigins(inputs), cause: 'error', subject: site });
}

/**
 * A value the linter's own bounds stop it from building (not the template's fault); reported,
 * like an error, where it arose if it reaches a declaration, so an unknown is never unexplained.
 */
export function limitVal(site: Loc | undefined, summary: string, inputs: readonly Input[] = []): UnknownVal {
  return unknown(summary, site, { origins: mergeOrigins(inputs), cause: 'limit', subject: site });
}

/** The first unknown inside a value (itself, or an array item or property at any depth). */
function nestedUnknown(v: Input): UnknownVal | undefined {
  const x = v as Val;
  if (x.kind === 'unknown') return x;
  if (x.kind === 'array') {
    for (const item of x.items) {
      const u = nestedUnknown(item);
      if (u) return u;
    }
  } else if (x.kind === 'object') {
    for (const p of x.props.values()) {
      const u = nestedUnknown(p.value);
      if (u) return u;
    }
  }
  return undefined;
}

/**
 * The unknown result of an operation over `inputs`, at `site`: it carries the reason of an
 * unknown input, an error's first (an error wins, so the mistake stays reportable), else a
 * direct unknown's, else one nested inside a known input's.
 */
export function propagateUnknown(inputs: readonly Input[], site: Loc | undefined, fallback = 'depends on an unknown value'): UnknownVal {
  let first: UnknownVal | undefined;
  for (const a of inputs) {
    if (a.kind !== 'unknown') continue;
    const u = a as UnknownVal;
    if (u.cause === 'error') {
      first = u;
      break;
    }
    first ??= u;
  }
  for (let i = 0; !first && i < inputs.length; i++) first = nestedUnknown(inputs[i]!);
  const origins = mergeOrigins(inputs);
  return first ? unknown(first.reason, site, { origins, cause: first.cause, subject: first.subject }) : unknown(fallback, site, { origins });
}

/** The first error among `inputs`, if any: an operation over it is that error too. */
export function firstError(inputs: readonly Input[]): ErrorVal | undefined {
  for (const a of inputs) if (a.kind === 'unknown' && (a as UnknownVal).cause === 'error') return a as ErrorVal;
  return undefined;
}

/**
 * Deep equality: true, false, or undefined when it depends on an unknown. Unknowns with the
 * same symbol are the same deployment-time value; partially known strings compare by their
 * parts. ARM compares object keys ignoring case.
 */
export function deepEqual(a: Val, b: Val, options: { readonly caseInsensitiveKeys: boolean }): boolean | undefined {
  // References to one variable share its parts: comparing them node by node can cost exponential time.
  if (a.kind === 'array' || a.kind === 'object') {
    if (sameKnownContent(a, b)) return true;
    a = unmoved(a);
    b = unmoved(b);
  }
  if (a.kind === 'unknown' || b.kind === 'unknown') {
    if (a.kind === 'unknown' && b.kind === 'unknown' && a.symbol && a.symbol === b.symbol) return true;
    const pa = partsOf(a);
    const pb = partsOf(b);
    return pa && pb ? compareParts(pa, pb) : undefined;
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
        const e = deepEqual(a.items[i]!, b.items[i]!, options);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      if (b.kind !== 'object' || a.props.size !== b.props.size) return false;
      const fold = options.caseInsensitiveKeys ? (k: string) => k.toLowerCase() : (k: string) => k;
      const other = new Map<string, Val>();
      for (const [k, p] of b.props) other.set(fold(k), p.value);
      let result: boolean | undefined = true;
      for (const [k, p] of a.props) {
        const bv = other.get(fold(k));
        if (bv === undefined) return false;
        const e = deepEqual(p.value, bv, options);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
  }
}

/**
 * A library function, as both evaluators call it: the arity is checked and (unless
 * `handlesUnknown`) an unknown argument makes the result unknown before `fn` runs.
 */
export interface FunctionDef<Arg, Ctx> {
  readonly minArgs: number;
  /** Infinity when variadic. */
  readonly maxArgs: number;
  /** The function inspects unknown arguments itself (e.g. `coalesce` stops at the first unknown). */
  readonly handlesUnknown?: boolean;
  fn(args: readonly Arg[], ctx: Ctx): Val;
}

const VAL_KINDS = new Set<string>(['string', 'number', 'boolean', 'null', 'array', 'object', 'unknown']);

function isVal(x: object): x is Val {
  const k = (x as { kind?: unknown }).kind;
  return typeof k === 'string' && VAL_KINDS.has(k) && Array.isArray((x as { origins?: unknown }).origins);
}

/**
 * Every error and limit value reachable from `root`: a value, or any structure holding values (a model, a
 * resource), walked through plain objects, arrays and the values' items and properties.
 */
export function forEachError(root: object, visit: (e: UnknownVal) => void): void {
  // Most roots are one scalar value (a name, a condition): no walk, no set.
  if (isVal(root) && root.kind !== 'array' && root.kind !== 'object') {
    if (root.kind === 'unknown' && root.cause !== 'deploy-time') visit(root);
    return;
  }
  // Model objects link to each other (a VM and its protected items); one value may be reached
  // from several places. Only objects that can hold values are remembered, and errors found.
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (typeof x !== 'object' || x === null) return;
    if (isVal(x)) {
      if (x.kind === 'unknown') {
        if (x.cause !== 'deploy-time' && !seen.has(x)) {
          seen.add(x);
          visit(x);
        }
        // A moved value holds the errors of its source, with the same subjects: walking the source
        // does not move every child of every resource body the model kept.
      } else if (x.kind === 'array') for (const item of (unmoved(x) as typeof x).items) walk(item);
      else if (x.kind === 'object') for (const p of (unmoved(x) as typeof x).props.values()) walk(p.value);
      return;
    }
    if (seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const item of x) walk(item);
      return;
    }
    // for…in rather than Object.values: no array per object (this runs over every model object).
    // Places (`at`, `loc`) hold no values.
    for (const k in x) if (k !== 'at' && k !== 'loc') walk((x as Record<string, unknown>)[k]);
  };
  walk(root);
}
