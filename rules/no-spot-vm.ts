import type { Rule, RuleMeta } from '../src/engine/rule.js';
import { checkString } from './lib/check.js';
import { cite, dedupe } from './lib/report.js';
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
  check(model, context) {
    const ctx = dedupe(context);
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
