import type { Rule, RuleMeta } from './api.js';
import { cite } from './lib/report.js';

const id = 'require-backup';
const meta: RuleMeta = {
  description: 'Every VM should be protected by Azure Backup in the same configuration.',
  severity: 'off',
  allSeverity: 'warn',
  matrixRow: 'Direct backup of Azure VMs: Back up the entire VM.',
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    // A protected item whose VM reference is not known may protect any VM: no finding then.
    if (model.protectedItems.some((p) => !p.vm && p.sourceVm.kind === 'unknown')) return;
    for (const vm of model.vms) {
      if (vm.scaleSet || vm.protectedBy.length > 0) continue;
      ctx.report({
        at: vm.at,
        message: `${vm.address} is not backed up: no protected item in this configuration protects it (${cite(ctx, id, meta)})`,
      });
    }
  },
};
export default rule;
