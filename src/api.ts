// Public programmatic API. Implemented in src/engine/run.ts; this file only re-exports it.
export type { LintOptions } from './engine/options.js';
export { lint, lintSources } from './engine/run.js';
