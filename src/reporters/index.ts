import { azureDevops } from './azure-devops.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterOptions } from './types.js';

const FORMATTERS = {
  stylish,
  json,
  sarif,
  github,
  'azure-devops': azureDevops,
  junit,
  markdown,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

/** Every `--format` value, in the order help text lists them. */
export const FORMAT_NAMES = Object.keys(FORMATTERS) as readonly FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

/** The formatter for a `--format` value, or undefined for an unknown name. */
export function getFormatter(name: string): Formatter | undefined {
  return isFormatName(name) ? FORMATTERS[name] : undefined;
}

/**
 * Base URL for markdown file links inside a GitHub Actions run
 * (`$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/`); undefined elsewhere.
 */
export function fileUrlBaseFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha) return undefined;
  return `${server}/${repo}/blob/${sha}/`;
}
