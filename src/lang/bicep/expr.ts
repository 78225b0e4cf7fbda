import type { Loc } from '../../kernel/location.js';
import { errorVal, limitVal, mergeOrigins, propagateUnknown } from '../../kernel/value-ops.js';
import { arr, bool, moveTo, nul, num, objectOf, str, unknown, type Prop, type Val } from '../../kernel/value.js';
import type * as B from '../../syntax/bicep/index.js';
import { access, choose } from '../arm/expression/index.js';
import { callFunction } from '../arm/functions/registry.js';
import type { Arg, CallContext, LambdaArg } from '../arm/functions/types.js';
import type { FileScope } from './file-scope.js';
import { bicepOnlyFunction } from './functions.js';

/** What an expression sees: its file's declarations, and the locals bound around it (loop items, lambda and function parameters). */
export interface Env {
  readonly scope: FileScope;
  readonly locals: ReadonlyMap<string, Val> | undefined;
}

/** A value no deployment could have: recovery skipped text here, and its parse diagnostic says so. */
export function skippedVal(file: string, node: B.SkippedTrivia): Val {
  return unknown('the source does not parse here', locOf(file, node), { cause: 'error' });
}

export function locOf(file: string, node: { readonly range: B.Range }): Loc {
  return { file, start: node.range[0], end: node.range[1] };
}

export function rootEnv(scope: FileScope, locals?: ReadonlyMap<string, Val>): Env {
  return { scope, locals };
}

export function withLocals(env: Env, bound: Iterable<readonly [string, Val]>): Env {
  const locals = new Map(env.locals);
  for (const [k, v] of bound) locals.set(k, v);
  return { scope: env.scope, locals };
}

/** Evaluates a Bicep expression; each value reports at its own node, with the origins it came through. */
export function evaluate(node: B.Expression | B.SkippedTrivia, env: Env): Val {
  try {
    return evalNode(node, env);
  } catch (e) {
    // Values nested absurdly deep (built by lambdas) can still exhaust the stack somewhere.
    if (e instanceof RangeError) return limitVal(locOf(env.scope.file, node), e.message);
    throw e;
  }
}

function evalNode(node: B.Expression | B.SkippedTrivia, env: Env): Val {
  const file = env.scope.file;
  const site = locOf(file, node);
  // Commonest kinds first (counted over the oracle's templates): outside optimized code each case
  // tried is a string comparison, and names, strings and property reads are two thirds of all nodes.
  switch (node.type) {
    case 'VariableAccess':
      return variable(node.name.name, env, site);
    case 'String':
      return stringValue(node, env, site);
    case 'PropertyAccess':
      return env.scope.symbols.propertyOf(node, env, site) ?? access(evalNode(node.baseExpression, env), node.propertyName.name, node.safe, site);
    case 'Object':
      return objectValue(node, env, site);
    case 'FunctionCall':
      return call(node.name.name, node.arguments, env, site);
    case 'BinaryOperation':
      return binary(node, env, site);
    case 'IntegerLiteral':
      return num(node.value, site);
    case 'Array':
      return arrayValue(node, env, site);
    case 'BooleanLiteral':
      return bool(node.value, site);
    case 'ParenthesizedExpression':
      return evalNode(node.expression, env);
    case 'TernaryOperation':
      return conditional(node, env, site);
    case 'UnaryOperation':
      return unary(node, env, site);
    case 'ArrayAccess':
      return arrayAccess(node, env, site);
    case 'NonNullAssertion':
      return evalNode(node.baseExpression, env);
    case 'For':
      return forValue(node, env, site);
    case 'NullLiteral':
      return nul(site);
    case 'InstanceFunctionCall':
      return instanceCall(node, env, site);
    case 'ResourceAccess':
      return env.scope.symbols.referenceValue(node, env, site) ?? errorVal(site, `'${node.resourceName.name}' is not a nested resource here`);
    case 'Lambda':
      return errorVal(site, 'a lambda can only be an argument of a function such as map() or filter()');
    case 'SkippedTrivia':
      return skippedVal(file, node);
  }
}

/**
 * Its own function: branch closures written in evalNode's switch would capture evalNode's
 * parameters, and V8 would then allocate a context at every evalNode call, not only at conditionals.
 */
function conditional(node: B.TernaryOperation, env: Env, site: Loc): Val {
  return choose(
    evalNode(node.condition, env),
    () => evalNode(node.trueExpression, env),
    () => evalNode(node.falseExpression, env),
    site,
  );
}

/** Stands in for format()'s pattern until it is built. */
const PATTERN_PENDING: Val = nul();

/** `'a${x}b'` is `format('a{0}b', x)`, as Bicep compiles it: each hole keeps its origins. */
function stringValue(node: B.StringExpression, env: Env, site: Loc): Val {
  if (node.expressions.length === 0) return str(node.segments[0] ?? '', site);
  let pattern = '';
  // format()'s arguments: the pattern first, set once it is built (no second list with it in front).
  const args: Val[] = [PATTERN_PENDING];
  for (let i = 0; i < node.segments.length; i++) {
    const segment = node.segments[i]!;
    pattern += segment.includes('{') || segment.includes('}') ? segment.replace(/[{}]/g, (c) => c + c) : segment;
    const hole = node.expressions[i];
    if (hole) {
      pattern += `{${args.length - 1}}`;
      args.push(evalNode(hole, env));
    }
  }
  args[0] = str(pattern, site);
  return callFunction('format', args, context('format', env, site));
}

