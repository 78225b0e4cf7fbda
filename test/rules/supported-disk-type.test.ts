import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/supported-disk-type.js';
import { disk, model, param, policy, protect, run, s, vault, vm } from './model-builder.js';
import { dataDisk } from '../helpers/lint.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armDataDiskCopy, armDisk, armProtection, armVmStorage, attachDisk, tfAttachedDisk, tfProtection, tfVm } from './sources.js';

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
    "Disk type 'PremiumV2_LRS' cannot be backed up by Azure Backup; VMs with it cannot be protected",
  );
});

test('2025: PremiumV2_LRS needs an Enhanced policy', () => {
  const bare = vm({ dataDisks: [disk({ storageType: s('PremiumV2_LRS') })] });
  const { reports } = run(rule, model({ vms: [bare] }), '2025');
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /needs an Enhanced \(V2\) backup policy/);
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

const premiumV2Arm = () => armVmStorage('vm1', { dataDisks: [dataDisk(0, 'PremiumV2_LRS')] });
const premiumV2Tf = () => tfVm() + tfAttachedDisk({ type: '"PremiumV2_LRS"' });

formatSuite('supported-disk-type', [
  ...valueCases({
    bad: 'PremiumV2_LRS',
    good: 'StandardSSD_ZRS',
    arm: (v) => [armVmStorage('vm1', { dataDisks: [dataDisk(0, v)] })],
    armCopy: armDataDiskCopy((v) => dataDisk(0, v)),
    tf: (expr, loop) => tfVm() + tfAttachedDisk({ type: expr }, loop),
    tfBad: '"PremiumV2_LRS"',
    tfGood: '"StandardSSD_ZRS"',
  }),
  armCase('ARM: Ultra SSD is left to no-ultra-ssd', { resources: [armVmStorage('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] }, []),
  armCase(
    'ARM: the five supported types pass',
    { resources: [armVmStorage('vm1', { dataDisks: ['Standard_LRS', 'StandardSSD_LRS', 'Premium_LRS', 'StandardSSD_ZRS', 'Premium_ZRS'].map((t, i) => dataDisk(i, t)) })] },
    [],
  ),
  armCase('ARM: a disk resource attached by id', { resources: [armDisk('d1', 'PremiumV2_LRS'), armVmStorage('vm1', { dataDisks: [attachDisk(0, 'd1')] })] }, ['"PremiumV2_LRS"']),
  armCase('ARM 2025: PremiumV2 on a VM protected with a V2 policy passes', { resources: [premiumV2Arm(), ...armProtection('V2')] }, [], { matrix: '2025' }),
  {
    ...armCase('ARM 2025: PremiumV2 on a VM protected with a V1 policy fails', { resources: [premiumV2Arm(), ...armProtection('V1')] }, ['"PremiumV2_LRS"'], { matrix: '2025' }),
    message: /Enhanced \(V2\) backup policy/,
  },
  tfCase('Terraform 2025: PremiumV2 with a V2 policy passes', premiumV2Tf() + tfProtection('V2'), [], { matrix: '2025' }),
  tfCase('Terraform 2025: PremiumV2 with a V1 policy fails', premiumV2Tf() + tfProtection('V1'), ['"PremiumV2_LRS"'], { matrix: '2025' }),
]);
