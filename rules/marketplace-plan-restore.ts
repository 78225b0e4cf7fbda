import type { Rule, RuleMeta } from './api.js';
import { cite } from './lib/report.js';

const id = 'marketplace-plan-restore';
const meta: RuleMeta = {
  description: 'VMs with a Marketplace plan are restored only as disks, not as VMs.',
  severity: 'warn',
  matrixRow:
    "Back up VMs that are deployed from Azure Marketplace: We don't restore Azure Marketplace VMs backed as VMs, as these need purchase information. They're only restored as disks.",
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      if (!vm.plan) continue;
      ctx.report({
        at: vm.plan,
        message: `The VM is deployed with a Marketplace plan; Azure Backup restores such VMs only as disks, because they need purchase information (${cite(ctx, id, meta)})`,
      });
    }
  },
};
export default rule;