function objectValue(node: B.ObjectExpression, env: Env, site: Loc): Val {
  const props = new Map<string, Prop>();
  const spreads = propertiesInto(props, node, env);
  return spreads ? propagateUnknown(spreads, site, 'a spread value is not an object') : objectOf(props, site);
}

/**
 * Adds an object body's properties to `props` (the last of a key wins, at its first place), without
 * the keys `skip` names; returns the spread values that are no object, which make the whole object unknown.
 * Filled in place: an array of properties and then a map copied from it doubled what every object cost.
 */
export function propertiesInto(props: Map<string, Prop>, node: B.ObjectExpression, env: Env, skip?: (key: string) => boolean): Val[] | undefined {
  let spreads: Val[] | undefined;
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'ObjectProperty') {
      const key = propertyKey(child.key, env);
      if (key === undefined || skip?.(key)) continue;
      props.set(key, { key, keyLoc: locOf(env.scope.file, child.key), value: evalNode(child.value, env) });
    } else if (child.type === 'SpreadExpression') {
      const spread = evalNode(child.expression, env);
      if (spread.kind === 'object') spread.props.forEach((p) => props.set(p.key, p));
      else if (spread.kind !== 'null') (spreads ??= []).push(spread);
    }
    // Nested resources are declarations of their own; skipped text has its parse diagnostic.
  }
  return spreads;
}

/** A property key: a name, or a string (possibly interpolated); undefined when it is not known. */
export function propertyKey(key: B.ObjectProperty['key'], env: Env): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'SkippedTrivia') return undefined;
  const v = evalNode(key, env);
  return v.kind === 'string' ? v.value : undefined;
}

function arrayValue(node: B.ArrayExpression, env: Env, site: Loc): Val {
  const items: Val[] = [];
  const list = node.items;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (item.type === 'ArrayItem') items.push(evalNode(item.value, env));
    else if (item.type === 'SpreadExpression') {
      const spread = evalNode(item.expression, env);
      if (spread.kind !== 'array') return spread.kind === 'unknown' ? propagateUnknown([spread], site) : errorVal(site, 'only an array can be spread into an array', [spread]);
      items.push(...spread.items);
    } else items.push(skippedVal(env.scope.file, item));
  }
  return arr(items, site);
}

/**
 * The environment of one loop iteration: the item bound, and the index when written `(item, index)`;
 * unknown ones for the representative of an unknown list. Bound straight into the new locals:
 * every iteration of every loop makes one.
 */
export function loopEnv(env: Env, section: B.ForExpression['variableSection'], item: Val, index: Val): Env {
  const locals = new Map(env.locals);
  const itemVar = section.type === 'LocalVariable' ? section : section.type === 'VariableBlock' ? section.arguments[0] : undefined;
  const indexVar = section.type === 'VariableBlock' ? section.arguments[1] : undefined;
  // A name recovery left empty binds nothing.
  if (itemVar?.type === 'LocalVariable' && itemVar.name.name) locals.set(itemVar.name.name, item);
  if (indexVar?.type === 'LocalVariable' && indexVar.name.name) locals.set(indexVar.name.name, index);
  return { scope: env.scope, locals };
}

/**
 * A property or variable loop: one item per element of the iterable. The list keeps the
 * iterable's origins ("3 disks, from parameter 'diskCount'"); an unknown iterable gives an
 * unknown list, whose candidates are the lengths the iterable may have.
 */
function forValue(node: B.ForExpression, env: Env, site: Loc): Val {
  const iterable = evalNode(node.expression, env);
  if (iterable.kind === 'unknown') {
    const lengths = iterable.candidates?.flatMap((c) => (c.kind === 'array' ? [num(c.items.length, site)] : []));
    return unknown(`the loop's list is unknown: ${iterable.reason}`, site, {
      origins: iterable.origins,
      cause: iterable.cause,
      subject: iterable.subject,
      ...(lengths?.length ? { candidates: lengths } : {}),
    });
  }
  if (iterable.kind !== 'array') return errorVal(site, `a loop runs over an array, not ${iterable.kind === 'null' ? 'null' : `a ${iterable.kind}`}`, [iterable]);
  const items: Val[] = [];
  const body = node.body;
  const list = iterable.items;
  for (let i = 0; i < list.length; i++) {
    const inner = loopEnv(env, node.variableSection, list[i]!, num(i, site));
    if (body.type === 'IfCondition') {
      const cond = body.condition.type === 'SkippedTrivia' ? skippedVal(env.scope.file, body.condition) : evalNode(body.condition.expression, inner);
      if (cond.kind === 'boolean' && !cond.value) continue;
      items.push(body.body.type === 'SkippedTrivia' ? skippedVal(env.scope.file, body.body) : evalNode(body.body, inner));
    } else items.push(evalNode(body, inner));
  }
  return arr(items, site, iterable.origins);
}

