import type { LintMessage } from '../engine/lint-message.js';
import type { RunReport } from '../results/results.js';
import type { FormatterOptions } from './types.js';
import { inertKeepingBreaks } from './safe-text.js';
import { describeOrigin, displayRuleId, isError, linePerMessage } from './util.js';

/**
 * Azure Pipelines logging commands (`##vso[task.logissue …]message`), escaped as
 * microsoft/azure-pipelines-task-lib `node/taskcommand.ts` does (`%` → `%AZP25`).
 * What comes from the user's files is made inert first: the escaping keeps a command on its
 * line, but an ANSI escape or a bidi override would still reach the log and the annotation.
 */

function escapeData(s: string): string {
  return s.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/]/g, '%5D').replace(/;/g, '%3B');
}

function command(m: LintMessage, file: string, cwd: string): string {
  const props: [string, string | number][] = [
    ['type', isError(m) ? 'error' : 'warning'],
    ['sourcepath', file],
    ['linenumber', m.line],
    ['columnnumber', m.column],
    ['code', displayRuleId(m)],
  ];
  const propText = props.map(([k, v]) => `${k}=${escapeProperty(inertKeepingBreaks(String(v)))};`).join('');
  const text = [m.message, ...(m.relatedLocations ?? []).map((r) => `↳ ${describeOrigin(cwd, r)}`)].map(inertKeepingBreaks).join('\n');
  return `##vso[task.logissue ${propText}]${escapeData(text)}`;
}

export function azureDevops(report: RunReport, options: FormatterOptions = {}): string {
  return linePerMessage(report, options, command);
}
