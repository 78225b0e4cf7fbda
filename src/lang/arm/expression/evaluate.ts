import type { Loc } from '../../../kernel/location.js';
import { getPropEntry, nul, num, str, unknown, unknownAt, type Val } from '../../../kernel/value.js';
import { callFunction } from '../functions/registry.js';
import type { Arg, CallContext, LambdaArg } from '../functions/types.js';
import { deepEqual, errorVal, limitVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { ARM_EQUALITY, atSite } from '../functions/util.js';
import { tooDeepVal } from '../../../kernel/work.js';
import { isSyntaxError, type CallNode, type ExpressionNode, type IndexNode, type PropertyNode } from './ast.js';
import { parseBracketed } from './parser.js';
import type { ExpressionScope } from './scope.js';

interface Env {
  readonly scope: ExpressionScope;
  readonly site: Loc | undefined;
  /** Bound lambda variables, innermost last. */
  readonly lambdaVars: ReadonlyMap<string, Val> | undefined;
}

/**
 * Evaluates a JSON string value from a template. Strings that are not expressions ("[...]")
 * are returned as literal strings; "[[" escapes a literal "[".
 */
export function evaluateString(text: string, site: Loc | undefined, scope: ExpressionScope): Val {
  if (text.length < 2 || text.charCodeAt(0) !== 91 || text.charCodeAt(text.length - 1) !== 93) return str(text, site);
  if (text.charCodeAt(1) === 91) return str(text.slice(1), site);
  const parsed = parseBracketed(text);
  if (isSyntaxError(parsed)) {
    const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
    return errorVal(site, `invalid expression ${shown}: ${parsed.summary} (at character ${parsed.subject.start + 2})`);
  }
  return evaluateExpression(parsed, site, scope);
}

/** Evaluates a parsed expression; every value it yields reports at `site`. */
export function evaluateExpression(node: ExpressionNode, site: Loc | undefined, scope: ExpressionScope): Val {
  try {
    return evalNode(node, { scope, site, lambdaVars: undefined });
  } catch (e) {
    // Nesting is bounded (scope.work.enter), so this is a bug or a value built deeper than that:
    // the one value is unknown, the unit goes on.
    if (e instanceof RangeError) return limitVal(site, `${e.message} while evaluating this expression`);
    throw e;
  }
}

function evalNode(node: ExpressionNode, env: Env): Val {
  if (node.kind === 'string') return str(node.value, env.site);
  if (node.kind === 'number') return num(node.value, env.site);
  // Calls, properties and indexes nest: variable chains and lambdas nest them further.
  const work = env.scope.work;
  if (!work.enter(1, env.site)) return tooDeepVal(env.site);
  try {
    return evalNested(node, env);
  } finally {
    work.leave(1);
  }
}

function evalNested(node: CallNode | PropertyNode | IndexNode, env: Env): Val {
  switch (node.kind) {
    case 'call':
      return evalCall(node, env);
    case 'property':
      return property(evalNode(node.object, env), node, env);
    case 'index':
      return index(evalNode(node.object, env), evalNode(node.index, env), node, env);
  }
}

function context(name: string, env: Env): CallContext {
  return { name, site: env.site, scope: env.scope, work: env.scope.work };
}

function fail(message: string, env: Env, from: readonly Val[] = []): Val {
  return errorVal(env.site, message, from);
}

function evalCall(node: CallNode, env: Env): Val {
  // Only names as long as the special forms need lower-casing, which allocates for `resourceId` and the like.
  const n = node.name.length;
  if (n === 2 || n === 6 || n === 15) {
    switch (node.name.toLowerCase()) {
      case 'if':
        return evalIf(node, env);
      case 'lambdavariables':
        return lambdaVariable(node, env);
      case 'lambda':
        return fail('lambda() can only be an argument of a function such as map() or filter()', env);
    }
  }
  const args: Arg[] = [];
  for (let i = 0; i < node.args.length; i++) {
    const a = node.args[i]!;
    if (a.kind !== 'call' || a.name.length !== 6 || a.name.toLowerCase() !== 'lambda') args.push(evalNode(a, env));
    else {
      const l = makeLambda(a, env);
      if (l.kind !== 'lambda') return l;
      args.push(l);
    }
  }
  return callFunction(node.name, args, context(node.name, env));
}

/** if(): only the chosen branch counts. */
function evalIf(node: CallNode, env: Env): Val {
  if (node.args.length !== 3) return fail(`if() takes 3 arguments, not ${node.args.length}`, env);
  return choose(evalNode(node.args[0]!, env), () => evalNode(node.args[1]!, env), () => evalNode(node.args[2]!, env), env.site);
}

/**
 * ARM's `if()` (Bicep's `c ? a : b`) on an evaluated condition: only the chosen branch is
 * evaluated; with an unknown condition, equal branches still decide, else both are candidates.
 */
export function choose(cond: Val, then: () => Val, otherwise: () => Val, site: Loc | undefined): Val {
  if (cond.kind === 'boolean') return (cond.value ? then : otherwise)();
  if (cond.kind !== 'unknown') return errorVal(site, `if() condition must be a boolean, not ${cond.kind}`, [cond]);
  const a = then();
  const b = otherwise();
  if (deepEqual(a, b, ARM_EQUALITY) === true) return a;
  const candidates: Val[] = [];
  for (const branch of [a, b]) {
    if (branch.kind !== 'unknown') candidates.push(branch);
    else if (branch.candidates) candidates.push(...branch.candidates);
    else return propagateUnknown([cond, branch], site);
  }
  return unknown(cond.reason, site, { candidates, origins: mergeOrigins([cond, a, b]), cause: cond.cause, subject: cond.subject });
}

function makeLambda(node: CallNode, env: Env): LambdaArg | Val {
  if (node.args.length < 2) return fail('lambda() needs at least one parameter name and a body', env);
  const params: string[] = [];
  for (const p of node.args.slice(0, -1)) {
    if (p.kind !== 'string') return fail('lambda() parameter names must be string literals', env);
    params.push(p.value);
  }
  const body = node.args[node.args.length - 1]!;
  return {
    kind: 'lambda',
    params,
    invoke: (values) => {
      const vars = new Map(env.lambdaVars);
      params.forEach((p, i) => vars.set(p, values[i] ?? nul(env.site)));
      // The host function's frames come between a lambda's body and the expression around it.
      if (!env.scope.work.enter(2, env.site)) return tooDeepVal(env.site);
      try {
        return evalNode(body, { ...env, lambdaVars: vars });
      } finally {
        env.scope.work.leave(2);
      }
    },
  };
}

function lambdaVariable(node: CallNode, env: Env): Val {
  const nameNode = node.args[0];
  if (node.args.length !== 1 || nameNode?.kind !== 'string') return fail('lambdaVariables() takes one lambda parameter name', env);
  const v = env.lambdaVars?.get(nameNode.value);
  return v ? atSite(v, env.site) : fail(`lambdaVariables('${nameNode.value}') is not a parameter of an enclosing lambda`, env);
}

function property(base: Val, node: PropertyNode, env: Env): Val {
  return access(base, node.name, node.safe, env.site);
}

function index(base: Val, at: Val, node: IndexNode, env: Env): Val {
  return access(base, at, node.safe, env.site);
}

/**
 * Reads `base.key` (a property name, or a string or integer index value) as the compiled
 * template would: `.p`, `[e]`, and with `safe` `.?p`, `[?e]`, which give null where a key,
 * an index or the base itself is missing. Property names are case-insensitive.
 */
export function access(base: Val, key: Val | string, safe: boolean, site: Loc | undefined): Val {
  if (typeof key === 'string' || key.kind === 'string') return member(base, typeof key === 'string' ? key : key.value, safe, site);
  if (key.kind === 'unknown') return propagateUnknown([key], site);
  if (key.kind !== 'number' || !Number.isInteger(key.value)) return errorVal(site, `an index must be an integer or a string, not ${key.kind}`, [key]);
  if (base.kind === 'unknown') return unknownAt(base, site, base.origins, base.symbol && !base.parts ? `${base.symbol}[${key.value}]` : undefined);
  if (base.kind === 'null' && safe) return nul(site, base.origins);
  if (base.kind !== 'array') return errorVal(site, `an integer index cannot be applied to ${base.kind === 'null' ? 'null' : `a ${base.kind}`}`, [base]);
  const item = base.items[key.value];
  if (item) return atSite(item, site);
  if (safe) return nul(site, base.origins);
  return errorVal(site, `The language expression array index '${key.value}' is out of bounds (the array has ${base.items.length} items).`, [base]);
}

function member(base: Val, name: string, safe: boolean, site: Loc | undefined): Val {
  if (base.kind === 'unknown') return unknownAt(base, site, base.origins, base.symbol && !base.parts ? `${base.symbol}.${name}` : undefined);
  if (base.kind === 'null' && safe) return nul(site, base.origins);
  if (base.kind !== 'object')
    return errorVal(site, `the property '${name}' cannot be read from ${base.kind === 'null' ? 'null' : `a ${base.kind}`}`, [base]);
  const entry = getPropEntry(base, name);
  if (entry) return atSite(entry.value, site);
  if (safe) return nul(site, base.origins);
  const available = [...base.props.keys()].slice(0, 20).join(', ');
  return errorVal(site, `The language expression property '${name}' doesn't exist, available properties are '${available}'.`, [base]);
}
