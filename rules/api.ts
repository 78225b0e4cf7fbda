import type { Loc } from '../src/kernel/location.js';
import type { Model } from '../src/azure/model.js';
import type { Val } from '../src/kernel/value.js';
import type { Matrix } from '../src/azure/matrix/matrix.js';

export type Severity = 'off' | 'warn' | 'error';

export interface RuleMeta {
  /** One sentence for rule lists, SARIF `shortDescription` and ESLint `meta.docs.description`. */
  readonly description: string;
  /** Default severity in the `recommended` config (`off` for restore-limitation rules). */
  readonly severity: Severity;
  /** Severity in the `all` config. */
  readonly allSeverity?: Severity;
  /** The support-matrix row the rule enforces, quoted (2021 edition). */
  readonly matrixRow: string;
  /** Options with their defaults; users override them per rule. */
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
}

export interface Suggestion {
  readonly message: string;
  /** Replacement text for the finding's location (the whole literal, quotes included). */
  readonly text: string;
}

export interface Report {
  /** The value (reported at its use site, with its origins) or a place. */
  readonly at: Val | Loc;
  readonly message: string;
  /** Overrides the rule's severity for this finding, e.g. a softer case of the same rule. */
  readonly severity?: Exclude<Severity, 'off'>;
  readonly suggestions?: readonly Suggestion[];
}

export interface RuleContext {
  readonly matrix: Matrix;
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
  /**
   * For an unknown value that could violate the rule: becomes a lower-severity
   * "may be" finding only when the `unknownValues: "report"` setting is on.
   */
  reportMaybe(report: Report): void;
}

export interface Rule {
  readonly id: string;
  readonly meta: RuleMeta;
  /** Reports through `context`; the same report twice (same place, message and kind) counts once. */
  check(model: Model, context: RuleContext): void;
}
