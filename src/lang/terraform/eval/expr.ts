import { stoppedVal, tooDeepVal } from '../../../kernel/work.js';

const EXPRESSION_NESTING = 4;
import type { Loc } from '../../../kernel/location.js';
import { errorVal, firstError, limitVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { arr, bool, getPropEntry, hasUnknown, isError, MAX_VALUE_NODES, moveTo, nul, num, obj, str, unknown, unknownAt, valueNodes, type Prop, type UnknownVal, type Val } from '../../../kernel/value.js';
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
import { partialString, partsOf, partsText, type TextPart } from '../../../kernel/partial-string.js';
import { callFunction } from './functions/index.js';
import { LIMITS, boolLike, equalStrings, equalVals, numberLike, sortedEntries, stringLike, typeError } from './support.js';

export function locOf(env: Env, span: Span): Loc {
  return { file: env.file, start: span.start, end: span.end };
}

/**
 * Evaluates an attribute's expression. A failure anywhere in it fails the whole expression, as in
 * Terraform: the error reports at the expression (its use site), and its subject stays where it arose.
 */
export function evaluateSafe(expr: Expression, env: Env): Val {
  const v = evaluate(expr, env);
  return isError(v) ? moveTo(v, locOf(env, expr)) : v;
}

/** Evaluates an expression. Errors are values (`isError`); `try` and `can` test for them. */
export function evaluate(expr: Expression, env: Env): Val {
  // One location per expression evaluated: this runs for every node of every attribute.
  const loc = locOf(env, expr);
  // Nested for-expressions and module instances multiply: the unit's budget bounds their product.
  if (!env.state.work.charge(1, loc)) return stoppedVal(loc);
  // An expression level takes some frames more than an ARM one: nested expressions, local and
  // module references share one bound (WorkBudget.enter), about 250 levels.
  if (!env.state.work.enter(EXPRESSION_NESTING, loc)) return tooDeepVal(loc);
  try {
    return evaluateNode(expr, env, loc);
  } finally {
    env.state.work.leave(EXPRESSION_NESTING);
  }
}

/** The first error among values, re-sited at `loc`: an error anywhere fails the expression around it. */
function failed(values: readonly Val[], loc: Loc): UnknownVal | undefined {
  const e = firstError(values);
  return e && unknownAt(e, loc, e.origins);
}

// The functions below that run for every expression keep their closures in helpers: a closure over
// a parameter makes V8 allocate a context at each call, whichever path the call then takes.

/** Each expression evaluated, in order. */
function evaluateAll(exprs: readonly Expression[], env: Env): Val[] {
  const out: Val[] = [];
  for (let i = 0; i < exprs.length; i++) out.push(evaluate(exprs[i]!, env));
  return out;
}

function evaluateNode(expr: Expression, env: Env, loc: Loc): Val {
  // Commonest first: until V8 optimizes this, each case tried is a string comparison in a call.
  switch (expr.type) {
    case 'GetAttr':
      return evaluateGetAttr(expr, env, loc);
    case 'Template':
      return evaluateTemplate(expr, env, loc);
    case 'Literal':
      if (expr.value === null) return nul(loc);
      return typeof expr.value === 'number' ? num(expr.value, loc) : bool(expr.value, loc);
    case 'Binary':
      return evaluateBinary(expr, env, loc);
    case 'Conditional':
      return evaluateConditional(expr, env, loc);
    case 'Tuple': {
      const items = evaluateAll(expr.elements, env);
      return failed(items, loc) ?? arr(items, loc);
    }
    case 'Object':
      return evaluateObject(expr, env, loc);
    case 'FunctionCall':
      return evaluateCall(expr, env, loc);
    case 'For':
      return evaluateFor(expr, env, loc);
    case 'Index':
      return evaluateIndex(expr, env, loc);
    case 'Variable': {
      const bound = env.bindings.get(expr.name);
      if (bound) return moveTo(bound, loc);
      if (expr.name === 'terraform' || expr.name === 'self') return unknown(`'${expr.name}' is not known before apply`, loc);
      return errorVal(loc, `reference to '${expr.name}' needs an attribute`);
    }
    case 'Parentheses':
      return evaluate(expr.expression, env);
    case 'Unary': {
      const v = evaluate(expr.operand, env);
      if (v.kind === 'unknown') return propagateUnknown([v], loc);
      if (expr.operator === '!') {
        const b = boolLike(v);
        return b === undefined ? typeError(loc, 'operand of !', 'a bool', v) : bool(!b, loc, v.origins);
      }
      const n = numberLike(v);
      return n === undefined ? typeError(loc, 'operand of -', 'a number', v) : num(-n, loc, v.origins);
    }
    case 'Splat':
      return evaluateSplat(expr, env, loc);
    case 'SplatItem': {
      const item = env.bindings.get(SPLAT_ITEM);
      return item ?? errorVal(loc, 'splat item outside a splat');
    }
    case 'Invalid':
      // The parser reported this as a syntax error already: an error without a subject to report again.
      return unknown('syntax error', loc, { cause: 'error' });
  }
}

function evaluateTemplate(expr: TemplateExpression, env: Env, loc: Loc): Val {
  const only = expr.parts.length === 1 ? expr.parts[0] : undefined;
  // A template that is one interpolation yields the value itself, of any type (HCL spec).
  if (only?.type === 'TemplateInterpolation' && !expr.heredoc) return moveTo(evaluate(only.expression, env), loc);
  // Most strings are written without interpolation: their text is the value, nothing to render.
  const literal = only?.type === 'TemplateLiteral' ? only.value : expr.parts.length === 0 ? '' : undefined;
  if (literal !== undefined && literal.length <= LIMITS.string) return env.state.work.chargeChars(literal.length, loc) ? str(literal, loc) : stoppedVal(loc);
  const inputs: Val[] = [];
  const out: TextPart[] = [];
  if (!renderParts(expr.parts, env, inputs, loc, out)) return propagateUnknown(inputs, loc);
  let length = 0;
  for (const part of out) length += typeof part === 'string' ? part.length : 1;
  if (!env.state.work.chargeChars(length, loc)) return stoppedVal(loc, inputs);
  const first = inputs.find((v): v is UnknownVal => v.kind === 'unknown');
  return partialString(out, loc, mergeOrigins(inputs), first?.reason);
}

/**
 * Renders template parts into `out`; false when an interpolated value is unknown or fails (the
 * failure is then the last of `inputs`). A deployment-time string (`${var.rg}` without a value)
 * stays a part of its own, so the result keeps its known text. Strip markers (`~`) were already
 * applied to the literal parts by the parser.
 */
function renderParts(parts: readonly TemplatePart[], env: Env, inputs: Val[], loc: Loc, out: TextPart[]): boolean {
  let length = 0;
  for (const part of parts) {
    switch (part.type) {
      case 'TemplateLiteral':
        out.push(part.value);
        length += part.value.length;
        break;
      case 'TemplateInterpolation': {
        const v = evaluate(part.expression, env);
        inputs.push(v);
        if (v.kind === 'unknown') {
          const known = isError(v) || v.candidates ? undefined : partsOf(v);
          if (!known) return false;
          out.push(...known);
          length += partsText(known).length;
          break;
        }
        const at = locOf(env, part.expression);
        if (v.kind === 'null') return stop(inputs, errorVal(at, 'template interpolation of a null value', [v]));
        const s = stringLike(v);
        if (s === undefined) return stop(inputs, typeError(at, 'interpolated value', 'a string', v));
        out.push(s);
        length += s.length;
        break;
      }
      case 'TemplateIf': {
        const c = evaluate(part.condition, env);
        inputs.push(c);
        if (c.kind === 'unknown') return false;
        const b = boolLike(c);
        if (b === undefined) return stop(inputs, typeError(locOf(env, part.condition), 'template condition', 'a bool', c));
        const before = out.length;
        if (!renderParts(b ? part.then : (part.else ?? []), env, inputs, loc, out)) return false;
        length += partsText(out.slice(before)).length;
        break;
      }
      case 'TemplateFor': {
        const coll = evaluate(part.collection, env);
        inputs.push(coll);
        if (coll.kind === 'unknown') return false;
        const entries = iterate(coll, locOf(env, part.collection));
        if (!Array.isArray(entries)) return stop(inputs, entries);
        for (const [k, v] of entries) {
          const inner = withBindings(env, part.keyVar ? [[part.keyVar, k], [part.valueVar, v]] : [[part.valueVar, v]]);
          const before = out.length;
          if (!renderParts(part.body, inner, inputs, loc, out)) return false;
          length += partsText(out.slice(before)).length;
          if (length > LIMITS.string) break;
        }
        break;
      }
    }
    if (length > LIMITS.string) return stop(inputs, limitVal(loc, `string longer than ${LIMITS.string} characters`));
  }
  return true;
}

/** Ends rendering with the failure that stopped it as the last input. */
function stop(inputs: Val[], failure: Val): false {
  inputs.push(failure);
  return false;
}

function evaluateObject(expr: ObjectExpression, env: Env, loc: Loc): Val {
  const props: Prop[] = [];
  const keys: Val[] = [];
  const values: Val[] = [];
  for (const item of expr.items) {
    const keyLoc = locOf(env, item.key);
    // A bare identifier key names itself (`{ a = 1 }`); parentheses make it an expression.
    const key = item.key.type === 'Variable' ? str(item.key.name, keyLoc) : evaluate(item.key, env);
    keys.push(key);
    if (key.kind === 'unknown') continue;
    const k = stringLike(key);
    if (k === undefined) return typeError(keyLoc, 'object key', 'a string', key);
    const value = evaluate(item.value, env);
    values.push(value);
    props.push({ key: k, keyLoc, value });
  }
  const error = failed(keys, loc) ?? failed(values, loc);
  if (error) return error;
  if (keys.some((k) => k.kind === 'unknown')) return propagateUnknown(keys, loc);
  return obj(props, loc);
}

/** Entries of a collection in Terraform's iteration order (list index order, map key order), or the error at `loc`. */
export function iterate(coll: Val, loc: Loc): [Val, Val][] | UnknownVal {
  if (coll.kind === 'array') return coll.items.map((v, i) => [num(i, v.loc), v]);
  if (coll.kind === 'object') return sortedEntries(coll.props).map(([k, v]) => [str(k, v.loc), v]);
  return errorVal(loc, `cannot iterate over ${coll.kind}`, [coll]);
}

function isResourceObject(v: Val): boolean {
  return v.origins.some((o) => o.kind === 'resource-attribute');
}

function resourceName(v: Val): string {
  return v.origins.find((o) => o.kind === 'resource-attribute')?.name ?? 'resource';
}

export function getAttr(base: Val, name: string, loc: Loc): Val {
  if (base.kind === 'unknown') return unknownAt(base, loc, base.origins);
  if (base.kind === 'object') {
    const p = getPropEntry(base, name, false);
    if (p) return moveTo(p.value, loc);
    // Attributes a resource does not set in its configuration are computed by the provider.
    // Each is one value, named by its address: two reads of it are the same value.
    if (isResourceObject(base)) return unknown(`${resourceName(base)}.${name} is known only after apply`, loc, { origins: base.origins, symbol: `${resourceName(base)}.${name}` });
    return errorVal(loc, `object has no attribute "${name}"`, [base]);
  }
  return errorVal(loc, `cannot read attribute "${name}" of ${base.kind === 'array' ? 'a list' : base.kind}`, [base]);
}

export function index(base: Val, key: Val, loc: Loc): Val {
  if (isError(key)) return unknownAt(key, loc, key.origins);
  if (base.kind === 'unknown') return unknownAt(base, loc, base.origins);
  if (key.kind === 'unknown') return propagateUnknown([key], loc);
  if (base.kind === 'array') {
    const i = numberLike(key);
    if (i === undefined) return typeError(loc, 'index', 'a number', key);
    const item = Number.isInteger(i) ? base.items[i] : undefined;
    if (!item) return errorVal(loc, `index ${i} out of range for a list of ${base.items.length}`, [base, key]);
    return moveTo(item, loc);
  }
  if (base.kind === 'object') {
    const k = stringLike(key);
    return k === undefined ? typeError(loc, 'key', 'a string', key) : getAttr(base, k, loc);
  }
  return errorVal(loc, `cannot index ${base.kind}`, [base]);
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
        return managedResource(o.name, name, env, loc);
    }
  }
  if (o.type === 'GetAttr' && o.object.type === 'Variable' && !env.bindings.has(o.object.name)) {
    if (o.object.name === 'data') {
      return env.scope.resource('data', o.name.name, name, loc) ?? errorVal(loc, `reference to undeclared data source data.${o.name.name}.${name}`);
    }
    if (o.object.name === 'module') {
      const out = env.scope.moduleOutput(o.name.name, name, loc);
      if (out) return out;
    }
  }
  return readAttribute(o, name, env, loc);
}

