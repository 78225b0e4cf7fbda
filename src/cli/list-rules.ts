import type { Rule } from '../../rules/api.js';
import { activeRules } from '../engine/rule-config.js';
import { matrixRow, type MatrixEdition } from '../azure/matrix/matrix.js';
import { docsUrl, qualifiedRuleId } from '../kernel/meta.js';

/** How long the text form's matrix subject may get; the JSON form and the docs page have the row. */
const SUBJECT_MAX = 60;

/**
 * The row's subject, which names it in the matrix ("Ultra SSD disks"): the words before its first
 * colon, else its first sentence, cut at a word when longer than a line's column allows.
 */
function subject(row: string): string {
  const head = row.split(/:\s|\.\s/)[0]!.replace(/\.$/, '');
  if (head.length <= SUBJECT_MAX) return head;
  const cut = head.slice(0, SUBJECT_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/**
 * `--list-rules`: one rule a line (id, severity in `recommended`, docs URL, the subject of its
 * support-matrix row), or as JSON with both presets, the descriptions and the rows in full.
 */
export function listRules(rules: readonly Rule[], format: 'text' | 'json', edition: MatrixEdition = '2021'): string {
  const inPreset = (preset: 'recommended' | 'all') => new Map(activeRules({ preset }, rules).map((a) => [a.rule.id, a.severity]));
  const recommended = inPreset('recommended');
  const all = inPreset('all');
  const rows = rules.map((r) => ({
    id: qualifiedRuleId(r.id),
    severity: recommended.get(r.id) ?? 'off',
    allSeverity: all.get(r.id) ?? 'off',
    description: r.meta.description,
    docsUrl: docsUrl(r.id),
    matrixRow: matrixRow(r.id, edition),
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const urlWidth = Math.max(...rows.map((r) => r.docsUrl.length));
  return rows
    .map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(5)}  ${r.docsUrl.padEnd(urlWidth)}  matrix ${r.matrixRow.edition}: ${subject(r.matrixRow.text)}\n`)
    .join('');
}
