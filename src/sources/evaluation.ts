import type { UnitDiagnostic } from '../kernel/diagnostic.js';
import type { Loc } from '../kernel/location.js';
import type { Model } from '../azure/model.js';

/** One scenario evaluated: the model, plus what the VM inventory needs about it. */
export interface Evaluation {
  readonly models: readonly Model[];
  readonly diagnostics: readonly UnitDiagnostic[];
  /** Every file the unit read (template, parameter files, linked templates, .tf, tfvars). */
  readonly files: readonly string[];
  /** VM declarations that deploy no instance (condition false, count 0), for the inventory. */
  readonly inactiveVms?: readonly { readonly at: Loc; readonly name: string }[];
}
