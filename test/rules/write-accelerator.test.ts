import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/write-accelerator.js';
import { b, disk, model, param, run, s, vm } from './model-builder.js';
import { dataDisk } from '../helpers/lint.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armDataDiskCopy, armVmStorage, tfVm } from './sources.js';

const waVm = (location = s('westeurope')) => vm({ location, dataDisks: [disk({ writeAccelerator: b(true) })] });

test('2021: Write Accelerator outside Korea Central / South Africa North warns at the flag', () => {
  const v = waVm();
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisks[0]!.writeAccelerator);
  assert.match(
    reports[0]!.message,
    /^Write Accelerator disk in 'westeurope', where Azure Backup needs the VM to reach the internet to take snapshots$/,
  );
});

test('2021: listed regions pass, also written as display names', () => {
  assert.equal(run(rule, model({ vms: [waVm(s('Korea Central'))] })).reports.length, 0);
  assert.equal(run(rule, model({ vms: [waVm(s('southafricanorth'))] })).reports.length, 0);
});

test('the regions option replaces the list', () => {
  assert.equal(run(rule, model({ vms: [waVm()] }), '2021', { regions: ['westeurope'] }).reports.length, 0);
});

test('2025: supported in all regions', () => {
  assert.deepEqual(run(rule, model({ vms: [waVm()] }), '2025'), { reports: [], maybes: [] });
});

test('an unknown region gives only a "may be" finding; a disabled flag nothing', () => {
  const { reports, maybes } = run(rule, model({ vms: [waVm(param('location'))] }));
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.equal(maybes[0]!.message, 'Write Accelerator disk, region unknown: Azure Backup needs internet access from the VM except in koreacentral, southafricanorth');
  const off = vm({ dataDisks: [disk({ writeAccelerator: b(false) })] });
  assert.deepEqual(run(rule, model({ vms: [off] })), { reports: [], maybes: [] });
});

const waArmVm = (location: string) => armVmStorage('vm1', { dataDisks: [dataDisk(0, 'Premium_LRS', { caching: 'None', writeAcceleratorEnabled: true })] }, { location });

formatSuite('write-accelerator', [
  ...valueCases({
    bad: true,
    good: false,
    arm: (v) => [armVmStorage('vm1', { dataDisks: [dataDisk(0, 'Premium_LRS', { caching: 'None', writeAcceleratorEnabled: v })] })],
    armCopy: armDataDiskCopy((v) => dataDisk(0, 'Premium_LRS', { caching: 'None', writeAcceleratorEnabled: v })),
    tf: (expr, loop) => tfVm({ meta: loop.meta, osDisk: `    write_accelerator_enabled = ${expr}\n` }),
    tfBad: 'true',
    tfGood: 'false',
  }),
  armCase('ARM: Korea Central is a supported region', { resources: [waArmVm('koreacentral')] }, []),
  armCase('ARM: the 2025 edition supports all regions', { resources: [waArmVm('westeurope')] }, [], { matrix: '2025' }),
  armCase('ARM: the regions option adds a region', { resources: [waArmVm('westeurope')] }, [], { rules: { 'write-accelerator': ['warn', { regions: ['westeurope'] }] } }),
  tfCase('Terraform: South Africa North is a supported region', tfVm({ location: '"South Africa North"', osDisk: '    write_accelerator_enabled = true\n' }), []),
]);
