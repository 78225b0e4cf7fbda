import type { Diagnostic } from './diagnostic.js';
import type { Loc } from './location.js';
import { unknown, unmoved, valueDepth, valueNodes, type ObjectVal, type UnknownVal, type Val } from './value.js';
import { mergeOrigins, type Input } from './value-ops.js';

/**
 * Work one unit may do: every scenario, copy instance, module instance, user-defined function
 * call and lambda body of the unit draws on the same budget, so loops that multiply each other
 * cannot each stay under a per-expression cap and still add up to minutes. The unit costs
 * roughly one array item, property or comparison, or 32 characters built; the limit is from
 * a fraction of a second to a few seconds of evaluation on a slow, loaded machine (npm run
 * hostile), and over a hundred times what the largest of 1,200 real templates spends (17,700).
 */
export const UNIT_WORK_LIMIT = 2_000_000;

/** `2,000,000`: `toLocaleString` would load the ICU data when the module loads, for two messages (10 ms a run). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Characters that cost as much as one element. */
const CHARS_PER_UNIT = 32;

export const WORK_LIMIT_SUMMARY = `Evaluation stopped: this unit needs more work than the linter allows (${grouped(UNIT_WORK_LIMIT)} steps); this value and later ones are unknown`;

/**
 * How deep one unit's evaluation may nest: JSON levels, expressions, variable and parameter
 * chains, lambdas, user-defined functions, each weighted by the stack it takes. An explicit
 * limit, about half of what the smallest JavaScript stack (the main thread's, under 1 MB) held
 * in the deepest shapes tried (chains through JSON, calls, properties, lambdas), gives the same
 * answer in the main thread and in workers (test/reliability/nesting.test.ts) and no stack
 * overflow. ARM JSON nests about 500 levels deep in it.
 */
export const MAX_NESTING = 1_000;

export const NESTING_LIMIT_SUMMARY = `Evaluation nested deeper than the linter allows (${grouped(MAX_NESTING)} levels of JSON, expressions, references and values); this value is unknown`;

/** A unit's work so far; evaluators charge it and stop with an unknown (`limit`) once it is spent. */
export class WorkBudget {
  #spent = 0;
  #stoppedAt: Loc | undefined;
  #nesting = 0;
  #tooDeepAt: Loc | undefined;

  constructor(readonly limit: number = UNIT_WORK_LIMIT) {}

  get spent(): number {
    return this.#spent;
  }

  /** The nesting levels entered now: what evaluation deferred to later must enter again. */
  get nesting(): number {
    return this.#nesting;
  }

  get exhausted(): boolean {
    return this.#spent > this.limit;
  }

  /** Adds `cost`; false once the unit's work is spent, remembering the first place that was refused. */
  charge(cost: number, site: Loc | undefined): boolean {
    this.#spent += cost;
    if (this.#spent <= this.limit) return true;
    if (this.#stoppedAt === undefined && site !== undefined) this.#stoppedAt = site;
    return false;
  }

  /** Charges building (or walking) `v`: its elements, and the characters of a string. */
  chargeValue(v: Val, site: Loc | undefined): boolean {
    return this.charge(valueCost(v), site);
  }

  /** Charges building a string of `length` characters. */
  chargeChars(length: number, site: Loc | undefined): boolean {
    return this.charge(1 + Math.floor(length / CHARS_PER_UNIT), site);
  }

  /**
   * Enters one nested evaluation of `weight` levels; false (and nothing entered) past MAX_NESTING,
   * remembering the first place refused. Each true must be matched by `leave(weight)`.
   */
  enter(weight: number, site: Loc | undefined): boolean {
    if (this.#nesting + weight > MAX_NESTING) {
      if (this.#tooDeepAt === undefined && site !== undefined) this.#tooDeepAt = site;
      return false;
    }
    this.#nesting += weight;
    return true;
  }

  leave(weight: number): void {
    this.#nesting -= weight;
  }

  /** `v`, or unknown (reported like too deep an evaluation) when it nests past MAX_VALUE_DEPTH. */
  boundDepth(v: Val, site: Loc | undefined, inputs: readonly Input[]): Val {
    if (valueDepth(v) <= MAX_VALUE_DEPTH) return v;
    if (this.#tooDeepAt === undefined && site !== undefined) this.#tooDeepAt = site;
    return tooDeepVal(site, inputs);
  }

  /** The warnings for a unit that ran out of work or nesting, each at the first place refused. */
  diagnostics(fallback: Loc): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (this.exhausted) out.push({ severity: 'warn', summary: WORK_LIMIT_SUMMARY, subject: this.#stoppedAt ?? fallback, code: 'work-limit' });
    if (this.#tooDeepAt) out.push({ severity: 'warn', summary: NESTING_LIMIT_SUMMARY, subject: this.#tooDeepAt, code: 'nesting-limit' });
    return out;
  }
}

/** The value where the unit's work ran out: unknown, reported once for the unit (WorkBudget.diagnostics). */
export function stoppedVal(site: Loc | undefined, inputs: readonly Input[] = []): UnknownVal {
  return unknown(WORK_LIMIT_SUMMARY, site, { origins: mergeOrigins(inputs), cause: 'limit' });
}

/** The value where evaluation nested too deep: unknown, reported once for the unit. */
export function tooDeepVal(site: Loc | undefined, inputs: readonly Input[] = []): UnknownVal {
  return unknown(NESTING_LIMIT_SUMMARY, site, { origins: mergeOrigins(inputs), cause: 'limit' });
}

/** What building or walking a value costs: its elements (shared parts each time), or a string's length. */
export function valueCost(v: Val): number {
  if (v.kind === 'string') return 1 + Math.floor(v.value.length / CHARS_PER_UNIT);
  if (v.kind !== 'array' && v.kind !== 'object') return 1;
  // Node counts stop a little past MAX_VALUE_NODES; a longer list still costs its length. The
  // length is read from what a moved value was moved from: reading its own would move its children.
  const base = unmoved(v);
  return Math.max(valueNodes(base), base.kind === 'array' ? base.items.length : (base as ObjectVal).props.size);
}

/**
 * Deepest value a function may return: the JSON parser's limit. Lambdas can otherwise nest a
 * value one level per step (a reduce wrapping its accumulator) until walking it overflows the stack.
 */
export const MAX_VALUE_DEPTH = 1_000;
