import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/require-backup.js';
import type { ProtectedItem } from '../../src/model/types.js';
import { loc, model, param, protect, run, s, symbol, vault, vm } from './model-builder.js';

test('an unprotected VM warns at the VM', () => {
  const protectedVm = vm();
  const item = protect(protectedVm, vault());
  const bare = vm({}, 'vm2');
  const { reports } = run(rule, model({ vms: [protectedVm, bare], protectedItems: [item] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, bare.at);
  assert.equal(
    reports[0]!.message,
    `Microsoft.Compute/virtualMachines 'vm2' is not backed up: no protected item in this configuration protects it (support matrix 2021: "Direct backup of Azure VMs: Back up the entire VM.")`,
  );
});

test('a protected item with an unknown VM reference, or a scale set, is no finding', () => {
  const loose: ProtectedItem = {
    kind: 'protectedItem', at: loc(), address: 'item', name: s('item'), location: s('westeurope'),
    resourceGroup: symbol('rg'), subscription: symbol('sub'), sourceVm: param('vmId'),
  };
  assert.deepEqual(run(rule, model({ vms: [vm()], protectedItems: [loose] })), { reports: [], maybes: [] });
  assert.deepEqual(run(rule, model({ vms: [vm({ scaleSet: true })] })), { reports: [], maybes: [] });
});
