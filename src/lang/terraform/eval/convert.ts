import { arr, bool, nul, num, obj, str, type Prop, type Val } from '../../../kernel/value.js';
import type { Expression } from '../../../syntax/hcl/ast.js';
import type { Env } from './env.js';
import { evaluateSafe } from './expr.js';
import { toSet } from './functions/collections.js';
import { formatNumber } from './support.js';

/** A variable's `type` constraint, as far as conversion needs it. */
export type TypeSpec =
  | { readonly k: 'any' | 'string' | 'number' | 'bool' }
  | { readonly k: 'list' | 'set' | 'map'; readonly elem: TypeSpec }
  | { readonly k: 'tuple'; readonly elems: readonly TypeSpec[] }
  | { readonly k: 'object'; readonly attrs: ReadonlyMap<string, ObjectAttr> };

interface ObjectAttr {
  readonly type: TypeSpec;
  readonly optional: boolean;
  readonly default?: Expression;
}

const ANY: TypeSpec = { k: 'any' };

export function parseType(expr: Expression | undefined): TypeSpec {
  if (!expr) return ANY;
  if (expr.type === 'Variable') {
    if (expr.name === 'string' || expr.name === 'number' || expr.name === 'bool') return { k: expr.name };
    return ANY;
  }
  if (expr.type !== 'FunctionCall') return ANY;
  const [a] = expr.args;
  switch (expr.name.name) {
    case 'list':
    case 'set':
    case 'map':
      return { k: expr.name.name, elem: parseType(a) };
    case 'tuple':
      return a?.type === 'Tuple' ? { k: 'tuple', elems: a.elements.map(parseType) } : ANY;
    case 'object': {
      if (a?.type !== 'Object') return ANY;
      const attrs = new Map<string, ObjectAttr>();
      for (const item of a.items) {
        if (item.key.type !== 'Variable') continue;
        const v = item.value;
        if (v.type === 'FunctionCall' && v.name.name === 'optional') {
          attrs.set(item.key.name, { type: parseType(v.args[0]), optional: true, ...(v.args[1] ? { default: v.args[1] } : {}) });
        } else attrs.set(item.key.name, { type: parseType(v), optional: false });
      }
      return { k: 'object', attrs };
    }
    default:
      return ANY;
  }
}

/**
 * Converts a value to a variable's type the way Terraform does for the common cases
 * (tfvars `"5"` for a number, optional object attributes with defaults). Values that do
 * not convert are returned unchanged: the linter is not a type checker.
 */
export function convert(v: Val, t: TypeSpec, env: Env): Val {
  if (v.kind === 'unknown' || v.kind === 'null' || t.k === 'any') return v;
  switch (t.k) {
    case 'string':
      if (v.kind === 'number') return str(formatNumber(v.value), v.loc, v.origins);
      if (v.kind === 'boolean') return str(String(v.value), v.loc, v.origins);
      return v;
    case 'number':
      if (v.kind === 'string' && /^-?\d+(\.\d+)?$/.test(v.value.trim())) return num(Number(v.value), v.loc, v.origins);
      return v;
    case 'bool':
      if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) return bool(v.value === 'true', v.loc, v.origins);
      return v;
    case 'list':
    case 'set': {
      if (v.kind !== 'array') return v;
      const items = v.items.map((i) => convert(i, t.elem, env));
      if (t.k === 'set') {
        const set = toSet(items, v.loc);
        return set.kind === 'array' ? arr(set.items, v.loc, v.origins) : v;
      }
      return arr(items, v.loc, v.origins);
    }
    case 'map':
      if (v.kind !== 'object') return v;
      return obj([...v.props.values()].map((p) => ({ ...p, value: convert(p.value, t.elem, env) })), v.loc, v.origins);
    case 'tuple':
      if (v.kind !== 'array') return v;
      return arr(v.items.map((i, n) => convert(i, t.elems[n] ?? ANY, env)), v.loc, v.origins);
    case 'object': {
      if (v.kind !== 'object') return v;
      const props: Prop[] = [];
      for (const [key, spec] of t.attrs) {
        const p = v.props.get(key);
        if (p && p.value.kind !== 'null') props.push({ ...p, value: convert(p.value, spec.type, env) });
        else if (spec.optional) props.push({ key, value: spec.default ? convert(evaluateSafe(spec.default, env), spec.type, env) : nul() });
        else if (p) props.push(p);
      }
      return obj(props, v.loc, v.origins);
    }
  }
}
