import type { LintMessage } from '../engine/lint-message.js';
import type { RunReport } from '../results/results.js';
import type { FormatterOptions } from './types.js';
import { inertKeepingBreaks } from './safe-text.js';
import { describeOrigin, displayRuleId, isError, linePerMessage } from './util.js';

/**
 * GitHub Actions workflow commands (`::error file=…::message`), escaped as
 * actions/toolkit `packages/core/src/command.ts` does. Origins go on extra message lines.
 * What comes from the user's files is made inert first: the escaping keeps a command on its
 * line, but an ANSI escape or a bidi override would still reach the log and the annotation.
 */

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(m: LintMessage, file: string, cwd: string): string {
  const props: [string, string | number | undefined][] = [
    ['file', inertKeepingBreaks(file)],
    ['line', m.line],
    ['col', m.column],
    ['endLine', m.endLine],
    ['endColumn', m.endColumn],
    ['title', inertKeepingBreaks(displayRuleId(m))],
  ];
  const propText = props
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  const text = [m.message, ...(m.relatedLocations ?? []).map((r) => `↳ ${describeOrigin(cwd, r)}`)].map(inertKeepingBreaks).join('\n');
  return `::${isError(m) ? 'error' : 'warning'} ${propText}::${escapeData(text)}`;
}

export function github(report: RunReport, options: FormatterOptions = {}): string {
  return linePerMessage(report, options, command);
}
