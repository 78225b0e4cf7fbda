import type { Rule, RuleMeta } from './api.js';
import { asString, type Val } from '../src/kernel/value.js';
import { at, cite } from './lib/report.js';
import { normalizeRegion, sameName } from './lib/values.js';

const id = 'vault-same-region';
const meta: RuleMeta = {
  description: 'A VM must be backed up to a vault in its own region and subscription.',
  severity: 'error',
  matrixRow:
    'Back up the VM to a different region or subscription: Not supported. To successfully back up, virtual machines must be in the same subscription as the vault for backup.',
};

// Only called for values sameName() compared as known strings.
const shown = (v: Val): string => `'${asString(v) ?? ''}'`;

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const source = `(${cite(ctx, id, meta)})`;
    for (const item of model.protectedItems) {
      const { vm, vault } = item;
      if (!vm || !vault) continue;
      const where = at(item.sourceVm, item.at);
      if (sameName(vm.location, vault.location, normalizeRegion) === false) {
        ctx.report({
          at: where,
          message: `${vm.address} is in region ${shown(vm.location)} but ${vault.address} is in ${shown(vault.location)}; Azure Backup backs a VM up only to a vault in its own region ${source}`,
        });
      }
      if (sameName(vm.subscription, vault.subscription) === false) {
        ctx.report({
          at: where,
          message: `${vm.address} is in subscription ${shown(vm.subscription)} but ${vault.address} is in ${shown(vault.subscription)}; Azure Backup backs a VM up only to a vault in its own subscription ${source}`,
        });
      }
    }
  },
};
export default rule;
