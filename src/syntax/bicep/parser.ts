// Ported from Azure/bicep src/Bicep.Core/Parsing/{BaseParser,Parser,ParamsParser}.cs (commit
// 9beb0fee, 2026-08-21). Copyright (c) Microsoft Corporation. Licensed under the MIT License:
// https://github.com/Azure/bicep/blob/main/LICENSE — the port keeps the structure, the recovery
// (WithRecovery / Synchronize) and the diagnostics of the original; it builds the token-free
// tree of ast.ts instead of Bicep's concrete syntax tree.

import type { Diagnostic } from '../../kernel/diagnostic.js';
import type * as A from './ast.js';
import { lexBicepReusing, releaseTokens, T, type TokenArrays, type TokenType } from './lexer.js';
import { BicepErrors as E, type BicepMessage } from './messages.js';
import { completeStringValue, stringSegments } from './strings.js';
import { VISITOR_KEYS } from './visitor-keys.js';

/** How deep expressions and types may nest before the parser skips the rest (the JS stack is finite). */
export const MAX_NESTING = 256;

type Node = A.Node;
/** A token, by its index in the lexer's arrays. */
type Token = number;
type Part = Token | Node;
type Skipped = A.SkippedTrivia;
type Expr = A.Expression | Skipped;
type TypeExpr = A.TypeExpression | Skipped;

/**
 * What a bracketed list holds. `elements` picks the parse of each element by this, rather than
 * being handed a closure per list (and each element's own recovery closure).
 */
const enum List {
  ObjectElements, ArrayItems, ImportedSymbols, ObjectTypeMembers, TupleItems,
  // Separated by commas (`functionSeparator`); the others by newlines or commas.
  Arguments, TypeArguments,
}

const NONE = 0;
const CONSUME_TERMINATOR = 1;
const SUPPRESS = 2;
const COMPLEX = 1;
const RESOURCES = 2;

// Recovery terminators, allocated once.
const UNTIL_ASSIGNMENT_LEFT_BRACE_NEW_LINE: readonly TokenType[] = [T.Assignment, T.LeftBrace, T.NewLine];
const UNTIL_ASSIGNMENT_NEW_LINE: readonly TokenType[] = [T.Assignment, T.NewLine];
const UNTIL_COLON_NEW_LINE_RIGHT_BRACE: readonly TokenType[] = [T.Colon, T.NewLine, T.RightBrace];
const UNTIL_COLON_RIGHT_SQUARE_NEW_LINE: readonly TokenType[] = [T.Colon, T.RightSquare, T.NewLine];
const UNTIL_COMMA_NEW_LINE_RIGHT_BRACE: readonly TokenType[] = [T.Comma, T.NewLine, T.RightBrace];
const UNTIL_COMMA_NEW_LINE_RIGHT_SQUARE: readonly TokenType[] = [T.Comma, T.NewLine, T.RightSquare];
const UNTIL_COMMA_NEW_LINE: readonly TokenType[] = [T.Comma, T.NewLine];
const UNTIL_IDENTIFIER_NEW_LINE: readonly TokenType[] = [T.Identifier, T.NewLine];
const UNTIL_LEFT_BRACE_NEW_LINE: readonly TokenType[] = [T.LeftBrace, T.NewLine];
const UNTIL_NEW_LINE_COMMA_RIGHT_CHEVRON: readonly TokenType[] = [T.NewLine, T.Comma, T.RightChevron];
const UNTIL_NEW_LINE_COMMA_RIGHT_PAREN: readonly TokenType[] = [T.NewLine, T.Comma, T.RightParen];
const UNTIL_NEW_LINE_RIGHT_BRACE: readonly TokenType[] = [T.NewLine, T.RightBrace];
const UNTIL_NEW_LINE_RIGHT_PAREN: readonly TokenType[] = [T.NewLine, T.RightParen];
const UNTIL_NEW_LINE_RIGHT_SQUARE: readonly TokenType[] = [T.NewLine, T.RightSquare];
const UNTIL_NEW_LINE: readonly TokenType[] = [T.NewLine];
const NO_TERMINATORS: readonly TokenType[] = [];
const UNTIL_RIGHT_SQUARE_LEFT_BRACE_NEW_LINE: readonly TokenType[] = [T.RightSquare, T.LeftBrace, T.NewLine];
const UNTIL_RIGHT_SQUARE_NEW_LINE: readonly TokenType[] = [T.RightSquare, T.NewLine];
const UNTIL_STRING_COMPLETE_STRING_LEFT_PIECE_NEW_LINE: readonly TokenType[] = [T.StringComplete, T.StringLeftPiece, T.NewLine];
const UNTIL_STRING_MIDDLE_PIECE_STRING_RIGHT_PIECE_NEW_LINE: readonly TokenType[] = [T.StringMiddlePiece, T.StringRightPiece, T.NewLine];
const UNTIL_STRING_RIGHT_PIECE_RIGHT_BRACE_RIGHT_PAREN_RIGHT_SQUARE_NEW_LINE: readonly TokenType[] = [T.StringRightPiece, T.RightBrace, T.RightParen, T.RightSquare, T.NewLine];
const UNTIL_STRING_RIGHT_PIECE_RIGHT_BRACE_RIGHT_SQUARE_NEW_LINE: readonly TokenType[] = [T.StringRightPiece, T.RightBrace, T.RightSquare, T.NewLine];
const DECLARATION_KEYWORDS = new Set(['assert', 'import', 'metadata', 'param', 'var', 'resource', 'output', 'module', 'type']);
const HOLE_END = UNTIL_STRING_MIDDLE_PIECE_STRING_RIGHT_PIECE_NEW_LINE;
const HOLE_CONTINUATION: readonly TokenType[] = [T.StringMiddlePiece, T.StringRightPiece];
const EXPRESSION_END = UNTIL_STRING_RIGHT_PIECE_RIGHT_BRACE_RIGHT_PAREN_RIGHT_SQUARE_NEW_LINE;
const UNTIL_COLON_OR_EXPRESSION_END: readonly TokenType[] = [T.Colon, ...EXPRESSION_END];
const UNTIL_EXPRESSION_END_OR_COMMA: readonly TokenType[] = [...EXPRESSION_END, T.Comma];

const BINARY: ReadonlyMap<number, [A.BinaryOperator, number]> = new Map([
  [T.Modulo, ['%', 100]], [T.Asterisk, ['*', 100]], [T.Slash, ['/', 100]],
  [T.Plus, ['+', 90]], [T.Minus, ['-', 90]],
  [T.RightChevron, ['>', 80]], [T.GreaterThanOrEqual, ['>=', 80]], [T.LeftChevron, ['<', 80]], [T.LessThanOrEqual, ['<=', 80]],
  [T.Equals, ['==', 70]], [T.NotEquals, ['!=', 70]], [T.EqualsInsensitive, ['=~', 70]], [T.NotEqualsInsensitive, ['!~', 70]],
  [T.LogicalAnd, ['&&', 50]], [T.LogicalOr, ['||', 40]], [T.DoubleQuestion, ['??', 30]],
]);

// Trees are never mutated (the types say so), so every node with an empty list shares one, as do
// the statements without decorators. Not frozen: `for…of` over a frozen array allocates a result
// per step in V8, and the evaluator and ESLint iterate these lists (+0.16 MB per re-lint).
/** The holes of a string without any. */
const NO_EXPRESSIONS: readonly Expr[] = [];
const NO_DECORATORS: readonly A.Leading[] = [];
const NO_PARTS: readonly Part[] = [];
const NO_NODES: readonly Node[] = [];

const UNARY: ReadonlyMap<number, A.UnaryOperator> = new Map([[T.Exclamation, '!'], [T.Minus, '-']]);

interface Parenthesized {
  readonly open: Token;
  readonly items: Part[];
  readonly close: Part;
}

/** Nesting past `MAX_NESTING`: unwinds past every `withRecovery` to the statement. */
class TooDeep {
  constructor(readonly token: Token) {}
}

/** Bicep's `ExpectedTokenException`: unwinds to the nearest `withRecovery`. */
class ExpectedToken {
  constructor(readonly start: number, readonly end: number, readonly error: BicepMessage) {}
}

const isToken = (p: Part): p is Token => typeof p === 'number';
const isSkipped = (p: Part | null | undefined): p is Skipped => typeof p === 'object' && p !== null && p.type === 'SkippedTrivia';

/**
 * `node` with the recovery nodes among the parts that stood in its token slots. Fixed arity, not
 * a rest parameter: it runs for most nodes, nearly always with nothing to add, and an argument
 * array per call was garbage.
 */
function withSkipped<N extends Node>(node: N, a: Part | null, b: Part | null = null, c: Part | null = null): N {
  if (!isSkipped(a) && !isSkipped(b) && !isSkipped(c)) return node;
  const s: Skipped[] = [];
  for (const p of [a, b, c]) if (isSkipped(p)) s.push(p);
  return { ...node, skipped: s };
}

export class Parser {
  readonly comments: A.Comment[];
  readonly pragmas: A.Pragma[];
  readonly diagnostics: Diagnostic[] = [];
  private readonly tokens: TokenArrays;
  // The token arrays again, one load nearer: read for nearly every step.
  private readonly types: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** The number of tokens; the last, at `last`, is the end of the file. */
  private readonly count: number;
  private readonly commented: ReadonlySet<number>;
  private readonly last: number;
  private p = 0;
  private depth = 0;
  /** The elements of the lists being parsed, innermost last (see `elements`); `listTop` is its length. */
  private readonly listStack: Node[] = [];
  private listTop = 0;
  /** The first backslash at or after `backslashFrom` (the text's length if none); -1 before the first search. */
  private backslashFrom = 0;
  private backslashAt = -1;
  private readonly errorOf = new Map<Skipped, BicepMessage & { start: number; end: number }>();
  private readonly lexErrors;

  constructor(private readonly text: string, private readonly file: string, private readonly params: boolean) {
    const lexed = lexBicepReusing(text);
    this.tokens = lexed;
    this.types = lexed.types;
    this.starts = lexed.starts;
    this.ends = lexed.ends;
    this.count = lexed.count;
    this.commented = lexed.commented;
    this.comments = lexed.comments;
    this.pragmas = lexed.pragmas;
    this.lexErrors = lexed.errors;
    this.last = lexed.count - 1;
  }

  // ── Program and declarations ──────────────────────────────────────────────────────────────

