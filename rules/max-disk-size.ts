import type { Rule, RuleMeta } from './api.js';
import { asNumber } from '../src/kernel/value.js';
import { checkNumber } from './lib/check.js';
import { cite } from './lib/report.js';
import { diskValue, disksOf } from './lib/vm.js';

const id = 'max-disk-size';
const meta: RuleMeta = {
  description: 'Azure Backup backs up disks of up to 32 TB each and 256 TB per VM.',
  severity: 'error',
  matrixRow:
    'Data disk size: Individual disk size can be up to 32 TB and a maximum of 256 TB combined for all disks in a VM.',
};

const gib = (n: number): string => `${n.toLocaleString('en-US')} GiB`;

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const { diskSizeGiB, totalDiskSizeGiB } = ctx.matrix.limits;
    for (const vm of model.vms) {
      // Known sizes only: the sum is a lower bound, so going over it is certain.
      let total = 0;
      for (const disk of disksOf(vm)) {
        const size = diskValue(disk, 'sizeGB');
        checkNumber(ctx, size, disk.at, (n) =>
          n > diskSizeGiB
            ? `Disk size ${gib(n)} is over the ${gib(diskSizeGiB)} Azure Backup can back up (${cite(ctx, id, meta)})`
            : undefined,
        );
        total += size.kind === 'unknown' ? 0 : (asNumber(size) ?? 0);
      }
      if (total > totalDiskSizeGiB) {
        ctx.report({
          at: vm.at,
          message: `VM disks total ${gib(total)}, over the ${gib(totalDiskSizeGiB)} (256 TB) Azure Backup supports for one VM (${cite(ctx, id, meta)})`,
        });
      }
    }
  },
};
export default rule;