function unary(node: B.UnaryOperation, env: Env, site: Loc): Val {
  const v = evalNode(node.expression, env);
  switch (node.operator) {
    case '!':
      return callFunction('not', [v], context('not', env, site));
    case '-':
      return v.kind === 'number' ? num(-v.value, site, v.origins) : callFunction('sub', [num(0, site), v], context('sub', env, site));
    case '+':
      return v;
  }
}

/** Bicep's operators are the ARM functions they compile to, so results, errors and candidates match. */
const BINARY: Readonly<Record<B.BinaryOperator, string>> = {
  '??': 'coalesce',
  '||': 'or',
  '&&': 'and',
  '==': 'equals',
  '!=': 'equals',
  '=~': 'equals',
  '!~': 'equals',
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
};

function binary(node: B.BinaryOperation, env: Env, site: Loc): Val {
  const left = evalNode(node.left, env);
  // `a ?? b`, `a || b`, `a && b` decide on the left value alone when they can, as ARM's functions do.
  if (node.operator === '??' && left.kind !== 'null' && left.kind !== 'unknown') return left;
  if (node.operator === '||' && left.kind === 'boolean' && left.value) return left;
  if (node.operator === '&&' && left.kind === 'boolean' && !left.value) return left;
  const right = evalNode(node.right, env);
  const fn = BINARY[node.operator];
  const ctx = context(fn, env, site);
  switch (node.operator) {
    case '!=':
      return callFunction('not', [callFunction(fn, [left, right], ctx)], context('not', env, site));
    case '=~':
    case '!~': {
      const eq = callFunction(fn, [lower(left, env, site), lower(right, env, site)], ctx);
      return node.operator === '=~' ? eq : callFunction('not', [eq], context('not', env, site));
    }
    default:
      return callFunction(fn, [left, right], ctx);
  }
}

function lower(v: Val, env: Env, site: Loc): Val {
  return v.kind === 'string' || v.kind === 'unknown' ? callFunction('toLower', [v], context('toLower', env, site)) : v;
}

/** A name: a loop item or lambda parameter, then the file's parameters, variables, resources and modules. */
function variable(name: string, env: Env, site: Loc): Val {
  const local = env.locals?.get(name);
  if (local) return moveTo(local, site);
  return env.scope.symbols.valueOf(name, site) ?? errorVal(site, `'${name}' is not declared`);
}

function arrayAccess(node: B.ArrayAccess, env: Env, site: Loc): Val {
  const ref = env.scope.symbols.referenceValue(node, env, site);
  if (ref) return ref;
  const base = evalNode(node.baseExpression, env);
  const index = evalNode(node.indexExpression, env);
  if (node.fromEnd) {
    const fn = node.safe ? 'tryIndexFromEnd' : 'indexFromEnd';
    return callFunction(fn, [base, index], context(fn, env, site));
  }
  return access(base, index, node.safe, site);
}

function instanceCall(node: B.InstanceFunctionCall, env: Env, site: Loc): Val {
  const base = node.baseExpression;
  if (base.type === 'VariableAccess' && !env.locals?.has(base.name.name)) {
    const ns = base.name.name;
    if (ns === 'az' || ns === 'sys') return call(node.name.name, node.arguments, env, site);
    const imported = env.scope.symbols.namespaceCall(ns, node.name.name, node.arguments, env, site);
    if (imported) return imported;
  }
  // A method of a resource (`vault.listKeys()`) runs at deployment.
  return unknown(`${node.name.name}() is known only at deployment`, site, { origins: mergeOrigins([evalNode(base, env)]) });
}

/** Evaluated arguments; lambdas become closures over the Bicep tree. A loop: a map() callback would capture env at every call. */
export function argumentsOf(args: readonly (B.FunctionArgument | B.SkippedTrivia)[], env: Env): Arg[] {
  const values: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    values.push(a.type === 'SkippedTrivia' ? skippedVal(env.scope.file, a) : a.expression.type === 'Lambda' ? lambda(a.expression, env) : evalNode(a.expression, env));
  }
  return values;
}

function lambda(node: B.Lambda, env: Env): LambdaArg {
  const section = node.variableSection;
  const params =
    section.type === 'LocalVariable'
      ? [section.name.name]
      : section.arguments.map((a) => (a.type === 'LocalVariable' ? a.name.name : ''));
  return {
    kind: 'lambda',
    params,
    invoke: (values) => evalNode(node.body, withLocals(env, params.map((p, i) => [p, values[i] ?? nul()] as const))),
  };
}

function call(name: string, args: readonly (B.FunctionArgument | B.SkippedTrivia)[], env: Env, site: Loc): Val {
  const userDefined = env.scope.symbols.functionCall(name, args, env, site);
  if (userDefined) return userDefined;
  const values = argumentsOf(args, env);
  return bicepOnlyFunction(name, values, env, site) ?? callFunction(name, values, context(name, env, site));
}

export function context(name: string, env: Env, site: Loc): CallContext {
  return { name, site, scope: env.scope.expressionScope, work: env.scope.run.work };
}
