import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  homepage?: string;
};

export const TOOL_NAME = 'azure-backup-lint';
export const PACKAGE_NAME = pkg.name;
export const VERSION = pkg.version;
export const HOMEPAGE = pkg.homepage ?? 'https://github.com/azure-backup-lint/azure-backup-lint';

export function docsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${ruleId}.md`;
}

/** The ESLint plugin's namespace, before every rule id. */
export const RULE_PREFIX = 'azure-backup/';

/** ESLint rule name of a bare rule id. */
export function qualifiedRuleId(ruleId: string): string {
  return `${RULE_PREFIX}${ruleId}`;
}
