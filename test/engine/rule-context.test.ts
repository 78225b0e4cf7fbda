import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleContext, type WrittenReport } from '../../src/engine/findings.js';
import { MATRICES, type MatrixEdition } from '../../src/azure/matrix/matrix.js';
import { defineRule } from '../../rules/api.js';

const at = { file: 'main.json', start: 1, end: 5 };

/** A rule under a real id (one with a matrix row) that reports what `reports` asks for. */
type Reporter = (messageId: 'plain' | 'filled', more?: object) => void;

function written(id: string, edition: MatrixEdition, keepMaybe: boolean, reports: (report: Reporter) => void): string[] {
  const out: WrittenReport[] = [];
  const rule = defineRule({
    id,
    meta: { category: 'backup-blocker', severity: 'error', description: 'test', messages: { plain: 'Plain', filled: "Type '{{type}}', {{ count }} of them, {{unknown}}" } },
    check(_model, ctx) {
      reports((messageId, more) => ctx.report({ at, messageId, ...more }));
    },
  });
  rule.check({} as never, ruleContext(rule, MATRICES[edition], {}, keepMaybe, (r) => void out.push(r)));
  return out.map((r) => r.message);
}

test('the template is filled from data; a placeholder without data stays as written (as in ESLint)', () => {
  const [message] = written('no-spot-vm', '2021', false, (report) => report('filled', { data: { type: 'Spot', count: 2 } }));
  assert.equal(message, "Type 'Spot', 2 of them, {{unknown}}");
});

test('the message is the template alone: the support-matrix row is rule metadata, in no edition appended', () => {
  for (const edition of ['2021', '2025'] as const) {
    assert.deepEqual(written('no-ultra-ssd', edition, false, (report) => report('plain')), ['Plain']);
  }
});

test('a premise comes before the message; "may be" reports are dropped unless asked for', () => {
  const maybe = (report: Reporter) => report('plain', { certainty: 'maybe', premise: "Parameter 'p' allows 'Spot'" });
  assert.deepEqual(written('no-spot-vm', '2021', false, maybe), []);
  assert.deepEqual(written('no-spot-vm', '2021', true, maybe), ["Parameter 'p' allows 'Spot': Plain"]);
});

test('the same report twice counts once; the same message elsewhere or as "may be" does not repeat it', () => {
  const messages = written('no-spot-vm', '2021', true, (report) => {
    report('plain');
    report('plain');
    report('plain', { certainty: 'maybe' });
    report('plain', { at: { ...at, start: 2 } });
  });
  assert.equal(messages.length, 3);
});
