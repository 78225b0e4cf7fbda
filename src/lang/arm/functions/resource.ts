import { getProp, isError, unknown, unknownAt, type StringVal, type Val } from '../../../kernel/value.js';
import { splitParts, type TextPart } from '../../../kernel/partial-string.js';
import type { DeploymentFunctionName } from '../expression/scope.js';
import type { Arg, CallContext, FunctionTable } from './types.js';
import { errorVal, propagateUnknown } from '../../../kernel/value-ops.js';
import { newPartial, textParts, typeName } from './util.js';

/**
 * A property of a deployment-time object (`subscription().subscriptionId`). When the object
 * is a symbolic unknown, the property is one too (`subscription().subscriptionId`), so ids
 * built from it stay comparable.
 */
function deploymentProp(ctx: CallContext, fn: DeploymentFunctionName, prop: string): Val {
  const v = ctx.scope.deploymentFunction(fn, ctx.site);
  if (v.kind === 'unknown')
    return v.symbol ? unknownAt(v, ctx.site, v.origins, `${v.symbol}.${prop}`) : v;
  return getProp(v, prop) ?? unknown(`${fn}().${prop} is not known`, ctx.site, { symbol: `${fn}().${prop}` });
}

type Parts = readonly TextPart[];

/** Parts of the arguments for an id; a Val (unknown or error) when one cannot stand in an id. */
function argParts(args: readonly Arg[], ctx: CallContext): Parts[] | Val {
  const out: Parts[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.kind === 'lambda' || a.kind === 'array' || a.kind === 'object' || a.kind === 'null')
      return errorVal(ctx.site, `${ctx.name}() argument ${i + 1} must be a string, not ${typeName(a)}`, args);
    const p = textParts(a);
    if (p === undefined) return propagateUnknown(args, ctx.site);
    out.push(p);
  }
  return out;
}

/** A name given as one `parent/child` argument: its segments (deployment-time parts stand whole in one). */
function nameSegments(name: Parts): Parts[] {
  return splitParts(name, ['/'], () => false)!;
}

/** `providers/ns/type1/name1/type2/name2` from a resource type and its names. */
function providerPath(type: string, givenNames: readonly Parts[], ctx: CallContext, args: readonly Arg[]): Parts | Val {
  // ARM tolerates a trailing '/' on the type, and names given as one 'parent/child' argument.
  const segments = type.replace(/^\/+|\/+$/g, '').split('/');
  if (segments.length < 2 || segments.some((s) => s === ''))
    return errorVal(ctx.site, `${ctx.name}(): '${type}' is not a resource type such as 'Microsoft.Compute/virtualMachines'`, args);
  const split = givenNames.length === segments.length - 1 ? givenNames : givenNames.flatMap(nameSegments);
  const names = split.length === segments.length - 1 ? split : givenNames;
  if (names.length !== segments.length - 1)
    return errorVal(ctx.site, `${ctx.name}(): the type '${type}' requires ${segments.length - 1} resource name argument(s), not ${names.length}`, args);
  const path: TextPart[] = [`providers/${segments[0]}`];
  for (let i = 1; i < segments.length; i++) path.push(`/${segments[i]}/`, ...names[i - 1]!);
  return path;
}

/** Position of the resource type: the first argument with a '/' (ARM's own rule). */
function typeIndex(args: readonly Arg[], maxBefore: number, ctx: CallContext): number | Val {
  for (let i = 0; i < args.length && i <= maxBefore; i++) {
    const a = args[i]!;
    if (a.kind === 'string' && a.value.includes('/')) return i;
    if (a.kind === 'unknown' && !a.symbol) return propagateUnknown(args, ctx.site);
  }
  return errorVal(ctx.site, `${ctx.name}() needs a resource type such as 'Microsoft.Compute/virtualMachines' within its first ${maxBefore + 1} arguments`, args);
}

function isParts(p: Parts | Val): p is Parts {
  return Array.isArray(p);
}

