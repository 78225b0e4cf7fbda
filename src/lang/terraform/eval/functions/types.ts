import type { FunctionDef as LibraryFunction } from '../../../../kernel/value-ops.js';
import type { Loc } from '../../../../kernel/location.js';
import type { Val } from '../../../../kernel/value.js';
import type { TemplateExpression } from '../../../../syntax/hcl/ast.js';
import type { Env } from '../env.js';

export interface CallContext {
  readonly loc: Loc;
  readonly env: Env;
  /**
   * Evaluates a template of `file` with only `bindings` in scope (`templatefile`). The evaluator
   * fills it in, as tflint's `MakeTemplateFileFunc(baseDir, funcsCb)` does, so that the function
   * library does not import the evaluator that calls it.
   */
  readonly evaluateTemplate: (template: TemplateExpression, file: string, bindings: ReadonlyMap<string, Val>) => Val;
}

/**
 * The shared library-function shape. Without `handlesUnknown`, an argument that is itself unknown
 * makes the result unknown before `fn` runs; unknown parts inside a known list or map are `fn`'s
 * concern.
 */
export type FunctionDef = LibraryFunction<Val, CallContext>;

export type FunctionTable = Readonly<Record<string, FunctionDef>>;

export function def(min: number, max: number, fn: FunctionDef['fn'], unknowns = false): FunctionDef {
  return { minArgs: min, maxArgs: max, handlesUnknown: unknowns, fn };
}
