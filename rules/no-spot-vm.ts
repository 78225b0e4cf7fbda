import type { Rule, RuleMeta } from './api.js';
import { checkString } from './lib/check.js';
import { cite } from './lib/report.js';
import { inList } from './lib/values.js';

const id = 'no-spot-vm';
const meta: RuleMeta = {
  description: 'Azure Backup does not support Spot VMs; it restores them as regular VMs.',
  severity: 'warn',
  matrixRow: 'Spot VMs: Unsupported. Azure Backup restores Spot VMs as regular Azure VMs.',
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      checkString(ctx, vm.priority, vm.at, (priority) =>
        inList(priority, ['Spot', 'Low'])
          ? `VM priority '${priority}' makes a Spot VM; Azure Backup does not support Spot VMs and restores them as regular VMs (${cite(ctx, id, meta)})`
          : undefined,
      );
    }
  },
};
export default rule;
