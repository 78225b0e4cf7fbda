import { dirname, relative, resolve, sep } from 'node:path';
import type { LintOptions } from '../engine/options.js';
import { compileGlob } from './glob.js';
import type { LoadedConfig } from './types.js';

export { CONFIG_FILE_NAMES, findConfigFile, loadConfig, type LoadConfigOptions } from './load.js';
export { matchesGlob } from './glob.js';
export { didYouMean } from './validate.js';
export { ConfigError, type Config, type LoadedConfig } from './types.js';

/**
 * The engine options a config file asks for. Paths in the file are relative to its
 * directory and come out absolute. `ignore` and `maxWarnings` are CLI concerns and
 * are read from `loaded.config` directly.
 */
export function toLintOptions(loaded: LoadedConfig, cwd: string): LintOptions {
  const { config } = loaded;
  const base = loaded.path === null ? resolve(cwd) : dirname(loaded.path);
  const paramMap = config.paramFiles;
  return {
    cwd: resolve(cwd),
    ...(config.matrix !== undefined ? { matrix: config.matrix } : {}),
    ...(config.rules !== undefined ? { rules: config.rules } : {}),
    ...(config.unknownValues !== undefined ? { unknownValues: config.unknownValues } : {}),
    ...(config.preset !== undefined ? { preset: config.preset } : {}),
    ...(config.compiledJson !== undefined ? { compiledJson: config.compiledJson } : {}),
    ...(config.varFiles !== undefined ? { varFiles: config.varFiles.map((f) => resolve(base, f)) } : {}),
    ...(paramMap !== undefined ? { paramFilesFor: paramFilesLookup(base, paramMap) } : {}),
  };
}

/** First matching glob wins, in the order the file lists them. */
function paramFilesLookup(base: string, map: Readonly<Record<string, readonly string[]>>): (template: string) => readonly string[] | undefined {
  const entries = Object.entries(map).map(([glob, files]) => ({ re: compileGlob(glob), files: files.map((f) => resolve(base, f)) }));
  return (template) => {
    const rel = relative(base, template).split(sep).join('/');
    return entries.find((e) => e.re.test(rel))?.files;
  };
}
