import type { Loc } from '../../kernel/location.js';
import { reportTemplateErrors } from '../../kernel/diagnostic.js';
import { num, unknown, type Val } from '../../kernel/value.js';
import { ARM_LIMITS } from '../arm/template/context.js';
import type { BodyParts } from './declarations.js';
import { evaluate, loopBindings, withLocals, type Env } from './expr.js';

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
    return { list: [{ env: withLocals(env, loopBindings(loop.variableSection, u, u)) }], count: 0 };
  }
  const n = iterable.items.length;
  if (n > ARM_LIMITS.copyCount) {
    env.scope.run.diagnostics.add({ severity: 'error', summary: `Copy count ${n} is outside ARM's limit of 0 to ${ARM_LIMITS.copyCount}; the deployment would fail`, subject: at });
    return { list: [], count: 0 };
  }
  return {
    list: iterable.items.map((item, i) => ({ env: withLocals(env, loopBindings(loop.variableSection, item, num(i, at))), index: i })),
    count: n,
  };
}

/** The instance at `index` of a looped declaration (`vms[i]`), or a representative one when the index is unknown. */
export function instanceAt(parts: BodyParts, env: Env, index: Val, at: Loc): Instance | undefined {
  const all = instancesOf(parts, env, at);
  if (index.kind === 'number') return all.list.find((i) => i.index === index.value) ?? undefined;
  if (!parts.loop) return all.list[0];
  const u = unknown(index.kind === 'unknown' ? index.reason : 'the index is not a number', at, { origins: index.origins });
  return { env: withLocals(env, loopBindings(parts.loop.variableSection, u, u)) };
}

/** The declaration's `if (c)` for this instance: true without one. */
export function conditionOf(parts: BodyParts, instance: Instance): Val | undefined {
  const c = parts.condition;
  if (!c) return undefined;
  const v = c.type === 'SkippedTrivia' ? undefined : evaluate(c.expression, instance.env);
  if (v) reportTemplateErrors(instance.env.scope.run.diagnostics, v);
  return v;
}
