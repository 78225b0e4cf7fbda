import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-resource-group-lock.js';
import { disk, lock, model, policy, run, s, symbol, vm } from './model-builder.js';

const TAIL = `Azure Backup can't delete older restore points there, and backups start to fail (support matrix 2021: "Back up managed disks after enabling resource group lock: Not supported. Azure Backup can't delete the older restore points, and backups will start to fail when the maximum limit of restore points is reached.")`;

test('a CanNotDelete lock on the resource group of a managed-disk VM warns at the level', () => {
  const l = lock({ targetResourceGroup: s('rg-app') });
  const v = vm({ resourceGroup: s('RG-App') });
  const { reports } = run(rule, model({ vms: [v], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, l.level);
  assert.equal(reports[0]!.message, `CanNotDelete lock on resource group 'rg-app', which holds Microsoft.Compute/virtualMachines 'vm1' with managed disks: ${TAIL}`);
});

test('the deployment resource group symbol matches; ReadOnly counts too', () => {
  const l = lock({ level: s('ReadOnly') });
  const { reports } = run(rule, model({ vms: [vm()], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^ReadOnly lock on the deployment's resource group, which holds/);
});

test("a lock on the policy's restore-point resource group warns", () => {
  const l = lock({ targetResourceGroup: s('rg-snapshots') });
  const p = policy({ restorePointResourceGroup: s('rg-snapshots') });
  const { reports } = run(rule, model({ policies: [p], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /where Microsoft.RecoveryServices\/vaults\/backupPolicies 'policy1' keeps its restore points/);
});

test('other groups, resource locks, unmanaged VMs and unknown groups pass', () => {
  const unmanaged = vm({ osDisk: disk({ role: 'os', vhdUri: s('https://x/os.vhd') }) });
  const m = model({
    vms: [vm({ resourceGroup: s('rg-a') }), unmanaged],
    locks: [
      lock({ targetResourceGroup: s('rg-b') }),
      lock({ scope: 'resource', targetId: 'x' }),
      lock({ targetResourceGroup: symbol('other') }),
    ],
  });
  assert.deepEqual(run(rule, m), { reports: [], maybes: [] });
});