  program(): A.Program {
    const body: (A.Statement | Skipped)[] = [];
    while (!this.isAtEnd()) {
      const start = this.p;
      let d: A.Statement | Skipped | Token;
      try {
        d = this.declaration();
      } catch (e) {
        if (!(e instanceof TooDeep)) throw e;
        body.push(this.skipStatement(start, e.token));
        continue;
      }
      if (isToken(d)) continue;
      body.push(d);
      if (d.type !== 'SkippedTrivia' && (this.params || d.type !== 'MissingDeclaration')) {
        const at = this.p;
        try {
          this.newLineOrEof();
        } catch (e) {
          body.push(this.recovered(at, e, CONSUME_TERMINATOR, UNTIL_NEW_LINE));
        }
      }
    }
    const program: A.Program = { type: 'Program', body, range: [0, this.text.length] };
    this.collectDiagnostics(program);
    releaseTokens(this.tokens);
    return program;
  }

  /** A statement or a blank line; the recovery is `withRecovery`'s, without its closure (as for every line). */
  private declaration(expected?: string): A.Statement | Skipped | Token {
    const start = this.p;
    try {
      const leading = this.leadingNodes();
      const cur = this.p;
      if (this.types[cur] === T.Identifier) {
        const word = this.textOf(cur);
        const keyword = expected === undefined || expected === word ? word : '';
        const d = this.params ? this.paramsStatement(keyword, leading) : this.statement(keyword, leading);
        if (d) return d;
      } else if (this.types[cur] === T.NewLine) return this.newLine();
      if (!this.params && leading.length > 0) return { type: 'MissingDeclaration', decorators: this.decoratorsOf(leading), range: this.span(leading[0]!, leading[leading.length - 1]!) };
      throw this.expected(cur, this.params ? E.unrecognizedParamsFileDeclaration() : E.unrecognizedDeclaration());
    } catch (e) {
      return this.recovered(start, e, NONE, UNTIL_NEW_LINE);
    }
  }

  private statement(keyword: string, leading: readonly Part[]): A.Statement | undefined {
    switch (keyword) {
      case 'targetScope': return this.targetScope(leading);
      case 'metadata': return this.metadataDeclaration(leading);
      case 'type': return this.typeDeclaration(leading);
      case 'param': return this.parameterDeclaration(leading);
      case 'var': return this.variableDeclaration(leading);
      case 'func': return this.functionDeclaration(leading);
      case 'resource': return this.resourceDeclaration(leading);
      case 'output': return this.outputDeclaration(leading);
      case 'module': return this.moduleDeclaration(leading);
      case 'test': return this.testDeclaration(leading);
      case 'import': return this.importDeclaration(leading);
      case 'extension': return this.extensionDeclaration(this.expectKeyword('extension'), leading);
      case 'assert': return this.assertDeclaration(leading);
      default: return undefined;
    }
  }

  private paramsStatement(keyword: string, leading: readonly Part[]): A.Statement | undefined {
    switch (keyword) {
      case 'using': return this.usingDeclaration(leading);
      case 'extends': return this.extendsDeclaration(leading);
      case 'param': return this.parameterAssignment(leading);
      case 'var': return this.variableDeclaration(leading);
      case 'import': return this.compileTimeImportDeclaration(this.expectKeyword('import'), leading);
      case 'extensionConfig': return this.extensionConfigAssignment(leading);
      case 'extension': return this.extensionDeclaration(this.expectKeyword('extension'), leading);
      case 'type': return this.typeDeclaration(leading);
      default: return undefined;
    }
  }

  private decoratorsOf(leading: readonly Part[]): readonly A.Leading[] {
    return leading.length === 0 ? NO_DECORATORS : leading.filter((p): p is A.Leading => !isToken(p));
  }

  /** Start of a statement: its first decorator, or its keyword. */
  private statementRange(leading: readonly Part[], keyword: Part, last: Part): A.Range {
    // Not `leading[0] ?? keyword`: reading past the end of the shared empty list is a slow path.
    return this.span(leading.length > 0 ? leading[0]! : keyword, last);
  }

  private targetScope(leading: readonly Part[]): A.TargetScope {
    const keyword = this.expectKeyword('targetScope');
    const assignment = this.withRecovery(() => this.assignment(), NONE, UNTIL_NEW_LINE);
    const value = this.expressionWithRecovery(COMPLEX, NONE, UNTIL_NEW_LINE);
    return withSkipped({ type: 'TargetScope', decorators: this.decoratorsOf(leading), value, range: this.statementRange(leading, keyword, value) }, assignment);
  }

  private metadataDeclaration(leading: readonly Part[]): A.MetadataDeclaration {
    const { name, value, range, skipped } = this.namedAssignment('metadata', E.expectedMetadataIdentifier(), UNTIL_ASSIGNMENT_NEW_LINE, leading);
    return withSkipped({ type: 'MetadataDeclaration', decorators: this.decoratorsOf(leading), name, value, range }, skipped);
  }

  /** `keyword name = value`: metadata, assert and `.bicepparam` parameters share Bicep's recovery for it. */
  private namedAssignment(keyword: string, nameError: BicepMessage, nameTerminators: readonly TokenType[], leading: readonly Part[]) {
    const start = this.expectKeyword(keyword);
    const name = this.identifierWithRecovery(nameError, NONE, nameTerminators);
    const assignment = this.withRecovery(() => this.assignment(), suppression(name), UNTIL_NEW_LINE);
    const value = this.expressionWithRecovery(COMPLEX, suppression(assignment), UNTIL_NEW_LINE);
    return { name, value, range: this.statementRange(leading, start, value), skipped: assignment };
  }

  private parameterDeclaration(leading: readonly Part[]): A.ParameterDeclaration {
    const keyword = this.expectKeyword('param');
    const name = this.identifierWithRecovery(E.expectedParameterIdentifier(), NONE, UNTIL_IDENTIFIER_NEW_LINE);
    // Recovery without closures, and one literal for each shape, not a spread: parameters are
    // the commonest declaration.
    let start = this.p;
    let declaredType: TypeExpr;
    try {
      declaredType = this.type(false);
    } catch (e) {
      declaredType = this.recovered(start, e, suppression(name), UNTIL_ASSIGNMENT_LEFT_BRACE_NEW_LINE);
    }
    start = this.p;
    let modifier: A.ParameterDeclaration['modifier'] | null;
    try {
      modifier = this.parameterModifier();
    } catch (e) {
      modifier = this.recovered(start, e, suppression(declaredType), UNTIL_NEW_LINE);
    }
    const decorators = this.decoratorsOf(leading);
    const range = this.statementRange(leading, keyword, modifier ?? declaredType);
    return modifier ? { type: 'ParameterDeclaration', decorators, name, declaredType, range, modifier } : { type: 'ParameterDeclaration', decorators, name, declaredType, range };
  }

  /** What may follow a parameter's type: nothing, or `= value`. */
  private parameterModifier(): A.ParameterDefaultValue | null {
    const t = this.types[this.p];
    if (t === T.NewLine || t === T.EndOfFile) return null;
    if (t === T.Assignment) return this.parameterDefaultValue();
    throw this.expected(this.p, E.expectedParameterContinuation());
  }

  private parameterDefaultValue(): A.ParameterDefaultValue {
    const assignment = this.expect(T.Assignment, E.expectedCharacter('='));
    const value = this.expressionWithRecovery(COMPLEX, NONE, UNTIL_NEW_LINE);
    return { type: 'ParameterDefaultValue', value, range: this.span(assignment, value) };
  }

  private variableDeclaration(leading: readonly Part[]): A.VariableDeclaration {
    const keyword = this.expectKeyword('var');
    const name = this.identifierWithRecovery(E.expectedVariableIdentifier(), NONE, UNTIL_IDENTIFIER_NEW_LINE);
    const declaredType = this.withRecovery((): TypeExpr | null => {
      const t = this.peekType();
      return t === T.EndOfFile || t === T.NewLine || t === T.Assignment ? null : this.type(false);
    }, suppression(name), UNTIL_ASSIGNMENT_NEW_LINE);
    const assignment = this.withRecovery(() => this.assignment(), suppression(declaredType ?? name), UNTIL_NEW_LINE);
    const value = this.expressionWithRecovery(COMPLEX, suppression(assignment), UNTIL_NEW_LINE);
    const node = withSkipped<A.VariableDeclaration>({ type: 'VariableDeclaration', decorators: this.decoratorsOf(leading), name, value, range: this.statementRange(leading, keyword, value) }, assignment);
    return declaredType ? { ...node, declaredType } : node;
  }

  private typeDeclaration(leading: readonly Part[]): A.TypeDeclaration {
    const keyword = this.expectKeyword('type');
    const name = this.identifierWithRecovery(E.expectedTypeIdentifier(), NONE, UNTIL_ASSIGNMENT_NEW_LINE);
    const assignment = this.withRecovery(() => this.assignment(), suppression(name), UNTIL_NEW_LINE);
    const value = this.withRecovery(() => this.type(false), suppression(name), UNTIL_ASSIGNMENT_LEFT_BRACE_NEW_LINE);
    return withSkipped({ type: 'TypeDeclaration', decorators: this.decoratorsOf(leading), name, value, range: this.statementRange(leading, keyword, value) }, assignment);
  }

  private functionDeclaration(leading: readonly Part[]): A.FunctionDeclaration {
    const keyword = this.expectKeyword('func');
    const name = this.identifierWithRecovery(E.expectedVariableIdentifier(), NONE, UNTIL_ASSIGNMENT_NEW_LINE);
    const lambda = this.withRecovery(() => this.typedLambda(), suppression(name), UNTIL_NEW_LINE);
    return { type: 'FunctionDeclaration', decorators: this.decoratorsOf(leading), name, lambda, range: this.statementRange(leading, keyword, lambda) };
  }

  private outputDeclaration(leading: readonly Part[]): A.OutputDeclaration {
    const keyword = this.expectKeyword('output');
    const name = this.identifierWithRecovery(E.expectedOutputIdentifier(), NONE, UNTIL_IDENTIFIER_NEW_LINE);
    const declaredType = this.withRecovery(() => this.type(true), suppression(name), UNTIL_ASSIGNMENT_NEW_LINE);
    const assignment = this.withRecovery(() => this.assignment(), suppression(declaredType), UNTIL_NEW_LINE);
    const value = this.expressionWithRecovery(COMPLEX, suppression(assignment), UNTIL_NEW_LINE);
    return withSkipped({ type: 'OutputDeclaration', decorators: this.decoratorsOf(leading), name, declaredType, value, range: this.statementRange(leading, keyword, value) }, assignment);
  }

