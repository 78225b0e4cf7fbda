/**
 * The syntax tree of a `.bicep` or `.bicepparam` file.
 *
 * Shape: the tree is Bicep's own concrete syntax tree (`src/Bicep.Core/Syntax/*Syntax.cs`) without
 * its tokens. Each node's `type` is the C# class name without `Syntax` (`VariableDeclarationSyntax`
 * → `'VariableDeclaration'`), and its fields are the class's child nodes, so Bicep's documentation
 * and code describe this tree too. Every node has `range: [start, end)`, UTF-16 offsets into the
 * text after its BOM (like ESLint's `range`); a node spans its first to its last token, `Program`
 * the whole file. Keywords, punctuation and newlines are not nodes: what they say is a field
 * (`existing`, `safe`, `operator`), their position is in the tokens that `lexBicep` returns.
 *
 * Error recovery follows Bicep: where the parser expected something and found something else, the
 * slot holds a `SkippedTrivia` node over the tokens it skipped (possibly empty, at the position
 * where the thing was missing), and the parse goes on; its diagnostic is in `diagnostics`, not in
 * the node. A missing keyword or punctuation token is a `SkippedTrivia` in the node's `skipped`
 * list. So every slot typed `… | SkippedTrivia` must be checked before it is used, and code that
 * evaluates a tree treats a `SkippedTrivia` as an unknown value.
 *
 * Visitor keys (`visitor-keys.ts`) list the child fields of each node type in source order.
 */

export type Range = [number, number];

interface NodeBase {
  readonly range: Range;
  /**
   * Recovery nodes that stand in a token's place (a missing `=`, `)`, `]`, `}` or keyword), and
   * skipped text inside an identifier. Absent when there are none.
   */
  readonly skipped?: readonly SkippedTrivia[];
}

/** Text that recovery skipped, or (empty range) a thing that is missing. */
export interface SkippedTrivia extends NodeBase {
  readonly type: 'SkippedTrivia';
  /** Nodes the recovery wrapped whole (Bicep's `Skip(syntax)`); tokens are not listed. */
  readonly elements: readonly Node[];
}

/** A name. Malformed (recovered) when `name` is '' and `skipped` says what stood there. */
export interface Identifier extends NodeBase {
  readonly type: 'Identifier';
  readonly name: string;
}

// ── Statements ────────────────────────────────────────────────────────────────────────────────

/** What may stand before a statement: its decorators, and skipped text after a broken one. */
export type Leading = Decorator | SkippedTrivia;

interface StatementBase extends NodeBase {
  readonly decorators: readonly Leading[];
}

export interface Decorator extends NodeBase {
  readonly type: 'Decorator';
  /** `FunctionCall`, `InstanceFunctionCall` (`@sys.description(…)`), `VariableAccess`, `PropertyAccess`. */
  readonly expression: Expression | SkippedTrivia;
}

export interface TargetScope extends StatementBase {
  readonly type: 'TargetScope';
  readonly value: Expression | SkippedTrivia;
}

export interface MetadataDeclaration extends StatementBase {
  readonly type: 'MetadataDeclaration';
  readonly name: Identifier;
  readonly value: Expression | SkippedTrivia;
}

export interface ParameterDeclaration extends StatementBase {
  readonly type: 'ParameterDeclaration';
  readonly name: Identifier;
  readonly declaredType: TypeExpression | SkippedTrivia;
  /** `= value`; absent for a parameter without a default. */
  readonly modifier?: ParameterDefaultValue | SkippedTrivia;
}

export interface ParameterDefaultValue extends NodeBase {
  readonly type: 'ParameterDefaultValue';
  readonly value: Expression | SkippedTrivia;
}

export interface VariableDeclaration extends StatementBase {
  readonly type: 'VariableDeclaration';
  readonly name: Identifier;
  /** `var x string = …` */
  readonly declaredType?: TypeExpression | SkippedTrivia;
  readonly value: Expression | SkippedTrivia;
}

export interface TypeDeclaration extends StatementBase {
  readonly type: 'TypeDeclaration';
  readonly name: Identifier;
  readonly value: TypeExpression | SkippedTrivia;
}

export interface FunctionDeclaration extends StatementBase {
  readonly type: 'FunctionDeclaration';
  readonly name: Identifier;
  readonly lambda: TypedLambda | SkippedTrivia;
}

