import { defineRule } from './api.js';
import { asString, type Val } from '../src/kernel/value.js';
import { at } from './lib/report.js';
import { normalizeRegion, sameName } from './lib/values.js';

// Only called for values sameName() compared as known strings.
const shown = (v: Val): string => `'${asString(v) ?? ''}'`;

export default defineRule({
  id: 'vault-same-region',
  meta: {
    description: 'A VM must be backed up to a vault in its own region and subscription.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      region: 'The VM is in {{vmRegion}} but its vault is in {{vaultRegion}}: Azure Backup backs a VM up only to a vault in its own region',
      // Subscription ids are too long to quote both in one short sentence; the finding points at the VM reference.
      subscription: 'The VM and its vault are in different subscriptions: Azure Backup backs a VM up only to a vault in its own subscription',
    },
  },
  check(model, ctx) {
    for (const item of model.protectedItems) {
      const { vm, vault } = item;
      // Azure Backup protects VMs; an item naming a scale set is not one it can make.
      if (!vm || !vault || vm.scaleSet) continue;
      const where = at(item.sourceVm, item.at);
      if (sameName(vm.location, vault.location, normalizeRegion) === false) {
        ctx.report({ at: where, messageId: 'region', data: { vmRegion: shown(vm.location), vaultRegion: shown(vault.location) } });
      }
      if (sameName(vm.subscription, vault.subscription) === false) ctx.report({ at: where, messageId: 'subscription' });
    }
  },
});
