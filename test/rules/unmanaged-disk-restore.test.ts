import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/unmanaged-disk-restore.js';
import { disk, model, run, s, vm } from './model-builder.js';

test('an unmanaged disk warns once at the first VHD URI', () => {
  const v = vm({ osDisk: disk({ role: 'os', vhdUri: s('https://x/os.vhd') }), dataDisks: [disk({ vhdUri: s('https://x/d.vhd') })] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.osDisk!.vhdUri);
  assert.match(reports[0]!.message, /^The VM uses unmanaged disks: Replace existing is not supported for them \(support matrix 2021: "Replace existing: /);
  assert.equal(rule.meta.severity, 'off');
});

test('managed disks pass', () => {
  assert.deepEqual(run(rule, model({ vms: [vm({ dataDisks: [disk()] })] })), { reports: [], maybes: [] });
});
