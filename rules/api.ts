import type { Loc } from '../src/kernel/location.js';
import type { Model } from '../src/azure/model.js';
import type { Plain, Val } from '../src/kernel/value.js';
import type { Matrix } from '../src/azure/matrix/matrix.js';

export type Severity = 'off' | 'warn' | 'error';

/** What a message's `{{name}}` placeholders are filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * What a finding means for the VM, which decides the rule's severity in both presets: a backup
 * blocker is on in `recommended` (an error when backups fail or are refused, a warning when they
 * work only in part or with a caveat); a restore limitation is off in `recommended` and a warning
 * in `all`, since the backup itself works.
 */
export type Classification =
  | { readonly category: 'backup-blocker'; readonly severity: Exclude<Severity, 'off'> }
  | { readonly category: 'restore-limitation' };

export type Preset = 'recommended' | 'all';

export type RuleMeta<MessageIds extends string = string> = Classification & {
  /** One sentence for rule lists, SARIF `shortDescription` and ESLint `meta.docs.description`. */
  readonly description: string;
  /**
   * Message templates by id, with `{{name}}` placeholders: one sentence, without its full stop
   * (the engine ends it after the value's origins), saying what is wrong and why it matters for
   * backup, short enough for an editor hover. The support-matrix row is not quoted: it is the rule's
   * metadata (src/azure/matrix/editions.json).
   */
  readonly messages: Readonly<Record<MessageIds, string>>;
  /** Options with their defaults; users override them per rule. */
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
};

/** The rule's severity in a preset, from its category. */
export function presetSeverity(meta: Classification, preset: Preset): Severity {
  if (meta.category === 'backup-blocker') return meta.severity;
  return preset === 'all' ? 'warn' : 'off';
}

export interface Suggestion {
  readonly message: string;
  /** The value to put in place of the reported literal; the engine writes it in the file's syntax. */
  readonly value: Plain;
}

/** Which message a report shows, and what fills its placeholders. */
export interface Problem<MessageIds extends string = string> {
  readonly messageId: MessageIds;
  readonly data?: MessageData;
}

export interface Report<MessageIds extends string = string> extends Problem<MessageIds> {
  /** The value (reported at its use site, with its origins) or a place. */
  readonly at: Val | Loc;
  /**
   * `maybe` when a value that is not known could violate the rule: a lower-severity "May be"
   * finding, reported only when the `unknownValues: "report"` setting is on.
   */
  readonly certainty?: 'maybe';
  /** Why a "may be" finding may be one, shown before the message: "Parameter 'sku' allows 'Spot'". */
  readonly premise?: string;
  /** Overrides the rule's severity for this finding, e.g. a softer case of the same rule. */
  readonly severity?: Exclude<Severity, 'off'>;
  readonly suggestions?: readonly Suggestion[];
}

export interface RuleContext<MessageIds extends string = string> {
  readonly matrix: Matrix;
  readonly options: Readonly<Record<string, unknown>>;
  // A property, not a method, so that the compiler checks message ids strictly (no method bivariance).
  readonly report: (report: Report<MessageIds>) => void;
}

export interface Rule<MessageIds extends string = string> {
  readonly id: string;
  readonly meta: RuleMeta<MessageIds>;
  /** Reports through `context`; the same report twice (same place, message and kind) counts once. */
  check(model: Model, context: RuleContext<MessageIds>): void;
}

/** A rule whose reports may only name the ids of its own `meta.messages` (checked by the compiler). */
export function defineRule<MessageIds extends string>(rule: Rule<MessageIds>): Rule<MessageIds> {
  return rule;
}
