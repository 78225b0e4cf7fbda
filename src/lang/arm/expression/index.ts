export type { ExpressionNode, ParsedExpression } from './ast.js';
export { isSyntaxError } from './ast.js';
export { parseExpression, MAX_EXPRESSION_DEPTH } from './parser.js';
export type { ExpressionScope, DeploymentFunctionName } from './scope.js';
export { evaluateString, evaluateExpression, access, choose } from './evaluate.js';
export { isKnownFunction } from '../functions/registry.js';
export { MAX_ARRAY_LENGTH, MAX_STRING_LENGTH } from '../functions/util.js';
export { MAX_RANGE_COUNT } from '../functions/collection.js';
export type { Arg, LambdaArg, CallContext } from '../functions/types.js';
