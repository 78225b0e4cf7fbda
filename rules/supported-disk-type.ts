import { defineRule } from './api.js';
import { checkDiskType, DISK_TYPE_MESSAGES } from './lib/disk-type.js';
import { eqi, inList } from './lib/values.js';
import { disksOf } from './lib/vm.js';

export default defineRule({
  id: 'supported-disk-type',
  meta: {
    description: 'Disks must be a storage type Azure Backup supports (Standard HDD, Standard SSD, Premium SSD).',
    category: 'backup-blocker',
    severity: 'error',
    messages: DISK_TYPE_MESSAGES,
  },
  check(model, ctx) {
    // Ultra SSD is no-ultra-ssd's finding, so that one disk never gets two.
    const unsupported = (type: string): boolean =>
      !eqi(type, 'UltraSSD_LRS') && !inList(type, ctx.matrix.supportedDiskTypes);
    for (const vm of model.vms) {
      for (const disk of disksOf(vm)) checkDiskType(ctx, vm, disk, unsupported);
    }
  },
});
