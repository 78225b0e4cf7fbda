import { isError, unknown, type Val, withOrigins } from '../../../kernel/value.js';
import { collectionFunctions } from './collection.js';
import { deploymentFunctions, deploymentOnly } from './deployment.js';
import { encodingFunctions } from './encoding.js';
import { lambdaFunctions } from './lambda.js';
import { logicFunctions } from './logic.js';
import { resourceFunctions } from './resource.js';
import { textFunctions } from './text.js';
import type { Arg, CallContext, FunctionDef } from './types.js';
import { errorVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { atSite, canonicalKey, isLambda } from './util.js';
import { stoppedVal, valueCost } from '../../../kernel/work.js';

/** Allowed values beyond this many are not tried one by one. */
const MAX_CANDIDATES = 64;

const functions = new Map<string, FunctionDef>();
for (const table of [collectionFunctions, deploymentFunctions, encodingFunctions, lambdaFunctions, logicFunctions, resourceFunctions, textFunctions])
  for (const [name, def] of Object.entries(table)) functions.set(name, def);

// Real ARM functions this library does not compute: unknown rather than an error.
for (const name of ['dateTimeAdd', 'dateTimeFromEpoch', 'dateTimeToEpoch', 'parseCidr', 'cidrSubnet', 'cidrHost'])
  functions.set(name.toLowerCase(), {
    minArgs: 1,
    maxArgs: Infinity,
    handlesUnknown: true,
    fn: (_args, ctx) => unknown(`${name}() is not evaluated by the linter`, ctx.site),
  });

const lambdaHosts = [...functions].filter(([, d]) => d.lambdaArgs).map(([n]) => n);

const bySpelling = new Map<string, FunctionDef | undefined>();
/** Spellings remembered at most: user-defined names are as many as templates make up. */
const MAX_SPELLINGS = 10_000;

/** Names are case-insensitive; any `list*` function (listKeys, listSecrets…) is a deployment-time value. */
function lookup(name: string): FunctionDef | undefined {
  // Templates repeat a few spellings (`resourceId`, `concat`…): remember them as written.
  const known = bySpelling.get(name);
  if (known !== undefined || bySpelling.has(name)) return known;
  const lower = name.toLowerCase();
  const def = functions.get(lower) ?? (lower.startsWith('list') ? deploymentOnly(name) : undefined);
  if (bySpelling.size < MAX_SPELLINGS) bySpelling.set(name, def);
  return def;
}

export function isKnownFunction(name: string): boolean {
  return lookup(name) !== undefined;
}

function arity(def: FunctionDef): string {
  if (def.maxArgs === Infinity) return `at least ${def.minArgs}`;
  return def.minArgs === def.maxArgs ? String(def.minArgs) : `${def.minArgs} to ${def.maxArgs}`;
}

/**
 * With one unknown argument that lists its possible values (a parameter's allowedValues),
 * the function is tried on each. One common result is known; several are candidates.
 */
function overCandidates(def: FunctionDef, args: readonly Arg[], ctx: CallContext): Val | undefined {
  // The one unknown argument, found without a filtered copy: calls on unknowns come here every time.
  let at = -1;
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.kind !== 'unknown') continue;
    if (at !== -1) return undefined;
    at = i;
  }
  const u = args[at];
  if (!u || u.kind !== 'unknown' || !u.candidates || u.candidates.length > MAX_CANDIDATES) return undefined;
  const results: Val[] = [];
  const keys = new Set<string>();
  for (const c of u.candidates) {
    if (c.kind === 'unknown') return undefined;
    const r = def.fn(args.map((a, i) => (i === at ? atSite(c, ctx.site) : a)), ctx);
    // A value that makes the call fail could not be deployed; it is not a candidate.
    if (isError(r)) continue;
    const key = canonicalKey(r);
    if (key === undefined) return undefined;
    if (!keys.has(key)) {
      keys.add(key);
      results.push(r);
    }
  }
  const origins = mergeOrigins(args);
  if (results.length === 1) return withOrigins(results[0]!, origins);
  if (results.length === 0) return undefined;
  return unknown(u.reason, ctx.site, { candidates: results, origins, cause: u.cause, subject: u.subject });
}

/** Calls a template function by name with evaluated arguments. */
export function callFunction(name: string, args: readonly Arg[], ctx: CallContext): Val {
  // A call walks its arguments at most about once (comparing, copying, printing them): charged
  // by their size, so a loop over a large value pays for the value at every turn.
  // Indexed loops here and below: this runs for every call, often before V8 optimizes it, and
  // an unoptimized for…of allocates an iterator and a result per step.
  let cost = 1;
  let hasUnknown = false;
  let hasLambda = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.kind === 'unknown') hasUnknown = true;
    if (a.kind !== 'lambda') cost += valueCost(a);
    else hasLambda = true;
  }
  if (!ctx.work.charge(cost, ctx.site)) return stoppedVal(ctx.site, args);
  const def = lookup(name);
  if (!def) return callUserFunction(name, args, ctx);
  if (args.length < def.minArgs || args.length > def.maxArgs)
    return errorVal(ctx.site, `${name}() takes ${arity(def)} argument(s), not ${args.length}`, args);
  if (hasLambda)
    for (let i = 0; i < args.length; i++)
      if (isLambda(args[i]) && !def.lambdaArgs?.includes(i))
        return errorVal(ctx.site, `lambda() can only be an argument of ${lambdaHosts.join(', ')}; not of ${name}() argument ${i + 1}`, args);
  const result = def.handlesUnknown || !hasUnknown ? def.fn(args, ctx) : undefined;
  if (hasUnknown && (result === undefined || (result.kind === 'unknown' && !isError(result)))) {
    const decided = overCandidates(def, args, ctx);
    if (decided) return decided;
  }
  if (!result) return propagateUnknown(args, ctx.site);
  return result.kind === 'array' || result.kind === 'object' ? ctx.work.boundDepth(result, ctx.site, args) : result;
}

function callUserFunction(name: string, args: readonly Arg[], ctx: CallContext): Val {
  if (!name.includes('.')) return errorVal(ctx.site, `'${name}' is not a template function`, args);
  if (args.some(isLambda)) return errorVal(ctx.site, `lambda() cannot be an argument of ${name}()`, args);
  const hook = ctx.scope.userFunction;
  if (!hook) return unknown(`user-defined function ${name}() is not evaluated`, ctx.site, { origins: mergeOrigins(args) });
  const v = hook.call(ctx.scope, name, args as readonly Val[], ctx.site);
  return v ? atSite(v, ctx.site) : errorVal(ctx.site, `the user-defined function '${name}' is not defined`, args);
}
