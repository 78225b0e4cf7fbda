import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-ultra-ssd.js';
import { disk, model, param, policy, protect, run, s, vault, vm } from './model-builder.js';

const ultraVm = () => vm({ dataDisks: [disk({ storageType: s('ultrassd_lrs') })] });

test('2021: an Ultra SSD data disk is an error at the disk type literal', () => {
  const v = ultraVm();
  const { reports, maybes } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisks[0]!.storageType);
  assert.equal(
    reports[0]!.message,
    `Disk type 'ultrassd_lrs' is not supported by Azure Backup (support matrix 2021: "Ultra SSD disks: Not supported.")`,
  );
  assert.equal(reports[0]!.severity, undefined);
  assert.equal(maybes.length, 0);
});

test('2021: even an Enhanced policy does not make Ultra SSD supported', () => {
  const v = ultraVm();
  protect(v, vault(), policy({ policyType: s('V2') }));
  assert.equal(run(rule, model({ vms: [v] })).reports.length, 1);
});

test('other disk types and ultraSSDEnabled alone are no finding', () => {
  const v = vm({ ultraSSDEnabled: s('true'), dataDisks: [disk({ storageType: s('Premium_LRS') })] });
  assert.deepEqual(run(rule, model({ vms: [v] })), { reports: [], maybes: [] });
});

test('2025: allowed when a protected item uses an Enhanced (V2) policy', () => {
  const v = ultraVm();
  protect(v, vault(), policy({ policyType: s('v2') }));
  assert.deepEqual(run(rule, model({ vms: [v] }), '2025'), { reports: [], maybes: [] });
});

test('2025: without an Enhanced policy the message says one is required', () => {
  const v = ultraVm();
  protect(v, vault(), policy({ policyType: s('V1') }));
  const { reports } = run(rule, model({ vms: [v] }), '2025');
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^Disk type 'ultrassd_lrs' is backed up only with an Enhanced \(V2\) backup policy, and no protected item in this configuration backs this VM up with one \(support matrix 2025: "Ultra disks: Supported with Enhanced policy/);
});

test('2025: a policy of unknown type makes it a "may be" finding', () => {
  const v = ultraVm();
  protect(v, vault(), policy({ policyType: param('policyType') }));
  const { reports, maybes } = run(rule, model({ vms: [v] }), '2025');
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.match(maybes[0]!.message, /the type of the policy protecting this VM is not known/);
});

test('unknown disk type: no finding, a "may be" finding when the parameter allows Ultra SSD', () => {
  const none = vm({ dataDisks: [disk({ storageType: param('diskSku') })] });
  assert.deepEqual(run(rule, model({ vms: [none] })), { reports: [], maybes: [] });
  const sku = param('diskSku', 'Premium_LRS', 'UltraSSD_LRS');
  const v = vm({ dataDisks: [disk({ storageType: sku })] });
  const { reports, maybes } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.equal(maybes[0]!.at, sku);
  assert.equal(
    maybes[0]!.message,
    `Parameter 'diskSku' allows 'UltraSSD_LRS': Disk type 'UltraSSD_LRS' is not supported by Azure Backup (support matrix 2021: "Ultra SSD disks: Not supported.")`,
  );
});

test('the same literal shared by copies is reported once', () => {
  const type = s('UltraSSD_LRS');
  const v = vm({ dataDisks: [disk({ storageType: type }), disk({ storageType: type })] });
  assert.equal(run(rule, model({ vms: [v] })).reports.length, 1);
});