/** `type.name`: all its instances. */
function managedResource(type: string, name: string, env: Env, loc: Loc): Val {
  return env.scope.resource('managed', type, name, loc) ?? errorVal(loc, `reference to undeclared resource ${type}.${name}`);
}

/**
 * `getAttr(evaluate(ref), attr, loc)`, the same work charged for `ref`, but without first moving
 * all of `ref`'s value to read one attribute of it when `ref` is a resource (`type.name.attr`, the
 * commonest reference) or a bound name (`each.value`, `count.index`).
 */
function readAttribute(ref: Expression, attr: string, env: Env, loc: Loc): Val {
  const at = locOf(env, ref);
  const work = env.state.work;
  if (!work.charge(1, at)) return getAttr(stoppedVal(at), attr, loc);
  if (!work.enter(EXPRESSION_NESTING, at)) return getAttr(tooDeepVal(at), attr, loc);
  let whole: Val;
  try {
    const one = directAttribute(ref, attr, env, at, loc);
    if (one) return one;
    whole = evaluateNode(ref, env, at);
  } finally {
    work.leave(EXPRESSION_NESTING);
  }
  return getAttr(whole, attr, loc);
}

/** What `readAttribute` gives when `ref` (at `at`) is a resource or a bound object; else undefined. */
function directAttribute(ref: Expression, attr: string, env: Env, at: Loc, loc: Loc): Val | undefined {
  if (ref.type === 'Variable') {
    const bound = env.bindings.get(ref.name);
    if (bound?.kind !== 'object' || valueNodes(bound) > MAX_VALUE_NODES) return undefined;
    // Moving the whole object to `at` and then the property to `loc` adds no origin: one move.
    const p = getPropEntry(bound, attr, false);
    return p && moveTo(p.value, loc);
  }
  if (ref.type === 'GetAttr' && ref.object.type === 'Variable' && !NOT_RESOURCES.has(ref.object.name) && !env.bindings.has(ref.object.name)) {
    return env.scope.resourceAttribute(ref.object.name, ref.name.name, attr, at, loc);
  }
  return undefined;
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
  if (isError(key)) return unknownAt(key, loc, key.origins);
  if (ref) {
    const one = env.scope.resourceInstance(ref.mode, ref.type, ref.name, key, loc);
    if (one) return one;
  }
  return index(evaluate(expr.object, env), key, loc);
}

