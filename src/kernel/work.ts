import type { Diagnostic } from './diagnostic.js';
import type { Loc } from './location.js';
import { valueNodes, type Val } from './value.js';

/**
 * Work one unit may do: every scenario, copy instance, module instance, user-defined function
 * call and lambda body of the unit draws on the same budget, so loops that multiply each other
 * cannot each stay under a per-expression cap and still add up to minutes. The unit costs
 * roughly one array item, property or comparison, or 32 characters built; the limit is about
 * half a second of evaluation on a slow machine and a hundred times what the largest
 * templates and modules of the test corpus spend.
 */
export const UNIT_WORK_LIMIT = 2_000_000;

/** Characters that cost as much as one element. */
const CHARS_PER_UNIT = 32;

export const WORK_LIMIT_SUMMARY = `Evaluation stopped: this unit needs more work than the linter allows (${UNIT_WORK_LIMIT.toLocaleString('en-US')} steps); this value and later ones are unknown`;

/** A unit's work so far; evaluators charge it and stop with an unknown (`limit`) once it is spent. */
export class WorkBudget {
  #spent = 0;
  #stoppedAt: Loc | undefined;

  constructor(readonly limit: number = UNIT_WORK_LIMIT) {}

  get spent(): number {
    return this.#spent;
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

  /** The warning for a unit that ran out, at the first expression refused; undefined while within the limit. */
  diagnostic(fallback: Loc): Diagnostic | undefined {
    if (!this.exhausted) return undefined;
    return { severity: 'warn', summary: WORK_LIMIT_SUMMARY, subject: this.#stoppedAt ?? fallback, code: 'work-limit' };
  }
}

/** What building or walking a value costs: its elements (shared parts each time), or a string's length. */
export function valueCost(v: Val): number {
  if (v.kind === 'string') return 1 + Math.floor(v.value.length / CHARS_PER_UNIT);
  return valueNodes(v);
}
