import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/availability-set-restore.js';
import { absent, model, param, run, s, vm } from './model-builder.js';

test('a VM in an availability set warns at the set reference', () => {
  const v = vm({ availabilitySet: s('/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/availabilitySets/as1') });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.availabilitySet);
  assert.match(reports[0]!.message, /^The VM is in an availability set: restore it from its disks, not with the quick Create VM option \(support matrix 2021: "Back up VMs in availability sets: Supported. You can't restore a VM in an available set/);
  assert.equal(rule.meta.severity, 'off');
});

test('no set, null or unknown passes', () => {
  const vms = [vm(), vm({ availabilitySet: absent() }), vm({ availabilitySet: param('set') })];
  assert.deepEqual(run(rule, model({ vms })), { reports: [], maybes: [] });
});
