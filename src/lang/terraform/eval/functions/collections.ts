import { stoppedVal } from '../../../../kernel/work.js';
import { limitVal, propagateUnknown } from '../../../../kernel/value-ops.js';
import { arr, hasUnknown, nul, obj, str, toPlain, unknown, type Plain, type Prop, type Val } from '../../../../kernel/value.js';
import type { Loc } from '../../../../kernel/location.js';
import { LIMITS, asList, asNumberLike, asObject, asStringLike, derived, equalVals, fail, failLimit, sortedEntries } from '../support.js';
import { def, type CallContext, type FunctionTable } from './types.js';

function listOrSet(v: Val, what: string): readonly Val[] {
  return asList(v, what);
}

/** Removes duplicates (known values only); strings sorted, as Terraform orders sets of strings. */
export function toSet(items: readonly Val[], loc: Loc | undefined): Val {
  if (items.some(hasUnknown)) return propagateUnknown(items, loc);
  const out = unique(items);
  if (out.every((v) => v.kind === 'string')) out.sort((a, b) => ((a as { value: string }).value < (b as { value: string }).value ? -1 : 1));
  return arr(out, loc);
}

/** First of each group of equal known values; keyed by canonical JSON, as a pairwise scan made large sets quadratic. */
function unique(items: readonly Val[]): Val[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = setKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The text equal known values share (Terraform's equality), for set membership without pairwise scans. */
function setKey(v: Val): string {
  return canonicalJson(toPlain(v));
}

/** The keys of known values; undefined when one holds an unknown (membership is then unknown). */
function keysOf(items: readonly Val[]): Set<string> | undefined {
  if (items.some(hasUnknown)) return undefined;
  return new Set(items.map(setKey));
}

/** JSON with object keys sorted, so values equal as Terraform compares them give one string. */
function canonicalJson(p: Plain | undefined): string {
  if (p === null || typeof p !== 'object') return JSON.stringify(p) ?? 'undefined';
  if (Array.isArray(p)) return `[${p.map(canonicalJson).join(',')}]`;
  return `{${Object.keys(p).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((p as { [key: string]: Plain })[k])}`).join(',')}}`;
}

function flatten(items: readonly Val[], out: Val[]): boolean {
  for (const item of items) {
    if (item.kind === 'unknown') return false;
    if (item.kind === 'array') {
      if (!flatten(item.items, out)) return false;
    } else out.push(item);
    if (out.length > LIMITS.collection) failLimit('flatten: result too large');
  }
  return true;
}

function range(args: readonly Val[], ctx: CallContext): Val {
  const n = args.map((a) => asNumberLike(a, 'range argument'));
  const [start, limit, step] = n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? (n[0]! <= n[1]! ? 1 : -1)];
  if (step === 0) fail('range: step must not be zero');
  if ((step > 0 && start > limit) || (step < 0 && start < limit)) fail('range: step in the wrong direction');
  const length = Math.ceil((limit - start) / step);
  if (length > LIMITS.collection) return limitVal(ctx.loc, `range() of ${length} elements is over the limit of ${LIMITS.collection}`, args);
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(start + i * step);
  return derived(out, ctx.loc, args);
}

function elementAt(list: readonly Val[], i: number, what: string): Val {
  if (!Number.isInteger(i) || i < 0) fail(`${what}: index must be a non-negative whole number`);
  if (list.length === 0) fail(`${what}: empty list`);
  return list[i % list.length]!;
}

export const COLLECTION_FUNCTIONS: FunctionTable = {
  length: def(1, 1, ([v], ctx) => {
    if (v!.kind === 'unknown') return propagateUnknown([v!], ctx.loc);
    if (v!.kind === 'string') return derived([...v!.value].length, ctx.loc, [v!]);
    if (v!.kind === 'array') return derived(v!.items.length, ctx.loc, [v!]);
    if (v!.kind === 'object') return derived(v!.props.size, ctx.loc, [v!]);
    return fail('length: argument must be a string, list or map');
  }, true),
  lookup: def(2, 3, ([m, k, d], ctx) => {
    if (m!.kind === 'unknown' || k!.kind === 'unknown') return propagateUnknown([m!, k!], ctx.loc);
    const p = asObject(m!, 'lookup map').get(asStringLike(k!, 'lookup key'));
    if (p) return p.value;
    return d ?? fail(`lookup: key "${asStringLike(k!)}" not found`);
  }, true),
  merge: def(0, Infinity, (args, ctx) => {
    const props = new Map<string, Prop>();
    for (const a of args) {
      if (a.kind === 'unknown') return propagateUnknown([a], ctx.loc);
      if (a.kind === 'null') continue;
      for (const [k, p] of asObject(a, 'merge argument')) {
        props.delete(k);
        props.set(k, p);
      }
    }
    return obj(props.values(), ctx.loc);
  }, true),
  concat: def(1, Infinity, (args, ctx) => {
    const out: Val[] = [];
    for (const a of args) {
      if (a.kind === 'unknown') return propagateUnknown([a], ctx.loc);
      const items = listOrSet(a, 'concat argument');
      if (out.length + items.length > LIMITS.collection) return limitVal(ctx.loc, 'concat: result too large', args);
      // Item by item: spreading a long list as arguments overflows the stack.
      for (const item of items) out.push(item);
    }
    return arr(out, ctx.loc);
  }, true),
  coalesce: def(1, Infinity, (args, ctx) => {
    for (const a of args) {
      if (a.kind === 'unknown') return propagateUnknown([a], ctx.loc);
      if (a.kind === 'null' || (a.kind === 'string' && a.value === '')) continue;
      return a;
    }
    return fail('coalesce: no non-null, non-empty argument');
  }, true),
  coalescelist: def(1, Infinity, (args, ctx) => {
    for (const a of args) {
      if (a.kind === 'unknown') return propagateUnknown([a], ctx.loc);
      if (asList(a, 'coalescelist argument').length) return a;
    }
    return fail('coalescelist: no non-empty list');
  }, true),
  contains: def(2, 2, ([l, v], ctx) => {
    const items = listOrSet(l!, 'contains list');
    if (hasUnknown(v!)) return propagateUnknown([v!], ctx.loc);
    if (items.some((i) => equalVals(i, v!))) return derived(true, ctx.loc, [v!]);
    return items.some(hasUnknown) ? propagateUnknown(items, ctx.loc) : derived(false, ctx.loc, [v!]);
  }),
  keys: def(1, 1, ([m], ctx) => arr(sortedEntries(asObject(m!, 'keys argument')).map(([k]) => str(k, ctx.loc, m!.origins)), ctx.loc)),
  values: def(1, 1, ([m], ctx) => arr(sortedEntries(asObject(m!, 'values argument')).map(([, v]) => v), ctx.loc)),
  toset: def(1, 1, ([l], ctx) => toSet(listOrSet(l!, 'toset argument'), ctx.loc)),
  tolist: def(1, 1, ([l]) => (l!.kind === 'array' || l!.kind === 'null' ? l! : fail('tolist: not a list'))),
  tomap: def(1, 1, ([m]) => (m!.kind === 'object' || m!.kind === 'null' ? m! : fail('tomap: not a map'))),
  flatten: def(1, 1, ([l], ctx) => {
    const out: Val[] = [];
    return flatten(asList(l!, 'flatten argument'), out) ? arr(out, ctx.loc) : propagateUnknown([l!], ctx.loc, 'flatten: a nested element is unknown');
  }),
  distinct: def(1, 1, ([l], ctx) => {
    const items = asList(l!, 'distinct argument');
    if (items.some(hasUnknown)) return propagateUnknown(items, ctx.loc);
    return arr(unique(items), ctx.loc);
  }),
  range: def(1, 3, range),
  element: def(2, 2, ([l, i]) => elementAt(asList(l!, 'element list'), asNumberLike(i!, 'element index'), 'element')),
  index: def(2, 2, ([l, v], ctx) => {
    const items = asList(l!, 'index list');
    const at = items.findIndex((i) => equalVals(i, v!));
    if (at < 0) return items.some(hasUnknown) ? propagateUnknown(items, ctx.loc) : fail('index: value not found');
    return derived(at, ctx.loc, [v!]);
  }),
  zipmap: def(2, 2, ([k, v], ctx) => {
    const ks = asList(k!, 'zipmap keys');
    const vs = asList(v!, 'zipmap values');
    if (ks.length !== vs.length) fail('zipmap: keys and values differ in length');
    if (ks.some((x) => x.kind === 'unknown')) return propagateUnknown(ks, ctx.loc);
    return obj(ks.map((key, i) => ({ key: asStringLike(key, 'zipmap key'), keyLoc: key.loc, value: vs[i]! })), ctx.loc);
  }),
  one: def(1, 1, ([l], ctx) => {
    const items = asList(l!, 'one argument');
    if (items.length > 1) fail('one: list has more than one element');
    return items[0] ?? nul(ctx.loc);
  }),
  compact: def(1, 1, ([l], ctx) => {
    const items = asList(l!, 'compact argument');
    if (items.some((i) => i.kind === 'unknown')) return propagateUnknown(items, ctx.loc);
    return arr(items.filter((i) => !(i.kind === 'null' || (i.kind === 'string' && i.value === ''))), ctx.loc);
  }),
  reverse: def(1, 1, ([l], ctx) => arr([...asList(l!, 'reverse argument')].reverse(), ctx.loc)),
  slice: def(3, 3, ([l, a, b], ctx) => {
    const items = asList(l!, 'slice list');
    const from = asNumberLike(a!);
    const to = asNumberLike(b!);
    if (from < 0 || to > items.length || from > to) fail('slice: index out of range');
    return arr(items.slice(from, to), ctx.loc);
  }),
  sort: def(1, 1, ([l], ctx) => {
    const items = asList(l!, 'sort argument');
    if (items.some((i) => i.kind === 'unknown')) return propagateUnknown(items, ctx.loc);
    return arr(
      [...items].sort((x, y) => (asStringLike(x) < asStringLike(y) ? -1 : 1)),
      ctx.loc,
    );
  }),
  chunklist: def(2, 2, ([l, n], ctx) => {
    const items = asList(l!, 'chunklist list');
    const size = asNumberLike(n!);
    if (size < 0) fail('chunklist: size must not be negative');
    // Terraform takes a whole number; a fraction would make one empty chunk per fraction of an item.
    if (!Number.isInteger(size)) fail('chunklist: size must be a whole number');
    if (size === 0) return arr([l!], ctx.loc);
    const out: Val[] = [];
    for (let i = 0; i < items.length; i += size) out.push(arr(items.slice(i, i + size), ctx.loc));
    return arr(out, ctx.loc);
  }),
  setunion: def(1, Infinity, (args, ctx) => toSet(args.flatMap((a) => asList(a)), ctx.loc)),
  setintersection: def(1, Infinity, ([first, ...rest], ctx) => {
    const items = asList(first!);
    const others = rest.map((r) => keysOf(asList(r)));
    if (!keysOf(items) || others.some((k) => k === undefined)) return propagateUnknown([first!, ...rest], ctx.loc);
    return toSet(items.filter((v) => others.every((keys) => keys!.has(setKey(v)))), ctx.loc);
  }),
  setsubtract: def(2, 2, ([a, b], ctx) => {
    const items = asList(a!);
    const remove = keysOf(asList(b!));
    if (!remove || !keysOf(items)) return propagateUnknown([a!, b!], ctx.loc);
    return toSet(items.filter((v) => !remove.has(setKey(v))), ctx.loc);
  }),
  setproduct: def(1, Infinity, (args, ctx) => {
    let out: Val[][] = [[]];
    for (const a of args) {
      const items = asList(a);
      if (out.length * items.length > LIMITS.collection) return limitVal(ctx.loc, 'setproduct: result too large', args);
      // Charged before it is built: the product of a few lists is far larger than they are.
      if (!ctx.env.state.work.charge(out.length * items.length * (args.length + 1), ctx.loc)) return stoppedVal(ctx.loc, args);
      out = out.flatMap((prefix) => items.map((i) => [...prefix, i]));
    }
    return arr(
      out.map((t) => arr(t, ctx.loc)),
      ctx.loc,
    );
  }),
  matchkeys: def(3, 3, ([vals, ks, search], ctx) => {
    const v = asList(vals!);
    const k = asList(ks!);
    const wanted = keysOf(asList(search!));
    if (!wanted || !keysOf(k)) return propagateUnknown([ks!, search!], ctx.loc);
    if (k.length !== v.length) fail('matchkeys: length of keylist and valueslist must match');
    return arr(
      v.filter((_x, i) => wanted.has(setKey(k[i]!))),
      ctx.loc,
    );
  }),
  transpose: def(1, 1, ([m], ctx) => {
    const plain = toPlain(m!) as Record<string, string[]> | undefined;
    if (plain === undefined) return propagateUnknown([m!], ctx.loc);
    const out: Record<string, string[]> = {};
    for (const [k, list] of Object.entries(plain)) for (const v of list) (out[v] ??= []).push(k);
    return derived(out, ctx.loc, [m!]);
  }),
  alltrue: def(1, 1, ([l], ctx) => {
    const items = asList(l!);
    if (items.some((i) => i.kind === 'boolean' && !i.value)) return derived(false, ctx.loc, items);
    return items.some((i) => i.kind === 'unknown') ? propagateUnknown(items, ctx.loc) : derived(true, ctx.loc, items);
  }),
  anytrue: def(1, 1, ([l], ctx) => {
    const items = asList(l!);
    if (items.some((i) => i.kind === 'boolean' && i.value)) return derived(true, ctx.loc, items);
    return items.some((i) => i.kind === 'unknown') ? propagateUnknown(items, ctx.loc) : derived(false, ctx.loc, items);
  }),
  sensitive: def(1, 1, ([v]) => v!, true),
  nonsensitive: def(1, 1, ([v]) => v!, true),
  type: def(1, 1, ([v], ctx) => unknown(`type(${v!.kind}) is only for the console`, ctx.loc), true),
};