function build(args: readonly Arg[], ctx: CallContext, maxBefore: number, prefix: (before: readonly Parts[]) => Parts | Val): Val {
  const t = typeIndex(args, maxBefore, ctx);
  if (typeof t !== 'number') return t;
  const all = argParts(args, ctx);
  if (!isParts(all as Parts | Val)) return all as Val;
  const parts = all as Parts[];
  const path = providerPath((args[t] as StringVal).value, parts.slice(t + 1), ctx, args);
  if (!isParts(path)) return path;
  const p = prefix(parts.slice(0, t));
  if (!isParts(p)) return p.kind === 'unknown' && !isError(p) ? propagateUnknown([p], ctx.site) : p;
  return newPartial(p.concat('/', path), ctx, args);
}

function scopeParts(ctx: CallContext, fn: DeploymentFunctionName, prop: string): Parts | Val {
  const v = deploymentProp(ctx, fn, prop);
  return textParts(v) ?? v;
}

function resourceId(args: readonly Arg[], ctx: CallContext): Val {
  return build(args, ctx, 2, (before) => {
    const sub = before.length === 2 ? before[0]! : scopeParts(ctx, 'subscription', 'subscriptionId');
    if (!isParts(sub)) return sub;
    // Joined by concat, not spreads: an unoptimized spread steps an iterator, and templates call this most.
    if (before.length > 0) return ([] as TextPart[]).concat('/subscriptions/', sub, '/resourceGroups/', before[before.length - 1]!);
    const rg = scopeParts(ctx, 'resourceGroup', 'name');
    // Outside a resource group (subscription-scope deployments) ids are subscription-level.
    if (!isParts(rg)) return isError(rg) ? ([] as TextPart[]).concat('/subscriptions/', sub) : rg;
    return ([] as TextPart[]).concat('/subscriptions/', sub, '/resourceGroups/', rg);
  });
}

function subscriptionResourceId(args: readonly Arg[], ctx: CallContext): Val {
  return build(args, ctx, 1, (before) => {
    const sub = before.length === 1 ? before[0]! : scopeParts(ctx, 'subscription', 'subscriptionId');
    return isParts(sub) ? ['/subscriptions/', ...sub] : sub;
  });
}

function managementGroupResourceId(args: readonly Arg[], ctx: CallContext): Val {
  return build(args, ctx, 1, (before) => {
    const mg = before.length === 1 ? before[0]! : scopeParts(ctx, 'managementGroup', 'name');
    return isParts(mg) ? ['/providers/Microsoft.Management/managementGroups/', ...mg] : mg;
  });
}

function extensionResourceId(args: readonly Arg[], ctx: CallContext): Val {
  const base = args[0]!;
  if (base.kind === 'unknown' && !base.symbol) return propagateUnknown(args, ctx.site);
  return build(args.slice(1), ctx, 0, () => {
    const p = base.kind === 'lambda' ? undefined : textParts(base);
    if (p === undefined) return errorVal(ctx.site, `extensionResourceId() argument 1 must be a resource id, not ${typeName(base)}`, args);
    const last = p.at(-1);
    return typeof last === 'string' && last.endsWith('/') ? [...p.slice(0, -1), last.slice(0, -1)] : p;
  });
}

export const resourceFunctions: FunctionTable = {
  resourceid: { minArgs: 2, maxArgs: Infinity, handlesUnknown: true, fn: resourceId },
  subscriptionresourceid: { minArgs: 2, maxArgs: Infinity, handlesUnknown: true, fn: subscriptionResourceId },
  tenantresourceid: { minArgs: 2, maxArgs: Infinity, handlesUnknown: true, fn: (args, ctx) => build(args, ctx, 0, () => []) },
  managementgroupresourceid: { minArgs: 2, maxArgs: Infinity, handlesUnknown: true, fn: managementGroupResourceId },
  extensionresourceid: { minArgs: 3, maxArgs: Infinity, handlesUnknown: true, fn: extensionResourceId },
};
