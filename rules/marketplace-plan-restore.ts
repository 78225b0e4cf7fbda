import { defineRule } from './api.js';

export default defineRule({
  id: 'marketplace-plan-restore',
  meta: {
    description: 'VMs with a Marketplace plan are restored only as disks, not as VMs.',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      plan: "The VM has a Marketplace plan: Azure Backup restores it only as disks, since a new VM needs the plan's purchase information",
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      if (vm.plan) ctx.report({ at: vm.plan, messageId: 'plan' });
    }
  },
});
