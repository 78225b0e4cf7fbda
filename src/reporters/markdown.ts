import type { InventoryEntry, LintMessage } from '../engine/lint-message.js';
import type { RunReport } from '../results/results.js';
import type { FormatterOptions } from './types.js';
import { inert, inertLines } from './safe-text.js';
import { bareRuleId, describeOrigin, isError, problemSummary, relativePath, totals } from './util.js';

/**
 * A short pull-request summary (fits `$GITHUB_STEP_SUMMARY` and PR comments): counts,
 * a table per rule with docs links, the findings, and the VM inventory totals.
 */

/** Beyond this many findings the table is folded into `<details>`. */
const FOLD_AFTER = 10;
/** Keeps the summary far below GitHub's 1 MiB step-summary limit; SARIF has the rest. */
const MAX_ROWS = 200;

/**
 * Table-cell text from the user's files: inert (no control characters, no CI command; line
 * breaks as `<br>`), HTML as text, the Markdown that would turn a quoted value into a link, an
 * image, emphasis, code or a new table cell escaped, and no @-mention.
 */
function cell(s: string): string {
  return inertLines(s)
    .map((line) =>
      line
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*~[\]!|]/g, '\\$&')
        // An underscore inside a word (`UltraSSD_LRS`) is never emphasis in GFM; kept readable.
        .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
        // Posted as a pull-request comment, `@someone` named in a template would be notified.
        .replace(/@/g, '@&#8203;'),
    )
    .join('<br>');
}

/** A code span that no backtick in `s` can close early (CommonMark: a longer fence). */
function code(s: string): string {
  const text = inert(s).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

interface Row {
  readonly file: string;
  readonly m: LintMessage;
}

function ruleLink(m: LintMessage, docs: ReadonlyMap<string, string>): string {
  const id = bareRuleId(m);
  const url = docs.get(id);
  return url === undefined ? code(id) : `[${cell(id)}](${url})`;
}

function fileLink(file: string, line: number, base: string | undefined): string {
  const label = `${file}:${line}`;
  if (base === undefined) return code(label);
  const url = base + file.split('/').map(encodeURIComponent).join('/') + `#L${line}`;
  return `[${cell(label)}](${url})`;
}

function ruleTable(rows: readonly Row[], docs: ReadonlyMap<string, string>): string[] {
  const counts = new Map<string, { link: string; errors: number; warnings: number }>();
  for (const { m } of rows) {
    const id = bareRuleId(m);
    const c = counts.get(id) ?? { link: ruleLink(m, docs), errors: 0, warnings: 0 };
    if (isError(m)) c.errors++;
    else c.warnings++;
    counts.set(id, c);
  }
  const sorted = [...counts.entries()].sort(
    ([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || (a < b ? -1 : a > b ? 1 : 0),
  );
  return ['| Rule | Errors | Warnings |', '|---|---:|---:|', ...sorted.map(([, c]) => `| ${c.link} | ${c.errors} | ${c.warnings} |`)];
}

function findingsTable(rows: readonly Row[], docs: ReadonlyMap<string, string>, cwd: string, base: string | undefined): string[] {
  const lines = ['| Severity | File:line | Rule | Message |', '|---|---|---|---|'];
  for (const { file, m } of rows.slice(0, MAX_ROWS)) {
    const severity = isError(m) ? '❌ error' : '⚠️ warning';
    const message = [m.message, ...(m.relatedLocations ?? []).map((r) => `↳ ${describeOrigin(cwd, r)}`)].map(cell).join('<br>');
    lines.push(`| ${severity} | ${fileLink(file, m.line, base)} | ${ruleLink(m, docs)} | ${message} |`);
  }
  if (rows.length > MAX_ROWS) lines.push('', `… and ${rows.length - MAX_ROWS} more; the SARIF or json output has them all.`);
  return lines;
}

interface VmTotals {
  readonly found: number;
  readonly protected: number;
}

/**
 * Counts VM instances (a `count = 3` VM is three VMs). The inventory has one entry per
 * declaration and scenario; a declaration counts as protected only if every scenario
 * protects it, and with its largest instance count.
 */
function vmTotals(inventory: readonly InventoryEntry[]): VmTotals {
  const decls = new Map<string, { instances: number; protected: boolean }>();
  for (const e of inventory) {
    const key = `${e.filePath}\n${e.line}\n${e.column}\n${e.name}`;
    const d = decls.get(key);
    decls.set(key, { instances: Math.max(d?.instances ?? 0, e.instances), protected: (d?.protected ?? true) && e.protected });
  }
  let found = 0;
  let prot = 0;
  for (const d of decls.values()) {
    found += d.instances;
    if (d.protected) prot += d.instances;
  }
  return { found, protected: prot };
}

export function markdown(report: RunReport, options: FormatterOptions = {}): string {
  const cwd = options.cwd ?? report.cwd;
  const docs = new Map(report.rules.map((r) => [r.id, r.docsUrl]));
  const rows: Row[] = report.results.flatMap((r) => r.messages.map((m) => ({ file: relativePath(cwd, r.filePath), m })));
  const t = totals(report.results);
  const vms = vmTotals(report.inventory);
  const suppressedCount = report.results.reduce((n, r) => n + r.suppressedMessages.length, 0);

  const out: string[] = [
    rows.length === 0 ? '### ✅ azure-backup-lint: no problems' : `### ${t.errors > 0 ? '❌' : '⚠️'} azure-backup-lint: ${problemSummary(t)}`,
    '',
    '| Files checked | VMs found | Protected | Unprotected |',
    '|---:|---:|---:|---:|',
    `| ${report.stats.files} | ${vms.found} | ${vms.protected} | ${vms.found - vms.protected} |`,
  ];
  if (rows.length > 0) {
    out.push('', ...ruleTable(rows, docs), '');
    const table = findingsTable(rows, docs, cwd, options.fileUrlBase);
    if (rows.length > FOLD_AFTER) out.push(`<details><summary>${rows.length} findings</summary>`, '', ...table, '', '</details>');
    else out.push(...table);
  }
  if (suppressedCount > 0) {
    out.push('', `${suppressedCount} suppressed ${suppressedCount === 1 ? 'finding is' : 'findings are'} not shown (inline directives or baseline).`);
  }
  return out.join('\n') + '\n';
}