  private resourceDeclaration(leading: readonly Part[]): A.ResourceDeclaration {
    const keyword = this.expectKeyword('resource');
    const name = this.identifierWithRecovery(E.expectedResourceIdentifier(), NONE, UNTIL_STRING_COMPLETE_STRING_LEFT_PIECE_NEW_LINE);
    const resourceType = this.withRecovery(() => this.throwIfSkipped(() => this.interpolableString(), E.expectedResourceTypeString()), suppression(name), UNTIL_ASSIGNMENT_NEW_LINE);
    const existing = this.optionalKeyword('existing');
    const assignment = this.withRecovery(() => this.assignment(), suppression(resourceType), UNTIL_LEFT_BRACE_NEW_LINE);
    if (!isSkipped(assignment) && this.isKeyword(this.peekSkippingNewLines(), 'if')) this.newLines();
    const flags = RESOURCES | COMPLEX;
    const value = this.withRecovery(() => this.declarationBody(flags, true), suppression(assignment), UNTIL_NEW_LINE);
    return withSkipped(
      { type: 'ResourceDeclaration', decorators: this.decoratorsOf(leading), name, resourceType, existing: existing !== null, value, range: this.statementRange(leading, keyword, value) },
      assignment,
    );
  }

  private moduleDeclaration(leading: readonly Part[]): A.ModuleDeclaration {
    const keyword = this.expectKeyword('module');
    const name = this.identifierWithRecovery(E.expectedModuleIdentifier(), NONE, UNTIL_STRING_COMPLETE_STRING_LEFT_PIECE_NEW_LINE);
    const path = this.withRecovery(() => this.throwIfSkipped(() => this.interpolableString(), E.expectedModulePathString()), suppression(name), UNTIL_ASSIGNMENT_NEW_LINE);
    const assignment = this.withRecovery(() => this.assignment(), suppression(path), UNTIL_LEFT_BRACE_NEW_LINE);
    if (this.isKeyword(this.peekSkippingNewLines(), 'if')) this.newLines();
    const value = this.withRecovery(() => this.declarationBody(COMPLEX, true), suppression(assignment), UNTIL_NEW_LINE);
    return withSkipped(
      { type: 'ModuleDeclaration', decorators: this.decoratorsOf(leading), name, path, value, range: this.statementRange(leading, keyword, value) },
      assignment,
    );
  }

  /** `{…}`, `if (c) {…}` or `[for …]` after a resource's or module's `=`. */
  private declarationBody(flags: number, loops: boolean): A.DeclarationBody {
    const cur = this.p;
    if (this.types[cur] === T.Identifier && this.textOf(cur) === 'if') return this.ifCondition(flags, false);
    if (this.types[cur] === T.LeftBrace) return this.object(flags);
    if (loops && this.types[cur] === T.LeftSquare) return this.forExpression(flags, true);
    throw this.expected(cur, E.expectBodyStartOrIfOrLoopStart());
  }

  private testDeclaration(leading: readonly Part[]): A.TestDeclaration {
    const keyword = this.expectKeyword('test');
    const name = this.identifierWithRecovery(E.expectedTestIdentifier(), NONE, UNTIL_STRING_COMPLETE_STRING_LEFT_PIECE_NEW_LINE);
    const path = this.withRecovery(() => this.throwIfSkipped(() => this.interpolableString(), E.expectedTestPathString()), suppression(name), UNTIL_ASSIGNMENT_NEW_LINE);
    const assignment = this.withRecovery(() => this.assignment(), suppression(path), UNTIL_LEFT_BRACE_NEW_LINE);
    const value = this.withRecovery(() => {
      const cur = this.p;
      if (this.types[cur] === T.LeftBrace) return this.object(COMPLEX);
      throw this.expected(cur, E.expectedCharacter('{'));
    }, suppression(assignment), UNTIL_NEW_LINE);
    return withSkipped(
      { type: 'TestDeclaration', decorators: this.decoratorsOf(leading), name, path, value, range: this.statementRange(leading, keyword, value) },
      assignment,
    );
  }

  private importDeclaration(leading: readonly Part[]): A.Statement {
    const keyword = this.expectKeyword('import');
    // The old `import 'az@1.0.0'` form of an extension declaration shares the keyword.
    const t = this.peekType();
    return t === T.StringLeftPiece || t === T.StringComplete ? this.extensionDeclaration(keyword, leading) : this.compileTimeImportDeclaration(keyword, leading);
  }

  private assertDeclaration(leading: readonly Part[]): A.AssertDeclaration {
    const { name, value, range, skipped } = this.namedAssignment('assert', E.expectedAssertIdentifier(), UNTIL_ASSIGNMENT_NEW_LINE, leading);
    return withSkipped({ type: 'AssertDeclaration', decorators: this.decoratorsOf(leading), name, value, range }, skipped);
  }

  private compileTimeImportDeclaration(keyword: Token, leading: readonly Part[]): A.CompileTimeImportDeclaration {
    const t = this.peekType();
    let importExpression: A.ImportedSymbolsList | A.WildcardImport | Skipped;
    if (t === T.EndOfFile || t === T.NewLine || t === T.Identifier) importExpression = this.skipEmpty(E.expectedSymbolListOrWildcard());
    else if (t === T.LeftBrace) importExpression = this.importedSymbolsList();
    else if (t === T.Asterisk) importExpression = this.withRecovery(() => this.wildcardImport(), NONE, UNTIL_NEW_LINE);
    else importExpression = this.skip([this.read()], E.expectedSymbolListOrWildcard());
    const fromClause = this.withRecovery(() => this.compileTimeImportFromClause(), NONE, UNTIL_NEW_LINE);
    return { type: 'CompileTimeImportDeclaration', decorators: this.decoratorsOf(leading), importExpression, fromClause, range: this.statementRange(leading, keyword, fromClause) };
  }

  private importedSymbolsList(): A.ImportedSymbolsList {
    const open = this.expect(T.LeftBrace, E.expectedCharacter('{'));
    const items = this.elements(List.ImportedSymbols, T.RightBrace, NONE);
    const close = this.expect(T.RightBrace, E.expectedCharacter('}'));
    return { type: 'ImportedSymbolsList', items: items as (A.ImportedSymbolsListItem | Skipped)[], range: this.span(open, close) };
  }

  private importedSymbolsListItem(): A.ImportedSymbolsListItem | Skipped {
    const t = this.peekType();
    let original: A.Identifier | A.StringExpression | Skipped;
    if (t === T.Identifier) original = this.identifier(E.expectedExportedSymbolName());
    else if (t === T.StringComplete) original = this.interpolableString();
    else if (t === T.StringLeftPiece) original = this.skip([this.interpolableString()], E.compileTimeConstantRequired());
    else original = this.skip([this.read()], E.expectedExportedSymbolName());
    const alias = this.isKeyword(this.p, 'as') ? this.aliasAsClause(() => this.identifierWithRecovery(E.expectedTypeIdentifier(), NONE, UNTIL_COMMA_NEW_LINE)) : null;
    if (original.type === 'String' && alias === null) return this.skip([original], E.importListItemDoesNotIncludeDeclaredSymbolName());
    const node: A.ImportedSymbolsListItem = { type: 'ImportedSymbolsListItem', originalSymbolName: original, range: this.span(original, alias ?? original) };
    return alias ? { ...node, alias } : node;
  }

  private aliasAsClause(name: () => A.Identifier): A.AliasAsClause {
    const keyword = this.expectKeyword('as');
    const alias = name();
    return { type: 'AliasAsClause', alias, range: this.span(keyword, alias) };
  }

  private wildcardImport(): A.WildcardImport {
    const star = this.expect(T.Asterisk, E.expectedCharacter('*'));
    const alias = this.aliasAsClause(() => this.identifier(E.expectedNamespaceIdentifier()));
    return { type: 'WildcardImport', alias, range: this.span(star, alias) };
  }

  private compileTimeImportFromClause(): A.CompileTimeImportFromClause {
    const keyword = this.expectKeyword('from');
    const path = this.withRecovery(() => this.throwIfSkipped(() => this.interpolableString(), E.expectedModulePathString()), NONE, UNTIL_NEW_LINE);
    return { type: 'CompileTimeImportFromClause', path, range: this.span(keyword, path) };
  }

  private extensionDeclaration(keyword: Token, leading: readonly Part[]): A.ExtensionDeclaration {
    const specification: A.Identifier | A.StringExpression | Skipped =
      this.peekType() === T.Identifier
        ? this.identifierOf(this.read())
        : this.withRecovery(() => this.throwIfSkipped(() => this.interpolableString(), E.expectedExtensionSpecification()), NONE, UNTIL_NEW_LINE);
    let cur = this.p;
    const withClause =
      this.types[cur] === T.EndOfFile || this.types[cur] === T.NewLine || this.isKeyword(cur, 'as')
        ? this.skipEmpty()
        : this.withRecovery(() => this.extensionWithClause(E.expectedWithOrAsKeywordOrNewLine()), suppression(specification), UNTIL_NEW_LINE);
    cur = this.p;
    const asClause =
      this.types[cur] === T.EndOfFile || this.types[cur] === T.NewLine
        ? this.skipEmpty()
        : this.withRecovery(() => {
            const as = this.expectKeyword('as', E.expectedWithOrAsKeywordOrNewLine());
            const alias = this.identifierWithRecovery(E.expectedExtensionAliasName(), NONE, UNTIL_NEW_LINE);
            return { type: 'AliasAsClause', alias, range: this.span(as, alias) } satisfies A.AliasAsClause;
          }, suppression(withClause), UNTIL_NEW_LINE);
    return { type: 'ExtensionDeclaration', decorators: this.decoratorsOf(leading), specification, withClause, asClause, range: this.statementRange(leading, keyword, asClause) };
  }

  private extensionWithClause(error: BicepMessage): A.ExtensionWithClause {
    const keyword = this.expectKeyword('with', error);
    const config = this.withRecovery(() => this.object(COMPLEX), NONE, UNTIL_NEW_LINE);
    return { type: 'ExtensionWithClause', config, range: this.span(keyword, config) };
  }

  // ── .bicepparam ───────────────────────────────────────────────────────────────────────────

