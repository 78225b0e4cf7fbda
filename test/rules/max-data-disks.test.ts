import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/max-data-disks.js';
import { disk, model, n, param, run, s, vm } from './model-builder.js';
import type { AttachedDisk } from '../../src/model/types.js';

const disks = (count: number, over: Partial<AttachedDisk> = {}) => Array.from({ length: count }, () => disk(over));

test('32 managed data disks pass, 33 fail at the dataDisks key with the count and its origin', () => {
  assert.equal(run(rule, model({ vms: [vm({ dataDisks: disks(32) })] })).reports.length, 0);
  const v = vm({ dataDisks: disks(33), dataDisksOrigin: "copy count 33 from parameter 'diskCount'" });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisksAt);
  assert.equal(
    reports[0]!.message,
    `VM has 33 data disks (copy count 33 from parameter 'diskCount'); Azure Backup supports up to 32 disks for a VM (support matrix 2021: "Azure VM data disks: Support for backup of Azure VMs with up to 32 disks. Support for backup of Azure VMs with unmanaged disks or classic VMs is up to 16 disks only.")`,
  );
});

test('16 unmanaged disks pass, 17 fail', () => {
  const vhd = { vhdUri: s('https://sa.blob.core.windows.net/vhds/d.vhd') };
  assert.equal(run(rule, model({ vms: [vm({ dataDisks: disks(16, vhd) })] })).reports.length, 0);
  const { reports } = run(rule, model({ vms: [vm({ dataDisks: disks(17, vhd) })] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^VM has 17 data disks; Azure Backup supports up to 16 disks for a VM with unmanaged disks/);
});

test('an unmanaged OS disk makes the VM unmanaged', () => {
  const v = vm({ osDisk: disk({ role: 'os', vhdUri: s('https://x/os.vhd') }), dataDisks: disks(17) });
  assert.equal(run(rule, model({ vms: [v] })).reports.length, 1);
});

test('an unknown count: no finding, a "may be" finding naming candidates over the limit', () => {
  const none = vm({ dataDisksCount: param('diskCount') });
  assert.deepEqual(run(rule, model({ vms: [none] })), { reports: [], maybes: [] });
  const v = vm({ dataDisksCount: param('diskCount', 8, 32, 40, 64) });
  const { maybes } = run(rule, model({ vms: [v] }));
  assert.equal(maybes.length, 1);
  assert.equal(maybes[0]!.at, v.dataDisksAt);
  assert.match(maybes[0]!.message, /^VM may have 64 data disks: parameter 'diskCount' allows 40, 64; Azure Backup supports up to 32 disks/);
  assert.equal(run(rule, model({ vms: [vm({ dataDisksCount: n(40) })] })).reports.length, 1);
});
