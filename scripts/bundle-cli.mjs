// Bundles the compiled CLI into one module, dist/src/cli/bundle.js, which bin/ loads.
// Why: Node 20 resolves, reads and links each of the CLI's ~160 ES modules one by one, about
// 60 ms of every run (bench/README.md); one module loads in a fraction of that. The bundle sits
// next to main.js so that its relative URLs (package.json, lint-worker.js) resolve the same way.
// The ESLint plugin and the API keep using the unbundled modules.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'dist/src/cli/main.js')],
  outfile: path.join(root, 'dist/src/cli/bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
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
