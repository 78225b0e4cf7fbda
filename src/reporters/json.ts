import type { LintResult, RunReport } from '../results/results.js';
import { inertJson } from './safe-text.js';

/**
 * ESLint's json formatter: `JSON.stringify` of the results, keys in ESLint's order and
 * with its fix counters (always 0: findings carry suggestions, never autofixes), so
 * tools that read ESLint's output read this. The file text is left out. Inert, as it is often
 * printed into a CI log: a message quoting `##vso[…]` would otherwise run there.
 */
export function json(report: RunReport): string {
  return inertJson(JSON.stringify(report.results.map(eslintShape)));
}

function eslintShape(r: LintResult) {
  return {
    filePath: r.filePath,
    messages: r.messages,
    suppressedMessages: r.suppressedMessages,
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
