// Makes the V8 code cache of the bundled CLI (src/cli/load-bundle.ts): runs the CLI over
// examples/ the ways a run uses it (a report, SARIF, the inventory), so that the functions those
// runs call are compiled, then writes their code next to the bundle. Run by scripts/bundle-cli.mjs.
import v8 from 'node:v8';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_V8_FLAGS } from '../dist/src/cli/v8-flags.js';

// The flags first, as bin/azure-backup-lint.js sets them: V8 refuses a cache made under others.
for (const flag of CLI_V8_FLAGS) v8.setFlagsFromString(flag);
const { loadCli } = await import('../dist/src/cli/load-bundle.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = loadCli();
const io = { cwd: root, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, stderrIsTTY: false };
for (const argv of [['examples', '--format', 'json'], ['examples', '--format', 'sarif'], ['inventory', 'examples']]) {
  const code = await cli.runCli(argv, io);
  // 1: the examples have findings, as they should.
  if (code !== 0 && code !== 1) throw new Error(`code cache: azure-backup-lint ${argv.join(' ')} exited with ${code}`);
}
cli.writeCodeCache();
