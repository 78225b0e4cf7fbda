import type { Loc } from '../../kernel/location.js';
import { reportTemplateErrors } from '../../kernel/diagnostic.js';
import { num, unknown, type Val } from '../../kernel/value.js';
import { ARM_LIMITS } from '../arm/template/context.js';
import type { BodyParts } from './declarations.js';
import { evaluate, loopEnv, type Env } from './expr.js';

/** One instance of a resource or module declaration: the environment its body is evaluated in. */
export interface Instance {
  readonly env: Env;
  /** Its loop index; undefined outside a loop and for the representative of an unknown list. */
  readonly index?: number;
}

export interface Instances {
  readonly list: readonly Instance[];
  /** How many the declaration makes: 1 without a loop, the list's length, 0 when unknown. */
  readonly count: number;
}

/**
 * The instances a declaration's loop makes (one without a loop). An unknown list gives one
 * representative instance with unknown item and index; over ARM's copy limit, none and a diagnostic.
 */
export function instancesOf(parts: BodyParts, env: Env, at: Loc): Instances {
  const loop = parts.loop;
  if (!loop) return { list: [{ env }], count: 1 };
  const iterable = evaluate(loop.expression, env);
  reportTemplateErrors(env.scope.run.diagnostics, iterable);
  if (iterable.kind !== 'array') {
    const reason = iterable.kind === 'unknown' ? iterable.reason : `a loop runs over an array, not a ${iterable.kind}`;
    const u = unknown(reason, at, { origins: iterable.origins });
    return { list: [{ env: loopEnv(env, loop.variableSection, u, u) }], count: 0 };
  }
  const n = iterable.items.length;
  if (n > ARM_LIMITS.copyCount) {
    env.scope.run.diagnostics.add({ severity: 'error', summary: `Copy count ${n} is outside ARM's limit of 0 to ${ARM_LIMITS.copyCount}; the deployment would fail`, subject: at });
    return { list: [], count: 0 };
  }
  return {
    list: iterable.items.map((item, i) => ({ env: loopEnv(env, loop.variableSection, item, num(i, at)), index: i })),
    count: n,
  };
}

/**
 * The instance at `index` of a looped declaration (`vms[i]`), a representative one when the
 * index is unknown (or out of range), the only one without a loop.
 */
export function instanceFor(parts: BodyParts, env: Env, index: Val | undefined, at: Loc): Instance {
  if (!parts.loop) return { env };
  if (index?.kind === 'number') {
    const hit = instancesOf(parts, env, at).list.find((i) => i.index === index.value);
    if (hit) return hit;
  }
  const u = unknown(index?.kind === 'unknown' ? index.reason : 'the loop index is not known here', at, { origins: index?.origins ?? [] });
  return { env: loopEnv(env, parts.loop.variableSection, u, u) };
}

/** How an instance is keyed: '' outside a loop, its index, '?' for the representative of an unknown list or index. */
export function indexKey(index: Val | undefined): string {
  return index === undefined ? '' : index.kind === 'number' ? String(index.value) : '?';
}

export function instanceKey(parts: BodyParts, instance: Instance): string {
  return instance.index === undefined ? (parts.loop ? '?' : '') : String(instance.index);
}

/** Values made once per declaration and instance key. */
export class PerInstance<Decl, V> {
  /** Of a declaration outside a loop (key ''), its one value: no map of keys for each of them. */
  private readonly single = new Map<Decl, V>();
  private readonly byDecl = new Map<Decl, Map<string, V>>();

  /** The value made, if any: callers look first, so that the common hit builds no `make` closure. */
  find(decl: Decl, key: string): V | undefined {
    return key === '' ? this.single.get(decl) : this.byDecl.get(decl)?.get(key);
  }

  get(decl: Decl, key: string, make: () => V): V {
    if (key === '') {
      let v = this.single.get(decl);
      if (v === undefined) this.single.set(decl, (v = make()));
      return v;
    }
    let byKey = this.byDecl.get(decl);
    if (!byKey) this.byDecl.set(decl, (byKey = new Map()));
    let v = byKey.get(key);
    if (v === undefined) byKey.set(key, (v = make()));
    return v;
  }
}

/** The declaration's `if (c)` for this instance: true without one. */
export function conditionOf(parts: BodyParts, instance: Instance): Val | undefined {
  const c = parts.condition;
  if (!c) return undefined;
  const v = c.type === 'SkippedTrivia' ? undefined : evaluate(c.expression, instance.env);
  if (v) reportTemplateErrors(instance.env.scope.run.diagnostics, v);
  return v;
}
