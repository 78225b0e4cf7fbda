import type { Rule, RuleMeta } from './api.js';
import { describeGroup, locksResourceGroupOf } from './lib/lock.js';
import { at, cite } from './lib/report.js';
import { hasUnmanagedDisk } from './lib/vm.js';

const id = 'no-lock-unmanaged-vm';
const meta: RuleMeta = {
  description: 'Azure Backup does not back up VMs with unmanaged disks that are locked.',
  severity: 'error',
  matrixRow: "Backup of Azure VMs with locks: Unsupported for unmanaged VMs. Supported for managed VMs.",
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const tail = `Azure Backup does not back up locked VMs that use unmanaged disks (${cite(ctx, id, meta)})`;
    for (const lock of model.locks) {
      for (const vm of model.vms) {
        if (!hasUnmanagedDisk(vm)) continue;
        const onVm = lock.scope === 'resource' && lock.targetId !== undefined && lock.targetId === vm.id;
        if (!onVm && !locksResourceGroupOf(lock, vm)) continue;
        const target = onVm ? vm.address : `${describeGroup(lock)}, which holds ${vm.address}`;
        ctx.report({ at: at(lock.level, lock.at), message: `Lock on ${target} with unmanaged disks: ${tail}` });
        break;
      }
    }
  },
};
export default rule;
