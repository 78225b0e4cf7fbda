import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-shared-disk.js';
import type { ManagedDisk } from '../../src/azure/model.js';
import { absent, disk, loc, model, n, param, run, s, symbol, vm } from './model-builder.js';
import { armCase, formatSuite, valueCases } from './formats.js';
import { armDisk, armVmStorage, attachDisk, tfAttachedDisk, tfVm } from './sources.js';

test('maxShares 2 is an error at the maxShares value; 1 passes', () => {
  const v = vm({ dataDisks: [disk({ maxShares: n(2) }), disk({ maxShares: n(1) })] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisks[0]!.maxShares);
  assert.equal(
    reports[0]!.message,
    "Shared disk (maxShares 2): Azure Backup cannot back up shared disks, so the VM's protection fails or skips it",
  );
});

test('maxShares of the attached disk resource counts when the attachment has none', () => {
  const resource: ManagedDisk = {
    kind: 'managedDisk', at: loc(), address: "Microsoft.Compute/disks 'd1'", name: s('d1'), location: s('westeurope'),
    resourceGroup: symbol('rg'), subscription: symbol('sub'), sku: s('Premium_LRS'), sizeGB: n(256), maxShares: n(3), attached: true,
  };
  const v = vm({ dataDisks: [disk({ maxShares: absent(), managedDisk: resource })] });
  const { reports } = run(rule, model({ vms: [v], disks: [resource] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, resource.maxShares);
});

test('unknown maxShares: no finding unless a candidate is over 1', () => {
  const v = vm({ dataDisks: [disk({ maxShares: param('shares') }), disk({ maxShares: param('shares2', 1, 5) })] });
  const { reports, maybes } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 0);
  assert.equal(maybes.length, 1);
  assert.match(maybes[0]!.message, /^Parameter 'shares2' allows 5: Shared disk \(maxShares 5\)/);
});

formatSuite('no-shared-disk', [
  ...valueCases({
    bad: 3,
    good: 1,
    arm: (v) => [armDisk('d1', 'Premium_LRS', { maxShares: v }), armVmStorage('vm1', { dataDisks: [attachDisk(0, 'd1')] })],
    armCopy: {
      index: 'copyIndex()',
      resources: (v) => [
        { ...armDisk("[concat('d', copyIndex())]", 'Premium_LRS', { maxShares: v }), copy: { name: 'disks', count: 2 } },
        armVmStorage('vm1', {
          copy: [{ name: 'dataDisks', count: 2, input: { lun: "[copyIndex('dataDisks')]", createOption: 'Attach', managedDisk: { id: "[resourceId('Microsoft.Compute/disks', concat('d', copyIndex('dataDisks')))]" } } }],
        }),
      ],
    },
    tf: (expr, loop) => tfVm() + tfAttachedDisk({ extra: `  max_shares           = ${expr}\n` }, loop),
    tfBad: '3',
    tfGood: '1',
  }),
  armCase('ARM: an unattached shared disk is no finding', { resources: [armDisk('d1', 'Premium_LRS', { maxShares: 3 }), armVmStorage('vm1', {})] }, []),
]);
