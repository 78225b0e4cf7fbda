import type { Loc } from '../../../kernel/location.js';
import { arr, bool, moveTo, nul, num, obj, str, unknown, hasUnknown, type Prop, type Val } from '../../../kernel/value.js';
import type {
  BinaryExpression,
  ConditionalExpression,
  Expression,
  ForExpression,
  FunctionCall,
  GetAttrExpression,
  IndexExpression,
  ObjectExpression,
  SplatExpression,
  Span,
  TemplateExpression,
  TemplatePart,
} from '../../../syntax/hcl/ast.js';
import { SPLAT_ITEM, withBindings, type Env } from './env.js';
import { callFunction } from './functions/index.js';
import {
  EvalError,
  LIMITS,
  asBoolLike,
  asNumberLike,
  asStringLike,
  checkString,
  equalVals,
  fail,
  mergedOrigins,
  sortedEntries,
  unknownFrom,
} from './support.js';

export function locOf(env: Env, span: Span): Loc {
  return { file: env.file, start: span.start, end: span.end };
}

/** Evaluates an expression; an evaluation error becomes an unknown value with the error as its reason. */
export function evaluateSafe(expr: Expression, env: Env): Val {
  try {
    return evaluate(expr, env);
  } catch (e) {
    if (e instanceof EvalError) return unknown(e.message, locOf(env, expr));
    throw e;
  }
}

/** Evaluates an expression; throws EvalError on Terraform errors (caught by `try`/`can`). */
export function evaluate(expr: Expression, env: Env): Val {
  if (++env.state.steps > LIMITS.steps) fail(`evaluation stopped after ${LIMITS.steps} steps`);
  if (++env.state.depth > LIMITS.depth) {
    env.state.depth--;
    return unknown(`expression nested deeper than ${LIMITS.depth} levels`, locOf(env, expr));
  }
  try {
    return evaluateNode(expr, env);
  } finally {
    env.state.depth--;
  }
}

function evaluateNode(expr: Expression, env: Env): Val {
  const loc = locOf(env, expr);
  switch (expr.type) {
    case 'Literal':
      if (expr.value === null) return nul(loc);
      return typeof expr.value === 'number' ? num(expr.value, loc) : bool(expr.value, loc);
    case 'Template':
      return evaluateTemplate(expr, env, loc);
    case 'Tuple':
      return arr(
        expr.elements.map((e) => evaluate(e, env)),
        loc,
      );
    case 'Object':
      return evaluateObject(expr, env, loc);
    case 'Variable': {
      const bound = env.bindings.get(expr.name);
      if (bound) return moveTo(bound, loc);
      if (expr.name === 'terraform' || expr.name === 'self') return unknown(`'${expr.name}' is not known before apply`, loc);
      return fail(`reference to '${expr.name}' needs an attribute`);
    }
    case 'SplatItem': {
      const item = env.bindings.get(SPLAT_ITEM);
      return item ?? fail('splat item outside a splat');
    }
    case 'GetAttr':
      return evaluateGetAttr(expr, env, loc);
    case 'Index':
      return evaluateIndex(expr, env, loc);
    case 'Splat':
      return evaluateSplat(expr, env, loc);
    case 'FunctionCall':
      return evaluateCall(expr, env, loc);
    case 'For':
      return evaluateFor(expr, env, loc);
    case 'Conditional':
      return evaluateConditional(expr, env, loc);
    case 'Binary':
      return evaluateBinary(expr, env, loc);
    case 'Unary': {
      const v = evaluate(expr.operand, env);
      if (v.kind === 'unknown') return unknownFrom([v], loc);
      if (expr.operator === '!') return bool(!asBoolLike(v, 'operand of !'), loc, v.origins);
      return num(-asNumberLike(v, 'operand of -'), loc, v.origins);
    }
    case 'Parentheses':
      return evaluate(expr.expression, env);
    case 'Invalid':
      return unknown('syntax error', loc);
  }
}

function evaluateTemplate(expr: TemplateExpression, env: Env, loc: Loc): Val {
  const only = expr.parts.length === 1 ? expr.parts[0] : undefined;
  // A template that is one interpolation yields the value itself, of any type (HCL spec).
  if (only?.type === 'TemplateInterpolation' && !expr.heredoc) return moveTo(evaluate(only.expression, env), loc);
  const inputs: Val[] = [];
  const text = renderParts(expr.parts, env, inputs);
  if (text === undefined) return unknownFrom(inputs, loc);
  return str(text, loc, mergedOrigins(inputs));
}

