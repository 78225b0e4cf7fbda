import { namedByCall } from './text.js';
import { arr, bool, nul, num, obj, str, unknownAt, type Prop, type UnknownVal, type Val } from '../../../kernel/value.js';
import { knownPrefix, partsOf, partsTextLength, type TextPart } from '../../../kernel/partial-string.js';
import type { Arg, CallContext, FunctionTable } from './types.js';
import { deepEqual, errorVal, limitVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { ARM_EQUALITY, atSite, canonicalKey, intArg, newPartial, scalarText, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH, newArr, newStr, typeName, wrongType } from './util.js';

/** ARM's own limit on range()'s count. */
export const MAX_RANGE_COUNT = 10_000;

/** concat(): all arrays, or scalars joined as text (symbolic unknowns stand in ids). */
function concat(args: readonly Arg[], ctx: CallContext): Val {
  if (args.some((a) => a.kind === 'array')) {
    const items: Val[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.kind === 'unknown') return propagateUnknown(args, ctx.site);
      if (a.kind !== 'array') return errorVal(ctx.site, `concat() cannot combine arrays with ${typeName(a)} (argument ${i + 1})`, args);
      if (items.length + a.items.length > MAX_ARRAY_LENGTH) return limitVal(ctx.site, `concat() result over ${MAX_ARRAY_LENGTH} items`, args);
      for (const item of a.items) items.push(item);
    }
    return newArr(items, ctx, args);
  }
  const texts: TextPart[] = [];
  let length = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.kind === 'object' || a.kind === 'lambda') return wrongType(ctx, i, 'a string or an array', a, args);
    if (a.kind === 'unknown') {
      const parts = partsOf(a);
      if (parts === undefined) return propagateUnknown(args, ctx.site);
      length += partsTextLength(parts);
      for (const p of parts) texts.push(p);
    } else {
      const text = scalarText(a)!;
      length += text.length;
      texts.push(text);
    }
    if (length > MAX_STRING_LENGTH) return limitVal(ctx.site, `concat() result over ${MAX_STRING_LENGTH} characters`, args);
  }
  return newPartial(texts, ctx, args);
}

function length(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  const o = mergeOrigins(args);
  if (a.kind === 'string') return num(a.value.length, ctx.site, o);
  if (a.kind === 'array') return num(a.items.length, ctx.site, o);
  if (a.kind === 'object') return num(a.props.size, ctx.site, o);
  return wrongType(ctx, 0, 'an array, a string or an object', a, args);
}

function empty(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  const o = mergeOrigins(args);
  if (a.kind === 'null') return bool(true, ctx.site, o);
  if (a.kind === 'string') return bool(a.value.length === 0, ctx.site, o);
  if (a.kind === 'array') return bool(a.items.length === 0, ctx.site, o);
  if (a.kind === 'object') return bool(a.props.size === 0, ctx.site, o);
  return wrongType(ctx, 0, 'an array, a string or an object', a, args);
}

function end(which: 'first' | 'last') {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const a = args[0]!;
    if (a.kind === 'array') {
      const item = which === 'first' ? a.items[0] : a.items[a.items.length - 1];
      return item ? atSite(item, ctx.site) : nul(ctx.site, a.origins);
    }
    if (a.kind === 'string') return newStr(which === 'first' ? a.value.slice(0, 1) : a.value.slice(-1), ctx, args);
    return wrongType(ctx, 0, 'an array or a string', a, args);
  };
}

function slice(which: 'take' | 'skip') {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const [a, countArg] = args as [Val, Val];
    if (countArg.kind === 'unknown') return propagateUnknown(args, ctx.site);
    const count = intArg(countArg);
    if (count === undefined) return wrongType(ctx, 1, 'an integer', countArg, args);
    const n = Math.max(0, count);
    if (a.kind === 'unknown') return slicePartial(which, a, n, ctx, args);
    if (a.kind === 'array') return newArr(which === 'take' ? a.items.slice(0, n) : a.items.slice(n), ctx, args);
    if (a.kind === 'string') return newStr(which === 'take' ? a.value.slice(0, n) : a.value.slice(n), ctx, args);
    return wrongType(ctx, 0, 'an array or a string', a, args);
  };
}

