import type { Loc } from '../../src/kernel/location.js';
import type { RuleContext, Severity, Suggestion } from '../api.js';
import { asBoolean, asNumber, type Val } from '../../src/kernel/value.js';
import { at } from './report.js';
import { quoteList, unknownSource } from './values.js';

type Reader<T> = (v: Val) => T | undefined;

const readString: Reader<string> = (v) => (v.kind === 'string' ? v.value : undefined);

/**
 * Reports `value` when it is known and `problem` finds one; when it is unknown, reports a
 * "may be" finding naming the candidates (e.g. a parameter's allowedValues) that would be one.
 */
function checkValue<T extends string | number | boolean>(
  context: RuleContext,
  value: Val | undefined,
  fallback: Loc,
  read: Reader<T>,
  problem: (x: T) => string | undefined,
  severity?: Exclude<Severity, 'off'>,
  suggestions?: readonly Suggestion[],
): void {
  if (!value) return;
  const extra = severity ? { severity } : {};
  if (value.kind !== 'unknown') {
    const x = read(value);
    const message = x === undefined ? undefined : problem(x);
    if (message) context.report({ at: at(value, fallback), message, ...extra, ...(suggestions ? { suggestions } : {}) });
    return;
  }
  const bad: T[] = [];
  for (const c of value.candidates ?? []) {
    const x = read(c);
    if (x !== undefined && !bad.includes(x) && problem(x)) bad.push(x);
  }
  if (bad.length === 0) return;
  const source = unknownSource(value);
  const shown = bad.map((b): string | number => (typeof b === 'boolean' ? String(b) : b));
  context.reportMaybe({
    at: at(value, fallback),
    message: `${source[0]!.toUpperCase()}${source.slice(1)} allows ${quoteList(shown)}: ${problem(bad[0]!)}`,
    ...extra,
  });
}

export function checkString(
  context: RuleContext,
  value: Val | undefined,
  fallback: Loc,
  problem: (s: string) => string | undefined,
  severity?: Exclude<Severity, 'off'>,
  suggestions?: readonly Suggestion[],
): void {
  checkValue(context, value, fallback, readString, problem, severity, suggestions);
}

export function checkNumber(
  context: RuleContext,
  value: Val | undefined,
  fallback: Loc,
  problem: (n: number) => string | undefined,
): void {
  checkValue(context, value, fallback, asNumber, problem);
}

export function checkBoolean(
  context: RuleContext,
  value: Val | undefined,
  fallback: Loc,
  problem: (b: boolean) => string | undefined,
  suggestions?: readonly Suggestion[],
): void {
  checkValue(context, value, fallback, asBoolean, problem, undefined, suggestions);
}
