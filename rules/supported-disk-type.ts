import type { Rule, RuleMeta } from './api.js';
import { checkDiskType } from './lib/disk-type.js';
import { eqi, inList } from './lib/values.js';
import { disksOf } from './lib/vm.js';

const id = 'supported-disk-type';
const meta: RuleMeta = {
  description: 'Disks must be a storage type Azure Backup supports (Standard HDD, Standard SSD, Premium SSD).',
  severity: 'error',
  matrixRow: 'Storage type: Standard HDD, Standard SSD, Premium SSD.',
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    // Ultra SSD is no-ultra-ssd's finding, so that one disk never gets two.
    const unsupported = (type: string): boolean =>
      !eqi(type, 'UltraSSD_LRS') && !inList(type, ctx.matrix.supportedDiskTypes);
    for (const vm of model.vms) {
      for (const disk of disksOf(vm)) checkDiskType(ctx, id, meta, vm, disk, unsupported);
    }
  },
};
export default rule;