export interface OutputDeclaration extends StatementBase {
  readonly type: 'OutputDeclaration';
  readonly name: Identifier;
  /** A type, or `ResourceType` for `output r resource 'T@v' = …`. */
  readonly declaredType: TypeExpression | SkippedTrivia;
  readonly value: Expression | SkippedTrivia;
}

/** The body forms a resource, module or test may have. */
export type DeclarationBody = ObjectExpression | IfCondition | ForExpression | SkippedTrivia;

export interface ResourceDeclaration extends StatementBase {
  readonly type: 'ResourceDeclaration';
  readonly name: Identifier;
  /** `'Microsoft.X/y@2024-01-01'` */
  readonly resourceType: StringExpression | SkippedTrivia;
  readonly existing: boolean;
  readonly value: DeclarationBody;
}

export interface ModuleDeclaration extends StatementBase {
  readonly type: 'ModuleDeclaration';
  readonly name: Identifier;
  /** `'./x.bicep'`, `'br:…'`, `'br/public:…'`, `'ts:…'` */
  readonly path: StringExpression | SkippedTrivia;
  readonly value: DeclarationBody;
}

export interface TestDeclaration extends StatementBase {
  readonly type: 'TestDeclaration';
  readonly name: Identifier;
  readonly path: StringExpression | SkippedTrivia;
  readonly value: ObjectExpression | SkippedTrivia;
}

export interface AssertDeclaration extends StatementBase {
  readonly type: 'AssertDeclaration';
  readonly name: Identifier;
  readonly value: Expression | SkippedTrivia;
}

/** `import {a, b as c} from '…'` or `import * as ns from '…'`. */
export interface CompileTimeImportDeclaration extends StatementBase {
  readonly type: 'CompileTimeImportDeclaration';
  readonly importExpression: ImportedSymbolsList | WildcardImport | SkippedTrivia;
  readonly fromClause: CompileTimeImportFromClause | SkippedTrivia;
}

export interface ImportedSymbolsList extends NodeBase {
  readonly type: 'ImportedSymbolsList';
  readonly items: readonly (ImportedSymbolsListItem | SkippedTrivia)[];
}

export interface ImportedSymbolsListItem extends NodeBase {
  readonly type: 'ImportedSymbolsListItem';
  /** A name, or a string for a symbol whose name is not an identifier (then `alias` is present). */
  readonly originalSymbolName: Identifier | StringExpression | SkippedTrivia;
  readonly alias?: AliasAsClause;
}

export interface WildcardImport extends NodeBase {
  readonly type: 'WildcardImport';
  readonly alias: AliasAsClause;
}

/** `as name` */
export interface AliasAsClause extends NodeBase {
  readonly type: 'AliasAsClause';
  readonly alias: Identifier;
}

export interface CompileTimeImportFromClause extends NodeBase {
  readonly type: 'CompileTimeImportFromClause';
  readonly path: StringExpression | SkippedTrivia;
}

/** `extension az`, `extension 'br:…' with {…} as k8s` (and the old `import 'x@1'` form). */
export interface ExtensionDeclaration extends StatementBase {
  readonly type: 'ExtensionDeclaration';
  readonly specification: Identifier | StringExpression | SkippedTrivia;
  /** Empty `SkippedTrivia` when there is no `with` clause. */
  readonly withClause: ExtensionWithClause | SkippedTrivia;
  /** Empty `SkippedTrivia` when there is no `as` clause. */
  readonly asClause: AliasAsClause | SkippedTrivia;
}

export interface ExtensionWithClause extends NodeBase {
  readonly type: 'ExtensionWithClause';
  readonly config: ObjectExpression | SkippedTrivia;
}

/** Decorators with no declaration after them. */
export interface MissingDeclaration extends StatementBase {
  readonly type: 'MissingDeclaration';
}

// ── .bicepparam statements ────────────────────────────────────────────────────────────────────

/** `using './main.bicep'`, `using none`, `using '…' with {…}`. */
export interface UsingDeclaration extends StatementBase {
  readonly type: 'UsingDeclaration';
  readonly path: StringExpression | NoneLiteral | SkippedTrivia;
  /** Empty `SkippedTrivia` when there is no `with` clause. */
  readonly withClause: UsingWithClause | SkippedTrivia;
}

