import { defineRule } from './api.js';
import { checkNumber } from './lib/check.js';
import { diskValue, disksOf } from './lib/vm.js';

export default defineRule({
  id: 'no-shared-disk',
  meta: {
    description: 'Shared disks (maxShares > 1) cannot be backed up by Azure Backup.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      shared: "Shared disk (maxShares {{maxShares}}): Azure Backup cannot back up shared disks, so the VM's protection fails or skips it",
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      for (const disk of disksOf(vm)) {
        checkNumber(ctx, diskValue(disk, 'maxShares'), disk.at, (n) => (n > 1 ? { messageId: 'shared', data: { maxShares: n } } : undefined));
      }
    }
  },
});
