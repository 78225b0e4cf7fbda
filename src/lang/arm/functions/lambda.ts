import { arr, isError, num, obj, type Prop, type Val } from '../../../kernel/value.js';
import type { Arg, CallContext, FunctionTable, LambdaArg } from './types.js';
import { errorVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { atSite, newArr, typeName, wrongType } from './util.js';

function lambdaAt(args: readonly Arg[], i: number, min: number, max: number, ctx: CallContext): LambdaArg | Val {
  const l = args[i];
  if (!l || l.kind !== 'lambda') return errorVal(ctx.site, `${ctx.name}() argument ${i + 1} must be a lambda`, args);
  if (l.params.length < min || l.params.length > max)
    return errorVal(ctx.site, `${ctx.name}() lambda takes ${min === max ? min : `${min} or ${max}`} parameters, not ${l.params.length}`, args);
  return l;
}

function arrayAt(args: readonly Arg[], ctx: CallContext): readonly Val[] | Val {
  const a = args[0]!;
  return a.kind === 'array' ? a.items : wrongType(ctx, 0, 'an array', a, args);
}

/** Calls `l` with the item, and its index when the lambda declares two parameters. */
function call(l: LambdaArg, values: Val[], index: number, ctx: CallContext): Val {
  if (l.params.length > values.length) values.push(num(index, ctx.site));
  return l.invoke(values);
}

function map(args: readonly Arg[], ctx: CallContext): Val {
  const items = arrayAt(args, ctx);
  if (!Array.isArray(items)) return items as Val;
  const l = lambdaAt(args, 1, 1, 2, ctx);
  if (l.kind !== 'lambda') return l;
  const out: Val[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = call(l, [items[i]!], i, ctx);
    if (isError(r)) return r;
    out.push(r);
  }
  return newArr(out, ctx, args);
}

function filter(args: readonly Arg[], ctx: CallContext): Val {
  const items = arrayAt(args, ctx);
  if (!Array.isArray(items)) return items as Val;
  const l = lambdaAt(args, 1, 1, 2, ctx);
  if (l.kind !== 'lambda') return l;
  const out: Val[] = [];
  for (let i = 0; i < items.length; i++) {
    const keep = call(l, [items[i]!], i, ctx);
    if (keep.kind === 'unknown') return propagateUnknown([keep], ctx.site);
    if (keep.kind !== 'boolean') return errorVal(ctx.site, `filter() lambda must return a boolean, not ${typeName(keep)}`, args);
    if (keep.value) out.push(items[i]!);
  }
  return newArr(out, ctx, args);
}

function reduce(args: readonly Arg[], ctx: CallContext): Val {
  const items = arrayAt(args, ctx);
  if (!Array.isArray(items)) return items as Val;
  const l = lambdaAt(args, 2, 2, 3, ctx);
  if (l.kind !== 'lambda') return l;
  let acc = atSite(args[1] as Val, ctx.site);
  for (let i = 0; i < items.length; i++) {
    acc = call(l, [acc, items[i]!], i, ctx);
    if (isError(acc)) return acc;
  }
  return atSite(acc, ctx.site);
}

/** sort(): the lambda says whether its first argument comes before the second. */
function sort(args: readonly Arg[], ctx: CallContext): Val {
  const items = arrayAt(args, ctx);
  if (!Array.isArray(items)) return items as Val;
  const l = lambdaAt(args, 1, 2, 2, ctx);
  if (l.kind !== 'lambda') return l;
  let problem: Val | undefined;
  const before = (a: Val, b: Val): boolean => {
    const r = l.invoke([a, b]);
    if (r.kind === 'boolean') return r.value;
    problem ??= r.kind === 'unknown' ? propagateUnknown([r], ctx.site) : errorVal(ctx.site, `sort() lambda must return a boolean, not ${typeName(r)}`, args);
    return false;
  };
  const sorted = [...items].sort((a, b) => (problem ? 0 : before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return problem ?? newArr(sorted, ctx, args);
}

function keyOf(v: Val, ctx: CallContext, args: readonly Arg[]): string | Val {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown') return propagateUnknown([v], ctx.site);
  return errorVal(ctx.site, `${ctx.name}() key lambda must return a string, not ${typeName(v)}`, args);
}

function toObject(args: readonly Arg[], ctx: CallContext): Val {
  const items = arrayAt(args, ctx);
  if (!Array.isArray(items)) return items as Val;
  const keyLambda = lambdaAt(args, 1, 1, 1, ctx);
  if (keyLambda.kind !== 'lambda') return keyLambda;
  const valueLambda = args.length > 2 ? lambdaAt(args, 2, 1, 1, ctx) : undefined;
  if (valueLambda && valueLambda.kind !== 'lambda') return valueLambda;
  const props: Prop[] = [];
  for (const item of items) {
    const key = keyOf(keyLambda.invoke([item]), ctx, args);
    if (typeof key !== 'string') return key;
    props.push({ key, value: atSite(valueLambda ? valueLambda.invoke([item]) : item, ctx.site) });
  }
  return obj(props, ctx.site, mergeOrigins(args));
}

function groupBy(args: readonly Arg[], ctx: CallContext): Val {
  const items = arrayAt(args, ctx);
  if (!Array.isArray(items)) return items as Val;
  const l = lambdaAt(args, 1, 1, 1, ctx);
  if (l.kind !== 'lambda') return l;
  const groups = new Map<string, Val[]>();
  for (const item of items) {
    const key = keyOf(l.invoke([item]), ctx, args);
    if (typeof key !== 'string') return key;
    const g = groups.get(key);
    if (g) g.push(atSite(item, ctx.site));
    else groups.set(key, [atSite(item, ctx.site)]);
  }
  return obj(
    [...groups].map(([key, g]) => ({ key, value: arr(g, ctx.site) })),
    ctx.site,
    mergeOrigins(args),
  );
}

function mapValues(args: readonly Arg[], ctx: CallContext): Val {
  const o = args[0]!;
  if (o.kind !== 'object') return wrongType(ctx, 0, 'an object', o, args);
  const l = lambdaAt(args, 1, 1, 1, ctx);
  if (l.kind !== 'lambda') return l;
  const props: Prop[] = [];
  for (const [key, p] of o.props) {
    const v = l.invoke([p.value]);
    if (isError(v)) return v;
    props.push({ key, ...(p.keyLoc ? { keyLoc: p.keyLoc } : {}), value: atSite(v, ctx.site) });
  }
  return obj(props, ctx.site, mergeOrigins(args));
}

export const lambdaFunctions: FunctionTable = {
  map: { minArgs: 2, maxArgs: 2, lambdaArgs: [1], fn: map },
  filter: { minArgs: 2, maxArgs: 2, lambdaArgs: [1], fn: filter },
  reduce: { minArgs: 3, maxArgs: 3, lambdaArgs: [2], fn: reduce },
  sort: { minArgs: 2, maxArgs: 2, lambdaArgs: [1], fn: sort },
  toobject: { minArgs: 2, maxArgs: 3, lambdaArgs: [1, 2], fn: toObject },
  groupby: { minArgs: 2, maxArgs: 2, lambdaArgs: [1], fn: groupBy },
  mapvalues: { minArgs: 2, maxArgs: 2, lambdaArgs: [1], fn: mapValues },
};
