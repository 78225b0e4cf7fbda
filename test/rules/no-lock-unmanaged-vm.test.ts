import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-lock-unmanaged-vm.js';
import { disk, lock, model, run, s, vm } from './model-builder.js';

const unmanaged = () => vm({ osDisk: disk({ role: 'os', vhdUri: s('https://sa.blob.core.windows.net/vhds/os.vhd') }) });
const TAIL = `Azure Backup does not back up locked VMs that use unmanaged disks (support matrix 2021: "Backup of Azure VMs with locks: Unsupported for unmanaged VMs. Supported for managed VMs.")`;

test('a lock on an unmanaged VM is an error at the lock level', () => {
  const v = unmanaged();
  const l = lock({ scope: 'resource', targetId: v.id! });
  const { reports } = run(rule, model({ vms: [v], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, l.level);
  assert.equal(reports[0]!.message, `Lock on Microsoft.Compute/virtualMachines 'vm1' with unmanaged disks: ${TAIL}`);
});

test("a lock on the unmanaged VM's resource group is an error", () => {
  const { reports } = run(rule, model({ vms: [unmanaged()], locks: [lock()] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^Lock on the deployment's resource group, which holds Microsoft.Compute\/virtualMachines 'vm1' with unmanaged disks/);
});

test('locks on managed VMs pass', () => {
  const v = vm();
  assert.deepEqual(run(rule, model({ vms: [v], locks: [lock(), lock({ scope: 'resource', targetId: v.id! })] })), { reports: [], maybes: [] });
});
