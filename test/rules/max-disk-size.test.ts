import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/max-disk-size.js';
import { disk, model, n, param, run, vm } from './model-builder.js';
import { dataDisk } from '../helpers/lint.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armDataDiskCopy, armDisk, armVmStorage, attachDisk, tfAttachedDisk, tfDiskCount, tfVm } from './sources.js';

test('32,767 GiB passes, 32,768 GiB fails at the size value', () => {
  assert.equal(run(rule, model({ vms: [vm({ dataDisks: [disk({ sizeGB: n(32767) })] })] })).reports.length, 0);
  const v = vm({ dataDisks: [disk({ sizeGB: n(32768) })] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisks[0]!.sizeGB);
  assert.equal(
    reports[0]!.message,
    'Disk size 32,768 GiB is over the 32,767 GiB Azure Backup can back up; a VM with this disk cannot be protected',
  );
});

test('a total of 262,144 GiB passes; 262,145 fails at the VM', () => {
  const eight = (last: number) => [...Array.from({ length: 7 }, () => disk({ sizeGB: n(32767) })), disk({ sizeGB: n(last) })];
  // OS disk 128 GiB + 7 × 32,767 + x
  const ok = vm({ dataDisks: eight(262144 - 128 - 7 * 32767) });
  assert.equal(run(rule, model({ vms: [ok] })).reports.length, 0);
  const v = vm({ dataDisks: [...eight(262145 - 128 - 7 * 32767)] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.at);
  assert.match(reports[0]!.message, /^VM disks total 262,145 GiB, over the 262,144 GiB Azure Backup can back up for one VM; the VM cannot be protected$/);
});

test('unknown sizes: no finding; candidates over the limit give a "may be" finding', () => {
  const v = vm({ dataDisks: [disk({ sizeGB: param('size') }), disk({ sizeGB: param('big', 1024, 65536) })] });
  const { reports, maybes } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.equal(maybes[0]!.at, v.dataDisks[1]!.sizeGB);
});

const bigDisks = (count: number) => armVmStorage('vm1', { dataDisks: Array.from({ length: count }, (_, i) => dataDisk(i, 'Premium_LRS', { diskSizeGB: 32767 })) });

formatSuite('max-disk-size', [
  ...valueCases({
    bad: 32768,
    good: 32767,
    arm: (v) => [armVmStorage('vm1', { dataDisks: [dataDisk(0, 'Premium_LRS', { diskSizeGB: v })] })],
    armCopy: armDataDiskCopy((v) => dataDisk(0, 'Premium_LRS', { diskSizeGB: v })),
    tf: (expr, loop) => tfVm() + tfAttachedDisk({ size: expr }, loop),
    tfBad: '32768',
    tfGood: '32767',
  }),
  armCase('ARM: a disk resource of 40,000 GiB attached by id', { resources: [armDisk('d1', 'Premium_LRS', { diskSizeGB: 40000 }), armVmStorage('vm1', { dataDisks: [attachDisk(0, 'd1')] })] }, ['40000']),
  armCase('ARM: eight 32,767 GiB disks (262,136 GiB) pass', { resources: [bigDisks(8)] }, []),
  armCase('ARM: nine 32,767 GiB disks go over 256 TB, reported at the VM', { resources: [bigDisks(9)] }, ['"Microsoft.Compute/virtualMachines"']),
  tfCase('Terraform: nine attached 32,767 GiB disks go over 256 TB, reported at the VM', tfVm() + tfDiskCount('9', '32767'), ['"azurerm_linux_virtual_machine"']),
]);
