import type { Loc } from './location.js';

/** A problem with the input itself (syntax, evaluation), not a rule finding. */
export interface UnitDiagnostic {
  readonly loc: Loc;
  readonly message: string;
  /** Fatal: the file could not be parsed or read (ESLint's "Parsing error"). */
  readonly fatal: boolean;
  readonly severity: 'error' | 'warn';
}
