import path from 'node:path';
import type { Rule } from '../../rules/api.js';
import type { LintOptions } from '../engine/options.js';
import { activeRules } from '../engine/rule-config.js';
import { qualifiedRuleId } from '../kernel/meta.js';
import { relativePath } from '../results/baseline.js';

/**
 * `--print-config <file>`: the options a run applies to that file, as JSON, like ESLint's: every
 * rule with its effective severity (and options where it has any), the matrix edition, the preset,
 * unknown-value handling, and the parameter and variable files named for it rather than found by name.
 */
export function printConfig(file: string, options: LintOptions, rules: readonly Rule[], configFile: string | null, cwd: string): string {
  const abs = path.resolve(cwd, file);
  const active = new Map(activeRules(options, rules).map((a) => [a.rule.id, a]));
  const ruleSettings = Object.fromEntries(
    rules.map((r) => {
      const a = active.get(r.id);
      const setting = a === undefined ? 'off' : Object.keys(a.options).length ? [a.severity, a.options] : a.severity;
      return [qualifiedRuleId(r.id), setting];
    }),
  );
  const rel = (f: string) => relativePath(cwd, path.resolve(cwd, f));
  // As the ARM source picks them: the config's map, else --param-file in the template's folder, else by name.
  const paramFiles = options.paramFilesFor?.(abs) ?? (options.paramFiles?.length ? options.paramFiles.filter((p) => path.dirname(path.resolve(cwd, p)) === path.dirname(abs)) : undefined);
  const effective = {
    file: rel(abs),
    configFile: configFile === null ? null : rel(configFile),
    matrix: options.matrix ?? '2021',
    preset: options.preset ?? 'recommended',
    unknownValues: options.unknownValues ?? 'ignore',
    compiledJson: options.compiledJson ?? 'skip',
    rules: ruleSettings,
    paramFiles: paramFiles === undefined ? 'by name' : paramFiles.map(rel),
    varFiles: (options.varFiles ?? []).map(rel),
  };
  return `${JSON.stringify(effective, null, 2)}\n`;
}
