import type { FunctionDef as LibraryFunction } from '../../../kernel/value-ops.js';
import type { Loc } from '../../../kernel/location.js';
import type { Val } from '../../../kernel/value.js';
import type { WorkBudget } from '../../../kernel/work.js';
import type { ExpressionScope } from '../expression/scope.js';

/**
 * A `lambda(...)` argument: a closure the evaluator built. Functions call it with values,
 * so the library stays independent of expression syntax (a Bicep front end can supply its own).
 */
export interface LambdaArg {
  readonly kind: 'lambda';
  readonly params: readonly string[];
  invoke(args: readonly Val[]): Val;
}

export type Arg = Val | LambdaArg;

export interface CallContext {
  /** The function's name as written. */
  readonly name: string;
  /** Where every value the call produces reports. */
  readonly site: Loc | undefined;
  readonly scope: ExpressionScope;
  /** The unit's work (the scope's): functions charge what they build and compare beyond their arguments. */
  readonly work: WorkBudget;
}

export interface FunctionDef extends LibraryFunction<Arg, CallContext> {
  /** Positions (0-based) where a lambda is expected. */
  readonly lambdaArgs?: readonly number[];
}

export type FunctionTable = Readonly<Record<string, FunctionDef>>;
