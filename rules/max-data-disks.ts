import { defineRule } from './api.js';
import { asNumber } from '../src/kernel/value.js';
import { quoteList, unknownSource, violatingNumberCandidates } from './lib/values.js';
import { hasUnmanagedDisk } from './lib/vm.js';

export default defineRule({
  id: 'max-data-disks',
  meta: {
    description: 'A VM backed up by Azure Backup can have at most 32 data disks (16 with unmanaged disks).',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      tooMany: "VM has {{count}} data disks{{origin}}, over Azure Backup's limit of {{limit}} per VM{{kind}}",
      mayHaveTooMany: "{{source}} allows {{counts}} data disks, over Azure Backup's limit of {{limit}} per VM{{kind}}",
    },
  },
  check(model, ctx) {
    const { dataDisks: managedLimit, unmanagedDataDisks: unmanagedLimit } = ctx.matrix.limits;
    for (const vm of model.vms) {
      const unmanaged = hasUnmanagedDisk(vm);
      const limit = unmanaged ? unmanagedLimit : managedLimit;
      const kind = unmanaged ? ' with unmanaged disks' : '';
      const counted = vm.dataDisksCount;
      if (counted === undefined) {
        const count = vm.dataDisks.length;
        if (count > limit) {
          const origin = vm.dataDisksOrigin ? ` (${vm.dataDisksOrigin})` : '';
          ctx.report({ at: vm.dataDisksAt, messageId: 'tooMany', data: { count, origin, limit, kind } });
        }
        continue;
      }
      const known = asNumber(counted);
      if (known !== undefined) {
        if (known > limit) ctx.report({ at: vm.dataDisksAt, messageId: 'tooMany', data: { count: known, origin: '', limit, kind } });
        continue;
      }
      const over = violatingNumberCandidates(counted, (n) => n > limit);
      if (over.length > 0) {
        // "The value allows 40 data disks" would not say which value: a count without origins is named as one.
        const source = counted.origins.length ? unknownSource(counted) : 'the disk count';
        ctx.report({
          at: vm.dataDisksAt,
          messageId: 'mayHaveTooMany',
          data: { source: `${source[0]!.toUpperCase()}${source.slice(1)}`, counts: quoteList(over), limit, kind },
          certainty: 'maybe',
        });
      }
    }
  },
});