/** take() and skip() of a deployment-time string. */
function slicePartial(which: 'take' | 'skip', a: UnknownVal, n: number, ctx: CallContext, args: readonly Arg[]): Val {
  const parts = partsOf(a);
  if (!parts || n > knownPrefix(parts).length) return namedByCall(which, a, args, ctx);
  if (which === 'take') return newStr(knownPrefix(parts).slice(0, n), ctx, args);
  let skipped = n;
  const rest: TextPart[] = [];
  for (const p of parts) {
    if (typeof p === 'string' && skipped > 0) {
      const cut = Math.min(skipped, p.length);
      skipped -= cut;
      rest.push(p.slice(cut));
    } else rest.push(p);
  }
  return newPartial(rest, ctx, args);
}

/** Position of `item` in `items` (from the end when `last`), or undefined when an unknown item could match first. */
function findIndex(items: readonly Val[], item: Val, last: boolean): number | undefined {
  const n = items.length;
  for (let k = 0; k < n; k++) {
    const i = last ? n - 1 - k : k;
    const e = deepEqual(items[i]!, item, ARM_EQUALITY);
    if (e === true) return i;
    if (e === undefined) return undefined;
  }
  return -1;
}

function contains(args: readonly Arg[], ctx: CallContext): Val {
  const [c, item] = args as [Val, Val];
  const o = mergeOrigins(args);
  if (c.kind === 'string') {
    if (item.kind !== 'string' && item.kind !== 'number') return wrongType(ctx, 1, 'a string or an integer', item, args);
    return bool(c.value.includes(String(item.value)), ctx.site, o);
  }
  if (c.kind === 'object') {
    if (item.kind !== 'string') return wrongType(ctx, 1, 'a string', item, args);
    const k = item.value.toLowerCase();
    for (const key of c.props.keys()) if (key.toLowerCase() === k) return bool(true, ctx.site, o);
    return bool(false, ctx.site, o);
  }
  if (c.kind === 'array') {
    const i = findIndex(c.items, item, false);
    return i === undefined ? propagateUnknown(c.items, ctx.site) : bool(i >= 0, ctx.site, o);
  }
  return wrongType(ctx, 0, 'an array, an object or a string', c, args);
}

/** indexOf()/lastIndexOf(): case-insensitive in strings, deep equality in arrays. */
function indexOf(last: boolean) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const [c, item] = args as [Val, Val];
    const o = mergeOrigins(args);
    if (c.kind === 'string') {
      if (item.kind !== 'string') return wrongType(ctx, 1, 'a string', item, args);
      const s = c.value.toLowerCase();
      const t = item.value.toLowerCase();
      return num(last ? s.lastIndexOf(t) : s.indexOf(t), ctx.site, o);
    }
    if (c.kind === 'array') {
      const i = findIndex(c.items, item, last);
      return i === undefined ? propagateUnknown(c.items, ctx.site) : num(i, ctx.site, o);
    }
    return wrongType(ctx, 0, 'an array or a string', c, args);
  };
}

/** Object merge for union(): later values win; nested objects merge recursively, arrays do not. */
function mergeObjects(objects: readonly Val[], ctx: CallContext, origins: ReturnType<typeof mergeOrigins>): Val {
  const props = new Map<string, Prop>();
  const lowerToKey = new Map<string, string>();
  for (const o of objects) {
    if (o.kind !== 'object') continue;
    for (const [key, p] of o.props) {
      const existingKey = lowerToKey.get(key.toLowerCase());
      const existing = existingKey === undefined ? undefined : props.get(existingKey);
      let value = atSite(p.value, ctx.site);
      if (existing && existing.value.kind === 'object' && value.kind === 'object')
        value = mergeObjects([existing.value, value], ctx, mergeOrigins([existing.value, value]));
      if (existingKey !== undefined) props.set(existingKey, { ...existing!, value });
      else {
        lowerToKey.set(key.toLowerCase(), key);
        props.set(key, { ...p, value });
      }
    }
  }
  return { kind: 'object', props, loc: ctx.site, origins };
}

function union(args: readonly Arg[], ctx: CallContext): Val {
  const present = args.filter((a) => a.kind !== 'null') as Val[];
  if (present.every((a) => a.kind === 'object')) return mergeObjects(present, ctx, mergeOrigins(args));
  if (!present.every((a) => a.kind === 'array')) {
    // The first argument sets the kind; a first argument that is neither is itself the bad one.
    const expected = present[0]!.kind === 'object' ? 'object' : 'array';
    const bad = present.findIndex((a) => a.kind !== expected);
    return errorVal(ctx.site, `union() arguments must be all arrays or all objects (argument ${args.indexOf(present[bad]!) + 1} is ${typeName(present[bad]!)})`, args);
  }
  const items: Val[] = [];
  const seen = new Set<string>();
  for (const a of present) {
    if (a.kind !== 'array') continue;
    for (const item of a.items) {
      // An item with an unknown inside cannot be compared; it is kept, since dropping it could lose a real element.
      const key = canonicalKey(item);
      if (key !== undefined) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      items.push(item);
    }
  }
  return newArr(items, ctx, args);
}