  private usingDeclaration(leading: readonly Part[]): A.UsingDeclaration {
    const keyword = this.expectKeyword('using');
    const t = this.peekType();
    let path: A.StringExpression | A.NoneLiteral | Skipped;
    if (t === T.Identifier) {
      const none = this.expectKeyword('none');
      path = { type: 'NoneLiteral', range: this.span(none, none) };
    } else if (t === T.StringComplete) path = this.throwIfSkipped(() => this.interpolableString(), E.expectedFilePathString());
    else path = this.skipEmpty(E.expectedSymbolListOrWildcard());
    const cur = this.p;
    const withClause: A.UsingWithClause | Skipped =
      this.types[cur] === T.EndOfFile || this.types[cur] === T.NewLine
        ? this.skipEmpty()
        : this.withRecovery(() => {
            const w = this.expectKeyword('with', E.expectedWithKeywordOrNewLine());
            const config = this.withRecovery(() => this.object(COMPLEX), NONE, UNTIL_NEW_LINE);
            return { type: 'UsingWithClause', config, range: this.span(w, config) } satisfies A.UsingWithClause;
          }, suppression(path), UNTIL_NEW_LINE);
    return { type: 'UsingDeclaration', decorators: this.decoratorsOf(leading), path, withClause, range: this.statementRange(leading, keyword, withClause) };
  }

  private extendsDeclaration(leading: readonly Part[]): A.ExtendsDeclaration {
    const keyword = this.expectKeyword('extends');
    const path = this.withRecovery(() => this.throwIfSkipped(() => this.interpolableString(), E.extendsPathHasNotBeenSpecified()), NONE, UNTIL_NEW_LINE);
    return { type: 'ExtendsDeclaration', decorators: this.decoratorsOf(leading), path, range: this.statementRange(leading, keyword, path) };
  }

  private parameterAssignment(leading: readonly Part[]): A.ParameterAssignment {
    const { name, value, range, skipped } = this.namedAssignment('param', E.expectedParameterIdentifier(), UNTIL_IDENTIFIER_NEW_LINE, leading);
    return withSkipped({ type: 'ParameterAssignment', decorators: this.decoratorsOf(leading), name, value, range }, skipped);
  }

  private extensionConfigAssignment(leading: readonly Part[]): A.ExtensionConfigAssignment {
    const keyword = this.expectKeyword('extensionConfig');
    const alias = this.identifierWithRecovery(E.expectedExtensionAliasName(), NONE, UNTIL_IDENTIFIER_NEW_LINE);
    const withClause = this.withRecovery(() => this.extensionWithClause(E.expectedKeyword('with')), suppression(alias), UNTIL_NEW_LINE);
    return { type: 'ExtensionConfigAssignment', decorators: this.decoratorsOf(leading), alias, withClause, range: this.statementRange(leading, keyword, withClause) };
  }

  // ── Decorators ────────────────────────────────────────────────────────────────────────────

  private leadingNodes(): readonly Part[] {
    if (!this.is(T.At)) return NO_PARTS;
    const out: Part[] = [];
    while (this.is(T.At)) {
      out.push(this.decorator());
      // Every decorator must be followed by a newline.
      const start = this.p;
      try {
        out.push(this.newLine());
      } catch (e) {
        out.push(this.recovered(start, e, CONSUME_TERMINATOR, UNTIL_NEW_LINE));
      }
      while (this.is(T.NewLine)) out.push(this.newLine());
    }
    return out;
  }

  private decorator(): A.Decorator {
    const at = this.expect(T.At, E.expectedCharacter('@'));
    const start = this.p;
    let expression: Expr;
    try {
      expression = this.decoratorExpression();
    } catch (e) {
      expression = this.recovered(start, e, NONE, UNTIL_NEW_LINE);
    }
    return { type: 'Decorator', expression, range: this.span(at, expression) };
  }

  private decoratorExpression(): A.Expression {
    let name = this.identifier(E.expectedNamespaceOrDecoratorName());
    let current: A.Expression = this.is(T.LeftParen) ? this.functionCall(name, COMPLEX) : { type: 'VariableAccess', name, range: name.range };
    while (this.is(T.Dot)) {
      this.read();
      name = this.identifierOrSkip(E.expectedFunctionOrPropertyName());
      current = this.is(T.LeftParen) ? this.instanceFunctionCall(current, name, COMPLEX) : { type: 'PropertyAccess', baseExpression: current, safe: false, propertyName: name, range: this.span(current, name) };
    }
    return current;
  }

  // ── Expressions ───────────────────────────────────────────────────────────────────────────

  expression(flags: number): Expr {
    if (this.depth >= MAX_NESTING) throw new TooDeep(this.p);
    this.depth++;
    try {
      return this.ternary(flags);
    } finally {
      this.depth--;
    }
  }

  private ternary(flags: number): Expr {
    const condition = this.binaryExpression(flags, 0);
    if (this.types[this.peekSkippingNewLines()] === T.Question) this.newLines();
    return this.is(T.Question) ? this.ternaryRest(condition, flags) : condition;
  }

  /** After a ternary's `?`. Its own method: its closure would make every expression allocate (see `recovered`). */
  private ternaryRest(condition: Expr, flags: number): Expr {
    this.read();
    const trueExpression = this.expressionWithRecovery(flags, NONE, UNTIL_COLON_OR_EXPRESSION_END);
    if (!isSkipped(trueExpression) && this.types[this.peekSkippingNewLines()] === T.Colon) this.newLines();
    const colon = this.withRecovery(() => this.expect(T.Colon, E.expectedCharacter(':')), suppression(trueExpression), EXPRESSION_END);
    const falseExpression = this.expressionWithRecovery(flags, suppression(colon), EXPRESSION_END);
    return withSkipped({ type: 'TernaryOperation', condition, trueExpression, falseExpression, range: this.span(condition, falseExpression) }, colon);
  }

  private binaryExpression(flags: number, precedence: number): Expr {
    let current = this.unaryExpression(flags);
    for (;;) {
      const op = BINARY.get(this.peekType());
      if (!op || op[1] <= precedence) return current;
      this.read();
      const start = this.p;
      let right: Expr;
      try {
        right = this.binaryExpression(flags, op[1]);
      } catch (e) {
        right = this.recovered(start, e, NONE, EXPRESSION_END);
      }
      current = { type: 'BinaryOperation', operator: op[0], left: current, right, range: this.span(current, right) };
    }
  }

  private unaryExpression(flags: number): Expr {
    const token = this.p;
    const operator = UNARY.get(this.types[token]!);
    if (operator === undefined) return this.memberExpression(flags);
    this.read();
    const start = this.p;
    let expression: Expr;
    try {
      expression = this.memberExpression(flags);
    } catch (e) {
      expression = this.recovered(start, e, NONE, EXPRESSION_END);
    }
    return { type: 'UnaryOperation', operator, expression, range: this.span(token, expression) };
  }

  private memberExpression(flags: number): Expr {
    let current = this.primaryExpression(flags);
    for (;;) {
      if (this.is(T.LeftSquare)) {
        this.read();
        const safe = this.is(T.Question) ? (this.read(), true) : false;
        const fromEnd = this.is(T.Hat) ? (this.read(), true) : false;
        const index: Expr = this.is(T.RightSquare) ? this.skipEmpty(E.emptyIndexerNotAllowed()) : this.expression(flags);
        const close = this.expect(T.RightSquare, E.expectedCharacter(']'));
        current = { type: 'ArrayAccess', baseExpression: current, safe, fromEnd, indexExpression: index, range: this.span(current, close) };
        continue;
      }
      if (this.is(T.Dot)) {
        this.read();
        const safeMarker = this.is(T.Question) ? this.read() : null;
        let name = this.identifierOrSkip(E.expectedFunctionOrPropertyName());
        if (this.is(T.LeftParen)) {
          if (safeMarker !== null) {
            const s = this.skipNodes(this.span(safeMarker, name), [name], E.safeDereferenceNotPermittedOnInstanceFunctions(), safeMarker);
            name = { type: 'Identifier', name: '', range: s.range, skipped: [s] };
          }
          current = this.instanceFunctionCall(current, name, flags);
        } else current = { type: 'PropertyAccess', baseExpression: current, safe: safeMarker !== null, propertyName: name, range: this.span(current, name) };
        continue;
      }
      if (this.is(T.DoubleColon)) {
        this.read();
        const name = this.identifierOrSkip(E.expectedFunctionOrPropertyName());
        current = { type: 'ResourceAccess', baseExpression: current, resourceName: name, range: this.span(current, name) };
        continue;
      }
      if (this.is(T.Exclamation)) {
        const bang = this.read();
        current = { type: 'NonNullAssertion', baseExpression: current, range: this.span(current, bang) };
        continue;
      }
      return current;
    }
  }

  private primaryExpression(flags: number): Expr {
    const next = this.p;
    switch (this.types[next]) {
      case T.Integer:
      case T.NullKeyword:
      case T.TrueKeyword:
      case T.FalseKeyword:
        return this.literal('value');
      case T.StringComplete:
      case T.StringLeftPiece:
        return this.interpolableString();
      case T.LeftBrace:
        if (flags & COMPLEX) return this.object(flags);
        throw this.expected(next, E.complexLiteralsNotAllowed());
      case T.LeftSquare:
        if (!(flags & COMPLEX)) throw this.expected(next, E.complexLiteralsNotAllowed());
        return this.isKeyword(this.peekAheadSkippingNewLines(1), 'for') ? this.forExpression(flags, false) : this.array();
      case T.LeftParen:
        return this.parenthesizedExpressionOrLambda(flags);
      case T.Identifier:
        return this.functionCallOrVariableAccess(flags);
      default:
        throw this.expected(next, E.unrecognizedExpression());
    }
  }

  /** A `true`, `false`, `null` or integer literal, as a value or (Bicep's `LiteralType`) as a type. */
  private literal<K extends 'value' | 'type'>(kind: K): K extends 'value' ? A.Expression : A.TypeExpression;
  private literal(kind: 'value' | 'type'): A.Expression | A.TypeExpression {
    const cur = this.p;
    const range = this.span(cur, cur);
    if (this.types[cur] === T.TrueKeyword || this.types[cur] === T.FalseKeyword) {
      this.read();
      return { type: kind === 'value' ? 'BooleanLiteral' : 'BooleanTypeLiteral', value: this.types[cur] === T.TrueKeyword, range };
    }
    if (this.types[cur] === T.NullKeyword) {
      this.read();
      return { type: kind === 'value' ? 'NullLiteral' : 'NullTypeLiteral', range };
    }
    const raw = this.numericLiteral();
    return { type: kind === 'value' ? 'IntegerLiteral' : 'IntegerTypeLiteral', raw, value: Number(raw), range };
  }

  private numericLiteral(): string {
    const literal = this.expect(T.Integer, E.expectedNumericLiteral());
    const raw = this.textOf(literal);
    // Bicep reads the literal as an unsigned 64-bit integer; up to 19 digits always fit.
    if (raw.length > 19 && (raw.length > 20 || BigInt(raw) > 18446744073709551615n)) throw this.expected(literal, E.invalidInteger());
    return raw;
  }

