import type { MatrixEdition } from '../azure/matrix/matrix.js';
import type { Severity } from '../../rules/api.js';

export type RuleSetting = Severity | readonly [Severity, Readonly<Record<string, unknown>>?];

export interface LintOptions {
  /** Root of the project; nothing outside it is read. Default: process.cwd(). */
  readonly cwd?: string;
  /** Support-matrix edition; default `2021`. */
  readonly matrix?: MatrixEdition;
  /** Per-rule severity and options, keyed by bare rule id; unnamed rules keep `recommended`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** `report` turns unknown values that could violate a rule into "may be" warnings. */
  readonly unknownValues?: 'ignore' | 'report';
  /** ARM parameter files to use instead of the naming convention. */
  readonly paramFiles?: readonly string[];
  /**
   * Parameter files for a template (absolute path in, absolute paths out), from the config
   * file's `paramFiles` map; `undefined` means the map does not name this template.
   */
  readonly paramFilesFor?: (template: string) => readonly string[] | undefined;
  /** Terraform var files, applied after terraform.tfvars and *.auto.tfvars. */
  readonly varFiles?: readonly string[];
  /** Base preset: `recommended` (default) or `all`. */
  readonly preset?: 'recommended' | 'all';
}