function intersection(args: readonly Arg[], ctx: CallContext): Val {
  const first = args[0]!;
  if (first.kind === 'array') {
    const others: Set<string>[] = [];
    for (let i = 1; i < args.length; i++) {
      const other = args[i]!;
      if (other.kind !== 'array') return wrongType(ctx, i, 'an array', other, args);
      const keys = new Set<string>();
      for (const item of other.items) {
        const key = canonicalKey(item);
        if (key === undefined) return propagateUnknown([item], ctx.site);
        keys.add(key);
      }
      others.push(keys);
    }
    const items: Val[] = [];
    const seen = new Set<string>();
    for (const item of first.items) {
      const key = canonicalKey(item);
      if (key === undefined) return propagateUnknown([item], ctx.site);
      if (seen.has(key) || !others.every((keys) => keys.has(key))) continue;
      seen.add(key);
      items.push(item);
    }
    return newArr(items, ctx, args);
  }
  if (first.kind === 'object') {
    // Each other object's keys by lower case, once: a search per key made large objects quadratic.
    const others: Map<string, Val>[] = [];
    for (let i = 1; i < args.length; i++) {
      const other = args[i]!;
      if (other.kind !== 'object') return wrongType(ctx, i, 'an object', other, args);
      const byKey = new Map<string, Val>();
      for (const [k, p] of other.props) if (!byKey.has(k.toLowerCase())) byKey.set(k.toLowerCase(), p.value);
      others.push(byKey);
    }
    const props: Prop[] = [];
    for (const [key, p] of first.props) {
      let inAll = true;
      for (const byKey of others) {
        const match = byKey.get(key.toLowerCase());
        const e = match ? deepEqual(p.value, match, ARM_EQUALITY) : false;
        if (e === undefined) return propagateUnknown([p.value, match!], ctx.site);
        if (!e) inAll = false;
      }
      if (inAll) props.push({ ...p, value: atSite(p.value, ctx.site) });
    }
    return obj(props, ctx.site, mergeOrigins(args));
  }
  return wrongType(ctx, 0, 'an array or an object', first, args);
}

function createObject(args: readonly Arg[], ctx: CallContext): Val {
  if (args.length % 2 !== 0) return errorVal(ctx.site, 'createObject() needs key and value pairs (an even number of arguments)', args);
  const props: Prop[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const k = args[i]!;
    if (k.kind !== 'string') return wrongType(ctx, i, 'a string key', k, args);
    props.push({ key: k.value, value: atSite(args[i + 1] as Val, ctx.site) });
  }
  return obj(props, ctx.site, []);
}

function array(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0] as Val;
  if (a.kind === 'array') return atSite(a, ctx.site);
  return arr([atSite(a, ctx.site)], ctx.site, a.origins);
}

function range(args: readonly Arg[], ctx: CallContext): Val {
  const start = intArg(args[0] as Val);
  const count = intArg(args[1] as Val);
  if (start === undefined) return wrongType(ctx, 0, 'an integer', args[0]!, args);
  if (count === undefined) return wrongType(ctx, 1, 'an integer', args[1]!, args);
  if (count < 0) return errorVal(ctx.site, `range() count ${count} must not be negative`, args);
  if (count > MAX_RANGE_COUNT) return errorVal(ctx.site, `range() count ${count} exceeds ARM's limit of ${MAX_RANGE_COUNT}`, args);
  if (start + count > 2147483647) return errorVal(ctx.site, 'range() start plus count must not exceed 2147483647', args);
  const o = mergeOrigins(args);
  const items: Val[] = [];
  for (let i = 0; i < count; i++) items.push(num(start + i, ctx.site, o));
  return arr(items, ctx.site, o);
}

function flatten(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  if (a.kind !== 'array') return wrongType(ctx, 0, 'an array', a, args);
  const items: Val[] = [];
  for (const inner of a.items) {
    if (inner.kind === 'unknown') return propagateUnknown([inner], ctx.site);
    if (inner.kind !== 'array') return errorVal(ctx.site, `flatten() items must be arrays, not ${typeName(inner)}`, args);
    if (items.length + inner.items.length > MAX_ARRAY_LENGTH) return limitVal(ctx.site, `flatten() result over ${MAX_ARRAY_LENGTH} items`, args);
    for (const item of inner.items) items.push(item);
  }
  return newArr(items, ctx, args);
}

