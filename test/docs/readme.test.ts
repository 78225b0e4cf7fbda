import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../helpers/cli.js';

// Both are generated; `npm run rules:update` rewrites them after a rule is added or changed.
for (const script of ['build-rules-index.mjs', 'update-rules-readme.mjs']) {
  it(`${script}: what it generates is up to date (rules/index.ts, the README rules table)`, () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', script), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
}
