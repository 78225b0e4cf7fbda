import type { Loc } from '../../src/model/location.js';
import type { Report, RuleContext, RuleMeta } from '../../src/engine/rule.js';
import type { Val } from '../../src/model/value.js';

/**
 * The context with duplicate findings dropped: copy loops and `count` give many model
 * objects that share one literal, and a finding there is the same finding each time.
 */
export function dedupe(context: RuleContext): RuleContext {
  const seen = new Set<string>();
  const fresh = (r: Report, maybe: boolean): boolean => {
    const loc = 'kind' in r.at ? r.at.loc : r.at;
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

/** The value when it has a use site, else the fallback place (e.g. the resource). */
export function at(value: Val, fallback: Loc): Val | Loc {
  return value.loc ? value : fallback;
}

/** `support matrix <edition>: "<row>"`, quoting the selected edition where its wording differs. */
export function cite(context: RuleContext, id: string, meta: RuleMeta): string {
  const row = context.matrix.rows[id];
  return row !== undefined ? `support matrix ${context.matrix.edition}: "${row}"` : `support matrix 2021: "${meta.matrixRow}"`;
}
