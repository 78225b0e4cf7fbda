// Each hostile input of hostile-inputs.ts, linted by the CLI next to a healthy neighbour and a
// link to a file outside the root: exit 1 (the neighbour's finding), the input's own positioned
// diagnostic, the neighbour still reported, nothing of the outside file in any output. The
// runner's timeout is the hang guard; time and memory are measured by `npm run hostile`.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HOSTILE_INPUTS } from './hostile-inputs.js';
import { lintOnDisk, SMALL_VM, SMALL_VM_AT } from './helpers.js';

const SECRET = 'OUTSIDE_ROOT_SECRET_VM';

describe('hostile inputs', () => {
  it('cover every kind of bound, at least 60 of them', () => {
    assert.ok(HOSTILE_INPUTS.length >= 60, `${HOSTILE_INPUTS.length} inputs`);
    assert.deepEqual(new Set(HOSTILE_INPUTS.map((i) => i.kind)), new Set(['work', 'nesting', 'expensive path', 'plan', 'gitignore', 'regex']));
  });

  for (const input of HOSTILE_INPUTS) {
    it(input.name, { timeout: 120_000 }, async () => {
      const outside = path.join(os.tmpdir(), `abl-outside-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(outside, SMALL_VM.replace("'vm'", SECRET).replace('"vm"', `"${SECRET}"`));
      try {
        const { code, stderr, dir, byFile } = await lintOnDisk({ ...input.files(), 'neighbour.json': SMALL_VM }, (d) => symlinkSync(outside, path.join(d, 'leak.json')));
        assert.equal(code, 1, stderr);
        assert.deepEqual(byFile['neighbour.json'], [SMALL_VM_AT]);
        const output = readFileSync(path.join(dir, 'out/results.json'), 'utf8');
        assert.ok(!output.includes(SECRET) && !stderr.includes(SECRET), 'nothing from outside the root');
        if (input.diagnostic) {
          const messages = byFile[input.diagnostic.file] ?? [];
          const own = messages.find((m) => input.diagnostic!.message.test(m.replace(/^\S+ /, '')));
          assert.ok(own, `a diagnostic matching ${input.diagnostic.message} in ${input.diagnostic.file}: ${JSON.stringify(messages)}`);
          assert.match(own, /^[1-9]\d*:[1-9]\d*-/, 'positioned');
        }
        for (const [file, messages] of Object.entries(byFile)) assert.ok(!messages.some((m) => /Cannot evaluate|Internal error/.test(m)), `${file}: ${JSON.stringify(messages)}`);
        rmSync(dir, { recursive: true, force: true });
      } finally {
        rmSync(outside, { force: true });
      }
    });
  }
});
