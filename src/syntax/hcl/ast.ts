/**
 * HCL native syntax tree. Every node has `start`/`end` UTF-16 offsets into the file text;
 * lines and columns come from `LineIndex` (src/kernel/location.ts).
 */
import type { Diagnostic } from '../../kernel/diagnostic.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HclFile extends Span {
  readonly type: 'File';
  readonly body: Body;
  readonly comments: readonly Comment[];
  /** Fatal syntax diagnostics, in source order. */
  readonly errors: readonly Diagnostic[];
}

export interface Comment extends Span {
  readonly type: 'Comment';
  /** `#` and `//` are line comments, `/*` block comments. */
  readonly style: 'hash' | 'slash' | 'block';
  /** The text without the comment markers. */
  readonly value: string;
}

export interface Body extends Span {
  readonly type: 'Body';
  /** In source order; attributes and blocks interleave. */
  readonly items: readonly (Attribute | Block)[];
}

export interface Identifier extends Span {
  readonly type: 'Identifier';
  readonly name: string;
}

export interface Attribute extends Span {
  readonly type: 'Attribute';
  readonly name: Identifier;
  readonly value: Expression;
}

export interface BlockLabel extends Span {
  readonly type: 'BlockLabel';
  /** The label's value (quotes removed, escapes decoded). */
  readonly value: string;
  readonly quoted: boolean;
}

export interface Block extends Span {
  readonly type: 'Block';
  readonly blockType: Identifier;
  readonly labels: readonly BlockLabel[];
  readonly body: Body;
}

export type Expression =
  | LiteralValue
  | TemplateExpression
  | TupleExpression
  | ObjectExpression
  | VariableExpression
  | GetAttrExpression
  | IndexExpression
  | SplatExpression
  | FunctionCall
  | ForExpression
  | ConditionalExpression
  | BinaryExpression
  | UnaryExpression
  | ParenthesesExpression
  | SplatItem
  | InvalidExpression;

/** Numbers, `true`, `false`, `null`. */
export interface LiteralValue extends Span {
  readonly type: 'Literal';
  readonly value: number | boolean | null;
  readonly raw: string;
}

/** A quoted string or heredoc: literal parts, interpolations `${…}` and directives `%{if}`/`%{for}`. */
export interface TemplateExpression extends Span {
  readonly type: 'Template';
  readonly parts: readonly TemplatePart[];
  readonly heredoc?: { readonly marker: string; readonly indented: boolean };
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateLiteral extends Span {
  readonly type: 'TemplateLiteral';
  /** Escapes decoded; for `<<-` heredocs, indentation already removed. */
  readonly value: string;
}
export interface TemplateInterpolation extends Span {
  readonly type: 'TemplateInterpolation';
  readonly expression: Expression;
  readonly stripLeft: boolean;
  readonly stripRight: boolean;
}
export interface TemplateIf extends Span {
  readonly type: 'TemplateIf';
  readonly condition: Expression;
  readonly then: readonly TemplatePart[];
  readonly else?: readonly TemplatePart[];
}
export interface TemplateFor extends Span {
  readonly type: 'TemplateFor';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expression;
  readonly body: readonly TemplatePart[];
}

export interface TupleExpression extends Span {
  readonly type: 'Tuple';
  readonly elements: readonly Expression[];
}

export interface ObjectItem extends Span {
  readonly type: 'ObjectItem';
  /** A bare identifier key is a VariableExpression whose name is the key (HCL: `{ a = 1 }` means "a"). */
  readonly key: Expression;
  readonly value: Expression;
}
export interface ObjectExpression extends Span {
  readonly type: 'Object';
  readonly items: readonly ObjectItem[];
}

/** A root name: `var`, `local`, `each`, `count`, `azurerm_managed_disk`… */
export interface VariableExpression extends Span {
  readonly type: 'Variable';
  readonly name: string;
}

export interface GetAttrExpression extends Span {
  readonly type: 'GetAttr';
  readonly object: Expression;
  readonly name: Identifier;
}

/** `x[key]`, and the legacy `x.0` form. */
export interface IndexExpression extends Span {
  readonly type: 'Index';
  readonly object: Expression;
  readonly key: Expression;
}

/** `x[*].a.b` or `x.*.a`: `each` is the traversal applied to every element, relative to `SplatItem`. */
export interface SplatExpression extends Span {
  readonly type: 'Splat';
  readonly object: Expression;
  readonly full: boolean;
  readonly each: Expression;
}
export interface SplatItem extends Span {
  readonly type: 'SplatItem';
}

export interface FunctionCall extends Span {
  readonly type: 'FunctionCall';
  readonly name: Identifier;
  readonly args: readonly Expression[];
  /** `f(list...)`. */
  readonly expandFinal: boolean;
}

export interface ForExpression extends Span {
  readonly type: 'For';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expression;
  /** Set for `{for …: k => v}`, absent for `[for …: v]`. */
  readonly keyExpr?: Expression;
  readonly valueExpr: Expression;
  readonly condition?: Expression;
  /** `...` after the value in an object for: group values by key. */
  readonly grouping: boolean;
}

export interface ConditionalExpression extends Span {
  readonly type: 'Conditional';
  readonly condition: Expression;
  readonly then: Expression;
  readonly else: Expression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpression extends Span {
  readonly type: 'Binary';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface UnaryExpression extends Span {
  readonly type: 'Unary';
  readonly operator: '!' | '-';
  readonly operand: Expression;
}

export interface ParenthesesExpression extends Span {
  readonly type: 'Parentheses';
  readonly expression: Expression;
}

/** Where a syntax error left no usable expression; evaluates to unknown. */
export interface InvalidExpression extends Span {
  readonly type: 'Invalid';
}

export type Node =
  | HclFile
  | Body
  | Attribute
  | Block
  | BlockLabel
  | Identifier
  | Comment
  | Expression
  | ObjectItem
  | TemplatePart;
