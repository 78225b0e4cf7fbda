import { relativePath } from '../results/baseline.js';
import type { LintMessage, RelatedLocation } from '../engine/lint-message.js';
import type { LintResult, RunReport } from '../results/results.js';
import type { FormatterOptions } from './types.js';

export { relativePath };

/** Rule id shown for messages that no rule produced (ESLint leaves `ruleId` null for them). */
export const PARSE_ERROR_ID = 'parse-error';
export const INPUT_DIAGNOSTIC_ID = 'input-diagnostic';

const PLUGIN_PREFIX = 'azure-backup/';

/** `azure-backup/no-ultra-ssd` → `no-ultra-ssd`; synthetic ids for rule-less messages. */
export function bareRuleId(m: LintMessage): string {
  if (m.ruleId === null) return m.fatal ? PARSE_ERROR_ID : INPUT_DIAGNOSTIC_ID;
  return m.ruleId.startsWith(PLUGIN_PREFIX) ? m.ruleId.slice(PLUGIN_PREFIX.length) : m.ruleId;
}

/** The rule id as the user writes it (`azure-backup/<id>`), or a synthetic id. */
export function displayRuleId(m: LintMessage): string {
  return m.ruleId ?? bareRuleId(m);
}

export function isError(m: LintMessage): boolean {
  return m.fatal === true || m.severity === 2;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface Totals {
  readonly errors: number;
  readonly warnings: number;
}

export function totals(results: readonly LintResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  return { errors, warnings };
}

/** `✖ 3 problems (2 errors, 1 warning)` without the mark. */
export function problemSummary(t: Totals): string {
  return `${plural(t.errors + t.warnings, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')})`;
}

/** `value from parameter 'diskSku' (azuredeploy.parameters.json:5:16)`. */
export function describeOrigin(cwd: string, r: RelatedLocation): string {
  return `${r.message} (${relativePath(cwd, r.filePath)}:${r.line}:${r.column})`;
}

/** One line per message, as the CI workflow-command formats print them. */
export function linePerMessage(
  report: RunReport,
  options: FormatterOptions,
  line: (m: LintMessage, file: string, cwd: string) => string,
): string {
  const cwd = options.cwd ?? report.cwd;
  let out = '';
  for (const result of report.results) {
    const file = relativePath(cwd, result.filePath);
    for (const m of result.messages) out += `${line(m, file, cwd)}\n`;
  }
  return out;
}
