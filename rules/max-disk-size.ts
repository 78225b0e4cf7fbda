import { defineRule } from './api.js';
import { asNumber } from '../src/kernel/value.js';
import { checkNumber } from './lib/check.js';
import { diskValue, disksOf } from './lib/vm.js';

const gib = (n: number): string => `${n.toLocaleString('en-US')} GiB`;

export default defineRule({
  id: 'max-disk-size',
  meta: {
    description: 'Azure Backup backs up disks of up to 32 TB each and 256 TB per VM.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      diskTooLarge: 'Disk size {{size}} is over the {{max}} Azure Backup can back up; a VM with this disk cannot be protected',
      vmTooLarge: 'VM disks total {{total}}, over the {{max}} Azure Backup can back up for one VM; the VM cannot be protected',
    },
  },
  check(model, ctx) {
    const { diskSizeGiB, totalDiskSizeGiB } = ctx.matrix.limits;
    for (const vm of model.vms) {
      // Known sizes only: the sum is a lower bound, so going over it is certain.
      let total = 0;
      for (const disk of disksOf(vm)) {
        const size = diskValue(disk, 'sizeGB');
        checkNumber(ctx, size, disk.at, (n) =>
          n > diskSizeGiB ? { messageId: 'diskTooLarge', data: { size: gib(n), max: gib(diskSizeGiB) } } : undefined,
        );
        total += size.kind === 'unknown' ? 0 : (asNumber(size) ?? 0);
      }
      if (total > totalDiskSizeGiB) {
        ctx.report({ at: vm.at, messageId: 'vmTooLarge', data: { total: gib(total), max: gib(totalDiskSizeGiB) } });
      }
    }
  },
});
