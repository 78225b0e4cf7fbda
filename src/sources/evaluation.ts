import type { Loc } from '../kernel/location.js';
import type { Model } from '../azure/model.js';

/** A problem with the input itself (syntax, evaluation), not a rule finding. */
export interface UnitDiagnostic {
  readonly loc: Loc;
  readonly message: string;
  /** Fatal: the file could not be parsed or read (ESLint's "Parsing error"). */
  readonly fatal: boolean;
  readonly severity: 'error' | 'warn';
}

/** One scenario evaluated: the model, plus what the VM inventory needs about it. */
export interface Evaluation {
  readonly models: readonly Model[];
  readonly diagnostics: readonly UnitDiagnostic[];
  /** Every file the unit read (template, parameter files, linked templates, .tf, tfvars). */
  readonly files: readonly string[];
  /** VM declarations that deploy no instance (condition false, count 0), for the inventory. */
  readonly inactiveVms?: readonly { readonly at: Loc; readonly name: string }[];
}
