import type { Rule } from '../../rules/api.js';
import { activeRules } from '../engine/rule-config.js';
import { docsUrl, qualifiedRuleId } from '../kernel/meta.js';

/** `--list-rules`: one rule a line (id, severity in `recommended`, docs URL), or as JSON with both presets and the descriptions. */
export function listRules(rules: readonly Rule[], format: 'text' | 'json'): string {
  const inPreset = (preset: 'recommended' | 'all') => new Map(activeRules({ preset }, rules).map((a) => [a.rule.id, a.severity]));
  const recommended = inPreset('recommended');
  const all = inPreset('all');
  const rows = rules.map((r) => ({
    id: qualifiedRuleId(r.id),
    severity: recommended.get(r.id) ?? 'off',
    allSeverity: all.get(r.id) ?? 'off',
    description: r.meta.description,
    docsUrl: docsUrl(r.id),
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  return rows.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(5)}  ${r.docsUrl}\n`).join('');
}
