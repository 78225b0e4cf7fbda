export { parseHcl, parseTemplateRegion, MAX_NESTING } from './parser.js';
export { parseTfJson } from './json.js';
export type * from './ast.js';
