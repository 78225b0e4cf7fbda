import { moveTo, num, obj, str, unknown, type Val } from '../../kernel/value.js';
import type { Attribute } from '../../syntax/hcl/ast.js';
import { reportTemplateErrors, type DiagnosticSink } from '../../kernel/diagnostic.js';
import { NO_BINDINGS, type Env } from './eval/env.js';
import { evaluateSafe, locOf } from './eval/expr.js';
import { LIMITS } from './eval/support.js';

/** A count index, a for_each key, or undefined for a block without either. */
export type InstanceKey = number | string | undefined;

/** The instances a `count` or `for_each` makes; `text` quotes the meta-argument for messages. */
export type Expansion =
  | { readonly kind: 'single' }
  | { readonly kind: 'count'; readonly n: number; readonly text: string }
  | { readonly kind: 'for_each'; readonly entries: readonly (readonly [string, Val])[]; readonly text: string }
  | { readonly kind: 'unknown'; readonly reason: string; readonly text: string };

export function keySuffix(key: InstanceKey): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** Evaluates `count` / `for_each` (at most one is set); invalid values are reported and make no instance. */
export function computeExpansion(env: Env, fileText: string, diagnostics: DiagnosticSink, count: Attribute | undefined, forEach: Attribute | undefined): Expansion {
  const attr = count ?? forEach;
  if (!attr) return { kind: 'single' };
  const source = fileText.slice(attr.value.start, attr.value.end).replace(/\s+/g, ' ');
  const text = `${attr.name.name} = ${source.length > 60 ? `${source.slice(0, 59)}…` : source}`;
  const v = evaluateSafe(attr.value, env);
  reportTemplateErrors(diagnostics, v);
  if (v.kind === 'unknown') return { kind: 'unknown', reason: v.reason, text };
  const bad = (message: string): Expansion => {
    diagnostics.add({ severity: 'error', summary: message, subject: locOf(env, attr.value) });
    return { kind: 'count', n: 0, text };
  };
  if (count) {
    if (v.kind !== 'number' || !Number.isInteger(v.value)) return bad('count must be a whole number');
    if (v.value < 0) return bad(`count must not be negative (got ${v.value})`);
    if (v.value > LIMITS.instances) return bad(`count of ${v.value} is over the linter's limit of ${LIMITS.instances} instances`);
    return { kind: 'count', n: v.value, text };
  }
  let entries: (readonly [string, Val])[];
  if (v.kind === 'object') entries = [...v.props.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, p]) => [k, p.value] as const);
  else if (v.kind === 'array') {
    if (v.items.some((i) => i.kind === 'unknown')) return { kind: 'unknown', reason: 'for_each set has unknown elements', text };
    const byKey = new Map<string, Val>();
    for (const item of v.items) {
      if (item.kind !== 'string') return bad('for_each over a list needs a set of strings (use toset() or a map)');
      if (!byKey.has(item.value)) byKey.set(item.value, item);
    }
    entries = [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  } else return bad('for_each must be a map or a set of strings');
  if (entries.length > LIMITS.instances) return bad(`for_each over ${entries.length} elements is over the linter's limit of ${LIMITS.instances} instances`);
  return { kind: 'for_each', entries, text };
}

export function instanceKeys(exp: Expansion): InstanceKey[] {
  switch (exp.kind) {
    case 'single':
      return [undefined];
    case 'count': {
      // A loop: Array.from calls a function per index.
      const keys: InstanceKey[] = [];
      for (let i = 0; i < exp.n; i++) keys.push(i);
      return keys;
    }
    case 'for_each':
      return exp.entries.map(([k]) => k);
    case 'unknown':
      return [];
  }
}

/** `count.index` / `each.key` / `each.value` for one instance, located at the meta-argument. */
export function instanceBindings(exp: Expansion, key: InstanceKey, env: Env, attr: Attribute | undefined): ReadonlyMap<string, Val> {
  // Most resources and module calls have neither count nor for_each: nothing to bind.
  if (exp.kind === 'single') return NO_BINDINGS;
  const at = attr ? locOf(env, attr.value) : undefined;
  const b = new Map<string, Val>();
  if (exp.kind === 'count' && typeof key === 'number') b.set('count', obj([{ key: 'index', value: num(key, at) }], at));
  if (exp.kind === 'for_each' && typeof key === 'string') {
    const v = exp.entries.find(([k]) => k === key)![1];
    // Inline collection literals have no origin yet: remember where the element was written.
    const value = v.origins.length ? v : moveTo(v, v.loc, { kind: 'copy-input', name: 'for_each' });
    b.set('each', obj([
      { key: 'key', value: str(key, at) },
      { key: 'value', value },
    ], at));
  }
  if (exp.kind === 'unknown') {
    const u = unknown(`instance key of ${exp.text} is not known`, at);
    b.set('count', obj([{ key: 'index', value: u }], at));
    b.set('each', obj([
      { key: 'key', value: u },
      { key: 'value', value: u },
    ], at));
  }
  return b;
}
