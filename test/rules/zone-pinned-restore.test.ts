import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/zone-pinned-restore.js';
import { b, list, model, param, run, s, vault, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armVault, armVm, tfVault, tfVm } from './sources.js';

test('a zone-pinned VM without a Cross Region Restore vault warns at the zones', () => {
  const v = vm({ zones: list(s('1')) });
  const { reports } = run(rule, model({ vms: [v], vaults: [vault({ crossRegionRestore: b(false) })] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.zones);
  assert.match(reports[0]!.message, /^The VM is pinned to zone 1 and no vault in this configuration has Cross Region Restore: in a zone outage, its restore fails$/);
});

test('a vault with Cross Region Restore (or unknown) and unzoned VMs pass', () => {
  const v = vm({ zones: list(s('2')) });
  assert.deepEqual(run(rule, model({ vms: [v], vaults: [vault({ crossRegionRestore: b(true) })] })), { reports: [], maybes: [] });
  assert.deepEqual(run(rule, model({ vms: [v], vaults: [vault({ crossRegionRestore: param('crr') })] })), { reports: [], maybes: [] });
  assert.deepEqual(run(rule, model({ vms: [vm({ zones: list() })] })), { reports: [], maybes: [] });
});

const ALL = { preset: 'all' } as const;
const crr = armVault('rsv', 'westeurope', { redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Enabled' } });

formatSuite('zone-pinned-restore', [
  ...valueCases({
    bad: ['1'],
    good: [],
    arm: (v) => [armVm('vm1', {}, { zones: v })],
    tf: (expr, loop) => tfVm({ meta: loop.meta, attrs: `  zone                  = ${expr}\n` }),
    tfBad: '"1"',
    tfGood: 'null',
    options: ALL,
  }),
  armCase('ARM: a vault with Cross Region Restore leaves a way out', { resources: [armVm('vm1', {}, { zones: ['1'] }), crr] }, [], ALL),
  armCase('ARM: a vault without it does not', { resources: [armVm('vm1', {}, { zones: ['2'] }), armVault('rsv')] }, [['[', '"zones"']], ALL),
  tfCase('Terraform: a vault with cross_region_restore_enabled leaves a way out', tfVm({ attrs: '  zone                  = "1"\n' }) + tfVault('  storage_mode_type            = "GeoRedundant"\n  cross_region_restore_enabled = true\n'), [], ALL),
  armCase('ARM: off in the recommended preset', { resources: [armVm('vm1', {}, { zones: ['1'] })] }, []),
]);
