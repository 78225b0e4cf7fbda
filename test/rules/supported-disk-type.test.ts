import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/supported-disk-type.js';
import { disk, model, param, policy, protect, run, s, vault, vm } from './model-builder.js';

test('the five supported types pass, in any case', () => {
  const types = ['Standard_LRS', 'standardssd_lrs', 'Premium_LRS', 'StandardSSD_ZRS', 'Premium_ZRS'];
  const v = vm({ dataDisks: types.map((t) => disk({ storageType: s(t) })) });
  assert.deepEqual(run(rule, model({ vms: [v] })), { reports: [], maybes: [] });
});

test('2021: PremiumV2_LRS is an error at the literal; Ultra SSD is left to no-ultra-ssd', () => {
  const v = vm({ dataDisks: [disk({ storageType: s('PremiumV2_LRS') }), disk({ storageType: s('UltraSSD_LRS') })] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisks[0]!.storageType);
  assert.equal(
    reports[0]!.message,
    `Disk type 'PremiumV2_LRS' is not supported by Azure Backup (support matrix 2021: "Storage type: Standard HDD, Standard SSD, Premium SSD.")`,
  );
});

test('2025: PremiumV2_LRS needs an Enhanced policy', () => {
  const bare = vm({ dataDisks: [disk({ storageType: s('PremiumV2_LRS') })] });
  const { reports } = run(rule, model({ vms: [bare] }), '2025');
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /only with an Enhanced \(V2\) backup policy/);
  const ok = vm({ dataDisks: [disk({ storageType: s('PremiumV2_LRS') })] });
  protect(ok, vault(), policy({ policyType: s('V2') }));
  assert.deepEqual(run(rule, model({ vms: [ok] }), '2025'), { reports: [], maybes: [] });
});

test('OS disk types are checked too; unknown types only with candidates', () => {
  const v = vm({ osDisk: disk({ role: 'os', storageType: s('Foo_LRS') }), dataDisks: [disk({ storageType: param('sku', 'Premium_LRS') })] });
  const { reports, maybes } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.osDisk!.storageType);
  assert.equal(maybes.length, 0);
});
