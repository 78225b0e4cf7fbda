import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ProjectFs } from '../kernel/project-fs.js';
import { ConfigError, type LoadedConfig } from './types.js';
import { parseConfig } from './validate.js';

/** Accepted names, looked for in each directory from cwd upward. */
export const CONFIG_FILE_NAMES = ['.azure-backup-lint.json', 'azure-backup-lint.config.json'] as const;

/** Whether a name is there at all: a FIFO or a link out of the project under this name is refused when read, not passed over. */
function isPresent(p: string): boolean {
  try {
    return !lstatSync(p).isDirectory();
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
    const found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).filter(isPresent);
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
 * missing `--config` file, one outside the project, unreadable or invalid JSON, unknown
 * keys or rule ids, and bad values.
 */
export function loadConfig(cwd: string, options: LoadConfigOptions): LoadedConfig | ConfigError {
  const file = options.configPath !== undefined ? resolve(cwd, options.configPath) : findConfigFile(cwd);
  if (file instanceof ConfigError) return file;
  if (file === undefined) return { config: {}, path: null };
  // `--config` must lie in the working directory; a file found upward, in the directory it was found
  // in. Either way through links too, with the size limit and no FIFOs or devices.
  const root = options.configPath !== undefined ? cwd : dirname(file);
  const read = new ProjectFs(root).read(file);
  if (!read.ok) return new ConfigError(file, undefined, read.reason === 'file not found' ? 'config file not found' : `cannot read config file: ${read.reason}`);
  try {
    return { config: parseConfig(file, read.text, options.ruleIds), path: file };
  } catch (e) {
    if (e instanceof ConfigError) return e;
    // A config file is small and hand-written; whatever else fails is reported as its problem, not as a crash.
    return new ConfigError(file, undefined, `cannot be read as a configuration: ${(e as Error).message}`);
  }
}
