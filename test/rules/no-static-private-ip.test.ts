import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-static-private-ip.js';
import { model, nic, param, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armNic, armVm, nicRef, tfNic, tfVm } from './sources.js';

test('a static private IP on an attached NIC warns at the allocation literal, once per NIC', () => {
  const card = nic([s('Dynamic'), s('static')]);
  const { reports } = run(rule, model({ vms: [vm({ networkInterfaces: [card] }), vm({ networkInterfaces: [card] }, 'vm2')] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, card.ipConfigurations[1]!.allocation);
  assert.equal(
    reports[0]!.message,
    "Private IP allocation 'static' is lost on restore: a VM restored by Azure Backup gets a dynamic IP address",
  );
});

test('dynamic and unknown allocations pass; candidates give a "may be" finding', () => {
  assert.deepEqual(run(rule, model({ vms: [vm({ networkInterfaces: [nic([s('Dynamic'), param('alloc')])] })] })), { reports: [], maybes: [] });
  const { maybes } = run(rule, model({ vms: [vm({ networkInterfaces: [nic([param('alloc', 'Dynamic', 'Static')])] })] }));
  assert.equal(maybes.length, 1);
});

const ipCopyNic = (v: unknown) => ({
  ...armNic('nic1', 'Dynamic'),
  properties: { copy: [{ name: 'ipConfigurations', count: 2, input: { name: "[concat('ip', copyIndex('ipConfigurations'))]", properties: { privateIPAllocationMethod: v } } }] },
});

formatSuite('no-static-private-ip', [
  ...valueCases({
    bad: 'Static',
    good: 'Dynamic',
    arm: (v) => [armNic('nic1', v), armVm('vm1', nicRef('nic1'))],
    armCopy: { index: "copyIndex('ipConfigurations')", resources: (v) => [ipCopyNic(v), armVm('vm1', nicRef('nic1'))] },
    tf: (expr, loop) => tfNic(expr, loop.meta) + tfVm({ nics: loop.ids('azurerm_network_interface.nic') }),
    tfBad: '"Static"',
    tfGood: '"Dynamic"',
  }),
  armCase('ARM: a static NIC attached to no VM is no finding', { resources: [armNic('nic1', 'Static'), armVm('vm1')] }, []),
  tfCase('Terraform: a static NIC attached to no VM is no finding', tfNic('"Static"') + tfVm(), []),
]);
