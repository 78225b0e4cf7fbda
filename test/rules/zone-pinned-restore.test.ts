import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/zone-pinned-restore.js';
import { b, list, model, param, run, s, vault, vm } from './model-builder.js';

test('a zone-pinned VM without a Cross Region Restore vault warns at the zones', () => {
  const v = vm({ zones: list(s('1')) });
  const { reports } = run(rule, model({ vms: [v], vaults: [vault({ crossRegionRestore: b(false) })] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.zones);
  assert.match(reports[0]!.message, /^The VM is pinned to zone 1 and no vault in this configuration has Cross Region Restore: if the zone is unavailable due to an outage, the restore fails/);
});

test('a vault with Cross Region Restore (or unknown) and unzoned VMs pass', () => {
  const v = vm({ zones: list(s('2')) });
  assert.deepEqual(run(rule, model({ vms: [v], vaults: [vault({ crossRegionRestore: b(true) })] })), { reports: [], maybes: [] });
  assert.deepEqual(run(rule, model({ vms: [v], vaults: [vault({ crossRegionRestore: param('crr') })] })), { reports: [], maybes: [] });
  assert.deepEqual(run(rule, model({ vms: [vm({ zones: list() })] })), { reports: [], maybes: [] });
});
