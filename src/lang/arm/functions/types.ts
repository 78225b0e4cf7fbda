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

export interface FunctionDef {
  readonly minArgs: number;
  /** Infinity when variadic. */
  readonly maxArgs: number;
  /**
   * The function inspects unknown arguments itself. Otherwise any unknown argument makes
   * the result unknown before the function runs.
   */
  readonly handlesUnknown?: boolean;
  /** Positions (0-based) where a lambda is expected. */
  readonly lambdaArgs?: readonly number[];
  fn(args: readonly Arg[], ctx: CallContext): Val;
}

export type FunctionTable = Readonly<Record<string, FunctionDef>>;
