import { defineRule } from './api.js';
import { locksResourceGroupOf } from './lib/lock.js';
import { isVmPolicy } from './lib/policy.js';
import { at } from './lib/report.js';
import { inList, sameName } from './lib/values.js';
import { hasManagedDisk } from './lib/vm.js';

export default defineRule({
  id: 'no-resource-group-lock',
  meta: {
    description: 'A delete or read-only lock on the resource group of a VM with managed disks makes its backups fail.',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      vmGroup: "{{level}} lock on the resource group of a VM with managed disks: Azure Backup can't delete old restore points, so backups fail",
      restorePointGroup: "{{level}} lock on a policy's restore point resource group: Azure Backup can't delete old restore points, so backups fail",
    },
  },
  check(model, ctx) {
    for (const lock of model.locks) {
      const level = lock.level;
      if (lock.scope !== 'resourceGroup' || level.kind !== 'string' || !inList(level.value, ['CanNotDelete', 'ReadOnly'])) continue;
      const where = at(level, lock.at);
      if (model.vms.some((v) => hasManagedDisk(v) && locksResourceGroupOf(lock, v))) {
        ctx.report({ at: where, messageId: 'vmGroup', data: { level: level.value } });
        continue;
      }
      if (model.policies.some((p) => isVmPolicy(p) && sameName(p.restorePointResourceGroup, lock.targetResourceGroup) === true)) {
        ctx.report({ at: where, messageId: 'restorePointGroup', data: { level: level.value } });
      }
    }
  },
});