  private functionCallOrVariableAccess(flags: number): A.Expression {
    const token = this.expect(T.Identifier, E.expectedVariableOrFunctionName());
    const name = this.identifierOf(token);
    if (this.is(T.LeftParen)) return this.functionCall(name, flags);
    if (this.is(T.Arrow)) {
      this.read();
      if (!DECLARATION_KEYWORDS.has(this.textOf(this.peekSkippingNewLines()))) this.newLines();
      const body = this.expressionWithRecovery(COMPLEX, NONE, UNTIL_NEW_LINE_RIGHT_PAREN);
      return { type: 'Lambda', variableSection: { type: 'LocalVariable', name, range: name.range }, body, range: this.span(name, body) };
    }
    return { type: 'VariableAccess', name, range: name.range };
  }

  private functionCall(name: A.Identifier, flags: number): A.FunctionCall {
    const args = this.elements(List.Arguments, this.openList(T.LeftParen, '(', T.RightParen), flags) as A.FunctionCall['arguments'];
    const close = this.closeList(T.RightParen, ')');
    return withSkipped({ type: 'FunctionCall', name, arguments: args, range: this.span(name, close) }, close);
  }

  private instanceFunctionCall(base: Expr, name: A.Identifier, flags: number): A.InstanceFunctionCall {
    const args = this.elements(List.Arguments, this.openList(T.LeftParen, '(', T.RightParen), flags) as A.InstanceFunctionCall['arguments'];
    const close = this.closeList(T.RightParen, ')');
    return withSkipped({ type: 'InstanceFunctionCall', baseExpression: base, name, arguments: args, range: this.span(base, close) }, close);
  }

  private functionArgument(flags: number): A.FunctionArgument {
    const expression = this.expressionWithRecovery(flags, NONE, UNTIL_NEW_LINE_COMMA_RIGHT_PAREN);
    return { type: 'FunctionArgument', expression, range: expression.range };
  }

  /** The `(` or `<` before arguments; gives the closing token type. */
  private openList(open: TokenType, text: string, closing: TokenType): TokenType {
    this.expect(open, E.expectedCharacter(text));
    return closing;
  }

  /** The `)` or `>` after arguments, or where it is missing. */
  private closeList(closing: TokenType, text: string): Part {
    return this.is(closing) ? this.read() : this.skipEmpty(E.expectedCharacter(text));
  }

  private object(flags: number): A.ObjectExpression {
    const open = this.expect(T.LeftBrace, E.expectedCharacter('{'));
    const children = this.elements(List.ObjectElements, T.RightBrace, flags);
    const close = this.expect(T.RightBrace, E.expectedCharacter('}'));
    return { type: 'Object', children: children as A.ObjectExpression['children'], range: this.span(open, close) };
  }

  private objectElement(flags: number): Node {
    if (this.types[this.p] === T.Identifier && this.peekTypeAhead(1) === T.Colon) {
      // Most properties are `name: value` (never a nested resource, which has a name after `resource`):
      // nothing for the key's or colon's recovery to do, and no closures.
      const key = this.identifierOf(this.read());
      this.read();
      const value = this.expressionWithRecovery(COMPLEX, NONE, UNTIL_NEW_LINE_RIGHT_BRACE);
      return { type: 'ObjectProperty', key, value, range: this.span(key, value) };
    }
    return this.otherObjectElement(flags);
  }

  private otherObjectElement(flags: number): Node {
    return this.withRecovery((): Node => {
      const cur = this.p;
      // A nested resource needs lookahead: `resource` is also a valid property name.
      if (flags & RESOURCES && (this.is(T.At) || (this.isKeyword(cur, 'resource') && this.peekTypeAhead(1) === T.Identifier))) {
        const d = this.declaration('resource');
        if (isToken(d)) throw this.expected(d, E.expectedPropertyName());
        return d;
      }
      if (this.types[cur] === T.Ellipsis) return this.spreadExpression(UNTIL_COMMA_NEW_LINE_RIGHT_BRACE);
      const key = this.withRecovery(
        () =>
          this.throwIfSkipped((): A.Identifier | A.StringExpression | Skipped => {
            if (this.types[cur] === T.Identifier) return this.identifier(E.expectedPropertyName());
            if (this.types[cur] === T.StringComplete || this.types[cur] === T.StringLeftPiece) return this.interpolableString();
            throw this.expected(cur, E.expectedPropertyName());
          }, E.expectedPropertyName()),
        NONE,
        UNTIL_COLON_NEW_LINE_RIGHT_BRACE,
      ) as A.Identifier | A.StringExpression | Skipped;
      const colon = this.withRecovery(() => this.expect(T.Colon, E.expectedCharacter(':')), suppression(key), UNTIL_NEW_LINE_RIGHT_BRACE);
      const value = this.expressionWithRecovery(COMPLEX, suppression(colon), UNTIL_NEW_LINE_RIGHT_BRACE);
      return withSkipped({ type: 'ObjectProperty', key, value, range: this.span(key, value) }, colon);
    }, NONE, UNTIL_NEW_LINE_RIGHT_BRACE);
  }

  private spreadExpression(terminators: readonly TokenType[]): A.SpreadExpression {
    const ellipsis = this.expect(T.Ellipsis, E.expectedCharacter('...'));
    const expression = this.expressionWithRecovery(COMPLEX, NONE, terminators);
    return { type: 'SpreadExpression', expression, range: this.span(ellipsis, expression) };
  }

  private array(): A.ArrayExpression {
    const open = this.expect(T.LeftSquare, E.expectedCharacter('['));
    const items = this.elements(List.ArrayItems, T.RightSquare, NONE);
    const close = this.expect(T.RightSquare, E.expectedCharacter(']'));
    return { type: 'Array', items: items as A.ArrayExpression['items'], range: this.span(open, close) };
  }

  private arrayItem(): Node {
    const start = this.p;
    try {
      if (this.types[start] === T.Ellipsis) return this.spreadExpression(UNTIL_COMMA_NEW_LINE_RIGHT_SQUARE);
      const value = this.expression(COMPLEX);
      return { type: 'ArrayItem', value, range: value.range };
    } catch (e) {
      return this.recovered(start, e, NONE, UNTIL_NEW_LINE_RIGHT_SQUARE);
    }
  }

  private forExpression(flags: number, resourceOrModule: boolean): A.ForExpression {
    const open = this.expect(T.LeftSquare, E.expectedCharacter('['));
    this.newLines();
    this.expectKeyword('for');
    const t = this.peekType();
    const variableSection: A.LocalVariable | A.VariableBlock | Skipped =
      t === T.Identifier
        ? this.localVariable(this.identifier(E.expectedLoopVariableIdentifier()))
        : t === T.LeftParen
          ? this.forVariableBlock()
          : this.skipEmpty(E.expectedLoopItemIdentifierOrVariableBlockStart());
    const inKeyword = this.withRecovery(() => this.expectKeyword('in'), this.hasSyntaxError(variableSection) ? SUPPRESS : NONE, UNTIL_RIGHT_SQUARE_NEW_LINE);
    const expression = this.expressionWithRecovery(COMPLEX, suppression(inKeyword), UNTIL_COLON_RIGHT_SQUARE_NEW_LINE);
    const colon = this.withRecovery(() => this.expect(T.Colon, E.expectedCharacter(':')), suppression(expression), UNTIL_RIGHT_SQUARE_NEW_LINE);
    const body = this.withRecovery((): Expr | A.IfCondition => {
      if (!resourceOrModule) return this.expression(flags | COMPLEX);
      const cur = this.p;
      if (this.types[cur] === T.LeftBrace) return this.object(flags);
      if (this.isKeyword(cur, 'if')) return this.ifCondition(flags, true);
      throw this.expected(cur, E.expectBodyStartOrIf());
    }, suppression(colon), UNTIL_RIGHT_SQUARE_NEW_LINE);
    if (!isSkipped(body)) this.newLines();
    const close = this.withRecovery(() => this.expect(T.RightSquare, E.expectedCharacter(']')), suppression(body), UNTIL_RIGHT_SQUARE_NEW_LINE);
    return withSkipped({ type: 'For', variableSection, expression, body, range: this.span(open, close) }, inKeyword, colon, close);
  }

  private localVariable(name: A.Identifier): A.LocalVariable {
    return { type: 'LocalVariable', name, range: name.range };
  }

  private forVariableBlock(): A.VariableBlock | Skipped {
    const { open, items, close } = this.parenthesizedList(() => this.expression(NONE), false);
    const block = this.variableBlock(open, items, close);
    if (block.arguments.length !== 2 && !this.hasSyntaxError(block)) return this.skip([block], E.expectedLoopVariableBlockWith2Elements(String(block.arguments.length)));
    return block;
  }

  private variableBlock(open: Token, items: Part[], close: Part): A.VariableBlock {
    const args: (A.LocalVariable | Skipped)[] = [];
    for (const item of items) {
      if (isToken(item)) continue;
      if (item.type === 'VariableAccess') args.push(this.localVariable(item.name));
      else if (item.type === 'SkippedTrivia') args.push(item);
      else args.push({ type: 'SkippedTrivia', elements: [item], range: item.range });
    }
    return withSkipped({ type: 'VariableBlock', arguments: args, range: this.span(open, close) }, close);
  }

  private ifCondition(flags: number, insideFor: boolean): A.IfCondition {
    const keyword = this.expectKeyword('if');
    const condition = this.withRecovery(() => this.parenthesizedExpression(flags & ~RESOURCES), NONE, insideFor ? UNTIL_RIGHT_SQUARE_LEFT_BRACE_NEW_LINE : UNTIL_LEFT_BRACE_NEW_LINE);
    // Bicep keeps the body's error only when the condition's `)` is there.
    const closed = condition.type === 'ParenthesizedExpression' && condition.skipped === undefined;
    const body = this.withRecovery(() => this.object(flags), closed ? NONE : SUPPRESS, insideFor ? UNTIL_RIGHT_SQUARE_NEW_LINE : UNTIL_NEW_LINE);
    return { type: 'IfCondition', condition, body, range: this.span(keyword, body) };
  }

  private parenthesizedExpression(flags: number): A.ParenthesizedExpression {
    const { open, items, close } = this.parenthesizedList(() => this.expression(flags), true);
    return withSkipped({ type: 'ParenthesizedExpression', expression: this.parenthesizedContent(open, items), range: this.span(open, close) }, close);
  }

