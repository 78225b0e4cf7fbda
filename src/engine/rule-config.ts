import type { LintOptions, RuleSetting } from './options.js';
import { presetSeverity, type Rule, type Severity } from '../../rules/api.js';

export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Exclude<Severity, 'off'>;
  readonly options: Readonly<Record<string, unknown>>;
}

/** The rules of the catalog a run applies, with severities from the preset overridden by the user's settings. */
export function activeRules(options: LintOptions, catalog: readonly Rule[]): ActiveRule[] {
  const out: ActiveRule[] = [];
  for (const rule of catalog) {
    const preset = presetSeverity(rule.meta, options.preset ?? 'recommended');
    const setting: RuleSetting | undefined = options.rules?.[rule.id];
    const severity = setting === undefined ? preset : typeof setting === 'string' ? setting : setting[0];
    const userOptions = typeof setting === 'object' ? (setting[1] ?? {}) : {};
    if (severity === 'off') continue;
    out.push({ rule, severity, options: { ...rule.meta.defaultOptions, ...userOptions } });
  }
  return out;
}
