import type { Rule, RuleMeta } from './api.js';
import { asNumber } from '../src/kernel/value.js';
import { cite } from './lib/report.js';
import { unknownSource, violatingNumberCandidates } from './lib/values.js';
import { hasUnmanagedDisk } from './lib/vm.js';

const id = 'max-data-disks';
const meta: RuleMeta = {
  description: 'A VM backed up by Azure Backup can have at most 32 data disks (16 with unmanaged disks).',
  severity: 'error',
  matrixRow:
    'Azure VM data disks: Support for backup of Azure VMs with up to 32 disks. Support for backup of Azure VMs with unmanaged disks or classic VMs is up to 16 disks only.',
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const { dataDisks: managedLimit, unmanagedDataDisks: unmanagedLimit } = ctx.matrix.limits;
    for (const vm of model.vms) {
      const unmanaged = hasUnmanagedDisk(vm);
      const limit = unmanaged ? unmanagedLimit : managedLimit;
      const kind = unmanaged ? ' with unmanaged disks' : '';
      const tail = `Azure Backup supports up to ${limit} disks for a VM${kind} (${cite(ctx, id, meta)})`;
      const counted = vm.dataDisksCount;
      if (counted === undefined) {
        const count = vm.dataDisks.length;
        if (count > limit) {
          const origin = vm.dataDisksOrigin ? ` (${vm.dataDisksOrigin})` : '';
          ctx.report({ at: vm.dataDisksAt, message: `VM has ${count} data disks${origin}; ${tail}` });
        }
        continue;
      }
      const known = asNumber(counted);
      if (known !== undefined) {
        if (known > limit) ctx.report({ at: vm.dataDisksAt, message: `VM has ${known} data disks; ${tail}` });
        continue;
      }
      const over = violatingNumberCandidates(counted, (n) => n > limit);
      if (over.length > 0) {
        ctx.reportMaybe({
          at: vm.dataDisksAt,
          message: `VM may have ${Math.max(...over)} data disks: ${unknownSource(counted)} allows ${over.join(', ')}; ${tail}`,
        });
      }
    }
  },
};
export default rule;
