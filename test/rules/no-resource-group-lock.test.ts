import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-resource-group-lock.js';
import { disk, lock, model, policy, run, s, symbol, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armLock, armVm, armVmStorage, TF_RG, tfLegacyVm, tfLock, tfVm, UNMANAGED_OS } from './sources.js';

const TAIL = "Azure Backup can't delete old restore points, so backups fail";

test('a CanNotDelete lock on the resource group of a managed-disk VM warns at the level', () => {
  const l = lock({ targetResourceGroup: s('rg-app') });
  const v = vm({ resourceGroup: s('RG-App') });
  const { reports } = run(rule, model({ vms: [v], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, l.level);
  assert.equal(reports[0]!.message, `CanNotDelete lock on the resource group of a VM with managed disks: ${TAIL}`);
});

test('the deployment resource group symbol matches; ReadOnly counts too', () => {
  const l = lock({ level: s('ReadOnly') });
  const { reports } = run(rule, model({ vms: [vm()], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^ReadOnly lock on the resource group of a VM/);
});

test("a lock on the policy's restore-point resource group warns", () => {
  const l = lock({ targetResourceGroup: s('rg-snapshots') });
  const p = policy({ restorePointResourceGroup: s('rg-snapshots') });
  const { reports } = run(rule, model({ policies: [p], locks: [l] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.message, `CanNotDelete lock on a policy's restore point resource group: ${TAIL}`);
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

formatSuite('no-resource-group-lock', [
  ...valueCases({
    bad: 'CanNotDelete',
    good: 'NotSpecified',
    arm: (v) => [armVm('vm1'), armLock('lock', v)],
    tf: (expr, loop) => TF_RG + tfVm() + tfLock(expr, loop.meta),
    tfBad: '"CanNotDelete"',
    tfGood: '"NotSpecified"',
  }),
  armCase('ARM: a ReadOnly lock fails', { resources: [armVm('vm1'), armLock('lock', 'ReadOnly')] }, ['"ReadOnly"']),
  armCase('ARM: a lock with no VM in the group is no finding', { resources: [armLock('lock', 'CanNotDelete')] }, []),
  armCase('ARM: a VM with only unmanaged disks is left to no-lock-unmanaged-vm', { resources: [armVmStorage('vm1', UNMANAGED_OS), armLock('lock', 'CanNotDelete')] }, []),
  tfCase('Terraform: an unmanaged legacy VM is left to no-lock-unmanaged-vm', TF_RG + tfLegacyVm('"https://sa.blob.core.windows.net/vhds/os.vhd"') + tfLock('"CanNotDelete"'), []),
]);
