import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/policy-retention.js';
import { model, n, param, policy, run } from './model-builder.js';

const ROW = `(support matrix 2021: "Maximum recovery points per protected instance (machine/workload): 9999. Maximum expiry time for a recovery point: No limit (99 years).")`;

test('counts at their limits pass', () => {
  const p = policy({ retention: [{ unit: 'daily', count: n(9999) }, { unit: 'weekly', count: n(5163) }, { unit: 'monthly', count: n(1188) }, { unit: 'yearly', count: n(99) }] });
  assert.deepEqual(run(rule, model({ policies: [p] })), { reports: [], maybes: [] });
});

test('counts over their limits are errors at the count', () => {
  const p = policy({ retention: [{ unit: 'daily', count: n(10000) }, { unit: 'weekly', count: n(5164) }, { unit: 'monthly', count: n(1189) }, { unit: 'yearly', count: n(100) }] });
  const { reports } = run(rule, model({ policies: [p] }));
  assert.deepEqual(reports.map((r) => r.at), p.retention.map((r) => r.count));
  assert.deepEqual(reports.map((r) => r.message), [
    `Daily retention of 10000 days is over the 9999 days a protected instance can keep ${ROW}`,
    `Weekly retention of 5164 weeks is over the 5163 weeks a protected instance can keep ${ROW}`,
    `Monthly retention of 1189 months is over the 1188 months a protected instance can keep ${ROW}`,
    `Yearly retention of 100 years is over the 99 years a protected instance can keep ${ROW}`,
  ]);
});

test('unknown counts: only candidates over the limit', () => {
  const p = policy({ retention: [{ unit: 'yearly', count: param('years') }, { unit: 'daily', count: param('days', 30, 10000) }] });
  const { reports, maybes } = run(rule, model({ policies: [p] }));
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.equal(maybes[0]!.at, p.retention[1]!.count);
});
