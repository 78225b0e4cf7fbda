import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-ultra-ssd.js';
import { dataDisk } from '../helpers/lint.js';
import { armCase, formatSuite, tfCase, valueCases, type TfLoop } from './formats.js';
import { armDisk, armProtection, armVmStorage, attachDisk, tfAttachedDisk, tfProtection, tfResource, tfVm } from './sources.js';
import { disk, model, param, policy, protect, run, s, vault, vm } from './model-builder.js';

const ultraVm = () => vm({ dataDisks: [disk({ storageType: s('ultrassd_lrs') })] });

test('2021: an Ultra SSD data disk is an error at the disk type literal', () => {
  const v = ultraVm();
  const { reports, maybes } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisks[0]!.storageType);
  assert.equal(reports[0]!.messageId, 'unsupported');
  assert.equal(
    reports[0]!.message,
    "Disk type 'ultrassd_lrs' cannot be backed up by Azure Backup; VMs with it cannot be protected",
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
  assert.match(reports[0]!.message, /^Disk type 'ultrassd_lrs' needs an Enhanced \(V2\) backup policy, and no protected item in this configuration uses one for this VM$/);
});

test('2025: a policy of unknown type makes it a "may be" finding', () => {
  const v = ultraVm();
  protect(v, vault(), policy({ policyType: param('policyType') }));
  const { reports, maybes } = run(rule, model({ vms: [v] }), '2025');
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.equal(maybes[0]!.messageId, 'enhancedPolicyUnknown');
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
    "Parameter 'diskSku' allows 'UltraSSD_LRS': Disk type 'UltraSSD_LRS' cannot be backed up by Azure Backup; VMs with it cannot be protected",
  );
});

test('the same literal shared by copies is reported once', () => {
  const type = s('UltraSSD_LRS');
  const v = vm({ dataDisks: [disk({ storageType: type }), disk({ storageType: type })] });
  assert.equal(run(rule, model({ vms: [v] })).reports.length, 1);
});

const ultraSite = {
  bad: 'UltraSSD_LRS',
  good: 'Premium_LRS',
  arm: (v: unknown) => [armVmStorage('vm1', { dataDisks: [dataDisk(0, v)] })],
  armCopy: {
    index: "copyIndex('dataDisks')",
    resources: (v: unknown) => [armVmStorage('vm1', { copy: [{ name: 'dataDisks', count: 2, input: dataDisk(0, v, { lun: "[copyIndex('dataDisks')]" }) }] })],
  },
  tf: (expr: string, loop: TfLoop) => tfVm() + tfAttachedDisk({ type: expr }, loop),
  tfBad: '"UltraSSD_LRS"',
  tfGood: '"Premium_LRS"',
};

const ultraVmArm = () => armVmStorage('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] });
const ultraVmTf = () => tfVm() + tfAttachedDisk({ type: '"UltraSSD_LRS"' });
const ENHANCED = /Enhanced \(V2\) backup policy/;

formatSuite('no-ultra-ssd', [
  ...valueCases(ultraSite),
  armCase('ARM: a disk resource attached by id', { resources: [armDisk('d1', 'UltraSSD_LRS'), armVmStorage('vm1', { dataDisks: [attachDisk(0, 'd1')] })] }, ['"UltraSSD_LRS"']),
  armCase('ARM: an unattached Ultra disk resource is no finding', { resources: [armDisk('d1', 'UltraSSD_LRS'), armVmStorage('vm1', {})] }, []),
  armCase('ARM: ultraSSDEnabled alone is no finding', { resources: [armVmStorage('vm1', {}, { properties: { additionalCapabilities: { ultraSSDEnabled: true } } })] }, []),
  tfCase(
    'Terraform: legacy storage_data_disk managed_disk_type',
    tfResource(
      'azurerm_virtual_machine',
      'legacy',
      '  name                  = "legacy"\n  location              = "westeurope"\n  resource_group_name   = "rg"\n  vm_size               = "Standard_D2s_v3"\n  network_interface_ids = []\n' +
        '  storage_data_disk {\n    name              = "d"\n    lun               = 0\n    create_option     = "Empty"\n    disk_size_gb      = 64\n    managed_disk_type = "UltraSSD_LRS"\n  }\n',
    ),
    ['"UltraSSD_LRS"'],
  ),
  tfCase('Terraform: an unattached Ultra managed disk is no finding', tfVm() + tfResource('azurerm_managed_disk', 'spare', '  name                 = "spare"\n  storage_account_type = "UltraSSD_LRS"\n  create_option        = "Empty"\n'), []),
  armCase('ARM 2025: Ultra disk on a VM protected with a V2 policy passes', { resources: [ultraVmArm(), ...armProtection('V2')] }, [], { matrix: '2025' }),
  { ...armCase('ARM 2025: Ultra disk on a VM protected with a V1 policy fails', { resources: [ultraVmArm(), ...armProtection('V1')] }, ['"UltraSSD_LRS"'], { matrix: '2025' }), message: ENHANCED },
  armCase('ARM 2021: a V2 policy does not help', { resources: [ultraVmArm(), ...armProtection('V2')] }, ['"UltraSSD_LRS"']),
  tfCase('Terraform 2025: Ultra disk on a VM protected with a V2 policy passes', ultraVmTf() + tfProtection('V2'), [], { matrix: '2025' }),
  { ...tfCase('Terraform 2025: Ultra disk on a VM protected with a V1 policy fails', ultraVmTf() + tfProtection('V1'), ['"UltraSSD_LRS"'], { matrix: '2025' }), message: ENHANCED },
]);