function evaluateSplat(expr: SplatExpression, env: Env, loc: Loc): Val {
  const base = evaluate(expr.object, env);
  if (base.kind === 'unknown') return unknownAt(base, loc, base.origins);
  const items = (base.kind === 'array' ? base.items : base.kind === 'null' ? [] : [base]).map((item) =>
    evaluate(expr.each, withBindings(env, [[SPLAT_ITEM, item]])),
  );
  return failed(items, loc) ?? arr(items, loc);
}

function evaluateCall(expr: FunctionCall, env: Env, loc: Loc): Val {
  const name = expr.name.name;
  // try() and can() take their arguments unevaluated: an argument's error is their answer, not a failure.
  if (name === 'try') {
    let last = 'no argument of try() could be evaluated';
    for (const a of expr.args) {
      const v = evaluate(a, env);
      if (!isError(v)) return v;
      last = v.reason;
    }
    return errorVal(loc, last);
  }
  if (name === 'can') {
    if (expr.args.length !== 1) return errorVal(loc, 'can() takes one argument');
    const v = evaluate(expr.args[0]!, env);
    if (isError(v)) return bool(false, loc);
    return hasUnknown(v) ? propagateUnknown([v], loc) : bool(true, loc);
  }
  let args = expr.args.map((a) => evaluate(a, env));
  const error = failed(args, loc);
  if (error) return error;
  if (expr.expandFinal && args.length > 0) {
    const last = args[args.length - 1]!;
    if (last.kind === 'unknown') return propagateUnknown([last], loc);
    if (last.kind !== 'array') return errorVal(loc, 'the final argument of an expanded call must be a list', [last]);
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
  if (coll.kind === 'unknown') return propagateUnknown([coll], loc);
  const entries = iterate(coll, loc);
  if (!Array.isArray(entries)) return entries;
  if (entries.length > LIMITS.collection) return limitVal(loc, `for expression over more than ${LIMITS.collection} elements`);
  const items: Val[] = [];
  const groups = new Map<string, { keyLoc: Loc | undefined; values: Val[] }>();
  const props = new Map<string, Prop>();
  for (const [k, v] of entries) {
    const inner = withBindings(env, expr.keyVar ? [[expr.keyVar, k], [expr.valueVar, v]] : [[expr.valueVar, v]]);
    if (expr.condition) {
      const c = evaluate(expr.condition, inner);
      if (c.kind === 'unknown') return propagateUnknown([c], loc);
      const keep = boolLike(c);
      if (keep === undefined) return typeError(locOf(env, expr.condition), 'for condition', 'a bool', c);
      if (!keep) continue;
    }
    const value = evaluate(expr.valueExpr, inner);
    if (isError(value)) return unknownAt(value, loc, value.origins);
    if (!expr.keyExpr) {
      items.push(value);
      continue;
    }
    const key = evaluate(expr.keyExpr, inner);
    if (key.kind === 'unknown') return propagateUnknown([key], loc);
    const ks = stringLike(key);
    if (ks === undefined) return typeError(locOf(env, expr.keyExpr), 'for key', 'a string', key);
    if (expr.grouping) {
      const g = groups.get(ks) ?? { keyLoc: key.loc, values: [] };
      g.values.push(value);
      groups.set(ks, g);
    } else {
      if (props.has(ks)) return errorVal(locOf(env, expr.keyExpr), `duplicate key "${ks}" in for expression`, [key]);
      props.set(ks, { key: ks, keyLoc: key.loc, value });
    }
  }
  if (!expr.keyExpr) return arr(items, loc);
  if (expr.grouping) return obj([...groups].map(([key, g]) => ({ key, keyLoc: g.keyLoc, value: arr(g.values, loc) })), loc);
  return obj(props.values(), loc);
}

function evaluateConditional(expr: ConditionalExpression, env: Env, loc: Loc): Val {
  const c = evaluate(expr.condition, env);
  if (c.kind !== 'unknown') {
    const b = boolLike(c);
    return b === undefined ? typeError(locOf(env, expr.condition), 'condition', 'a bool', c) : evaluate(b ? expr.then : expr.else, env);
  }
  if (isError(c)) return unknownAt(c, loc, c.origins);
  // Either branch may be taken: a failing one is not a candidate (nor, until chosen, a failure).
  const a = candidateBranch(expr.then, env);
  const b = candidateBranch(expr.else, env);
  if (a && b && equalVals(a, b)) return a;
  const candidates = [a, b].filter((v): v is Val => v !== undefined && v.kind !== 'unknown');
  return unknown(c.reason, loc, { origins: c.origins, cause: c.cause, ...(candidates.length ? { candidates } : {}) });
}

function candidateBranch(e: Expression, env: Env): Val | undefined {
  const v = evaluate(e, env);
  return isError(v) ? undefined : v;
}

function evaluateBinary(expr: BinaryExpression, env: Env, loc: Loc): Val {
  const l = evaluate(expr.left, env);
  const r = evaluate(expr.right, env);
  const error = failed([l, r], loc);
  if (error) return error;
  const origins = mergeOrigins([l, r]);
  const op = expr.operator;
  if (op === '&&' || op === '||') {
    // A known false (&&) or true (||) side decides the result even when the other is unknown.
    const decisive = op === '||';
    for (const [side, e] of [[l, expr.left], [r, expr.right]] as const) {
      if (side.kind === 'unknown') continue;
      const b = boolLike(side);
      if (b === undefined) return typeError(locOf(env, e), `operand of ${op}`, 'a bool', side);
      if (b === decisive) return bool(decisive, loc, origins);
    }
    if (l.kind === 'unknown' || r.kind === 'unknown') return propagateUnknown([l, r], loc);
    return bool(!decisive, loc, origins);
  }
  if (l.kind === 'unknown' || r.kind === 'unknown') {
    // Ids known only after apply are still the same value, or differ in their known parts.
    const decided = op === '==' || op === '!=' ? equalStrings(l, r) : undefined;
    return decided === undefined ? propagateUnknown([l, r], loc) : bool(decided === (op === '=='), loc, origins);
  }
  if (op === '==' || op === '!=') {
    if (hasUnknown(l) || hasUnknown(r)) return propagateUnknown([l, r], loc);
    return bool(equalVals(l, r) === (op === '=='), loc, origins);
  }
  const a = numberLike(l);
  if (a === undefined) return typeError(locOf(env, expr.left), `left operand of ${op}`, 'a number', l);
  const b = numberLike(r);
  if (b === undefined) return typeError(locOf(env, expr.right), `right operand of ${op}`, 'a number', r);
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
      return b === 0 ? errorVal(loc, 'division by zero', [l, r]) : num(a / b, loc, origins);
    case '%':
      return b === 0 ? errorVal(loc, 'modulo by zero', [l, r]) : num(a % b, loc, origins);
  }
}