/**
 * Renders template parts; undefined when an interpolated value is unknown.
 * Strip markers (`~`) were already applied to the literal parts by the parser.
 */
function renderParts(parts: readonly TemplatePart[], env: Env, inputs: Val[]): string | undefined {
  let out = '';
  for (const part of parts) {
    switch (part.type) {
      case 'TemplateLiteral':
        out += part.value;
        break;
      case 'TemplateInterpolation': {
        const v = evaluate(part.expression, env);
        inputs.push(v);
        if (v.kind === 'unknown') return undefined;
        if (v.kind === 'null') fail('template interpolation of a null value');
        out += asStringLike(v, 'interpolated value');
        break;
      }
      case 'TemplateIf': {
        const c = evaluate(part.condition, env);
        inputs.push(c);
        if (c.kind === 'unknown') return undefined;
        const branch = asBoolLike(c, 'template condition') ? part.then : (part.else ?? []);
        const s = renderParts(branch, env, inputs);
        if (s === undefined) return undefined;
        out += s;
        break;
      }
      case 'TemplateFor': {
        const coll = evaluate(part.collection, env);
        inputs.push(coll);
        if (coll.kind === 'unknown') return undefined;
        for (const [k, v] of iterate(coll)) {
          const inner = withBindings(env, part.keyVar ? [[part.keyVar, k], [part.valueVar, v]] : [[part.valueVar, v]]);
          const s = renderParts(part.body, inner, inputs);
          if (s === undefined) return undefined;
          out += s;
          checkString(out);
        }
        break;
      }
    }
    checkString(out);
  }
  return out;
}

function evaluateObject(expr: ObjectExpression, env: Env, loc: Loc): Val {
  const props: Prop[] = [];
  const keys: Val[] = [];
  for (const item of expr.items) {
    const keyLoc = locOf(env, item.key);
    // A bare identifier key names itself (`{ a = 1 }`); parentheses make it an expression.
    const key = item.key.type === 'Variable' ? str(item.key.name, keyLoc) : evaluate(item.key, env);
    keys.push(key);
    if (key.kind === 'unknown') continue;
    props.push({ key: asStringLike(key, 'object key'), keyLoc, value: evaluate(item.value, env) });
  }
  if (keys.some((k) => k.kind === 'unknown')) return unknownFrom(keys, loc);
  return obj(props, loc);
}

/** Entries of a collection in Terraform's iteration order: list index order, map key order. */
export function iterate(coll: Val): [Val, Val][] {
  if (coll.kind === 'array') return coll.items.map((v, i) => [num(i, v.loc), v]);
  if (coll.kind === 'object') return sortedEntries(coll.props).map(([k, v]) => [str(k, v.loc), v]);
  return fail(`cannot iterate over ${coll.kind}`);
}

function isResourceObject(v: Val): boolean {
  return v.origins.some((o) => o.kind === 'resource-attribute');
}

function resourceName(v: Val): string {
  return v.origins.find((o) => o.kind === 'resource-attribute')?.name ?? 'resource';
}

export function getAttr(base: Val, name: string, loc: Loc): Val {
  if (base.kind === 'unknown') return unknown(base.reason, loc, { origins: base.origins });
  if (base.kind === 'object') {
    const p = base.props.get(name);
    if (p) return moveTo(p.value, loc);
    // Attributes a resource does not set in its configuration are computed by the provider.
    if (isResourceObject(base)) return unknown(`${resourceName(base)}.${name} is known only after apply`, loc, { origins: base.origins });
    return fail(`object has no attribute "${name}"`);
  }
  return fail(`cannot read attribute "${name}" of ${base.kind === 'array' ? 'a list' : base.kind}`);
}

export function index(base: Val, key: Val, loc: Loc): Val {
  if (base.kind === 'unknown') return unknown(base.reason, loc, { origins: base.origins });
  if (key.kind === 'unknown') return unknownFrom([key], loc);
  if (base.kind === 'array') {
    const i = asNumberLike(key, 'index');
    const item = Number.isInteger(i) ? base.items[i] : undefined;
    if (!item) return fail(`index ${i} out of range for a list of ${base.items.length}`);
    return moveTo(item, loc);
  }
  if (base.kind === 'object') return getAttr(base, asStringLike(key, 'key'), loc);
  return fail(`cannot index ${base.kind}`);
}


