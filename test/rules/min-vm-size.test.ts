import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/min-vm-size.js';
import { model, param, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armVm, tfVm } from './sources.js';

test('sizes below 2 vCPUs or 1 GiB fail at the size literal', () => {
  const cases: [string, string][] = [
    ['Standard_B1s', "VM size 'Standard_B1s' has 1 vCPU; Azure Backup needs at least 2 CPU cores and 1 GB of RAM"],
    ['Standard_A0', "VM size 'Standard_A0' has 1 vCPU and 0.75 GiB of memory; Azure Backup needs at least 2 CPU cores and 1 GB of RAM"],
    ['Basic_A0', "VM size 'Basic_A0' has 1 vCPU and 0.75 GiB of memory; Azure Backup needs at least 2 CPU cores and 1 GB of RAM"],
    ['standard_b1ls', "VM size 'standard_b1ls' has 1 vCPU and 0.5 GiB of memory; Azure Backup needs at least 2 CPU cores and 1 GB of RAM"],
  ];
  for (const [size, message] of cases) {
    const v = vm({ size: s(size) });
    const { reports } = run(rule, model({ vms: [v] }));
    assert.equal(reports.length, 1, size);
    assert.equal(reports[0]!.at, v.size);
    assert.equal(reports[0]!.message, message);
    assert.equal(reports[0]!.severity, undefined);
  }
});

test('Standard_D2s_v3 passes; names missing from the table are read from the name', () => {
  assert.equal(run(rule, model({ vms: [vm({ size: s('Standard_D2s_v3') })] })).reports.length, 0);
  assert.equal(run(rule, model({ vms: [vm({ size: s('Standard_D2s_v99') })] })).reports.length, 0);
  const { reports } = run(rule, model({ vms: [vm({ size: s('Standard_D1zz_v99') })] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^VM size 'Standard_D1zz_v99' has 1 vCPU; /);
});

test('a constrained-core size with 1 active vCPU is a warning', () => {
  const v = vm({ size: s('Standard_DS11-1_v2') });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.severity, 'warn');
  assert.equal(
    reports[0]!.message,
    "VM size 'Standard_DS11-1_v2' runs 1 of its 2 vCPUs: if Azure Backup's minimum of 2 CPU cores counts active ones, it is too small",
  );
  assert.equal(run(rule, model({ vms: [vm({ size: s('Standard_E4-2s_v3') })] })).reports.length, 0);
});

test('unknown names and unknown values are no finding; candidates give "may be" findings', () => {
  assert.equal(run(rule, model({ vms: [vm({ size: s('Custom_Thing') })] })).reports.length, 0);
  assert.deepEqual(run(rule, model({ vms: [vm({ size: param('vmSize') })] })), { reports: [], maybes: [] });
  const { maybes } = run(rule, model({ vms: [vm({ size: param('vmSize', 'Standard_D2s_v3', 'Standard_B1s') })] }));
  assert.equal(maybes.length, 1);
  assert.match(maybes[0]!.message, /^Parameter 'vmSize' allows 'Standard_B1s': VM size 'Standard_B1s' has 1 vCPU/);
});

const sized = (v: unknown) => armVm('vm1', { hardwareProfile: { vmSize: v } });

formatSuite('min-vm-size', [
  ...valueCases({
    bad: 'Standard_B1s',
    good: 'Standard_D2s_v3',
    arm: (v) => [sized(v)],
    tf: (expr, loop) => tfVm({ meta: loop.meta, size: expr }),
    tfBad: '"Standard_B1s"',
    tfGood: '"Standard_D2s_v3"',
  }),
  ...['Standard_A0', 'Basic_A0', 'Standard_B1ls'].flatMap((size) => [
    armCase(`ARM: ${size} fails`, { resources: [sized(size)] }, [`"${size}"`]),
    tfCase(`Terraform: ${size} fails`, tfVm({ size: `"${size}"` }), [`"${size}"`]),
  ]),
  armCase('ARM: Standard_D2s_v3 passes', { resources: [sized('Standard_D2s_v3')] }, []),
  tfCase('Terraform: Standard_D2s_v3 passes', tfVm({ size: '"Standard_D2s_v3"' }), []),
]);
