import { defineRule } from './api.js';
import { describeGroup, locksResourceGroupOf } from './lib/lock.js';
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
      vmGroup:
        "{{level}} lock on {{group}}, which holds {{vm}} with managed disks: Azure Backup can't delete older restore points there, and backups start to fail",
      restorePointGroup:
        "{{level}} lock on {{group}}, where {{policy}} keeps its restore points: Azure Backup can't delete older restore points there, and backups start to fail",
    },
  },
  check(model, ctx) {
    for (const lock of model.locks) {
      const level = lock.level;
      if (lock.scope !== 'resourceGroup' || level.kind !== 'string' || !inList(level.value, ['CanNotDelete', 'ReadOnly'])) continue;
      const where = at(level, lock.at);
      const group = describeGroup(lock);
      const vm = model.vms.find((v) => hasManagedDisk(v) && locksResourceGroupOf(lock, v));
      if (vm) {
        ctx.report({ at: where, messageId: 'vmGroup', data: { level: level.value, group, vm: vm.address } });
        continue;
      }
      const policy = model.policies.find(
        (p) => isVmPolicy(p) && sameName(p.restorePointResourceGroup, lock.targetResourceGroup) === true,
      );
      if (policy) ctx.report({ at: where, messageId: 'restorePointGroup', data: { level: level.value, group, policy: policy.address } });
    }
  },
});