function evaluateGetAttr(expr: GetAttrExpression, env: Env, loc: Loc): Val {
  const name = expr.name.name;
  const o = expr.object;
  if (o.type === 'Variable' && !env.bindings.has(o.name)) {
    switch (o.name) {
      case 'var':
        return env.scope.variable(name, loc);
      case 'local':
        return env.scope.local(name, loc);
      case 'module':
        return env.scope.moduleCall(name, loc);
      case 'path':
        return env.scope.path(name, loc);
      case 'terraform':
        return unknown(`terraform.${name} is chosen when Terraform runs`, loc, { symbol: `terraform.${name}` });
      case 'data':
      case 'self':
      case 'count':
      case 'each':
        return unknown(`${o.name}.${name} is not available here`, loc);
      default:
        return env.scope.resource('managed', o.name, name, loc) ?? fail(`reference to undeclared resource ${o.name}.${name}`);
    }
  }
  if (o.type === 'GetAttr' && o.object.type === 'Variable' && !env.bindings.has(o.object.name)) {
    if (o.object.name === 'data') {
      return env.scope.resource('data', o.name.name, name, loc) ?? fail(`reference to undeclared data source data.${o.name.name}.${name}`);
    }
    if (o.object.name === 'module') {
      const out = env.scope.moduleOutput(o.name.name, name, loc);
      if (out) return out;
    }
  }
  return getAttr(evaluate(o, env), name, loc);
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'path', 'terraform', 'count', 'each', 'self']);

/** `type.name` or `data.type.name` as written, when `expr` is such a resource reference. */
function resourceRef(expr: Expression, env: Env): { mode: 'managed' | 'data'; type: string; name: string } | undefined {
  if (expr.type !== 'GetAttr') return undefined;
  const o = expr.object;
  if (o.type === 'Variable' && !NOT_RESOURCES.has(o.name) && !env.bindings.has(o.name)) return { mode: 'managed', type: o.name, name: expr.name.name };
  if (o.type === 'GetAttr' && o.object.type === 'Variable' && o.object.name === 'data' && !env.bindings.has('data')) return { mode: 'data', type: o.name.name, name: expr.name.name };
  return undefined;
}

function evaluateIndex(expr: IndexExpression, env: Env, loc: Loc): Val {
  const ref = resourceRef(expr.object, env);
  const key = evaluate(expr.key, env);
  if (ref) {
    const one = env.scope.resourceInstance(ref.mode, ref.type, ref.name, key, loc);
    if (one) return one;
  }
  return index(evaluate(expr.object, env), key, loc);
}

function evaluateSplat(expr: SplatExpression, env: Env, loc: Loc): Val {
  const base = evaluate(expr.object, env);
  if (base.kind === 'unknown') return unknown(base.reason, loc, { origins: base.origins });
  const items = base.kind === 'array' ? base.items : base.kind === 'null' ? [] : [base];
  return arr(
    items.map((item) => evaluate(expr.each, withBindings(env, [[SPLAT_ITEM, item]]))),
    loc,
  );
}

function evaluateCall(expr: FunctionCall, env: Env, loc: Loc): Val {
  const name = expr.name.name;
  if (name === 'try') {
    let last = 'no argument of try() could be evaluated';
    for (const a of expr.args) {
      try {
        return evaluate(a, env);
      } catch (e) {
        if (!(e instanceof EvalError)) throw e;
        last = e.message;
      }
    }
    return fail(last);
  }
  if (name === 'can') {
    if (expr.args.length !== 1) fail('can() takes one argument');
    try {
      const v = evaluate(expr.args[0]!, env);
      return hasUnknown(v) ? unknownFrom([v], loc) : bool(true, loc);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      return bool(false, loc);
    }
  }
  let args = expr.args.map((a) => evaluate(a, env));
  if (expr.expandFinal && args.length > 0) {
    const last = args[args.length - 1]!;
    if (last.kind === 'unknown') return unknownFrom([last], loc);
    if (last.kind !== 'array') fail('the final argument of an expanded call must be a list');
    args = [...args.slice(0, -1), ...last.items];
  }
  return callFunction(name, args, {
    loc,
    env,
    evaluateTemplate: (template, file, bindings) => evaluate(template, { ...env, file, bindings }),
  });
}

