import type { MatrixEdition } from '../azure/matrix/matrix.js';
import type { RuleSetting } from '../engine/options.js';

/** The contents of `.azure-backup-lint.json` / `azure-backup-lint.config.json`, validated. */
export interface Config {
  /** Keyed by bare rule id (`azure-backup/` prefixes are removed when loading). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly matrix?: MatrixEdition;
  readonly unknownValues?: 'ignore' | 'report';
  readonly preset?: 'recommended' | 'all';
  /** Template glob → parameter files, both relative to the config file's directory. */
  readonly paramFiles?: Readonly<Record<string, readonly string[]>>;
  /** Terraform var files, relative to the config file's directory. */
  readonly varFiles?: readonly string[];
  /** JSON that `bicep build` wrote beside its `.bicep`: `skip` (default, the `.bicep` is linted) or `lint` as well. */
  readonly compiledJson?: 'skip' | 'lint';
  /** `.gitignore`-style patterns, relative to the config file's directory. */
  readonly ignore?: readonly string[];
  readonly maxWarnings?: number;
}

export interface LoadedConfig {
  readonly config: Config;
  /** Absolute path of the file read, or null when no config file was found. */
  readonly path: string | null;
}

/** A config file that cannot be used; `message` names the file, position and key. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string | undefined,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    const where = line === undefined ? file : `${file}:${line}:${column}`;
    super(`${where}: ${key === undefined ? '' : `"${key}": `}${detail}`);
    this.name = 'ConfigError';
  }
}
