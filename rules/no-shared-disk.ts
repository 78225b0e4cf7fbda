import type { Rule, RuleMeta } from './api.js';
import { checkNumber } from './lib/check.js';
import { cite } from './lib/report.js';
import { diskValue, disksOf } from './lib/vm.js';

const id = 'no-shared-disk';
const meta: RuleMeta = {
  description: 'Shared disks (maxShares > 1) cannot be backed up by Azure Backup.',
  severity: 'error',
  matrixRow: 'Shared disks: Not supported.',
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      for (const disk of disksOf(vm)) {
        checkNumber(ctx, diskValue(disk, 'maxShares'), disk.at, (n) =>
          n > 1 ? `Disk is shared (maxShares ${n}); Azure Backup does not back up shared disks (${cite(ctx, id, meta)})` : undefined,
        );
      }
    }
  },
};
export default rule;