  private parenthesizedExpressionOrLambda(flags: number): A.Expression {
    const { open, items, close } = this.parenthesizedList(() => this.expression(flags), true);
    if (this.is(T.Arrow)) {
      this.read();
      if (!DECLARATION_KEYWORDS.has(this.textOf(this.peekSkippingNewLines()))) this.newLines();
      const body = this.expressionWithRecovery(COMPLEX, NONE, UNTIL_NEW_LINE_RIGHT_PAREN);
      return { type: 'Lambda', variableSection: this.variableBlock(open, items, close), body, range: this.span(open, body) };
    }
    return withSkipped({ type: 'ParenthesizedExpression', expression: this.parenthesizedContent(open, items), range: this.span(open, close) }, close);
  }

  private parenthesizedContent<N extends Node>(open: Token, items: Part[]): N | Skipped {
    if (items.length === 0) return this.skipEmptyAt(this.ends[open]!, E.parenthesesMustHaveExactlyOneItem());
    if (items.length === 1) {
      const only = items[0]!;
      return isToken(only) ? this.skip([only]) : (only as N | Skipped);
    }
    return this.skip(items, E.parenthesesMustHaveExactlyOneItem());
  }

  /** `(…)` with its items and separators; an object, not a tuple, as destructuring a tuple goes through an iterator. */
  private parenthesizedList(parse: () => Part, newLinesAllowed: boolean): Parenthesized {
    const open = this.expect(T.LeftParen, E.expectedCharacter('('));
    const items: Part[] = [];
    // As in Bicep, the newlines count as items: `(\n a \n)` holds three.
    this.itemNewLines(items, newLinesAllowed);
    while (!this.is(T.RightParen)) {
      items.push(this.withRecovery(parse, NONE, UNTIL_EXPRESSION_END_OR_COMMA));
      this.itemNewLines(items, newLinesAllowed);
      if (!this.is(T.Comma)) break;
      items.push(this.read());
      this.itemNewLines(items, newLinesAllowed);
    }
    const lastItem = items[items.length - 1];
    const start = this.p;
    let close: Part;
    try {
      close = this.expect(T.RightParen, E.expectedCharacter(')'));
    } catch (e) {
      close = this.recovered(start, e, lastItem !== undefined ? suppression(lastItem) : NONE, UNTIL_STRING_RIGHT_PIECE_RIGHT_BRACE_RIGHT_SQUARE_NEW_LINE);
    }
    return { open, items, close };
  }

  private itemNewLines(items: Part[], allowed: boolean): void {
    while (allowed && this.is(T.NewLine)) items.push(this.read());
  }

  private typedLambda(): A.TypedLambda {
    const { open, items, close } = this.parenthesizedList((): A.TypedLocalVariable => {
      const name = this.identifierOrSkip(E.expectedVariableIdentifier());
      const declaredType = this.withRecovery(() => this.type(false), NONE, UNTIL_NEW_LINE_COMMA_RIGHT_PAREN);
      return { type: 'TypedLocalVariable', name, declaredType, range: this.span(name, declaredType) };
    }, true);
    const returnType = this.withRecovery(() => this.type(false), NONE, UNTIL_NEW_LINE_RIGHT_PAREN);
    const arrow = this.withRecovery(() => this.expect(T.Arrow, E.expectedCharacter('=>')), NONE, UNTIL_NEW_LINE_RIGHT_PAREN);
    if (!isSkipped(arrow) && !DECLARATION_KEYWORDS.has(this.textOf(this.peekSkippingNewLines()))) this.newLines();
    const body = this.expressionWithRecovery(COMPLEX, NONE, UNTIL_NEW_LINE_RIGHT_PAREN);
    const args = items.filter((i): i is A.TypedLocalVariable | Skipped => !isToken(i));
    const variableSection: A.TypedVariableBlock = withSkipped({ type: 'TypedVariableBlock', arguments: args, range: this.span(open, close) }, close);
    return withSkipped({ type: 'TypedLambda', variableSection, returnType, body, range: this.span(open, body) }, arrow);
  }

  // ── Strings ───────────────────────────────────────────────────────────────────────────────

  private interpolableString(): A.StringExpression | Skipped {
    const startToken = this.p;
    if (this.types[startToken] === T.StringComplete) {
      // Most strings are one token: no pieces or holes to collect.
      const start = this.starts[startToken]!;
      const end = this.ends[startToken]!;
      const text = this.text;
      // A `'…'` without a backslash is its own value: the lexer ended it at its first quote, so it
      // holds no other. Most strings are such, and skip the general decoding below.
      const plain =
        end - start >= 2 &&
        text.charCodeAt(start) === 39 &&
        text.charCodeAt(end - 1) === 39 &&
        (end - start === 2 || text.charCodeAt(start + 1) !== 39) &&
        !this.backslashBefore(start, end);
      const value = plain ? text.slice(start + 1, end - 1) : completeStringValue(text, start, end);
      if (value !== undefined) {
        this.read();
        return { type: 'String', segments: [value], expressions: NO_EXPRESSIONS, range: [start, end] };
      }
    }
    const pieces: Token[] = [];
    const parts: Part[] = [];
    const expressions: Expr[] = [];
    let first = true;
    for (;;) {
      let failed = false;
      const t = this.peekType();
      if (t === (first ? T.StringComplete : T.StringRightPiece)) {
        const token = this.read();
        pieces.push(token);
        parts.push(token);
        const segments = stringSegments(this.text, this.tokens, pieces);
        if (segments) return { type: 'String', segments, expressions, range: this.span(pieces[0]!, token) };
        failed = true;
      } else if (t === (first ? T.StringLeftPiece : T.StringMiddlePiece)) {
        const token = this.read();
        pieces.push(token);
        parts.push(token);
        // A hole cannot span lines, so recovery may stop at a newline; holes take no object or array literals.
        let hole: Expr = this.expressionWithRecovery(NONE, NONE, HOLE_END);
        if (!this.checkAny(HOLE_END)) {
          const rest = this.synchronizeAndSkip(this.p, NONE, E.unexpectedTokensInInterpolation(), HOLE_END);
          hole = { type: 'SkippedTrivia', elements: [hole, rest], range: this.span(hole, rest) };
        }
        expressions.push(hole);
        parts.push(hole);
        if (this.is(T.NewLine) || this.isAtEnd()) failed = true;
      } else {
        const skipped = this.synchronizeAndSkip(this.p, NONE, E.unexpectedTokensInInterpolation(), HOLE_END);
        parts.push(skipped);
        if (!this.checkAny(HOLE_CONTINUATION)) failed = true;
      }
      if (failed) {
        const nodes = parts.filter((x): x is Node => !isToken(x));
        return { type: 'SkippedTrivia', elements: nodes, range: [this.starts[startToken]!, this.starts[this.p]!] };
      }
      first = false;
    }
  }

  // ── Types ─────────────────────────────────────────────────────────────────────────────────

  private type(optionalResourceType: boolean): TypeExpr {
    if (this.isKeyword(this.p, 'resource') && this.peekTypeAhead(1) !== T.LeftChevron) return this.resourceType(optionalResourceType);
    return this.typeExpression();
  }

  /** `resource 'type@version'` as a type. Its own method, so `type` has no closure (see `recovered`). */
  private resourceType(optionalResourceType: boolean): TypeExpr {
    const keyword = this.read();
    const resourceType = this.withRecovery((): A.StringExpression | Skipped | null => {
      if (optionalResourceType && !this.isString(this.p)) return null;
      return this.throwIfSkipped(() => this.interpolableString(), E.expectedResourceTypeString());
    }, NONE, UNTIL_ASSIGNMENT_NEW_LINE);
    const node: A.ResourceType = { type: 'ResourceType', range: this.span(keyword, resourceType ?? keyword) };
    return resourceType ? { ...node, resourceType } : node;
  }

  private typeExpression(): TypeExpr {
    if (this.depth >= MAX_NESTING) throw new TooDeep(this.p);
    this.depth++;
    try {
      return this.unionOrType();
    } finally {
      this.depth--;
    }
  }

  private hasUnionSeparator(): boolean {
    return this.is(T.Pipe) || (this.is(T.NewLine) && this.peekTypeAhead(1) === T.Pipe);
  }

  private unionOrType(): TypeExpr {
    let start: Part | null = null;
    if (this.hasUnionSeparator()) {
      this.newLines();
      start = this.read();
    }
    const candidate = this.unaryTypeExpression();
    if (start === null && !this.hasUnionSeparator()) return candidate;
    const members: (A.UnionTypeMember | Skipped)[] = [{ type: 'UnionTypeMember', value: candidate, range: candidate.range }];
    while (this.hasUnionSeparator()) {
      this.newLines();
      this.read();
      if (this.is(T.NewLine)) members.push(this.skipEmpty(E.expectedTypeLiteral()));
      else members.push(this.unionTypeMember());
    }
    return { type: 'UnionType', members, range: this.span(start ?? candidate, members[members.length - 1]!) };
  }

  private unionTypeMember(): A.UnionTypeMember | Skipped {
    const start = this.p;
    try {
      const value = this.unaryTypeExpression();
      return { type: 'UnionTypeMember', value, range: value.range };
    } catch (e) {
      return this.recovered(start, e, NONE, NO_TERMINATORS);
    }
  }

  private unaryTypeExpression(): TypeExpr {
    let candidate = this.unaryTypeBase();
    for (;;) {
      if (this.is(T.Question)) {
        const q = this.read();
        candidate = { type: 'NullableType', base: candidate, range: this.span(candidate, q) };
      } else if (this.is(T.Exclamation)) {
        const b = this.read();
        candidate = { type: 'NonNullableType', base: candidate, range: this.span(candidate, b) };
      } else return candidate;
    }
  }

  private unaryTypeBase(): TypeExpr {
    const token = this.p;
    const operator = UNARY.get(this.types[token]!);
    if (operator === undefined) return this.memberTypeExpression();
    this.read();
    const start = this.p;
    let expression: TypeExpr;
    try {
      expression = this.memberTypeExpression();
    } catch (e) {
      expression = this.recovered(start, e, NONE, EXPRESSION_END);
    }
    return { type: 'UnaryTypeOperation', operator, expression, range: this.span(token, expression) };
  }

