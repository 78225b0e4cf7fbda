import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { Pool, WorkerFailure, type GroupOutcome, type GroupRequest } from '../../src/cli/workers.js';
import { scratch } from '../helpers/cli.js';

/** A stand-in worker script that fails the way a real worker can: by exiting or by throwing. */
function failingWorker(body: string): URL {
  const dir = scratch({});
  const file = path.join(dir, 'worker.mjs');
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { ${body} });\n`);
  return pathToFileURL(file);
}

const local = (request: GroupRequest): GroupOutcome => ({ id: request.id, results: [], inventory: [], units: 0, touched: [], rules: [], toolVersion: 'test' });
const setup = { root: process.cwd(), extraRoots: [], options: {} };
const requests: GroupRequest[] = [
  { id: 0, files: ['a/one.json', 'a/two.json', 'a/three.json'] },
  { id: 1, files: ['b/one.json'] },
];

describe('a worker thread that stops', () => {
  for (const [how, body] of [
    ['exits', 'process.exit(3);'],
    ['throws', "throw new Error('boom');"],
  ] as const) {
    it(`is reported when it ${how} mid-group, not waited for`, async () => {
      const pool = new Pool(setup, 1, local, failingWorker(body));
      try {
        await assert.rejects(pool.run(requests, () => {}), (e: unknown) => {
          assert.ok(e instanceof WorkerFailure);
          assert.match(e.message, /^a worker thread (exited with code 3|threw boom) while linting a\/one\.json and 2 more files; run again with --concurrency 1$/);
          return true;
        });
      } finally {
        await pool.close();
      }
    });
  }
});
