import type { Loc } from '../kernel/location.js';
import type { Model } from '../azure/model.js';
import type { Origin, Val } from '../kernel/value.js';
import { MATRICES, type Matrix } from '../azure/matrix/matrix.js';
import type { LintOptions } from './options.js';
import type { ActiveRule } from './rule-config.js';
import type { MessageData, Report, Rule, RuleContext, Severity, Suggestion } from '../../rules/api.js';

/** A rule's report, resolved to a place and ready to be turned into an ESLint-shaped message. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Exclude<Severity, 'off'>;
  readonly message: string;
  readonly loc: Loc;
  readonly origins: readonly Origin[];
  readonly maybe: boolean;
  readonly scenario: string;
  readonly suggestions: readonly Suggestion[];
}

/** A report with its message written out: template filled, premise before it. */
export interface WrittenReport extends Report {
  readonly message: string;
}

function isVal(at: Val | Loc): at is Val {
  return 'kind' in at;
}

/** `{{name}}` placeholders filled from `data`; an unknown name stays as written (as in ESLint). */
function fill(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{([^{}]+?)\}\}/g, (whole, name: string) => {
    const value = data[name.trim()];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The context a rule runs with: every report is written out in the words of the rule's messages.
 * The support-matrix row stays out of the message, which an editor shows on hover: `--list-rules`,
 * SARIF rule help and the rule's docs page quote it. "May be" reports reach `sink` only with
 * `keepMaybe`. Repeated reports are dropped: copy loops and `count` give many model objects that
 * share one literal, and a report there is the same report each time.
 */
/** Origins that say which caller passed a value into a linked template, nested deployment or module. */
const PASSED: ReadonlySet<Origin['kind']> = new Set(['nested-deployment', 'linked-template', 'module-input']);

/**
 * Where the caller that passed the value wrote it: the nearest passing origin's place. A module
 * or linked template reached from several callers has a finding per caller, each naming it.
 */
export function callerPlace(origins: readonly Origin[]): Loc | undefined {
  return origins.find((o) => PASSED.has(o.kind) && o.loc)?.loc;
}

export function ruleContext(
  rule: Rule,
  matrix: Matrix,
  options: Readonly<Record<string, unknown>>,
  keepMaybe: boolean,
  sink: (report: WrittenReport) => void,
): RuleContext {
  // Made on the first report: most rules report nothing on most models.
  let seen: Set<string> | undefined;
  return {
    matrix,
    options,
    report(r) {
      if (r.certainty === 'maybe' && !keepMaybe) return;
      const template = rule.meta.messages[r.messageId];
      if (template === undefined) throw new Error(`Rule ${rule.id} has no message '${r.messageId}'`);
      const text = fill(template, r.data);
      const message = `${r.premise ? `${r.premise}: ` : ''}${text}`;
      const loc = isVal(r.at) ? r.at.loc : r.at;
      const caller = isVal(r.at) ? callerPlace(r.at.origins) : undefined;
      const key = `${r.certainty === 'maybe'}|${loc ? `${loc.file}:${loc.start}:${loc.end}` : ''}|${message}|${caller ? `${caller.file}:${caller.start}` : ''}`;
      if (seen?.has(key)) return;
      (seen ??= new Set()).add(key);
      sink({ ...r, message });
    },
  };
}

/** Runs the active rules on one model. A rule that throws becomes a finding-free internal error. */
export function runRules(model: Model, rules: readonly ActiveRule[], options: LintOptions, fallback: Loc, onError: (e: unknown, ruleId: string) => void): Finding[] {
  const findings: Finding[] = [];
  const matrix = MATRICES[options.matrix ?? '2021'];
  for (const active of rules) {
    const push = (report: WrittenReport) => {
      const at = report.at;
      const maybe = report.certainty === 'maybe';
      const loc = isVal(at) ? (at.loc ?? fallback) : at;
      const origins = isVal(at) ? at.origins : [];
      const severity = maybe ? 'warn' : (report.severity === 'warn' || active.severity === 'warn' ? 'warn' : 'error');
      findings.push({
        ruleId: active.rule.id,
        severity,
        message: maybe ? `May be: ${report.message}` : report.message,
        loc,
        origins,
        maybe,
        scenario: model.scenario.name,
        // A suggestion edits the literal itself; a value from elsewhere is fixed where it came from.
        suggestions: isVal(at) && at.origins.length === 0 && at.loc ? (report.suggestions ?? []) : [],
      });
    };
    try {
      active.rule.check(model, ruleContext(active.rule, matrix, active.options, options.unknownValues === 'report', push));
    } catch (e) {
      onError(e, active.rule.id);
    }
  }
  return findings;
}