  private memberTypeExpression(): TypeExpr {
    let current = this.primaryTypeExpression();
    for (;;) {
      if (this.is(T.LeftSquare)) {
        this.read();
        if (this.is(T.RightSquare)) {
          const close = this.read();
          current = { type: 'ArrayType', item: { type: 'ArrayTypeMember', value: current, range: current.range }, range: this.span(current, close) };
        } else if (this.is(T.Asterisk)) {
          this.read();
          const close = this.expect(T.RightSquare, E.expectedCharacter(']'));
          current = { type: 'TypeItemsAccess', baseExpression: current, range: this.span(current, close) };
        } else {
          const index = this.expression(NONE);
          const close = this.expect(T.RightSquare, E.expectedCharacter(']'));
          current = { type: 'TypeArrayAccess', baseExpression: current, indexExpression: index, range: this.span(current, close) };
        }
        continue;
      }
      if (this.is(T.Dot)) {
        this.read();
        if (this.is(T.Asterisk)) {
          const star = this.read();
          current = { type: 'TypeAdditionalPropertiesAccess', baseExpression: current, range: this.span(current, star) };
          continue;
        }
        const name = this.identifierOrSkip(E.expectedFunctionOrPropertyName());
        if (this.is(T.LeftChevron)) {
          const args = this.elements(List.TypeArguments, this.openList(T.LeftChevron, '<', T.RightChevron), NONE) as A.InstanceParameterizedTypeInstantiation['arguments'];
          const close = this.closeList(T.RightChevron, '>');
          current = withSkipped({ type: 'InstanceParameterizedTypeInstantiation', baseExpression: current, name, arguments: args, range: this.span(current, close) }, close);
        } else current = { type: 'TypePropertyAccess', baseExpression: current, propertyName: name, range: this.span(current, name) };
        continue;
      }
      return current;
    }
  }

  private typeArgument(): A.ParameterizedTypeArgument {
    const start = this.p;
    let expression: TypeExpr;
    try {
      expression = this.typeExpression();
    } catch (e) {
      expression = this.recovered(start, e, NONE, UNTIL_NEW_LINE_COMMA_RIGHT_CHEVRON);
    }
    return { type: 'ParameterizedTypeArgument', expression, range: expression.range };
  }

  private primaryTypeExpression(): TypeExpr {
    const next = this.p;
    switch (this.types[next]) {
      case T.Integer:
      case T.NullKeyword:
      case T.TrueKeyword:
      case T.FalseKeyword:
        return this.literal('type');
      case T.StringComplete:
      case T.StringLeftPiece: {
        const s = this.interpolableString();
        return s.type === 'String' ? { type: 'StringTypeLiteral', segments: s.segments, expressions: s.expressions, range: s.range } : s;
      }
      case T.LeftBrace:
        return this.objectType();
      case T.LeftSquare:
        return this.tupleType();
      case T.LeftParen:
        return this.parenthesizedType();
      case T.Identifier: {
        const name = this.identifierOf(this.expect(T.Identifier, E.expectedTypeIdentifier()));
        if (!this.is(T.LeftChevron)) return { type: 'TypeVariableAccess', name, range: name.range };
        const args = this.elements(List.TypeArguments, this.openList(T.LeftChevron, '<', T.RightChevron), NONE) as A.ParameterizedTypeInstantiation['arguments'];
        const close = this.closeList(T.RightChevron, '>');
        return withSkipped({ type: 'ParameterizedTypeInstantiation', name, arguments: args, range: this.span(name, close) }, close);
      }
      default:
        throw this.expected(next, E.unrecognizedTypeExpression());
    }
  }

  private parenthesizedType(): A.ParenthesizedType {
    const { open, items, close } = this.parenthesizedList(() => this.typeExpression(), false);
    return withSkipped({ type: 'ParenthesizedType', expression: this.parenthesizedContent(open, items), range: this.span(open, close) }, close);
  }

  private objectType(): A.ObjectType {
    const open = this.expect(T.LeftBrace, E.expectedCharacter('{'));
    const members = this.elements(List.ObjectTypeMembers, T.RightBrace, NONE);
    const close = this.expect(T.RightBrace, E.expectedCharacter('}'));
    return { type: 'ObjectType', members: members as A.ObjectType['members'], range: this.span(open, close) };
  }

  private objectTypeMember(): A.ObjectTypeProperty | A.ObjectTypeAdditionalProperties {
    const leading = this.leadingNodes();
    const cur = this.p;
    const key = this.withRecovery(
      () =>
        this.throwIfSkipped((): Part => {
          if (this.types[cur] === T.Identifier) return this.identifier(E.expectedPropertyName());
          if (this.types[cur] === T.StringComplete || this.types[cur] === T.StringLeftPiece) return this.interpolableString();
          if (this.types[cur] === T.Asterisk) return this.expect(T.Asterisk, E.expectedCharacter('*'));
          throw this.expected(cur, E.expectedPropertyNameOrMatcher());
        }, E.expectedPropertyName()),
      NONE,
      UNTIL_COLON_NEW_LINE_RIGHT_BRACE,
    );
    const colon = this.withRecovery(() => this.expect(T.Colon, E.expectedCharacter(':')), suppression(key), UNTIL_NEW_LINE_RIGHT_BRACE);
    const value = this.withRecovery(() => this.typeExpression(), suppression(colon), UNTIL_NEW_LINE_RIGHT_BRACE);
    const range = this.span(leading.length > 0 ? leading[0]! : key, value);
    const decorators = this.decoratorsOf(leading);
    if (isToken(key)) return withSkipped({ type: 'ObjectTypeAdditionalProperties', decorators, value, range }, colon);
    return withSkipped({ type: 'ObjectTypeProperty', decorators, key: key as A.Identifier | A.StringExpression | Skipped, value, range }, colon);
  }

  private tupleType(): A.TupleType {
    const open = this.expect(T.LeftSquare, E.expectedCharacter('['));
    const items = this.elements(List.TupleItems, T.RightSquare, NONE);
    const close = this.expect(T.RightSquare, E.expectedCharacter(']'));
    return { type: 'TupleType', items: items as A.TupleType['items'], range: this.span(open, close) };
  }

  private tupleTypeItem(): A.TupleTypeItem | Skipped {
    const start = this.p;
    try {
      const leading = this.leadingNodes();
      const value = this.typeExpression();
      return { type: 'TupleTypeItem', decorators: this.decoratorsOf(leading), value, range: this.span(leading.length > 0 ? leading[0]! : value, value) };
    } catch (e) {
      return this.recovered(start, e, NONE, UNTIL_NEW_LINE_RIGHT_SQUARE);
    }
  }

