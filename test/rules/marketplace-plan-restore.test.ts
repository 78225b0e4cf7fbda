import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/marketplace-plan-restore.js';
import { loc, model, run, vm } from './model-builder.js';

test('a VM with a plan warns at the plan key', () => {
  const plan = loc();
  const { reports } = run(rule, model({ vms: [vm({ plan })] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, plan);
  assert.equal(
    reports[0]!.message,
    `The VM is deployed with a Marketplace plan; Azure Backup restores such VMs only as disks, because they need purchase information (support matrix 2021: "Back up VMs that are deployed from Azure Marketplace: We don't restore Azure Marketplace VMs backed as VMs, as these need purchase information. They're only restored as disks.")`,
  );
});

test('no plan, no finding', () => {
  assert.deepEqual(run(rule, model({ vms: [vm()] })), { reports: [], maybes: [] });
});
