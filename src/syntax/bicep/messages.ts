// Messages and codes of Bicep's lexer and parser diagnostics, from Azure/bicep
// src/Bicep.Core/Diagnostics/DiagnosticBuilder.cs. Copyright (c) Microsoft Corporation, MIT License.

export interface BicepMessage {
  readonly code: string;
  readonly message: string;
}

/** A diagnostic of the lexer or parser at `[start, end)`. */
export interface BicepError extends BicepMessage {
  readonly start: number;
  readonly end: number;
}

const m = (code: string, message: string): BicepMessage => ({ code, message });

/**
 * The parser names the error of every expectation before it knows whether it fails: build each
 * message once. The memo keeps its function's arity (none or one argument), not a rest parameter:
 * an argument array per expectation was garbage.
 */
function memo<A extends [] | [string]>(f: (...args: A) => BicepMessage): (...args: A) => BicepMessage {
  if (f.length === 0) {
    const make = f as () => BicepMessage;
    let plain: BicepMessage | undefined;
    return (() => (plain ??= make())) as (...args: A) => BicepMessage;
  }
  const make = f as (arg: string) => BicepMessage;
  const cache = new Map<string, BicepMessage>();
  return ((arg: string) => {
    let message = cache.get(arg);
    if (message === undefined) cache.set(arg, (message = make(arg)));
    return message;
  }) as (...args: A) => BicepMessage;
}
const quoted = (items: readonly string[]): string => items.map((i) => `"${i}"`).join(', ');

