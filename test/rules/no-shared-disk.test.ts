import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-shared-disk.js';
import type { ManagedDisk } from '../../src/model/types.js';
import { absent, disk, loc, model, n, param, run, s, symbol, vm } from './model-builder.js';

test('maxShares 2 is an error at the maxShares value; 1 passes', () => {
  const v = vm({ dataDisks: [disk({ maxShares: n(2) }), disk({ maxShares: n(1) })] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.dataDisks[0]!.maxShares);
  assert.equal(
    reports[0]!.message,
    `Disk is shared (maxShares 2); Azure Backup does not back up shared disks (support matrix 2021: "Shared disks: Not supported.")`,
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
  assert.match(maybes[0]!.message, /^Parameter 'shares2' allows 5: Disk is shared \(maxShares 5\)/);
});
