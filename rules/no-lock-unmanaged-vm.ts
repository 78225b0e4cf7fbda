import { defineRule } from './api.js';
import { describeGroup, locksResourceGroupOf } from './lib/lock.js';
import { at } from './lib/report.js';
import { hasUnmanagedDisk } from './lib/vm.js';

export default defineRule({
  id: 'no-lock-unmanaged-vm',
  meta: {
    description: 'Azure Backup does not back up VMs with unmanaged disks that are locked.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      locked: 'Lock on {{target}} with unmanaged disks: Azure Backup does not back up locked VMs that use unmanaged disks',
    },
  },
  check(model, ctx) {
    for (const lock of model.locks) {
      for (const vm of model.vms) {
        if (!hasUnmanagedDisk(vm)) continue;
        const onVm = lock.scope === 'resource' && lock.targetId !== undefined && lock.targetId === vm.id;
        if (!onVm && !locksResourceGroupOf(lock, vm)) continue;
        const target = onVm ? vm.address : `${describeGroup(lock)}, which holds ${vm.address}`;
        ctx.report({ at: at(lock.level, lock.at), messageId: 'locked', data: { target } });
        break;
      }
    }
  },
});
