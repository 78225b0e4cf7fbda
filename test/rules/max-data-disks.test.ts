import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/max-data-disks.js';
import { disk, model, n, param, run, s, vm } from './model-builder.js';
import type { AttachedDisk } from '../../src/azure/model.js';
import { dataDisk } from '../helpers/lint.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armVmStorage, tfDiskCount, tfResource, tfVm, UNMANAGED_OS } from './sources.js';

const disks = (count: number, over: Partial<AttachedDisk> = {}) => Array.from({ length: count }, () => disk(over));

test('32 managed data disks pass, 33 fail at the dataDisks key with the count and its origin', () => {
  assert.equal(run(rule, model({ vms: [vm({ dataDisks: disks(32) })] })).reports.length, 0);
  const v = vm({ dataDisks: disks(33), dataDisksOrigin: "copy count 33 from parameter 'diskCount'" });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisksAt);
  assert.equal(
    reports[0]!.message,
    "VM has 33 data disks (copy count 33 from parameter 'diskCount'), over Azure Backup's limit of 32 per VM",
  );
});

test('16 unmanaged disks pass, 17 fail', () => {
  const vhd = { vhdUri: s('https://sa.blob.core.windows.net/vhds/d.vhd') };
  assert.equal(run(rule, model({ vms: [vm({ dataDisks: disks(16, vhd) })] })).reports.length, 0);
  const { reports } = run(rule, model({ vms: [vm({ dataDisks: disks(17, vhd) })] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^VM has 17 data disks, over Azure Backup's limit of 16 per VM with unmanaged disks$/);
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
  assert.match(maybes[0]!.message, /^Parameter 'diskCount' allows 40 and 64 data disks, over Azure Backup's limit of 32 per VM$/);
  assert.equal(run(rule, model({ vms: [vm({ dataDisksCount: n(40) })] })).reports.length, 1);
});

const diskLoop = (count: unknown, extra: Record<string, unknown> = {}) =>
  armVmStorage('vm1', { ...extra, copy: [{ name: 'dataDisks', count, input: dataDisk(0, 'Premium_LRS', { lun: "[copyIndex('dataDisks')]" }) }] });
const vhdLoop = (count: number) =>
  armVmStorage('vm1', {
    ...UNMANAGED_OS,
    copy: [
      {
        name: 'dataDisks',
        count,
        input: { lun: "[copyIndex('dataDisks')]", name: "[concat('d', copyIndex('dataDisks'))]", createOption: 'Empty', diskSizeGB: 64, vhd: { uri: "[concat('https://sa.blob.core.windows.net/vhds/d', copyIndex('dataDisks'), '.vhd')]" } },
      },
    ],
  });
const legacyVm = (count: number) =>
  tfResource(
    'azurerm_virtual_machine',
    'legacy',
    '  name                  = "legacy"\n  location              = "westeurope"\n  resource_group_name   = "rg"\n  vm_size               = "Standard_D2s_v3"\n  network_interface_ids = []\n' +
      '  storage_os_disk {\n    name          = "os"\n    create_option = "FromImage"\n    vhd_uri       = "https://sa.blob.core.windows.net/vhds/os.vhd"\n  }\n' +
      `  dynamic "storage_data_disk" {\n    for_each = range(${count})\n    content {\n      name          = "d\${storage_data_disk.value}"\n      lun           = storage_data_disk.value\n      create_option = "Empty"\n      disk_size_gb  = 64\n      vhd_uri       = "https://sa.blob.core.windows.net/vhds/d\${storage_data_disk.value}.vhd"\n    }\n  }\n`,
  );

formatSuite('max-data-disks', [
  ...valueCases({
    bad: 33,
    good: 32,
    arm: (v) => [diskLoop(v)],
    armAt: '"dataDisks"',
    tf: (expr, loop) => tfVm({ meta: loop.meta }) + tfDiskCount(expr),
    tfBad: '33',
    tfGood: '32',
    tfAt: '"azurerm_linux_virtual_machine"',
    skip: ['tf-for-each', 'tf-count'],
  }),
  armCase('ARM: 32 inline data disks pass', { resources: [armVmStorage('vm1', { dataDisks: Array.from({ length: 32 }, (_, i) => dataDisk(i, 'Premium_LRS')) })] }, []),
  armCase('ARM: 33 inline data disks fail at the dataDisks key', { resources: [armVmStorage('vm1', { dataDisks: Array.from({ length: 33 }, (_, i) => dataDisk(i, 'Premium_LRS')) })] }, ['"dataDisks"']),
  armCase('ARM: 16 unmanaged data disks pass', { resources: [vhdLoop(16)] }, []),
  armCase('ARM: 17 unmanaged data disks fail', { resources: [vhdLoop(17)] }, ['"dataDisks"']),
  tfCase('Terraform: 16 unmanaged storage_data_disk blocks pass', legacyVm(16), []),
  tfCase('Terraform: 17 unmanaged storage_data_disk blocks fail', legacyVm(17), ['"storage_data_disk"']),
]);
