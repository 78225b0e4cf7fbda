import type { LintMessage } from '../engine/lint-message.js';
import type { RunReport } from '../results/results.js';
import type { FormatterOptions } from './types.js';
import { inert } from './safe-text.js';
import { describeOrigin, isError, plural, problemSummary, relativePath, totals } from './util.js';

/**
 * ESLint's stylish layout (same column alignment, including its `line:col` quirk),
 * plus one `↳` line per value origin under a finding. Paths are relative to cwd. Paths, messages
 * and origins quote the user's files, so they are made inert before any color is added.
 */

type Paint = (s: string) => string;

function ansi(open: number, close: number): Paint {
  return (s) => `\u001b[${open}m${s}\u001b[${close}m`;
}
const plain: Paint = (s) => s;

function palette(color: boolean) {
  return color
    ? { underline: ansi(4, 24), red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), dim: ansi(2, 22), bold: ansi(1, 22) }
    : { underline: plain, red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
}

interface Row {
  readonly line: string;
  readonly column: string;
  readonly type: 'error' | 'warning';
  /** ESLint drops one trailing period from messages in this format. */
  readonly message: string;
  readonly ruleId: string;
  readonly origins: readonly string[];
}

function toRow(m: LintMessage, cwd: string): Row {
  return {
    line: String(m.line || 0),
    column: String(m.column || 0),
    type: isError(m) ? 'error' : 'warning',
    message: inert(m.message.replace(/([^ ])\.$/u, '$1')),
    ruleId: inert(m.ruleId ?? ''),
    origins: (m.relatedLocations ?? []).map((r) => inert(describeOrigin(cwd, r))),
  };
}

function width(rows: readonly Row[], key: 'line' | 'column' | 'type' | 'message'): number {
  return Math.max(...rows.map((r) => r[key].length));
}

export function stylish(report: RunReport, options: FormatterOptions = {}): string {
  const cwd = options.cwd ?? report.cwd;
  const c = palette(options.color ?? false);
  const t = totals(report.results);
  if (t.errors + t.warnings === 0) {
    return c.green(`✔ No problems (${plural(report.stats.files, 'file')}, ${plural(report.stats.vms, 'VM')} checked)`) + '\n';
  }
  let out = '\n';
  for (const result of report.results) {
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((m) => toRow(m, cwd));
    const w = { line: width(rows, 'line'), column: width(rows, 'column'), type: width(rows, 'type'), message: width(rows, 'message') };
    out += c.underline(inert(relativePath(cwd, result.filePath))) + '\n';
    for (const r of rows) {
      const type = (r.type === 'error' ? c.red : c.yellow)(r.type) + ' '.repeat(w.type - r.type.length);
      const cells = [
        '  ' + c.dim(r.line.padStart(w.line) + ':' + r.column) + ' '.repeat(w.column - r.column.length),
        type,
        r.message + ' '.repeat(w.message - r.message.length),
        r.ruleId === '' ? '' : c.dim(r.ruleId),
      ];
      out += cells.join('  ').trimEnd() + '\n';
      for (const origin of r.origins) out += c.dim(`      ↳ ${origin}`) + '\n';
    }
    out += '\n';
  }
  const mark = c.bold((t.errors > 0 ? c.red : c.yellow)(`✖ ${problemSummary(t)}`));
  return out + mark + '\n';
}
