// Loads the bundled CLI (scripts/bundle-cli.mjs) with V8's code cache for it, made by
// `npm run build` after a warm-up run. Node 20 compiles each function of the bundle the first
// time it runs: over the 1,200-template corpus that was ~30 ms of a ~750 ms run, and of a hook
// run on one file most of its start. Node 22 caches compiled modules itself
// (`module.enableCompileCache`); Node 20 caches only scripts, hence a CommonJS bundle run as a
// `vm.Script`. V8 refuses a cache made by another V8 or under other flags, or for another source
// (it then compiles as without one), so a stale or foreign cache costs one file read.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { runCli } from './main.js';

const BUNDLE = fileURLToPath(new URL('./bundle.cjs', import.meta.url));
const CODE_CACHE = `${BUNDLE}.v8-cache`;

export interface LoadedCli {
  readonly runCli: typeof runCli;
  /** Whether V8 took the code cache (false when there was none or V8 refused it). */
  readonly cacheUsed: boolean;
  /** Writes the code of every function compiled so far as the cache (`npm run build` only). */
  writeCodeCache(): void;
}

/**
 * Compiles and runs the bundle. The caller sets the CLI's V8 flags first (src/cli/v8-flags.ts):
 * they are part of what V8 checks a cache against.
 */
export function loadCli(): LoadedCli {
  const source = readFileSync(BUNDLE, 'utf8');
  const cachedData = readCodeCache();
  // The wrapper Node puts around a CommonJS module, plus the bundle's own URL, which the build
  // puts where the modules read `import.meta.url` (relative reads: package.json, the worker).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __bundleUrl) {${source}\n})`, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as { runCli: typeof runCli } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE), pathToFileURL(BUNDLE).href);
  return {
    runCli: module.exports.runCli,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    writeCodeCache: () => writeFileSync(CODE_CACHE, script.createCachedData()),
  };
}

/** The build's code cache; none when it was not made (tsc without the bundle step) or cannot be read. */
function readCodeCache(): Buffer | undefined {
  try {
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}
