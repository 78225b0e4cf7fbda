import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/policy-retention.js';
import { model, n, param, policy, run } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armPolicy, armVault, tfPolicy, tfVault } from './sources.js';

test('counts at their limits pass', () => {
  const p = policy({ retention: [{ unit: 'daily', count: n(9999) }, { unit: 'weekly', count: n(5163) }, { unit: 'monthly', count: n(1188) }, { unit: 'yearly', count: n(99) }] });
  assert.deepEqual(run(rule, model({ policies: [p] })), { reports: [], maybes: [] });
});

test('counts over their limits are errors at the count', () => {
  const p = policy({ retention: [{ unit: 'daily', count: n(10000) }, { unit: 'weekly', count: n(5164) }, { unit: 'monthly', count: n(1189) }, { unit: 'yearly', count: n(100) }] });
  const { reports } = run(rule, model({ policies: [p] }));
  assert.deepEqual(reports.map((r) => r.at), p.retention.map((r) => r.count));
  assert.deepEqual(reports.map((r) => r.message), [
    "Daily retention of 10000 days is over Azure Backup's limit of 9999 days, so the policy is rejected",
    "Weekly retention of 5164 weeks is over Azure Backup's limit of 5163 weeks, so the policy is rejected",
    "Monthly retention of 1189 months is over Azure Backup's limit of 1188 months, so the policy is rejected",
    "Yearly retention of 100 years is over Azure Backup's limit of 99 years, so the policy is rejected",
  ]);
});

test('unknown counts: only candidates over the limit', () => {
  const p = policy({ retention: [{ unit: 'yearly', count: param('years') }, { unit: 'daily', count: param('days', 30, 10000) }] });
  const { reports, maybes } = run(rule, model({ policies: [p] }));
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.equal(maybes[0]!.at, p.retention[1]!.count);
});

const TIMES = ['2024-01-01T23:00:00Z'];
const kept = (schedule: string, count: unknown, durationType: string) =>
  armPolicy('rsv', 'daily', {
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      dailySchedule: { retentionTimes: TIMES, retentionDuration: { count: schedule === 'dailySchedule' ? count : 30, durationType: 'Days' } },
      ...(schedule === 'dailySchedule' ? {} : { [schedule]: { retentionTimes: TIMES, retentionScheduleFormatType: 'Weekly', retentionDuration: { count, durationType } } }),
    },
  });

formatSuite('policy-retention', [
  ...valueCases({
    bad: 10000,
    good: 9999,
    arm: (v) => [armVault('rsv'), kept('dailySchedule', v, 'Days')],
    tf: (expr, loop) => tfVault() + tfPolicy({ meta: loop.meta, retention: `  retention_daily {\n    count = ${expr}\n  }\n` }),
    tfBad: '10000',
    tfGood: '9999',
  }),
  armCase('ARM: 5164 weeks fail', { resources: [armVault('rsv'), kept('weeklySchedule', 5164, 'Weeks')] }, ['5164']),
  armCase('ARM: 5163 weeks pass', { resources: [armVault('rsv'), kept('weeklySchedule', 5163, 'Weeks')] }, []),
  armCase('ARM: 100 years fail', { resources: [armVault('rsv'), kept('yearlySchedule', 100, 'Years')] }, ['100']),
  tfCase('Terraform: 99 years pass', tfVault() + tfPolicy({ retention: '  retention_daily {\n    count = 30\n  }\n  retention_yearly {\n    count  = 99\n    weekdays = ["Sunday"]\n    weeks    = ["Last"]\n    months   = ["January"]\n  }\n' }), []),
  tfCase('Terraform: 1189 months fail', tfVault() + tfPolicy({ retention: '  retention_daily {\n    count = 30\n  }\n  retention_monthly {\n    count    = 1189\n    weekdays = ["Sunday"]\n    weeks    = ["Last"]\n  }\n' }), ['1189']),
]);
