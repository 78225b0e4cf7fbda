import type { Rule, RuleMeta } from './api.js';
import { at, cite } from './lib/report.js';

const id = 'availability-set-restore';
const meta: RuleMeta = {
  description: 'A VM in an availability set cannot be restored with the quick Create VM option.',
  severity: 'off',
  allSeverity: 'warn',
  matrixRow:
    "Back up VMs in availability sets: Supported. You can't restore a VM in an available set by using the option to quickly create a VM. Instead, when you restore the VM, restore the disk and use it to deploy a VM, or restore a disk and use it to replace an existing disk.",
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      const set = vm.availabilitySet;
      // Unknown (e.g. a conditional id) is no finding: the VM may not be in a set at all.
      if (!set || set.kind === 'null' || set.kind === 'unknown') continue;
      if (set.kind === 'string' && set.value.trim() === '') continue;
      ctx.report({
        at: at(set, vm.at),
        message: `The VM is in an availability set: restore it from its disks, not with the quick Create VM option (${cite(ctx, id, meta)})`,
      });
    }
  },
};
export default rule;
