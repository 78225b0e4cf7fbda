export { parseBicep, type BicepParseOptions, type BicepParseResult } from './parse.js';
export { VISITOR_KEYS } from './visitor-keys.js';
export type * from './ast.js';
