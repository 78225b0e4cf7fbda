export { parseBicep, type BicepParseOptions, type BicepParseResult } from './parse.js';
export { lexBicep, TOKEN_NAMES, type Token } from './lexer.js';
export { MAX_NESTING, walk } from './parser.js';
export { VISITOR_KEYS } from './visitor-keys.js';
export type * from './ast.js';
