import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-static-private-ip.js';
import { model, nic, param, run, s, vm } from './model-builder.js';

test('a static private IP on an attached NIC warns at the allocation literal, once per NIC', () => {
  const card = nic([s('Dynamic'), s('static')]);
  const { reports } = run(rule, model({ vms: [vm({ networkInterfaces: [card] }), vm({ networkInterfaces: [card] }, 'vm2')] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, card.ipConfigurations[1]!.allocation);
  assert.equal(
    reports[0]!.message,
    `Private IP allocation 'static' on Microsoft.Network/networkInterfaces 'nic1': a VM restored from a restore point gets a dynamic IP address (support matrix 2021: "Static IP address: Not supported. A new VM that's created from a restore point is assigned a dynamic IP address.")`,
  );
});

test('dynamic and unknown allocations pass; candidates give a "may be" finding', () => {
  assert.deepEqual(run(rule, model({ vms: [vm({ networkInterfaces: [nic([s('Dynamic'), param('alloc')])] })] })), { reports: [], maybes: [] });
  const { maybes } = run(rule, model({ vms: [vm({ networkInterfaces: [nic([param('alloc', 'Dynamic', 'Static')])] })] }));
  assert.equal(maybes.length, 1);
});
