import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/unmanaged-disk-restore.js';
import { disk, model, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, valueCases } from './formats.js';
import { armVm, armVmStorage, tfLegacyVm, UNMANAGED_OS } from './sources.js';

test('an unmanaged disk warns once at the first VHD URI', () => {
  const v = vm({ osDisk: disk({ role: 'os', vhdUri: s('https://x/os.vhd') }), dataDisks: [disk({ vhdUri: s('https://x/d.vhd') })] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.osDisk!.vhdUri);
  assert.match(reports[0]!.message, /^The VM uses unmanaged disks: Azure Backup cannot restore it with Replace existing, only as a new VM or disks$/);
  assert.equal(rule.meta.category, 'restore-limitation');
});

test('managed disks pass', () => {
  assert.deepEqual(run(rule, model({ vms: [vm({ dataDisks: [disk()] })] })), { reports: [], maybes: [] });
});

const unmanagedSite = valueCases({
  bad: 'https://sa.blob.core.windows.net/vhds/os.vhd',
  good: null,
  arm: (v) => [armVmStorage('vm1', { osDisk: { createOption: 'FromImage', name: 'os', vhd: { uri: v } } })],
  tf: (expr, loop) => tfLegacyVm(expr, loop.meta),
  tfBad: '"https://sa.blob.core.windows.net/vhds/os.vhd"',
  tfGood: 'null',
  // A `vhd.uri` makes the disk unmanaged whatever blob it names.
  unknownFinds: true,
  options: { preset: 'all' },
});

formatSuite('unmanaged-disk-restore', [
  ...unmanagedSite,
  armCase('ARM: off in the recommended preset', { resources: [armVmStorage('vm1', UNMANAGED_OS)] }, []),
  armCase('ARM: a managed VM passes', { resources: [armVm('vm1')] }, [], { preset: 'all' }),
]);
