import { defineRule } from './api.js';
import { locksResourceGroupOf } from './lib/lock.js';
import { at } from './lib/report.js';
import { hasUnmanagedDisk } from './lib/vm.js';

export default defineRule({
  id: 'no-lock-unmanaged-vm',
  meta: {
    description: 'Azure Backup does not back up VMs with unmanaged disks that are locked.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      locked: "{{vm}} has unmanaged disks: Azure Backup can't back it up while this lock covers it",
    },
  },
  check(model, ctx) {
    for (const lock of model.locks) {
      for (const vm of model.vms) {
        if (!hasUnmanagedDisk(vm)) continue;
        const onVm = lock.scope === 'resource' && lock.targetId !== undefined && lock.targetId === vm.id;
        if (!onVm && !locksResourceGroupOf(lock, vm)) continue;
        ctx.report({ at: at(lock.level, lock.at), messageId: 'locked', data: { vm: vm.address } });
        break;
      }
    }
  },
});
