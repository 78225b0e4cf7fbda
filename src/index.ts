// Package entry: the ESLint plugin as the default export, the programmatic API as named exports.
export { default } from './eslint/plugin.js';
export type { AzureBackupPlugin } from './eslint/plugin.js';
export type { PluginSettings } from './eslint/session.js';
export type { LintOptions } from './api/index.js';
export { lint, lintSources } from './api/index.js';
