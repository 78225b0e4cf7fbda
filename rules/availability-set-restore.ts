import { defineRule } from './api.js';
import { at } from './lib/report.js';
import { isPartialString } from '../src/kernel/partial-string.js';

export default defineRule({
  id: 'availability-set-restore',
  meta: {
    description: 'A VM in an availability set cannot be restored with the quick Create VM option.',
    category: 'restore-limitation',
    messages: {
      inSet: 'The VM is in an availability set: Azure Backup cannot restore it with the quick Create VM option, only from its disks',
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      const set = vm.availabilitySet;
      // Unknown (e.g. a conditional id) is no finding: the VM may not be in a set at all. An id
      // built from deployment-time names is still an id.
      if (!set || set.kind === 'null' || (set.kind === 'unknown' && !isPartialString(set))) continue;
      if (set.kind === 'string' && set.value.trim() === '') continue;
      ctx.report({ at: at(set, vm.at), messageId: 'inSet' });
    }
  },
});
