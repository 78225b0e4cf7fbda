/**
 * What the engine reports per file, in the shape of ESLint's `LintMessage`, so the json format
 * matches ESLint's json formatter and ESLint tooling can read it.
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

/** One VM declaration as the linter understood it (the `inventory` command, markdown summary). */
export interface InventoryEntry {
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly name: string;
  /** The id of the source kind, e.g. `arm`, `terraform`, `plan`. */
  readonly kind: string;
  readonly instances: number;
  readonly size: string;
  readonly location: string;
  readonly diskCount: number;
  readonly diskTypes: readonly string[];
  readonly protected: boolean;
  readonly scenario: string;
}
