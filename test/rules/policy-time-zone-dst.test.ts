import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/policy-time-zone-dst.js';
import { model, param, policy, run, s } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armPolicy, armVault, tfPolicy, tfVault } from './sources.js';

test('Pacific Standard Time and W. Europe Standard Time warn at the time-zone literal', () => {
  for (const zone of ['Pacific Standard Time', 'w. europe standard time']) {
    const p = policy({ timeZone: s(zone) });
    const { reports } = run(rule, model({ policies: [p] }));
    assert.equal(reports.length, 1, zone);
    assert.equal(reports[0]!.at, p.timeZone);
    assert.equal(
      reports[0]!.message,
      `Azure Backup ignores daylight saving time in '${zone}': backups run an hour off for part of the year`,
    );
  }
});

test('UTC, India Standard Time, unknown ids and unknown values pass', () => {
  const policies = ['UTC', 'India Standard Time', 'Not A Zone'].map((z) => policy({ timeZone: s(z) }));
  policies.push(policy({ timeZone: param('tz') }));
  assert.deepEqual(run(rule, model({ policies })), { reports: [], maybes: [] });
});

const zoned = (timeZone: unknown) => [armVault('rsv'), armPolicy('rsv', 'daily', { timeZone })];

formatSuite('policy-time-zone-dst', [
  ...valueCases({
    bad: 'Pacific Standard Time',
    good: 'UTC',
    arm: zoned,
    tf: (expr, loop) => tfVault() + tfPolicy({ meta: loop.meta, timezone: expr }),
    tfBad: '"Pacific Standard Time"',
    tfGood: '"UTC"',
  }),
  armCase('ARM: India Standard Time passes', { resources: zoned('India Standard Time') }, []),
  armCase('ARM: W. Europe Standard Time fails', { resources: zoned('W. Europe Standard Time') }, ['"W. Europe Standard Time"']),
  tfCase('Terraform: India Standard Time passes', tfVault() + tfPolicy({ timezone: '"India Standard Time"' }), []),
  tfCase('Terraform: W. Europe Standard Time fails', tfVault() + tfPolicy({ timezone: '"W. Europe Standard Time"' }), ['"W. Europe Standard Time"']),
]);
