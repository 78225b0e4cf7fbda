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
const quoted = (items: readonly string[]): string => items.map((i) => `"${i}"`).join(', ');

export const BicepErrors = {
  unrecognizedToken: (token: string) => m('BCP001', `The following token is not recognized: "${token}".`),
  unterminatedMultilineComment: () => m('BCP002', 'The multi-line comment at this location is not terminated. Terminate it with the */ character sequence.'),
  unterminatedString: () => m('BCP003', 'The string at this location is not terminated. Terminate the string with a single quote character.'),
  unterminatedStringWithNewLine: () => m('BCP004', 'The string at this location is not terminated due to an unexpected new line character.'),
  unterminatedStringEscapeSequenceAtEof: () => m('BCP005', 'The string at this location is not terminated. Complete the escape sequence and terminate the string with a single unescaped quote character.'),
  unterminatedStringEscapeSequenceUnrecognized: (list: string) => m('BCP006', `The specified escape sequence is not recognized. Only the following escape sequences are allowed: ${list}.`),
  unrecognizedDeclaration: () => m('BCP007', 'This declaration type is not recognized. Specify a metadata, parameter, variable, resource, or output declaration.'),
  expectedParameterContinuation: () => m('BCP008', 'Expected the "=" token, or a newline at this location.'),
  unrecognizedExpression: () => m('BCP009', 'Expected a literal value, an array, an object, a parenthesized expression, or a function call at this location.'),
  invalidInteger: () => m('BCP010', 'Expected a valid 64-bit signed integer.'),
  invalidType: () => m('BCP011', 'The type of the specified value is incorrect. Specify a string, boolean, or integer literal.'),
  expectedKeyword: (keyword: string) => m('BCP012', `Expected the "${keyword}" keyword at this location.`),
  expectedParameterIdentifier: () => m('BCP013', 'Expected a parameter identifier at this location.'),
  expectedVariableIdentifier: () => m('BCP015', 'Expected a variable identifier at this location.'),
  expectedOutputIdentifier: () => m('BCP016', 'Expected an output identifier at this location.'),
  expectedResourceIdentifier: () => m('BCP017', 'Expected a resource identifier at this location.'),
  expectedCharacter: (character: string) => m('BCP018', `Expected the "${character}" character at this location.`),
  expectedNewLine: () => m('BCP019', 'Expected a new line character at this location.'),
  expectedFunctionOrPropertyName: () => m('BCP020', 'Expected a function or property name at this location.'),
  expectedNumericLiteral: () => m('BCP021', 'Expected a numeric literal at this location.'),
  expectedPropertyName: () => m('BCP022', 'Expected a property name at this location.'),
  expectedVariableOrFunctionName: () => m('BCP023', 'Expected a variable or function name at this location.'),
  identifierNameExceedsLimit: () => m('BCP024', 'The identifier exceeds the limit of 255. Reduce the length of the identifier.'),
  compileTimeConstantRequired: () => m('BCP032', 'The value must be a compile-time constant.'),
  unexpectedTokensInInterpolation: () => m('BCP064', 'Found unexpected tokens in interpolated expression.'),
  expectedResourceTypeString: () => m('BCP068', 'Expected a resource type string. Specify a valid resource type of format "<type-name>@<apiVersion>".'),
  complexLiteralsNotAllowed: () => m('BCP087', 'Array and object literals are not allowed here.'),
  expectedModuleIdentifier: () => m('BCP096', 'Expected a module identifier at this location.'),
  expectedModulePathString: () => m('BCP097', "Expected a module path string. This should be a relative path to another bicep file, e.g. 'myModule.bicep' or '../parent/myModule.bicep'"),
  doubleQuoteToken: (token: string) => m('BCP103', `The following token is not recognized: "${token}". Strings are defined using single quotes in bicep.`),
  emptyIndexerNotAllowed: () => m('BCP117', 'An empty indexer is not allowed. Specify a valid expression.'),
  expectBodyStartOrIfOrLoopStart: () => m('BCP118', 'Expected the "{" character, the "[" character, or the "if" keyword at this location.'),
  expectedNamespaceOrDecoratorName: () => m('BCP123', 'Expected a namespace or decorator name at this location.'),
  invalidUnicodeEscape: () => m('BCP133', 'The unicode escape sequence is not valid. Valid unicode escape sequences range from \\u{0} to \\u{10FFFF}.'),
  expectedLoopVariableIdentifier: () => m('BCP136', 'Expected a loop item variable identifier at this location.'),
  unterminatedMultilineString: () => m('BCP140', `The multi-line string at this location is not terminated. Terminate it with "'''".`),
  expectedLoopItemIdentifierOrVariableBlockStart: () => m('BCP162', 'Expected a loop item variable identifier or "(" at this location.'),
  expectBodyStartOrIf: () => m('BCP167', 'Expected the "{" character or the "if" keyword at this location.'),
  expectedExtensionSpecification: () => m('BCP201', 'Expected an extension specification string. This should either be a relative path, or a valid OCI artifact specification.'),
  expectedExtensionAliasName: () => m('BCP202', 'Expected an extension alias name at this location.'),
  missingDiagnosticCodes: () => m('BCP226', 'Expected at least one diagnostic code at this location. Valid format is "#disable-next-line diagnosticCode1 diagnosticCode2 ..."'),
  expectedNewLineOrCommaSeparator: () => m('BCP236', 'Expected a new line or comma character at this location.'),
  expectedCommaSeparator: () => m('BCP237', 'Expected a comma character at this location.'),
  unexpectedNewLineAfterCommaSeparator: () => m('BCP238', 'Unexpected new line character after a comma.'),
  parenthesesMustHaveExactlyOneItem: () => m('BCP243', 'Parentheses must contain exactly one expression.'),
  expectedLoopVariableBlockWith2Elements: (count: string) => m('BCP249', `Expected loop variable block to consist of exactly 2 elements (item variable and index variable), but found ${count}.`),
  expectedFilePathString: () => m('BCP257', "Expected a Bicep file path string. This should be a relative path to another bicep file, e.g. 'myModule.bicep' or '../parent/myModule.bicep'"),
  expectedMetadataIdentifier: () => m('BCP266', 'Expected a metadata identifier at this location.'),
  unrecognizedTypeExpression: () => m('BCP279', `Expected a type at this location. Please specify a valid type expression or one of the following types: ${quoted(['any', 'array', 'bool', 'int', 'object', 'string'])}.`),
  expectedTypeLiteral: () => m('BCP300', 'Expected a type literal at this location. Please specify a concrete value or a reference to a literal type.'),
  expectedWithOrAsKeywordOrNewLine: () => m('BCP305', 'Expected the "with" keyword, "as" keyword, or a new line character at this location.'),
  expectedPropertyNameOrMatcher: () => m('BCP317', 'Expected an identifier, a string, or an asterisk at this location.'),
  safeDereferenceNotPermittedOnInstanceFunctions: () => m('BCP322', 'The `.?` (safe dereference) operator may not be used on instance function invocations.'),
  expectedTypeIdentifier: () => m('BCP325', 'Expected a type identifier at this location.'),
  unrecognizedParamsFileDeclaration: () => m('BCP337', `This declaration type is not valid for a Bicep Parameters file. Supported declarations: ${quoted(['using', 'extends', 'param', 'var', 'type'])}.`),
  expectedAssertIdentifier: () => m('BCP344', 'Expected an assert identifier at this location.'),
  expectedTestIdentifier: () => m('BCP346', 'Expected a test identifier at this location.'),
  expectedTestPathString: () => m('BCP347', 'Expected a test path string at this location.'),
  expectedSymbolListOrWildcard: () => m('BCP354', "Expected left brace ('{') or asterisk ('*') character at this location."),
  expectedExportedSymbolName: () => m('BCP355', 'Expected the name of an exported symbol at this location.'),
  expectedNamespaceIdentifier: () => m('BCP356', 'Expected a valid namespace identifier at this location.'),
  importListItemDoesNotIncludeDeclaredSymbolName: () => m('BCP375', "An import list item that identifies its target with a quoted string must include an 'as <alias>' clause."),
  extendsPathHasNotBeenSpecified: () => m('BCP404', 'The "extends" declaration is missing a bicepparam file path reference'),
  expectedWithKeywordOrNewLine: () => m('BCP436', 'Expected the "with" keyword or a new line character at this location.'),
  /** Not Bicep's: the parser's own guard against stack overflow. */
  nestingTooDeep: (limit: string) => m('nesting', `The expression is nested more than ${limit} levels deep; the rest of it is skipped.`),
} satisfies Record<string, (...args: string[]) => BicepMessage>;

export type ErrorFactory = (typeof BicepErrors)[keyof typeof BicepErrors];
