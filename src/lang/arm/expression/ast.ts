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

export interface ExpressionSyntaxError {
  readonly kind: 'syntax-error';
  readonly message: string;
  /** Offset of the offending character in the expression text. */
  readonly offset: number;
}

export function isSyntaxError(r: ExpressionNode | ExpressionSyntaxError): r is ExpressionSyntaxError {
  return r.kind === 'syntax-error';
}
