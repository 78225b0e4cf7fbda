import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/cli.js';

/** Loads the bundled CLI in a fresh Node under `flags` and says whether V8 took the build's code cache. */
function cacheTaken(flags: readonly string[]): boolean {
  const dist = (p: string) => JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/src/cli', p)).href);
  const program = `
    import v8 from 'node:v8';
    for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);
    const { loadCli } = await import(${dist('load-bundle.js')});
    const { runCli, cacheUsed } = loadCli();
    process.stdout.write(JSON.stringify({ cacheUsed, runs: typeof runCli === 'function' }));`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const { cacheUsed, runs } = JSON.parse(out.stdout) as { cacheUsed: boolean; runs: boolean };
  assert.ok(runs, 'the bundle exports runCli');
  return cacheUsed;
}

describe('the bundled CLI and its code cache', () => {
  it('takes the cache `npm run build` made, under the flags bin/ sets', async () => {
    const { CLI_V8_FLAGS } = await import('../../src/cli/v8-flags.js');
    assert.equal(cacheTaken(CLI_V8_FLAGS), true);
  });

  it('still runs when V8 refuses the cache (other flags than it was made under)', () => {
    assert.equal(cacheTaken(['--no-turbo-inlining']), false);
  });
});
