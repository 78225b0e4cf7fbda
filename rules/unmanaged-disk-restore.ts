import type { Rule, RuleMeta } from './api.js';
import { at, cite } from './lib/report.js';
import { disksOf, isUnmanaged } from './lib/vm.js';

const id = 'unmanaged-disk-restore';
const meta: RuleMeta = {
  description: 'VMs with unmanaged disks cannot be restored with Replace existing.',
  severity: 'off',
  allSeverity: 'warn',
  matrixRow:
    "Replace existing: Replace existing is supported for unencrypted managed VMs and for VMs created using custom images. It's not supported for unmanaged disks and VMs, classic VMs, and generalized VMs.",
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      const disk = disksOf(vm).find(isUnmanaged);
      if (!disk?.vhdUri) continue;
      ctx.report({
        at: at(disk.vhdUri, disk.at),
        message: `The VM uses unmanaged disks: Replace existing is not supported for them (${cite(ctx, id, meta)})`,
      });
    }
  },
};
export default rule;
