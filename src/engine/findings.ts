import type { Loc } from '../kernel/location.js';
import type { Model } from '../azure/model.js';
import type { Origin, Val } from '../kernel/value.js';
import { MATRICES } from '../azure/matrix/matrix.js';
import type { LintOptions } from './options.js';
import type { ActiveRule } from './rule-config.js';
import type { Report, RuleContext, Severity, Suggestion } from '../../rules/api.js';

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

function isVal(at: Val | Loc): at is Val {
  return 'kind' in at;
}

/** Runs the active rules on one model. A rule that throws becomes a finding-free internal error. */
export function runRules(model: Model, rules: readonly ActiveRule[], options: LintOptions, fallback: Loc, onError: (e: unknown, ruleId: string) => void): Finding[] {
  const findings: Finding[] = [];
  const matrix = MATRICES[options.matrix ?? '2021'];
  for (const active of rules) {
    const push = (report: Report, maybe: boolean) => {
      const at = report.at;
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
    const context = withoutDuplicates({
      matrix,
      options: active.options,
      report: (r) => push(r, false),
      reportMaybe: (r) => {
        if (options.unknownValues === 'report') push(r, true);
      },
    });
    try {
      active.rule.check(model, context);
    } catch (e) {
      onError(e, active.rule.id);
    }
  }
  return findings;
}

/**
 * The context with repeated reports dropped: copy loops and `count` give many model objects that
 * share one literal, and a report there is the same report each time.
 */
export function withoutDuplicates(context: RuleContext): RuleContext {
  const seen = new Set<string>();
  const fresh = (r: Report, maybe: boolean): boolean => {
    const loc = isVal(r.at) ? r.at.loc : r.at;
    const key = `${maybe}|${loc ? `${loc.file}:${loc.start}:${loc.end}` : ''}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  return {
    matrix: context.matrix,
    options: context.options,
    report: (r) => fresh(r, false) && context.report(r),
    reportMaybe: (r) => fresh(r, true) && context.reportMaybe(r),
  };
}
