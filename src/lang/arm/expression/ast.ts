import type { Diagnostic } from '../../../kernel/diagnostic.js';

/**
 * Syntax of an ARM template language expression: the text between the outer brackets of
 * "[...]". Offsets are UTF-16 offsets into that text.
 */
export type ExpressionNode = StringLiteral | NumberLiteral | CallNode | PropertyNode | IndexNode;

interface NodeBase {
  readonly start: number;
  readonly end: number;
}

export interface StringLiteral extends NodeBase {
  readonly kind: 'string';
  readonly value: string;
}

export interface NumberLiteral extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
}

export interface CallNode extends NodeBase {
  readonly kind: 'call';
  /** As written, including a user-defined function's namespace (`ns.fn`). */
  readonly name: string;
  readonly args: readonly ExpressionNode[];
}

/** `object.name`, or `object.?name` (safe dereference, languageVersion 2.0). */
export interface PropertyNode extends NodeBase {
  readonly kind: 'property';
  readonly object: ExpressionNode;
  readonly name: string;
  readonly safe: boolean;
}

/** `object[index]`, or `object[?index]` (safe dereference, languageVersion 2.0). */
export interface IndexNode extends NodeBase {
  readonly kind: 'index';
  readonly object: ExpressionNode;
  readonly index: ExpressionNode;
  readonly safe: boolean;
}

/**
 * A syntax error in expression text: the parser sees only the text between the brackets, so the
 * subject is in that text (`file: ''`) and the evaluator places it in the template.
 */
export function expressionSyntaxError(summary: string, offset: number): ParsedExpression {
  return { kind: 'syntax-error', severity: 'error', summary, subject: { file: '', start: offset, end: offset + 1 }, code: 'arm-expression-syntax' };
}

/** What parsing gives: a tree, or the diagnostic (tagged so that `kind` tells them apart). */
export type ParsedExpression = ExpressionNode | (Diagnostic & { readonly kind: 'syntax-error' });

export function isSyntaxError(r: ParsedExpression): r is Diagnostic & { readonly kind: 'syntax-error' } {
  return r.kind === 'syntax-error';
}
