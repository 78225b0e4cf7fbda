// Depth is an explicit bound of the linter's, not the JavaScript stack's: the deepest inputs give
// the same report in the main thread (under 1 MB of stack) and in worker threads (4 MB), and a
// stack overflow that still happens inside one expression costs that value only.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch } from '../helpers/cli.js';
import { evaluateString } from '../../src/lang/arm/expression/index.js';
import { PARALLEL_MIN_FILES } from '../../src/cli/workers.js';
import { fakeScope, SITE } from '../arm/expression/fake-scope.js';
import { HOSTILE_INPUTS } from './hostile-inputs.js';
import { SMALL_VM } from './helpers.js';

describe('nesting bounds', () => {
  it('give the same report in the main thread and in workers for every deep input', async () => {
    const deep = HOSTILE_INPUTS.filter((i) => i.kind === 'nesting');
    assert.ok(deep.length >= 10);
    const dir = scratch({});
    deep.forEach((input, n) => {
      for (const [name, text] of Object.entries(input.files())) {
        mkdirSync(path.dirname(path.join(dir, `d${n}`, name)), { recursive: true });
        writeFileSync(path.join(dir, `d${n}`, name), text);
      }
    });
    // Enough healthy files beside them for the parallel path.
    for (let i = 0; i < PARALLEL_MIN_FILES; i++) writeFileSync(path.join(dir, `ok${i}.json`), SMALL_VM);
    const report = async (concurrency: number) => {
      const out = path.join(scratch({}), 'report.json');
      const { code, stderr } = await cli(['.', '--concurrency', String(concurrency), '--format', 'json', '--output-file', out], dir);
      assert.equal(code, 1, stderr);
      return readFileSync(out, 'utf8');
    };
    const serial = await report(1);
    assert.equal(await report(2), serial);
    const messages = (JSON.parse(serial) as { messages: { message: string }[] }[]).flatMap((r) => r.messages.map((m) => m.message));
    assert.equal(messages.filter((m) => m.startsWith('Evaluation nested deeper than the linter allows')).length, deep.length);
    assert.ok(!messages.some((m) => /Maximum call stack|Cannot evaluate/.test(m)), 'no stack overflow anywhere');
  });

  it('turns a stack overflow inside one expression into that value, unknown and said at its place', () => {
    const scope = fakeScope();
    const overflowing = {
      ...scope,
      variable: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const v = evaluateString("[concat('a', variables('x'))]", SITE, overflowing);
    assert.equal(v.kind, 'unknown');
    assert.deepEqual(v.kind === 'unknown' && [v.cause, v.subject, v.reason], ['limit', SITE, 'Maximum call stack size exceeded while evaluating this expression']);
  });
});
