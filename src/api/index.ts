// Public programmatic API. Implemented in src/api/lint.ts; this file only re-exports it.
export type { LintOptions } from '../engine/options.js';
export { lint, lintSources } from './lint.js';
