// Bundles the compiled CLI into one script, dist/src/cli/bundle.cjs, which bin/ loads through
// src/cli/load-bundle.ts, then makes V8's code cache for it (scripts/code-cache.mjs).
// Why: Node 20 resolves, reads and links each of the CLI's ~160 ES modules one by one, about
// 60 ms of every run (bench/README.md); one module loads in a fraction of that. CommonJS, because
// Node 20 takes a code cache only for scripts. The bundle sits next to main.js so that its
// relative URLs (package.json, lint-worker.js) resolve the same way. The ESLint plugin and the API
// keep using the unbundled modules.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'dist/src/cli/main.js')],
  outfile: path.join(root, 'dist/src/cli/bundle.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // CommonJS has no import.meta: loadCli passes the bundle's URL under this name.
  define: { 'import.meta.url': '__bundleUrl' },
  target: 'node20',
  // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow; its `module` is plain ESM.
  mainFields: ['module', 'main'],
  // JSON modules (the Azure data, ~120 KB) as JSON.parse of a string: V8 parses and builds a large
  // object literal several times slower than JSON.parse reads the same text, on every start.
  plugins: [
    {
      name: 'json-parse',
      setup(b) {
        b.onLoad({ filter: /\.json$/ }, async (args) => {
          const text = await readFile(args.path, 'utf8');
          return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
        });
      },
    },
  ],
  // Names stay readable in stack traces of internal errors; whitespace goes: V8 scans the whole
  // bundle at every start, and a quarter less text is ~3 ms less of it.
  minify: false,
  minifyWhitespace: true,
  logLevel: 'warning',
});

// In a process of its own: the cache is made under the CLI's V8 flags, which V8 checks it against.
execFileSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs')], { stdio: 'inherit' });
