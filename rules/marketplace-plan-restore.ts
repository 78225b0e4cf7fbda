import { defineRule } from './api.js';

export default defineRule({
  id: 'marketplace-plan-restore',
  meta: {
    description: 'VMs with a Marketplace plan are restored only as disks, not as VMs.',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      plan: 'The VM is deployed with a Marketplace plan; Azure Backup restores such VMs only as disks, because they need purchase information',
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      if (vm.plan) ctx.report({ at: vm.plan, messageId: 'plan' });
    }
  },
});
