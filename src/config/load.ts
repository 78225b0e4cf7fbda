import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, type LoadedConfig } from './types.js';
import { parseConfig } from './validate.js';

/** Accepted names, looked for in each directory from cwd upward. */
export const CONFIG_FILE_NAMES = ['.azure-backup-lint.json', 'azure-backup-lint.config.json'] as const;

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The config file that applies to `cwd`: the nearest one in cwd or a parent directory,
 * stopping at the repository root (the directory holding `.git`) or the filesystem root.
 */
export function findConfigFile(cwd: string): string | ConfigError | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).filter(isFile);
    if (found.length > 1) return new ConfigError(found[1]!, undefined, `both ${CONFIG_FILE_NAMES.join(' and ')} exist in ${dir}; keep one`);
    if (found.length === 1) return found[0];
    const parent = dirname(dir);
    if (existsSync(join(dir, '.git')) || parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadConfigOptions {
  /** `--config` value, relative to cwd; no upward search then. */
  readonly configPath?: string;
  /** Known bare rule ids, to reject typos in `rules`. */
  readonly ruleIds: readonly string[];
}

/**
 * Finds, reads and validates the config. Returns (never throws) a ConfigError for a
 * missing `--config` file, unreadable or invalid JSON, unknown keys or rule ids, and bad values.
 */
export function loadConfig(cwd: string, options: LoadConfigOptions): LoadedConfig | ConfigError {
  const file = options.configPath !== undefined ? resolve(cwd, options.configPath) : findConfigFile(cwd);
  if (file instanceof ConfigError) return file;
  if (file === undefined) return { config: {}, path: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return new ConfigError(file, undefined, code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? String(e)})`);
  }
  try {
    return { config: parseConfig(file, text, options.ruleIds), path: file };
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
}