  // ── Lists ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The elements of a list up to `closing`, alternating with separators (which add recovery nodes
   * to the list). `flags` go to object elements and arguments.
   */
  private elements(kind: List, closing: TokenType, flags: number): readonly Node[] {
    // A close on the same line is always allowed.
    if (this.is(closing)) return NO_NODES;
    // The elements gather on the parser's stack, and the list is cut from it at its length: an
    // array grown by `push` held room for 17 and more, in a tree that lives through the lint.
    const base = this.listTop;
    try {
      this.newLines();
      let expectElement = true;
      while (!this.isAtEnd() && this.types[this.p] !== closing) {
        if (expectElement) this.listPush(this.element(kind, flags));
        else if (kind >= List.Arguments ? !this.functionSeparator(kind, closing, flags) : !this.separator()) break;
        expectElement = !expectElement;
      }
      return this.listStack.slice(base, this.listTop);
    } finally {
      // Also when recovery unwinds past the list.
      this.listTop = base;
    }
  }

  private listPush(node: Node): void {
    this.listStack[this.listTop++] = node;
  }

  private element(kind: List, flags: number): Node {
    switch (kind) {
      case List.ObjectElements: return this.objectElement(flags);
      case List.ArrayItems: return this.arrayItem();
      case List.ImportedSymbols: return this.importedSymbolsListItem();
      case List.ObjectTypeMembers: return this.objectTypeMember();
      case List.TupleItems: return this.tupleTypeItem();
      case List.Arguments: return this.functionArgument(flags);
      case List.TypeArguments: return this.typeArgument();
    }
  }

  /** Between elements of `{…}` and `[…]`: newlines or a comma, never both. */
  private separator(): boolean {
    if (this.is(T.NewLine)) this.newLines();
    else if (this.is(T.Comma)) {
      this.read();
      if (this.is(T.NewLine)) {
        this.listPush(this.skipEmpty(E.unexpectedNewLineAfterCommaSeparator()));
        this.newLine();
      }
    } else this.listPush(this.skipEmpty(E.expectedNewLineOrCommaSeparator()));
    return true;
  }

  /** Between arguments and type arguments: a comma, newlines allowed after it. False: stop the list. */
  private functionSeparator(kind: List, closing: TokenType, flags: number): boolean {
    if (this.is(T.NewLine)) {
      let k = 1;
      while (this.peekTypeAhead(k) === T.NewLine && this.commented.has(this.p + k)) k++;
      const after = this.peekTypeAhead(k);
      // Cut off by the end of the file: leave the newlines, so "expected )" lands in the right place.
      if (after === -1 || after === T.EndOfFile) return false;
      if (after !== closing) this.listPush(this.skipEmpty(E.expectedCommaSeparator()));
      this.newLines();
    } else if (this.is(T.Comma)) {
      this.read();
      if (this.is(T.NewLine)) this.newLines();
      // No trailing commas: parse an element anyway for its diagnostic.
      if (this.is(closing)) this.listPush(this.element(kind, flags));
    } else this.listPush(this.skipEmpty(E.expectedNewLineOrCommaSeparator()));
    return true;
  }

  // ── Identifiers and tokens ────────────────────────────────────────────────────────────────

  private identifierOf(token: Token): A.Identifier {
    const start = this.starts[token]!;
    const end = this.ends[token]!;
    return { type: 'Identifier', name: this.text.slice(start, end), range: [start, end] };
  }

  private identifier(error: BicepMessage): A.Identifier {
    return this.identifierOf(this.expect(T.Identifier, error));
  }

  private identifierOrSkip(error: BicepMessage): A.Identifier {
    if (this.is(T.Identifier)) return this.identifierOf(this.read());
    return this.malformedIdentifier(this.skipEmpty(error));
  }

  private malformedIdentifier(s: Skipped): A.Identifier {
    return { type: 'Identifier', name: '', range: s.range, skipped: [s] };
  }

  private identifierWithRecovery(error: BicepMessage, flags: number, terminators: readonly TokenType[]): A.Identifier {
    const start = this.p;
    try {
      return this.identifier(error);
    } catch (e) {
      return this.malformedIdentifier(this.recovered(start, e, flags, terminators));
    }
  }

  private assignment(): Token {
    return this.expect(T.Assignment, E.expectedCharacter('='));
  }

  private newLine(): Token {
    return this.expect(T.NewLine, E.expectedNewLine());
  }

  private newLineOrEof(): Token | null {
    return this.types[this.p] === T.EndOfFile ? null : this.newLine();
  }

  private newLines(): void {
    while (this.is(T.NewLine)) this.read();
  }

  private textOf(token: Token): string {
    return this.text.slice(this.starts[token], this.ends[token]);
  }

  /** `[start of first, end of last]`, each a token or a node. */
  private span(first: Part, last: Part): A.Range {
    return [typeof first === 'number' ? this.starts[first]! : first.range[0], typeof last === 'number' ? this.ends[last]! : last.range[1]];
  }

  /** Whether `token` (-1: past the end) is the identifier `keyword`. */
  private isKeyword(token: Token, keyword: string): boolean {
    if (token < 0 || this.types[token] !== T.Identifier) return false;
    const start = this.starts[token]!;
    return this.ends[token]! - start === keyword.length && this.text.startsWith(keyword, start);
  }

  private isString(token: Token): boolean {
    const t = this.types[token];
    return t === T.StringComplete || t === T.StringLeftPiece;
  }

  private optionalKeyword(keyword: string): Token | null {
    return !this.isAtEnd() && this.isKeyword(this.p, keyword) ? this.read() : null;
  }

  private expectKeyword(keyword: string, error?: BicepMessage): Token {
    const t = this.optionalKeyword(keyword);
    if (t !== null) return t;
    throw this.expected(this.p, error ?? E.expectedKeyword(keyword));
  }

  private expect(type: TokenType, error: BicepMessage): Token {
    if (this.is(type)) return this.read();
    throw this.expected(this.p, error);
  }

  private expected(token: Token, error: BicepMessage): ExpectedToken {
    // A newline's error is a zero-length span at its start, so it does not run onto the next line.
    const start = this.starts[token]!;
    return new ExpectedToken(start, this.types[token] === T.NewLine ? start : this.ends[token]!, error);
  }

  /** The type of the next token. */
  private peekType(): TokenType {
    return this.types[this.p]!;
  }

  /** The type of the token `k` ahead, or -1 past the end. */
  private peekTypeAhead(k: number): TokenType | -1 {
    const i = this.p + k;
    return i < this.count ? this.types[i]! : -1;
  }

  /** The next token that is not a newline. */
  private peekSkippingNewLines(): Token {
    let i = this.p;
    while (this.types[i] === T.NewLine) i++;
    return i;
  }

  /** The first token from `k` ahead that is not a newline, or -1 past the end. */
  private peekAheadSkippingNewLines(k: number): Token {
    let i = this.p + k;
    while (i < this.count && this.types[i] === T.NewLine) i++;
    return i < this.count ? i : -1;
  }

  /**
   * Whether `[start, end)` holds a backslash. One search serves every string up to the next
   * backslash, instead of a search per string; the parser reads strings in text order.
   */
  private backslashBefore(start: number, end: number): boolean {
    if (start < this.backslashFrom || this.backslashAt < start) {
      const at = this.text.indexOf('\\', start);
      this.backslashFrom = start;
      this.backslashAt = at === -1 ? this.text.length : at;
    }
    return this.backslashAt < end;
  }

  private read(): Token {
    const t = this.p;
    if (t < this.last) this.p++;
    return t;
  }

  private isAtEnd(): boolean {
    return this.types[this.p] === T.EndOfFile;
  }

  private is(type: TokenType): boolean {
    const t = this.types[this.p];
    return t === type && t !== T.EndOfFile;
  }

  /** Whether the next token is one of `types` (never the end of the file). */
  private checkAny(types: readonly TokenType[]): boolean {
    return !this.isAtEnd() && types.includes(this.types[this.p]!);
  }

  // ── Recovery ──────────────────────────────────────────────────────────────────────────────

  /** Bicep's `WithRecovery`: on an expectation failure, skip to a terminator and stand a `SkippedTrivia` in. */
  private withRecovery<R extends Part | null>(parse: () => R, flags: number, terminators: readonly TokenType[]): R | Skipped {
    const start = this.p;
    try {
      return parse();
    } catch (e) {
      return this.recovered(start, e, flags, terminators);
    }
  }

  /**
   * The catch side of `withRecovery`, for the hot call sites that inline its try: a closure there
   * cost an allocation per call, and a closure over `this` made V8 allocate a context on every
   * entry to the calling method, whether the closure was made or not.
   */
  private recovered(start: number, e: unknown, flags: number, terminators: readonly TokenType[]): Skipped {
    if (!(e instanceof ExpectedToken)) throw e;
    return this.synchronizeAndSkip(start, flags, e, terminators);
  }

  /** `withRecovery(() => this.expression(flags), …)` without a closure: the commonest recovery, run for every property value and argument. */
  private expressionWithRecovery(flags: number, recovery: number, terminators: readonly TokenType[]): Expr {
    const start = this.p;
    try {
      return this.expression(flags);
    } catch (e) {
      return this.recovered(start, e, recovery, terminators);
    }
  }

  private throwIfSkipped<R extends Part>(parse: () => R, error: BicepMessage): Exclude<R, Skipped> {
    const start = this.p;
    const result = parse();
    if (isSkipped(result)) throw this.expected(start, error);
    return result as Exclude<R, Skipped>;
  }

  private synchronize(consumeTerminator: boolean, terminators: readonly TokenType[]): void {
    while (!this.isAtEnd()) {
      if (terminators.includes(this.peekType())) {
        if (consumeTerminator) this.read();
        return;
      }
      this.read();
    }
  }

  /**
   * Bicep's `SynchronizeAndReturnTrivia`. The error is the exception's (at the unexpected token) or,
   * given as a message, spans the skipped tokens without the terminator.
   */
  private synchronizeAndSkip(start: number, flags: number, error: ExpectedToken | BicepMessage, terminators: readonly TokenType[]): Skipped {
    this.synchronize(false, terminators);
    const errorRange = this.skippedRange(start);
    if (flags & CONSUME_TERMINATOR) this.synchronize(true, terminators);
    const node: Skipped = { type: 'SkippedTrivia', elements: [], range: this.skippedRange(start) };
    if (!(flags & SUPPRESS)) {
      if (error instanceof ExpectedToken) this.errorOf.set(node, { ...error.error, start: error.start, end: error.end });
      else this.errorOf.set(node, { ...error, start: errorRange[0], end: errorRange[1] });
    }
    return node;
  }

  private skippedRange(start: number): A.Range {
    const first = this.starts[start]!;
    return this.p > start ? [first, this.ends[this.p - 1]!] : [first, first];
  }

  private skip(parts: Part[], error?: BicepMessage): Skipped {
    const range = this.span(parts[0]!, parts[parts.length - 1]!);
    const node: Skipped = { type: 'SkippedTrivia', elements: parts.filter((x): x is Node => !isToken(x)), range };
    if (error) this.errorOf.set(node, { ...error, start: range[0], end: range[1] });
    return node;
  }

  /** A `SkippedTrivia` over `range` holding `nodes`, its error at `errorAt`. */
  private skipNodes(range: A.Range, nodes: Node[], error: BicepMessage, errorAt: Token): Skipped {
    const node: Skipped = { type: 'SkippedTrivia', elements: nodes, range };
    this.errorOf.set(node, { ...error, start: this.starts[errorAt]!, end: this.ends[errorAt]! });
    return node;
  }

  private skipEmpty(error?: BicepMessage): Skipped {
    return this.skipEmptyAt(this.starts[this.p]!, error);
  }

  private skipEmptyAt(position: number, error?: BicepMessage): Skipped {
    const node: Skipped = { type: 'SkippedTrivia', elements: [], range: [position, position] };
    if (error) this.errorOf.set(node, { ...error, start: position, end: position });
    return node;
  }

  /**
   * A statement nested past `MAX_NESTING` is skipped whole, up to the newline where its brackets
   * (and string holes) are balanced again, with one diagnostic where the limit was reached.
   */
  private skipStatement(start: number, at: Token): Skipped {
    let balance = 0;
    let i = start;
    for (; i < this.last; i++) {
      const t = this.types[i];
      if (t === T.LeftBrace || t === T.LeftParen || t === T.LeftSquare || t === T.StringLeftPiece) balance++;
      else if (t === T.RightBrace || t === T.RightParen || t === T.RightSquare || t === T.StringRightPiece) balance--;
      else if (t === T.NewLine && balance <= 0 && i >= this.p) break;
    }
    this.p = i;
    const node: Skipped = { type: 'SkippedTrivia', elements: [], range: this.skippedRange(start) };
    this.errorOf.set(node, { ...E.nestingTooDeep(String(MAX_NESTING)), start: this.starts[at]!, end: this.ends[at]! });
    return node;
  }

  /** Bicep's `HasSyntaxError`: a lexer error inside the node, or a recovery error in its tree. */
  private hasSyntaxError(node: Node): boolean {
    const [s, e] = node.range;
    if (this.lexErrors.some((x) => x.start >= s && x.end <= e)) return true;
    let found = false;
    walk(node, (n) => {
      if (n.type === 'SkippedTrivia' && this.errorOf.has(n)) found = true;
    });
    return found;
  }

  private collectDiagnostics(program: A.Program): void {
    const errors = [...this.lexErrors];
    // Recovery errors count only when their node made it into the tree (as in Bicep).
    if (this.errorOf.size > 0)
      walk(program, (n) => {
      if (n.type === 'SkippedTrivia') {
          const e = this.errorOf.get(n);
          if (e) errors.push(e);
        }
      });
    errors.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const e of errors) {
      this.diagnostics.push({ severity: 'error', summary: e.message, subject: { file: this.file, start: e.start, end: e.end }, code: e.code });
    }
  }
}

/** Flags that keep a second error off a declaration whose previous part was already missing. */
function suppression(preceding: Part | null): number {
  if (preceding === null || isToken(preceding)) return NONE;
  if (preceding.type === 'Identifier') {
    const s = preceding.skipped?.[0];
    return preceding.name === '' && s !== undefined && s.range[0] === s.range[1] ? SUPPRESS : NONE;
  }
  if (preceding.type === 'SkippedTrivia') return preceding.range[0] === preceding.range[1] ? SUPPRESS : NONE;
  return NONE;
}

/** Visits every node under `root` (itself included), without recursion. */
export function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const keys = VISITOR_KEYS[node.type];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) for (let i = child.length - 1; i >= 0; i--) stack.push(child[i] as Node);
      else if (child && typeof child === 'object') stack.push(child as Node);
    }
  }
}