/** indexFromEnd(a, i) is `a[^i]`; tryIndexFromEnd (`a[?^i]`) gives null where the other fails. */
function fromEnd(orNull: boolean) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const [a, iArg] = args as [Val, Val];
    if (orNull && a.kind === 'null') return nul(ctx.site, a.origins);
    if (a.kind !== 'array') return wrongType(ctx, 0, 'an array', a, args);
    const i = intArg(iArg);
    if (i === undefined) return wrongType(ctx, 1, 'an integer', iArg, args);
    if (i < 1 || i > a.items.length)
      return orNull ? nul(ctx.site, a.origins) : errorVal(ctx.site, `${ctx.name}() index ${i} is out of range for an array of ${a.items.length} items`, args);
    return atSite(a.items[a.items.length - i]!, ctx.site);
  };
}

function join(args: readonly Arg[], ctx: CallContext): Val {
  const [a, d] = args as [Val, Val];
  if (a.kind !== 'array') return wrongType(ctx, 0, 'an array', a, args);
  if (d.kind !== 'string') return wrongType(ctx, 1, 'a string', d, args);
  const texts: string[] = [];
  let size = 0;
  for (const item of a.items) {
    if (item.kind === 'unknown') return propagateUnknown([item], ctx.site);
    if (item.kind !== 'string' && item.kind !== 'number' && item.kind !== 'boolean') return errorVal(ctx.site, `join() items must be strings, not ${typeName(item)}`, args);
    const t = item.kind === 'boolean' ? (item.value ? 'True' : 'False') : String(item.value);
    size += t.length + d.value.length;
    if (size > MAX_STRING_LENGTH + d.value.length) return limitVal(ctx.site, `join() result over ${MAX_STRING_LENGTH} characters`, args);
    texts.push(t);
  }
  return newStr(texts.join(d.value), ctx, args);
}

function items(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  if (a.kind !== 'object') return wrongType(ctx, 0, 'an object', a, args);
  const keys = [...a.props.keys()].sort((x, y) => {
    const lx = x.toLowerCase();
    const ly = y.toLowerCase();
    return lx < ly ? -1 : lx > ly ? 1 : x < y ? -1 : x > y ? 1 : 0;
  });
  const entries = keys.map((k) =>
    obj(
      [
        { key: 'key', value: str(k, ctx.site) },
        { key: 'value', value: atSite(a.props.get(k)!.value, ctx.site) },
      ],
      ctx.site,
    ),
  );
  return arr(entries, ctx.site, a.origins);
}

function objectKeys(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  if (a.kind !== 'object') return wrongType(ctx, 0, 'an object', a, args);
  return arr([...a.props.keys()].map((k) => str(k, ctx.site)), ctx.site, a.origins);
}

/** tryGet(): follows keys and indexes; null where one is missing. */
function tryGet(args: readonly Arg[], ctx: CallContext): Val {
  let cur = args[0] as Val;
  for (let i = 1; i < args.length; i++) {
    const k = args[i]!;
    if (k.kind === 'unknown') return propagateUnknown([k], ctx.site);
    if (cur.kind === 'unknown') return unknownAt(cur, ctx.site, cur.origins);
    if (cur.kind === 'object' && k.kind === 'string') {
      const lower = k.value.toLowerCase();
      const hit = [...cur.props].find(([key]) => key.toLowerCase() === lower);
      if (!hit) return nul(ctx.site);
      cur = hit[1].value;
    } else if (cur.kind === 'array' && k.kind === 'number') {
      const item = Number.isInteger(k.value) ? cur.items[k.value] : undefined;
      if (!item) return nul(ctx.site);
      cur = item;
    } else if (cur.kind === 'null') return nul(ctx.site);
    else if (k.kind !== 'string' && k.kind !== 'number') return wrongType(ctx, i, 'a string or an integer', k, args);
    else return nul(ctx.site);
  }
  return atSite(cur, ctx.site);
}

