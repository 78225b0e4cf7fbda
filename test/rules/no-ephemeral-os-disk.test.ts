import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-ephemeral-os-disk.js';
import { disk, model, param, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, valueCases } from './formats.js';
import { armVmStorage, tfVm } from './sources.js';

test("diff disk option 'Local' is an error at the option literal", () => {
  const v = vm({ osDisk: disk({ role: 'os', ephemeralOption: s('local') }) });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.osDisk!.ephemeralOption);
  assert.equal(
    reports[0]!.message,
    "Ephemeral OS disk (diff disk option 'local'): Azure Backup cannot back it up, so the VM cannot be protected",
  );
});

test('no option, or an unknown one without candidates, is no finding', () => {
  const v = vm();
  const w = vm({ osDisk: disk({ role: 'os', ephemeralOption: param('opt') }) });
  assert.deepEqual(run(rule, model({ vms: [v, w] })), { reports: [], maybes: [] });
});

const ephemeralOs = (option: unknown) => ({ createOption: 'FromImage', caching: 'ReadOnly', diffDiskSettings: { option, placement: 'CacheDisk' }, managedDisk: { storageAccountType: 'Standard_LRS' } });

formatSuite('no-ephemeral-os-disk', [
  ...valueCases({
    bad: 'Local',
    good: null,
    arm: (v) => [armVmStorage('vm1', { osDisk: ephemeralOs(v) })],
    tf: (expr, loop) => tfVm({ meta: loop.meta, osDisk: `    diff_disk_settings {\n      option = ${expr}\n    }\n` }),
    tfBad: '"Local"',
    tfGood: 'null',
  }),
  armCase('ARM: no diffDiskSettings passes', { resources: [armVmStorage('vm1', {})] }, []),
]);
