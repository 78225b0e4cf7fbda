import type { Rule, RuleMeta } from './api.js';
import { checkString } from './lib/check.js';
import { cite } from './lib/report.js';
import { eqi } from './lib/values.js';

const id = 'no-ephemeral-os-disk';
const meta: RuleMeta = {
  description: 'Ephemeral OS disks cannot be backed up by Azure Backup.',
  severity: 'error',
  matrixRow: 'NVMe/ephemeral disks: Not supported.',
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      const os = vm.osDisk;
      if (!os) continue;
      checkString(ctx, os.ephemeralOption, os.at, (option) =>
        eqi(option, 'Local')
          ? `Ephemeral OS disk (diff disk option '${option}') is not supported by Azure Backup (${cite(ctx, id, meta)})`
          : undefined,
      );
    }
  },
};
export default rule;