export interface UsingWithClause extends NodeBase {
  readonly type: 'UsingWithClause';
  readonly config: ObjectExpression | SkippedTrivia;
}

export interface ExtendsDeclaration extends StatementBase {
  readonly type: 'ExtendsDeclaration';
  readonly path: StringExpression | SkippedTrivia;
}

/** `param x = value` in a `.bicepparam` file. */
export interface ParameterAssignment extends StatementBase {
  readonly type: 'ParameterAssignment';
  readonly name: Identifier;
  readonly value: Expression | SkippedTrivia;
}

/** `extensionConfig alias with {…}` in a `.bicepparam` file. */
export interface ExtensionConfigAssignment extends StatementBase {
  readonly type: 'ExtensionConfigAssignment';
  readonly alias: Identifier;
  readonly withClause: ExtensionWithClause | SkippedTrivia;
}

export type Statement =
  | TargetScope
  | MetadataDeclaration
  | ParameterDeclaration
  | VariableDeclaration
  | TypeDeclaration
  | FunctionDeclaration
  | OutputDeclaration
  | ResourceDeclaration
  | ModuleDeclaration
  | TestDeclaration
  | AssertDeclaration
  | CompileTimeImportDeclaration
  | ExtensionDeclaration
  | MissingDeclaration
  | UsingDeclaration
  | ExtendsDeclaration
  | ParameterAssignment
  | ExtensionConfigAssignment;

/** The file. `body` holds the statements in order and the text recovery skipped between them. */
export interface Program extends NodeBase {
  readonly type: 'Program';
  readonly body: readonly (Statement | SkippedTrivia)[];
}

// ── Expressions ───────────────────────────────────────────────────────────────────────────────

/**
 * A string: `'a'`, `'''multi-line'''`, or `'a${x}b'` (Bicep's `StringSyntax`). `segments` are the
 * literal pieces with escapes resolved, one more than `expressions`; the value is
 * `segments[0] + expressions[0] + segments[1] + …`.
 */
export interface StringExpression extends NodeBase {
  readonly type: 'String';
  readonly segments: readonly string[];
  readonly expressions: readonly (Expression | SkippedTrivia)[];
}

export interface IntegerLiteral extends NodeBase {
  readonly type: 'IntegerLiteral';
  /** As written; may exceed `Number.MAX_SAFE_INTEGER`. */
  readonly raw: string;
  readonly value: number;
}

export interface BooleanLiteral extends NodeBase {
  readonly type: 'BooleanLiteral';
  readonly value: boolean;
}

export interface NullLiteral extends NodeBase {
  readonly type: 'NullLiteral';
}

/** `none` in `using none`. */
export interface NoneLiteral extends NodeBase {
  readonly type: 'NoneLiteral';
}

export interface ObjectExpression extends NodeBase {
  readonly type: 'Object';
  /** Properties, spreads, nested resources (in resource bodies; `MissingDeclaration` for decorators without one) and skipped text, in order. */
  readonly children: readonly (ObjectProperty | SpreadExpression | ResourceDeclaration | MissingDeclaration | SkippedTrivia)[];
}

export interface ObjectProperty extends NodeBase {
  readonly type: 'ObjectProperty';
  readonly key: Identifier | StringExpression | SkippedTrivia;
  readonly value: Expression | SkippedTrivia;
}

export interface ArrayExpression extends NodeBase {
  readonly type: 'Array';
  readonly items: readonly (ArrayItem | SpreadExpression | SkippedTrivia)[];
}

export interface ArrayItem extends NodeBase {
  readonly type: 'ArrayItem';
  readonly value: Expression | SkippedTrivia;
}

/** `...e` in an object or array. */
export interface SpreadExpression extends NodeBase {
  readonly type: 'SpreadExpression';
  readonly expression: Expression | SkippedTrivia;
}

export interface ParenthesizedExpression extends NodeBase {
  readonly type: 'ParenthesizedExpression';
  readonly expression: Expression | SkippedTrivia;
}

export type UnaryOperator = '!' | '-' | '+';

export interface UnaryOperation extends NodeBase {
  readonly type: 'UnaryOperation';
  readonly operator: UnaryOperator;
  readonly expression: Expression | SkippedTrivia;
}

