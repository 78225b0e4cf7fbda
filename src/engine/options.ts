import type { MatrixEdition } from '../azure/matrix/matrix.js';
import type { Severity } from '../../rules/api.js';
import type { SourceOptions } from '../sources/source-kind.js';

export type RuleSetting = Severity | readonly [Severity, Readonly<Record<string, unknown>>?];

export interface LintOptions extends SourceOptions {
  /** Root of the project; nothing outside it is read. Default: process.cwd(). */
  readonly cwd?: string;
  /** Support-matrix edition; default `2021`. */
  readonly matrix?: MatrixEdition;
  /** Per-rule severity and options, keyed by bare rule id; unnamed rules keep `recommended`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** `report` turns unknown values that could violate a rule into "may be" warnings. */
  readonly unknownValues?: 'ignore' | 'report';
  /** Directive comments that suppress nothing: not reported (`off`, the default), or reported with this severity. */
  readonly reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  /**
   * Report only what these files (absolute paths) bear on: findings of the units that read one of
   * them, and messages in them. A hook or `--changed-since` names the files that changed.
   */
  readonly about?: readonly string[];
  /** Base preset: `recommended` (default) or `all`. */
  readonly preset?: 'recommended' | 'all';
}
