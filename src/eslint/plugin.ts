import type { ConfigObject, Plugin, RuleDefinition, RulesConfig } from '@eslint/core';
import { rules as catalog } from '../../rules/index.js';
import { PACKAGE_NAME, qualifiedRuleId, VERSION } from '../kernel/meta.js';
import { presetSeverity, type Preset } from '../../rules/api.js';
import { armJson } from '../sources/arm-json.js';
import { bicepSource } from '../sources/bicep.js';
import type { SourceKind } from '../sources/source-kind.js';
import { terraformDir } from '../sources/terraform-dir.js';
import { terraformPlan } from '../sources/terraform-plan.js';
import { hclLanguage } from './hcl-language.js';
import { bicepLanguage } from './bicep-language.js';
import { armLanguage } from './json-language.js';
import { eslintRule, TEMPLATE_PROBLEMS, templateProblemsRule } from './rules.js';

/** The files of the kinds each language reads, as ESLint `files` globs. */
const filesOf = (kinds: readonly SourceKind[]): string[] => [...new Set(kinds.flatMap((k) => k.files))];
export const ARM_FILES = filesOf([armJson, terraformPlan]);
export const HCL_FILES = filesOf([terraformDir]);
export const BICEP_FILES = filesOf([bicepSource]);

export interface AzureBackupPlugin extends Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: 'azure-backup' };
  readonly languages: { readonly arm: typeof armLanguage; readonly hcl: typeof hclLanguage; readonly bicep: typeof bicepLanguage };
  readonly rules: Readonly<Record<string, RuleDefinition>>;
  readonly configs: { readonly recommended: ConfigObject[]; readonly all: ConfigObject[] };
}

/** Template mistakes are shown by both presets, as warnings: they are about the input, not about backup. */
function severities(name: Preset): RulesConfig {
  return { ...Object.fromEntries(catalog.map((r) => [qualifiedRuleId(r.id), presetSeverity(r.meta, name)])), [qualifiedRuleId(TEMPLATE_PROBLEMS)]: 'warn' };
}

const plugin = {
  meta: { name: PACKAGE_NAME, version: VERSION, namespace: 'azure-backup' },
  languages: { arm: armLanguage, hcl: hclLanguage, bicep: bicepLanguage },
  rules: { ...Object.fromEntries(catalog.map((r) => [r.id, eslintRule(r)])), [TEMPLATE_PROBLEMS]: templateProblemsRule() },
  configs: { recommended: [], all: [] },
} as { -readonly [K in keyof AzureBackupPlugin]: AzureBackupPlugin[K] };

/**
 * Flat configs: JSON files as ARM templates, Terraform files as HCL, Bicep files as Bicep.
 * `*.tf.json` matches both of the first two patterns; the Terraform entry comes after the ARM
 * one, so its language wins.
 */
function preset(name: Preset): ConfigObject[] {
  const rules = severities(name);
  const plugins = { 'azure-backup': plugin };
  return [
    { name: `azure-backup/${name}/arm`, files: ARM_FILES, language: 'azure-backup/arm', plugins, rules },
    { name: `azure-backup/${name}/hcl`, files: HCL_FILES, language: 'azure-backup/hcl', plugins, rules },
    { name: `azure-backup/${name}/bicep`, files: BICEP_FILES, language: 'azure-backup/bicep', plugins, rules },
  ];
}

plugin.configs = { recommended: preset('recommended'), all: preset('all') };

export default plugin as AzureBackupPlugin;