export type BinaryOperator =
  | '??' | '||' | '&&' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryOperation extends NodeBase {
  readonly type: 'BinaryOperation';
  readonly operator: BinaryOperator;
  readonly left: Expression | SkippedTrivia;
  readonly right: Expression | SkippedTrivia;
}

export interface TernaryOperation extends NodeBase {
  readonly type: 'TernaryOperation';
  readonly condition: Expression | SkippedTrivia;
  readonly trueExpression: Expression | SkippedTrivia;
  readonly falseExpression: Expression | SkippedTrivia;
}

/** A reference to a parameter, variable, resource, module, loop variable, namespace or function. */
export interface VariableAccess extends NodeBase {
  readonly type: 'VariableAccess';
  readonly name: Identifier;
}

export interface FunctionArgument extends NodeBase {
  readonly type: 'FunctionArgument';
  readonly expression: Expression | SkippedTrivia;
}

export interface FunctionCall extends NodeBase {
  readonly type: 'FunctionCall';
  readonly name: Identifier;
  /** Arguments, and empty `SkippedTrivia` where a separator is missing. */
  readonly arguments: readonly (FunctionArgument | SkippedTrivia)[];
}

/** `base.f(…)`: a namespace call (`az.resourceGroup()`, `sys.concat()`) or a method call. */
export interface InstanceFunctionCall extends NodeBase {
  readonly type: 'InstanceFunctionCall';
  readonly baseExpression: Expression | SkippedTrivia;
  readonly name: Identifier;
  readonly arguments: readonly (FunctionArgument | SkippedTrivia)[];
}

/** `base.p`, or `base.?p` when `safe`. */
export interface PropertyAccess extends NodeBase {
  readonly type: 'PropertyAccess';
  readonly baseExpression: Expression | SkippedTrivia;
  readonly safe: boolean;
  readonly propertyName: Identifier;
}

/** `base[i]`, `base[?i]` (`safe`), `base[^i]` (`fromEnd`), `base[?^i]`. */
export interface ArrayAccess extends NodeBase {
  readonly type: 'ArrayAccess';
  readonly baseExpression: Expression | SkippedTrivia;
  readonly safe: boolean;
  readonly fromEnd: boolean;
  readonly indexExpression: Expression | SkippedTrivia;
}

/** `parent::child` */
export interface ResourceAccess extends NodeBase {
  readonly type: 'ResourceAccess';
  readonly baseExpression: Expression | SkippedTrivia;
  readonly resourceName: Identifier;
}

/** Postfix `e!` */
export interface NonNullAssertion extends NodeBase {
  readonly type: 'NonNullAssertion';
  readonly baseExpression: Expression | SkippedTrivia;
}

export interface LocalVariable extends NodeBase {
  readonly type: 'LocalVariable';
  readonly name: Identifier;
}

/** `(a, b)` before `=>` or after `for`. */
export interface VariableBlock extends NodeBase {
  readonly type: 'VariableBlock';
  readonly arguments: readonly (LocalVariable | SkippedTrivia)[];
}

/** `x => e`, `(a, b) => e` */
export interface Lambda extends NodeBase {
  readonly type: 'Lambda';
  readonly variableSection: LocalVariable | VariableBlock;
  readonly body: Expression | SkippedTrivia;
}

export interface TypedLocalVariable extends NodeBase {
  readonly type: 'TypedLocalVariable';
  readonly name: Identifier;
  readonly declaredType: TypeExpression | SkippedTrivia;
}

export interface TypedVariableBlock extends NodeBase {
  readonly type: 'TypedVariableBlock';
  readonly arguments: readonly (TypedLocalVariable | SkippedTrivia)[];
}

/** `(a string, b int) string => e` in a `func` declaration. */
export interface TypedLambda extends NodeBase {
  readonly type: 'TypedLambda';
  readonly variableSection: TypedVariableBlock;
  readonly returnType: TypeExpression | SkippedTrivia;
  readonly body: Expression | SkippedTrivia;
}

/** `[for x in e: body]`, `[for (x, i) in e: body]`; in a resource or module, body is an object or `if`. */
export interface ForExpression extends NodeBase {
  readonly type: 'For';
  readonly variableSection: LocalVariable | VariableBlock | SkippedTrivia;
  readonly expression: Expression | SkippedTrivia;
  readonly body: Expression | IfCondition | SkippedTrivia;
}

