import { defineRule } from './api.js';
import { checkString } from './lib/check.js';
import { inList } from './lib/values.js';

export default defineRule({
  id: 'no-spot-vm',
  meta: {
    description: 'Azure Backup does not support Spot VMs; it restores them as regular VMs.',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      spot: "VM priority '{{priority}}' makes a Spot VM, which Azure Backup does not support; a restore brings it back as a regular VM",
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      checkString(ctx, vm.priority, vm.at, (priority) => (inList(priority, ['Spot', 'Low']) ? { messageId: 'spot', data: { priority } } : undefined));
    }
  },
});
