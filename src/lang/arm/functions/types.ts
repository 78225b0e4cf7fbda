import type { FunctionDef as LibraryFunction } from '../../../kernel/value-ops.js';
import type { Loc } from '../../../kernel/location.js';
import type { Val } from '../../../kernel/value.js';
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

/** Per top-level evaluation: stops runaway work (huge strings, deep reductions) instead of hanging. */
export interface Budget {
  calls: number;
  chars: number;
}

export interface CallContext {
  /** The function's name as written. */
  readonly name: string;
  /** Where every value the call produces reports. */
  readonly site: Loc | undefined;
  readonly scope: ExpressionScope;
  readonly budget: Budget;
}

export interface FunctionDef extends LibraryFunction<Arg, CallContext> {
  /** Positions (0-based) where a lambda is expected. */
  readonly lambdaArgs?: readonly number[];
}

export type FunctionTable = Readonly<Record<string, FunctionDef>>;