function shallowMerge(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  if (a.kind !== 'array') return wrongType(ctx, 0, 'an array of objects', a, args);
  const props = new Map<string, Prop>();
  const lowerToKey = new Map<string, string>();
  for (const o of a.items) {
    if (o.kind === 'unknown') return propagateUnknown([o], ctx.site);
    if (o.kind === 'null') continue;
    if (o.kind !== 'object') return errorVal(ctx.site, `shallowMerge() items must be objects, not ${typeName(o)}`, args);
    for (const [key, p] of o.props) {
      const existing = lowerToKey.get(key.toLowerCase());
      const value = atSite(p.value, ctx.site);
      if (existing !== undefined) props.set(existing, { ...props.get(existing)!, value });
      else {
        lowerToKey.set(key.toLowerCase(), key);
        props.set(key, { ...p, value });
      }
    }
  }
  return { kind: 'object', props, loc: ctx.site, origins: a.origins };
}

/** coalesce(): the first non-null argument; an unknown before it makes the result unknown. */
function coalesce(args: readonly Arg[], ctx: CallContext): Val {
  for (const a of args) {
    if (a.kind === 'lambda') return wrongType(ctx, args.indexOf(a), 'a value', a, args);
    if (a.kind === 'null') continue;
    if (a.kind === 'unknown') return unknownAt(a, ctx.site, mergeOrigins(args));
    return atSite(a, ctx.site);
  }
  return nul(ctx.site, mergeOrigins(args));
}

function extreme(which: 'min' | 'max') {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const values = args.length === 1 && args[0]!.kind === 'array' ? args[0]!.items : (args as readonly Val[]);
    if (values.length === 0) return errorVal(ctx.site, `${which}() needs at least one value`, args);
    let best: number | undefined;
    for (const v of values) {
      if (v.kind === 'unknown') return propagateUnknown([v], ctx.site);
      if (v.kind !== 'number') return errorVal(ctx.site, `${which}() values must be integers, not ${typeName(v)}`, args);
      if (best === undefined || (which === 'min' ? v.value < best : v.value > best)) best = v.value;
    }
    return num(best!, ctx.site, mergeOrigins(args));
  };
}

export const collectionFunctions: FunctionTable = {
  concat: { minArgs: 1, maxArgs: Infinity, handlesUnknown: true, fn: concat },
  length: { minArgs: 1, maxArgs: 1, fn: length },
  empty: { minArgs: 1, maxArgs: 1, fn: empty },
  first: { minArgs: 1, maxArgs: 1, fn: end('first') },
  last: { minArgs: 1, maxArgs: 1, fn: end('last') },
  take: { minArgs: 2, maxArgs: 2, handlesUnknown: true, fn: slice('take') },
  skip: { minArgs: 2, maxArgs: 2, handlesUnknown: true, fn: slice('skip') },
  contains: { minArgs: 2, maxArgs: 2, fn: contains },
  indexof: { minArgs: 2, maxArgs: 2, fn: indexOf(false) },
  lastindexof: { minArgs: 2, maxArgs: 2, fn: indexOf(true) },
  union: { minArgs: 1, maxArgs: Infinity, fn: union },
  intersection: { minArgs: 2, maxArgs: Infinity, fn: intersection },
  createarray: { minArgs: 0, maxArgs: Infinity, handlesUnknown: true, fn: (args, ctx) => arr((args as Val[]).map((a) => atSite(a, ctx.site)), ctx.site) },
  createobject: { minArgs: 0, maxArgs: Infinity, handlesUnknown: true, fn: createObject },
  array: { minArgs: 1, maxArgs: 1, handlesUnknown: true, fn: array },
  range: { minArgs: 2, maxArgs: 2, fn: range },
  flatten: { minArgs: 1, maxArgs: 1, fn: flatten },
  indexfromend: { minArgs: 2, maxArgs: 2, fn: fromEnd(false) },
  tryindexfromend: { minArgs: 2, maxArgs: 2, fn: fromEnd(true) },
  join: { minArgs: 2, maxArgs: 2, fn: join },
  items: { minArgs: 1, maxArgs: 1, fn: items },
  objectkeys: { minArgs: 1, maxArgs: 1, fn: objectKeys },
  tryget: { minArgs: 2, maxArgs: Infinity, handlesUnknown: true, fn: tryGet },
  shallowmerge: { minArgs: 1, maxArgs: 1, fn: shallowMerge },
  coalesce: { minArgs: 1, maxArgs: Infinity, handlesUnknown: true, fn: coalesce },
  null: { minArgs: 0, maxArgs: 0, fn: (_args, ctx) => nul(ctx.site) },
  min: { minArgs: 1, maxArgs: Infinity, fn: extreme('min') },
  max: { minArgs: 1, maxArgs: Infinity, fn: extreme('max') },
};
