import type { Rule, RuleMeta } from './api.js';
import { describeGroup, locksResourceGroupOf } from './lib/lock.js';
import { isVmPolicy } from './lib/policy.js';
import { at, cite } from './lib/report.js';
import { inList, sameName } from './lib/values.js';
import { hasManagedDisk } from './lib/vm.js';

const id = 'no-resource-group-lock';
const meta: RuleMeta = {
  description: 'A delete or read-only lock on the resource group of a VM with managed disks makes its backups fail.',
  severity: 'warn',
  matrixRow:
    "Back up managed disks after enabling resource group lock: Not supported. Azure Backup can't delete the older restore points, and backups will start to fail when the maximum limit of restore points is reached.",
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const tail = `Azure Backup can't delete older restore points there, and backups start to fail (${cite(ctx, id, meta)})`;
    for (const lock of model.locks) {
      const level = lock.level;
      if (lock.scope !== 'resourceGroup' || level.kind !== 'string' || !inList(level.value, ['CanNotDelete', 'ReadOnly'])) continue;
      const where = at(level, lock.at);
      const vm = model.vms.find((v) => hasManagedDisk(v) && locksResourceGroupOf(lock, v));
      if (vm) {
        ctx.report({ at: where, message: `${level.value} lock on ${describeGroup(lock)}, which holds ${vm.address} with managed disks: ${tail}` });
        continue;
      }
      const policy = model.policies.find(
        (p) => isVmPolicy(p) && sameName(p.restorePointResourceGroup, lock.targetResourceGroup) === true,
      );
      if (policy) {
        ctx.report({ at: where, message: `${level.value} lock on ${describeGroup(lock)}, where ${policy.address} keeps its restore points: ${tail}` });
      }
    }
  },
};
export default rule;
