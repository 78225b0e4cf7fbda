import { defineRule } from './api.js';
import { checkDiskType, DISK_TYPE_MESSAGES } from './lib/disk-type.js';
import { eqi } from './lib/values.js';
import { disksOf } from './lib/vm.js';

const PREMIUM = [
  {
    message: "Use Premium SSD ('Premium_LRS'), which Azure Backup supports; check its IOPS and throughput, which are lower than Ultra Disk's and set by disk size",
    value: 'Premium_LRS',
  },
];

export default defineRule({
  id: 'no-ultra-ssd',
  meta: {
    description: 'Ultra SSD disks cannot be backed up by Azure Backup (2025 edition: only with an Enhanced policy).',
    category: 'backup-blocker',
    severity: 'error',
    messages: DISK_TYPE_MESSAGES,
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      for (const disk of disksOf(vm)) checkDiskType(ctx, vm, disk, (type) => eqi(type, 'UltraSSD_LRS'), PREMIUM);
    }
  },
});
