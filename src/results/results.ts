import type { Severity } from '../../rules/api.js';

/**
 * Results in the shape of ESLint's `LintResult`, so the json format matches
 * ESLint's json formatter and ESLint tooling can read it.
 */

export interface RelatedLocation {
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** e.g. "value from parameter 'diskSku' (default)". */
  readonly message: string;
}

export interface LintSuggestion {
  readonly desc: string;
  /** Text edit on the file: replace `range` (offsets) with `text`. */
  readonly fix: { readonly range: readonly [number, number]; readonly text: string };
}

export interface LintMessage {
  /** `azure-backup/<id>`, or null for parse errors and other fatal problems. */
  readonly ruleId: string | null;
  /** 1 = warning, 2 = error, like ESLint. */
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly fatal?: boolean;
  /** Where the value came from: parameter default, parameter file, variable, tfvars… */
  readonly relatedLocations?: readonly RelatedLocation[];
  /** Scenarios (parameter files, var files) in which the finding holds. */
  readonly scenarios?: readonly string[];
  /** A "may be" finding about an unknown value (`unknownValues: "report"`). */
  readonly maybe?: boolean;
  readonly suggestions?: readonly LintSuggestion[];
  /** Resource address of the finding, e.g. `Microsoft.Compute/virtualMachines 'vm1'`. */
  readonly resource?: string;
}

export interface SuppressedMessage extends LintMessage {
  readonly suppressions: readonly { readonly kind: 'directive' | 'baseline'; readonly justification: string }[];
}

/** ESLint's counts for a result's messages; a fatal problem counts as an error. */
export function tally(messages: readonly LintMessage[]): Pick<LintResult, 'errorCount' | 'fatalErrorCount' | 'warningCount'> {
  let errorCount = 0;
  let fatalErrorCount = 0;
  for (const m of messages) {
    if (m.fatal) fatalErrorCount++;
    if (m.fatal || m.severity === 2) errorCount++;
  }
  return { errorCount, fatalErrorCount, warningCount: messages.length - errorCount };
}

export interface LintResult {
  /** Absolute path. */
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly suppressedMessages: readonly SuppressedMessage[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  /** The file's text, for reporters that show source or fingerprint lines. */
  readonly source?: string;
}

export interface RuleInfo {
  /** Bare id, e.g. `no-ultra-ssd`. */
  readonly id: string;
  readonly description: string;
  readonly matrixRow: string;
  readonly defaultSeverity: Severity;
  readonly docsUrl: string;
}

/** One VM declaration as the linter understood it (the `inventory` command, markdown summary). */
export interface InventoryEntry {
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly name: string;
  readonly kind: 'arm' | 'terraform' | 'plan';
  readonly instances: number;
  readonly size: string;
  readonly location: string;
  readonly diskCount: number;
  readonly diskTypes: readonly string[];
  readonly protected: boolean;
  readonly scenario: string;
}

export interface RunReport {
  readonly cwd: string;
  readonly results: readonly LintResult[];
  readonly rules: readonly RuleInfo[];
  readonly inventory: readonly InventoryEntry[];
  readonly stats: {
    readonly files: number;
    readonly units: number;
    readonly vms: number;
    readonly durationMs: number;
  };
  readonly toolVersion: string;
}