/** `if (c) {…}` as a resource, module or loop body. */
export interface IfCondition extends NodeBase {
  readonly type: 'IfCondition';
  readonly condition: ParenthesizedExpression | SkippedTrivia;
  readonly body: ObjectExpression | SkippedTrivia;
}

export type Expression =
  | StringExpression
  | IntegerLiteral
  | BooleanLiteral
  | NullLiteral
  | ObjectExpression
  | ArrayExpression
  | ForExpression
  | ParenthesizedExpression
  | UnaryOperation
  | BinaryOperation
  | TernaryOperation
  | VariableAccess
  | FunctionCall
  | InstanceFunctionCall
  | PropertyAccess
  | ArrayAccess
  | ResourceAccess
  | NonNullAssertion
  | Lambda;

// ── Types ─────────────────────────────────────────────────────────────────────────────────────

/** `string`, `myType`, `ns.t` starts here. */
export interface TypeVariableAccess extends NodeBase {
  readonly type: 'TypeVariableAccess';
  readonly name: Identifier;
}

export interface ParameterizedTypeArgument extends NodeBase {
  readonly type: 'ParameterizedTypeArgument';
  readonly expression: TypeExpression | SkippedTrivia;
}

/** `resourceInput<'T@v'>`, `resourceOutput<…>` */
export interface ParameterizedTypeInstantiation extends NodeBase {
  readonly type: 'ParameterizedTypeInstantiation';
  readonly name: Identifier;
  readonly arguments: readonly (ParameterizedTypeArgument | SkippedTrivia)[];
}

/** `sys.resourceInput<…>` */
export interface InstanceParameterizedTypeInstantiation extends NodeBase {
  readonly type: 'InstanceParameterizedTypeInstantiation';
  readonly baseExpression: TypeExpression | SkippedTrivia;
  readonly name: Identifier;
  readonly arguments: readonly (ParameterizedTypeArgument | SkippedTrivia)[];
}

/** `resource 'T@v'` as a parameter or output type; `resourceType` absent in `output x resource = …`. */
export interface ResourceType extends NodeBase {
  readonly type: 'ResourceType';
  readonly resourceType?: StringExpression | SkippedTrivia;
}

export interface StringTypeLiteral extends NodeBase {
  readonly type: 'StringTypeLiteral';
  readonly segments: readonly string[];
  readonly expressions: readonly (Expression | SkippedTrivia)[];
}

export interface IntegerTypeLiteral extends NodeBase {
  readonly type: 'IntegerTypeLiteral';
  readonly raw: string;
  readonly value: number;
}

export interface BooleanTypeLiteral extends NodeBase {
  readonly type: 'BooleanTypeLiteral';
  readonly value: boolean;
}

export interface NullTypeLiteral extends NodeBase {
  readonly type: 'NullTypeLiteral';
}

export interface ObjectType extends NodeBase {
  readonly type: 'ObjectType';
  readonly members: readonly (ObjectTypeProperty | ObjectTypeAdditionalProperties | SkippedTrivia)[];
}

export interface ObjectTypeProperty extends NodeBase {
  readonly type: 'ObjectTypeProperty';
  readonly decorators: readonly Leading[];
  readonly key: Identifier | StringExpression | SkippedTrivia;
  readonly value: TypeExpression | SkippedTrivia;
}

/** `*: T` */
export interface ObjectTypeAdditionalProperties extends NodeBase {
  readonly type: 'ObjectTypeAdditionalProperties';
  readonly decorators: readonly Leading[];
  readonly value: TypeExpression | SkippedTrivia;
}

export interface TupleType extends NodeBase {
  readonly type: 'TupleType';
  readonly items: readonly (TupleTypeItem | SkippedTrivia)[];
}

export interface TupleTypeItem extends NodeBase {
  readonly type: 'TupleTypeItem';
  readonly decorators: readonly Leading[];
  readonly value: TypeExpression | SkippedTrivia;
}

export interface ArrayTypeMember extends NodeBase {
  readonly type: 'ArrayTypeMember';
  readonly value: TypeExpression | SkippedTrivia;
}

/** `T[]` */
export interface ArrayType extends NodeBase {
  readonly type: 'ArrayType';
  readonly item: ArrayTypeMember;
}

