import type { Loc } from '../../src/kernel/location.js';
import type { Problem, Report, RuleContext, Suggestion } from '../api.js';
import { asBoolean, asNumber, type Val } from '../../src/kernel/value.js';
import { at } from './report.js';
import { quoteList, unknownSource } from './values.js';

type Reader<T> = (v: Val) => T | undefined;

const readString: Reader<string> = (v) => (v.kind === 'string' ? v.value : undefined);

/** How a finding of a check is reported, beyond its place and message. */
export interface CheckOptions {
  /** `maybe` when the finding depends on something else that is not known (a region, a policy type). */
  readonly certainty?: Report['certainty'];
  readonly severity?: Report['severity'];
  /** Offered only where the value is a literal written in place (the engine decides). */
  readonly suggestions?: readonly Suggestion[];
}

/**
 * Reports `value` when it is known and `problem` finds one; when it is unknown, reports a
 * "may be" finding naming the candidates (e.g. a parameter's allowedValues) that would be one.
 */
function checkValue<T extends string | number | boolean, Id extends string>(
  context: RuleContext<Id>,
  value: Val | undefined,
  fallback: Loc,
  read: Reader<T>,
  problem: (x: T) => Problem<NoInfer<Id>> | undefined,
  options: CheckOptions,
): void {
  if (!value) return;
  if (value.kind !== 'unknown') {
    const x = read(value);
    const found = x === undefined ? undefined : problem(x);
    if (found) context.report({ at: at(value, fallback), ...found, ...extra(options), ...(options.suggestions ? { suggestions: options.suggestions } : {}) });
    return;
  }
  if (!value.candidates) return;
  const bad: T[] = [];
  for (const c of value.candidates) {
    const x = read(c);
    if (x !== undefined && !bad.includes(x) && problem(x)) bad.push(x);
  }
  if (bad.length === 0) return;
  const source = unknownSource(value);
  const shown = bad.map((b): string | number => (typeof b === 'boolean' ? String(b) : b));
  context.report({
    at: at(value, fallback),
    ...problem(bad[0]!)!,
    ...extra(options),
    certainty: 'maybe',
    premise: `${source[0]!.toUpperCase()}${source.slice(1)} allows ${quoteList(shown)}`,
  });
}

/** Severity and certainty as a report spells them: made only for a report, as most values checked are fine. */
function extra(options: CheckOptions): Pick<Report, 'severity' | 'certainty'> {
  const { certainty, severity } = options;
  return { ...(severity ? { severity } : {}), ...(certainty ? { certainty } : {}) };
}

export function checkString<Id extends string>(
  context: RuleContext<Id>,
  value: Val | undefined,
  fallback: Loc,
  problem: (s: string) => Problem<NoInfer<Id>> | undefined,
  options: CheckOptions = {},
): void {
  checkValue(context, value, fallback, readString, problem, options);
}

export function checkNumber<Id extends string>(
  context: RuleContext<Id>,
  value: Val | undefined,
  fallback: Loc,
  problem: (n: number) => Problem<NoInfer<Id>> | undefined,
  options: CheckOptions = {},
): void {
  checkValue(context, value, fallback, asNumber, problem, options);
}

export function checkBoolean<Id extends string>(
  context: RuleContext<Id>,
  value: Val | undefined,
  fallback: Loc,
  problem: (b: boolean) => Problem<NoInfer<Id>> | undefined,
  options: CheckOptions = {},
): void {
  checkValue(context, value, fallback, asBoolean, problem, options);
}