export const BicepErrors = {
  unrecognizedToken: memo((token: string) => m('BCP001', `The following token is not recognized: "${token}".`)),
  unterminatedMultilineComment: memo(() => m('BCP002', 'The multi-line comment at this location is not terminated. Terminate it with the */ character sequence.')),
  unterminatedString: memo(() => m('BCP003', 'The string at this location is not terminated. Terminate the string with a single quote character.')),
  unterminatedStringWithNewLine: memo(() => m('BCP004', 'The string at this location is not terminated due to an unexpected new line character.')),
  unterminatedStringEscapeSequenceAtEof: memo(() => m('BCP005', 'The string at this location is not terminated. Complete the escape sequence and terminate the string with a single unescaped quote character.')),
  unterminatedStringEscapeSequenceUnrecognized: memo((list: string) => m('BCP006', `The specified escape sequence is not recognized. Only the following escape sequences are allowed: ${list}.`)),
  unrecognizedDeclaration: memo(() => m('BCP007', 'This declaration type is not recognized. Specify a metadata, parameter, variable, resource, or output declaration.')),
  expectedParameterContinuation: memo(() => m('BCP008', 'Expected the "=" token, or a newline at this location.')),
  unrecognizedExpression: memo(() => m('BCP009', 'Expected a literal value, an array, an object, a parenthesized expression, or a function call at this location.')),
  invalidInteger: memo(() => m('BCP010', 'Expected a valid 64-bit signed integer.')),
  invalidType: memo(() => m('BCP011', 'The type of the specified value is incorrect. Specify a string, boolean, or integer literal.')),
  expectedKeyword: memo((keyword: string) => m('BCP012', `Expected the "${keyword}" keyword at this location.`)),
  expectedParameterIdentifier: memo(() => m('BCP013', 'Expected a parameter identifier at this location.')),
  expectedVariableIdentifier: memo(() => m('BCP015', 'Expected a variable identifier at this location.')),
  expectedOutputIdentifier: memo(() => m('BCP016', 'Expected an output identifier at this location.')),
  expectedResourceIdentifier: memo(() => m('BCP017', 'Expected a resource identifier at this location.')),
  expectedCharacter: memo((character: string) => m('BCP018', `Expected the "${character}" character at this location.`)),
  expectedNewLine: memo(() => m('BCP019', 'Expected a new line character at this location.')),
  expectedFunctionOrPropertyName: memo(() => m('BCP020', 'Expected a function or property name at this location.')),
  expectedNumericLiteral: memo(() => m('BCP021', 'Expected a numeric literal at this location.')),
  expectedPropertyName: memo(() => m('BCP022', 'Expected a property name at this location.')),
  expectedVariableOrFunctionName: memo(() => m('BCP023', 'Expected a variable or function name at this location.')),
  identifierNameExceedsLimit: memo(() => m('BCP024', 'The identifier exceeds the limit of 255. Reduce the length of the identifier.')),
  compileTimeConstantRequired: memo(() => m('BCP032', 'The value must be a compile-time constant.')),
  unexpectedTokensInInterpolation: memo(() => m('BCP064', 'Found unexpected tokens in interpolated expression.')),
  expectedResourceTypeString: memo(() => m('BCP068', 'Expected a resource type string. Specify a valid resource type of format "<type-name>@<apiVersion>".')),
  complexLiteralsNotAllowed: memo(() => m('BCP087', 'Array and object literals are not allowed here.')),
  expectedModuleIdentifier: memo(() => m('BCP096', 'Expected a module identifier at this location.')),
  expectedModulePathString: memo(() => m('BCP097', "Expected a module path string. This should be a relative path to another bicep file, e.g. 'myModule.bicep' or '../parent/myModule.bicep'")),
  doubleQuoteToken: memo((token: string) => m('BCP103', `The following token is not recognized: "${token}". Strings are defined using single quotes in bicep.`)),
  emptyIndexerNotAllowed: memo(() => m('BCP117', 'An empty indexer is not allowed. Specify a valid expression.')),
  expectBodyStartOrIfOrLoopStart: memo(() => m('BCP118', 'Expected the "{" character, the "[" character, or the "if" keyword at this location.')),
  expectedNamespaceOrDecoratorName: memo(() => m('BCP123', 'Expected a namespace or decorator name at this location.')),
  invalidUnicodeEscape: memo(() => m('BCP133', 'The unicode escape sequence is not valid. Valid unicode escape sequences range from \\u{0} to \\u{10FFFF}.')),
  expectedLoopVariableIdentifier: memo(() => m('BCP136', 'Expected a loop item variable identifier at this location.')),
  unterminatedMultilineString: memo(() => m('BCP140', `The multi-line string at this location is not terminated. Terminate it with "'''".`)),
  expectedLoopItemIdentifierOrVariableBlockStart: memo(() => m('BCP162', 'Expected a loop item variable identifier or "(" at this location.')),
  expectBodyStartOrIf: memo(() => m('BCP167', 'Expected the "{" character or the "if" keyword at this location.')),
  expectedExtensionSpecification: memo(() => m('BCP201', 'Expected an extension specification string. This should either be a relative path, or a valid OCI artifact specification.')),
  expectedExtensionAliasName: memo(() => m('BCP202', 'Expected an extension alias name at this location.')),
  missingDiagnosticCodes: memo(() => m('BCP226', 'Expected at least one diagnostic code at this location. Valid format is "#disable-next-line diagnosticCode1 diagnosticCode2 ..."')),
  expectedNewLineOrCommaSeparator: memo(() => m('BCP236', 'Expected a new line or comma character at this location.')),
  expectedCommaSeparator: memo(() => m('BCP237', 'Expected a comma character at this location.')),
  unexpectedNewLineAfterCommaSeparator: memo(() => m('BCP238', 'Unexpected new line character after a comma.')),
  parenthesesMustHaveExactlyOneItem: memo(() => m('BCP243', 'Parentheses must contain exactly one expression.')),
  expectedLoopVariableBlockWith2Elements: memo((count: string) => m('BCP249', `Expected loop variable block to consist of exactly 2 elements (item variable and index variable), but found ${count}.`)),
  expectedFilePathString: memo(() => m('BCP257', "Expected a Bicep file path string. This should be a relative path to another bicep file, e.g. 'myModule.bicep' or '../parent/myModule.bicep'")),
  expectedMetadataIdentifier: memo(() => m('BCP266', 'Expected a metadata identifier at this location.')),
  unrecognizedTypeExpression: memo(() => m('BCP279', `Expected a type at this location. Please specify a valid type expression or one of the following types: ${quoted(['any', 'array', 'bool', 'int', 'object', 'string'])}.`)),
  expectedTypeLiteral: memo(() => m('BCP300', 'Expected a type literal at this location. Please specify a concrete value or a reference to a literal type.')),
  expectedWithOrAsKeywordOrNewLine: memo(() => m('BCP305', 'Expected the "with" keyword, "as" keyword, or a new line character at this location.')),
  expectedPropertyNameOrMatcher: memo(() => m('BCP317', 'Expected an identifier, a string, or an asterisk at this location.')),
  safeDereferenceNotPermittedOnInstanceFunctions: memo(() => m('BCP322', 'The `.?` (safe dereference) operator may not be used on instance function invocations.')),
  expectedTypeIdentifier: memo(() => m('BCP325', 'Expected a type identifier at this location.')),
  unrecognizedParamsFileDeclaration: memo(() => m('BCP337', `This declaration type is not valid for a Bicep Parameters file. Supported declarations: ${quoted(['using', 'extends', 'param', 'var', 'type'])}.`)),
  expectedAssertIdentifier: memo(() => m('BCP344', 'Expected an assert identifier at this location.')),
  expectedTestIdentifier: memo(() => m('BCP346', 'Expected a test identifier at this location.')),
  expectedTestPathString: memo(() => m('BCP347', 'Expected a test path string at this location.')),
  expectedSymbolListOrWildcard: memo(() => m('BCP354', "Expected left brace ('{') or asterisk ('*') character at this location.")),
  expectedExportedSymbolName: memo(() => m('BCP355', 'Expected the name of an exported symbol at this location.')),
  expectedNamespaceIdentifier: memo(() => m('BCP356', 'Expected a valid namespace identifier at this location.')),
  importListItemDoesNotIncludeDeclaredSymbolName: memo(() => m('BCP375', "An import list item that identifies its target with a quoted string must include an 'as <alias>' clause.")),
  extendsPathHasNotBeenSpecified: memo(() => m('BCP404', 'The "extends" declaration is missing a bicepparam file path reference')),
  expectedWithKeywordOrNewLine: memo(() => m('BCP436', 'Expected the "with" keyword or a new line character at this location.')),
  /** Not Bicep's: the parser's own guard against stack overflow. */
  nestingTooDeep: memo((limit: string) => m('nesting', `The expression is nested more than ${limit} levels deep; the rest of it is skipped.`)),
} satisfies Record<string, (...args: string[]) => BicepMessage>;

export type ErrorFactory = (typeof BicepErrors)[keyof typeof BicepErrors];
