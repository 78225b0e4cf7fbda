import { defineRule } from './api.js';
import { at } from './lib/report.js';
import { disksOf, isUnmanaged } from './lib/vm.js';

export default defineRule({
  id: 'unmanaged-disk-restore',
  meta: {
    description: 'VMs with unmanaged disks cannot be restored with Replace existing.',
    category: 'restore-limitation',
    messages: {
      unmanaged: 'The VM uses unmanaged disks: Azure Backup cannot restore it with Replace existing, only as a new VM or disks',
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      const disk = disksOf(vm).find(isUnmanaged);
      if (!disk?.vhdUri) continue;
      ctx.report({ at: at(disk.vhdUri, disk.at), messageId: 'unmanaged' });
    }
  },
});