export interface UnionTypeMember extends NodeBase {
  readonly type: 'UnionTypeMember';
  readonly value: TypeExpression | SkippedTrivia;
}

/** `'a' | 'b'` */
export interface UnionType extends NodeBase {
  readonly type: 'UnionType';
  readonly members: readonly (UnionTypeMember | SkippedTrivia)[];
}

/** `T?` */
export interface NullableType extends NodeBase {
  readonly type: 'NullableType';
  readonly base: TypeExpression | SkippedTrivia;
}

/** `T!` */
export interface NonNullableType extends NodeBase {
  readonly type: 'NonNullableType';
  readonly base: TypeExpression | SkippedTrivia;
}

/** `-1` as a type. */
export interface UnaryTypeOperation extends NodeBase {
  readonly type: 'UnaryTypeOperation';
  readonly operator: UnaryOperator;
  readonly expression: TypeExpression | SkippedTrivia;
}

export interface ParenthesizedType extends NodeBase {
  readonly type: 'ParenthesizedType';
  readonly expression: TypeExpression | SkippedTrivia;
}

/** `T.p` */
export interface TypePropertyAccess extends NodeBase {
  readonly type: 'TypePropertyAccess';
  readonly baseExpression: TypeExpression | SkippedTrivia;
  readonly propertyName: Identifier;
}

/** `T.*` */
export interface TypeAdditionalPropertiesAccess extends NodeBase {
  readonly type: 'TypeAdditionalPropertiesAccess';
  readonly baseExpression: TypeExpression | SkippedTrivia;
}

/** `T[0]` */
export interface TypeArrayAccess extends NodeBase {
  readonly type: 'TypeArrayAccess';
  readonly baseExpression: TypeExpression | SkippedTrivia;
  readonly indexExpression: Expression | SkippedTrivia;
}

/** `T[*]` */
export interface TypeItemsAccess extends NodeBase {
  readonly type: 'TypeItemsAccess';
  readonly baseExpression: TypeExpression | SkippedTrivia;
}

export type TypeExpression =
  | TypeVariableAccess
  | ParameterizedTypeInstantiation
  | InstanceParameterizedTypeInstantiation
  | ResourceType
  | StringTypeLiteral
  | IntegerTypeLiteral
  | BooleanTypeLiteral
  | NullTypeLiteral
  | ObjectType
  | TupleType
  | ArrayType
  | UnionType
  | NullableType
  | NonNullableType
  | UnaryTypeOperation
  | ParenthesizedType
  | TypePropertyAccess
  | TypeAdditionalPropertiesAccess
  | TypeArrayAccess
  | TypeItemsAccess;

/** Every node of the tree. */
export type Node =
  | Program
  | Statement
  | Expression
  | TypeExpression
  | SkippedTrivia
  | Identifier
  | Decorator
  | ParameterDefaultValue
  | ImportedSymbolsList
  | ImportedSymbolsListItem
  | WildcardImport
  | AliasAsClause
  | CompileTimeImportFromClause
  | ExtensionWithClause
  | UsingWithClause
  | ObjectProperty
  | ArrayItem
  | SpreadExpression
  | FunctionArgument
  | LocalVariable
  | VariableBlock
  | TypedLocalVariable
  | TypedVariableBlock
  | TypedLambda
  | IfCondition
  | ParameterizedTypeArgument
  | ObjectTypeProperty
  | ObjectTypeAdditionalProperties
  | TupleTypeItem
  | ArrayTypeMember
  | UnionTypeMember
  | NoneLiteral;

export type NodeType = Node['type'];

// ── Trivia ────────────────────────────────────────────────────────────────────────────────────

/** A comment, as ESLint's `SourceCode` wants it: `value` is the text between the delimiters. */
export interface Comment {
  readonly type: 'Line' | 'Block';
  readonly value: string;
  readonly range: Range;
}

/**
 * A Bicep diagnostics pragma at the start of a line: `#disable-next-line code1 code2`,
 * `#disable-diagnostics …`, `#restore-diagnostics …`. Codes are runs of identifier characters and
 * `-`; `range` spans the pragma up to the end of its last code.
 */
export interface Pragma {
  readonly kind: 'disable-next-line' | 'disable-diagnostics' | 'restore-diagnostics';
  readonly codes: readonly { readonly code: string; readonly range: Range }[];
  readonly range: Range;
}
