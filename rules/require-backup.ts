import { defineRule } from './api.js';
import { unlessOpaque } from './lib/opaque.js';

export default defineRule({
  id: 'require-backup',
  meta: {
    description: 'Every VM should be protected by Azure Backup in the same configuration.',
    category: 'restore-limitation',
    messages: {
      unprotected: '{{vm}} is not backed up: no protected item in this configuration protects it',
    },
  },
  check(model, ctx) {
    // A protected item whose VM reference is not known may protect any VM: no finding then.
    if (model.protectedItems.some((p) => !p.vm && p.sourceVm.kind === 'unknown')) return;
    const opaque = unlessOpaque(model);
    for (const vm of model.vms) {
      if (vm.scaleSet || vm.protectedBy.length > 0) continue;
      ctx.report({ at: vm.at, messageId: 'unprotected', data: { vm: vm.address }, ...opaque });
    }
  },
});
