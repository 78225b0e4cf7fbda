import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/policy-schedule.js';
import { absent, list, model, n, param, policy, run, s } from './model-builder.js';
import type { ScheduleRun } from '../../src/azure/model.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armPolicy, armVault, tfPolicy, tfVault } from './sources.js';

const schedule = (over: Partial<ScheduleRun>): ScheduleRun => ({
  frequency: s('Daily'), runTimes: [s('02:00')], hourlyInterval: absent(), hourlyWindowHours: absent(), ...over,
});
test('daily and weekly pass', () => {
  const policies = [policy({ schedule: schedule({ frequency: s('daily') }) }), policy({ schedule: schedule({ frequency: s('Weekly') }) })];
  assert.deepEqual(run(rule, model({ policies })), { reports: [], maybes: [] });
});

test('2021: Hourly is an error at the frequency, even in a V2 policy', () => {
  const p = policy({ policyType: s('V2'), schedule: schedule({ frequency: s('Hourly') }) });
  const { reports } = run(rule, model({ policies: [p] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, p.schedule.frequency);
  assert.equal(reports[0]!.message, "Schedule frequency 'Hourly' is not supported: Azure Backup schedules VM backups 'Daily' and 'Weekly'");
});

test('more than one run time a day is an error at the run-time list', () => {
  const runTimesAt = list().loc!;
  const p = policy({ schedule: schedule({ runTimes: [s('02:00'), s('14:00')], runTimesAt }) });
  const { reports } = run(rule, model({ policies: [p] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, runTimesAt);
  assert.equal(reports[0]!.message, 'The schedule has 2 run times a day; Azure Backup takes one scheduled VM backup per day');
});

test('2025: Hourly in a V2 policy with interval 4/6/8/12 and window 4–24 passes', () => {
  const p = policy({ policyType: s('V2'), schedule: schedule({ frequency: s('Hourly'), hourlyInterval: n(4), hourlyWindowHours: n(24) }) });
  assert.deepEqual(run(rule, model({ policies: [p] }), '2025'), { reports: [], maybes: [] });
});

test('2025: Hourly in a V1 policy, a bad interval and a bad window are errors', () => {
  const v1 = policy({ schedule: schedule({ frequency: s('Hourly') }) });
  const r1 = run(rule, model({ policies: [v1] }), '2025').reports;
  assert.equal(r1.length, 1);
  assert.match(r1[0]!.message, /^Schedule frequency 'Hourly' needs an Enhanced \(V2\) policy, and this policy is a Standard \(V1\) policy$/);
  const bad = policy({ policyType: s('V2'), schedule: schedule({ frequency: s('Hourly'), hourlyInterval: n(5), hourlyWindowHours: n(2) }) });
  const r2 = run(rule, model({ policies: [bad] }), '2025').reports;
  assert.deepEqual(r2.map((r) => r.at), [bad.schedule.hourlyInterval, bad.schedule.hourlyWindowHours]);
  assert.match(r2[0]!.message, /^Hourly interval of 5 hours is not supported: Azure Backup runs hourly backups every 4, 6, 8 and 12 hours/);
  assert.match(r2[1]!.message, /^Hourly backup window of 2 hours is not supported: it must be 4 to 24 hours/);
});

test('2025: Hourly with an unknown policy type is a "may be" finding', () => {
  const p = policy({ policyType: param('policyType'), schedule: schedule({ frequency: s('Hourly'), hourlyInterval: n(4), hourlyWindowHours: n(12) }) });
  const { reports, maybes } = run(rule, model({ policies: [p] }), '2025');
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
});

test('non-VM policies and unknown frequencies are no finding', () => {
  const sql = policy({ managementType: s('AzureWorkload'), schedule: schedule({ frequency: s('Hourly') }) });
  const unknownFrequency = policy({ schedule: schedule({ frequency: param('frequency') }) });
  assert.deepEqual(run(rule, model({ policies: [sql, unknownFrequency] })), { reports: [], maybes: [] });
});

const RUN = '2024-01-01T23:00:00Z';
const scheduled = (frequency: unknown, runTimes: string[] = [RUN]) =>
  armPolicy('rsv', 'daily', { schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: frequency, scheduleRunTimes: runTimes } });
const hourly = (interval: number) =>
  armPolicy('rsv', 'hourly', {
    policyType: 'V2',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval, scheduleWindowStartTime: '2024-01-01T08:00:00Z', scheduleWindowDuration: 12 } },
  });
const tfHourly = (policyType: string) =>
  tfVault() + tfPolicy({ attrs: `  policy_type         = "${policyType}"\n`, backup: '    frequency     = "Hourly"\n    time          = "08:00"\n    hour_interval = 4\n    hour_duration = 12\n' });

formatSuite('policy-schedule', [
  ...valueCases({
    bad: 'Hourly',
    good: 'Daily',
    arm: (v) => [armVault('rsv'), scheduled(v)],
    tf: (expr, loop) => tfVault() + tfPolicy({ meta: loop.meta, backup: `    frequency = ${expr}\n    time      = "23:00"\n` }),
    tfBad: '"Hourly"',
    tfGood: '"Daily"',
  }),
  armCase('ARM: a monthly schedule fails', { resources: [armVault('rsv'), scheduled('Monthly')] }, ['"Monthly"']),
  armCase('ARM: two run times a day fail', { resources: [armVault('rsv'), scheduled('Daily', [RUN, '2024-01-01T11:00:00Z'])] }, [['[', '"scheduleRunTimes"']]),
  armCase('ARM 2025: hourly every 4 hours in a V2 policy passes', { resources: [armVault('rsv'), hourly(4)] }, [], { matrix: '2025' }),
  armCase('ARM 2025: hourly every 5 hours fails at the interval', { resources: [armVault('rsv'), hourly(5)] }, ['5'], { matrix: '2025' }),
  armCase('ARM 2021: hourly fails even in a V2 policy', { resources: [armVault('rsv'), hourly(4)] }, ['"Hourly"']),
  tfCase('Terraform 2025: hourly in a V2 policy passes', tfHourly('V2'), [], { matrix: '2025' }),
  tfCase('Terraform 2025: hourly in a V1 policy fails', tfHourly('V1'), ['"Hourly"'], { matrix: '2025' }),
]);