function evaluateFor(expr: ForExpression, env: Env, loc: Loc): Val {
  const coll = evaluate(expr.collection, env);
  if (coll.kind === 'unknown') return unknownFrom([coll], loc);
  const entries = iterate(coll);
  if (entries.length > LIMITS.collection) return unknown(`for expression over more than ${LIMITS.collection} elements`, loc);
  const items: Val[] = [];
  const groups = new Map<string, { keyLoc: Loc | undefined; values: Val[] }>();
  const props = new Map<string, Prop>();
  for (const [k, v] of entries) {
    const inner = withBindings(env, expr.keyVar ? [[expr.keyVar, k], [expr.valueVar, v]] : [[expr.valueVar, v]]);
    if (expr.condition) {
      const c = evaluate(expr.condition, inner);
      if (c.kind === 'unknown') return unknownFrom([c], loc);
      if (!asBoolLike(c, 'for condition')) continue;
    }
    const value = evaluate(expr.valueExpr, inner);
    if (!expr.keyExpr) {
      items.push(value);
      continue;
    }
    const key = evaluate(expr.keyExpr, inner);
    if (key.kind === 'unknown') return unknownFrom([key], loc);
    const ks = asStringLike(key, 'for key');
    if (expr.grouping) {
      const g = groups.get(ks) ?? { keyLoc: key.loc, values: [] };
      g.values.push(value);
      groups.set(ks, g);
    } else {
      if (props.has(ks)) fail(`duplicate key "${ks}" in for expression`);
      props.set(ks, { key: ks, keyLoc: key.loc, value });
    }
  }
  if (!expr.keyExpr) return arr(items, loc);
  if (expr.grouping) return obj([...groups].map(([key, g]) => ({ key, keyLoc: g.keyLoc, value: arr(g.values, loc) })), loc);
  return obj(props.values(), loc);
}

function tryEvaluate(expr: Expression, env: Env): Val | undefined {
  try {
    return evaluate(expr, env);
  } catch (e) {
    if (e instanceof EvalError) return undefined;
    throw e;
  }
}

function evaluateConditional(expr: ConditionalExpression, env: Env, loc: Loc): Val {
  const c = evaluate(expr.condition, env);
  if (c.kind !== 'unknown') return evaluate(asBoolLike(c, 'condition') ? expr.then : expr.else, env);
  const a = tryEvaluate(expr.then, env);
  const b = tryEvaluate(expr.else, env);
  if (a && b && equalVals(a, b)) return a;
  const candidates = [a, b].filter((v): v is Val => v !== undefined && v.kind !== 'unknown');
  return unknown(c.reason, loc, { origins: c.origins, ...(candidates.length ? { candidates } : {}) });
}

function evaluateBinary(expr: BinaryExpression, env: Env, loc: Loc): Val {
  const l = evaluate(expr.left, env);
  const r = evaluate(expr.right, env);
  const origins = mergedOrigins([l, r]);
  const op = expr.operator;
  if (op === '&&' || op === '||') {
    // A known false (&&) or true (||) side decides the result even when the other is unknown.
    const decisive = op === '||';
    for (const side of [l, r]) if (side.kind !== 'unknown' && asBoolLike(side, `operand of ${op}`) === decisive) return bool(decisive, loc, origins);
    if (l.kind === 'unknown' || r.kind === 'unknown') return unknownFrom([l, r], loc);
    return bool(!decisive, loc, origins);
  }
  if (l.kind === 'unknown' || r.kind === 'unknown') return unknownFrom([l, r], loc);
  if (op === '==' || op === '!=') {
    if (hasUnknown(l) || hasUnknown(r)) return unknownFrom([l, r], loc);
    return bool(equalVals(l, r) === (op === '=='), loc, origins);
  }
  const a = asNumberLike(l, `left operand of ${op}`);
  const b = asNumberLike(r, `right operand of ${op}`);
  switch (op) {
    case '<':
      return bool(a < b, loc, origins);
    case '<=':
      return bool(a <= b, loc, origins);
    case '>':
      return bool(a > b, loc, origins);
    case '>=':
      return bool(a >= b, loc, origins);
    case '+':
      return num(a + b, loc, origins);
    case '-':
      return num(a - b, loc, origins);
    case '*':
      return num(a * b, loc, origins);
    case '/':
      if (b === 0) fail('division by zero');
      return num(a / b, loc, origins);
    case '%':
      if (b === 0) fail('modulo by zero');
      return num(a % b, loc, origins);
  }
}
