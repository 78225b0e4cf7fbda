import { defineRule } from './api.js';
import { checkString } from './lib/check.js';
import { eqi } from './lib/values.js';

export default defineRule({
  id: 'no-ephemeral-os-disk',
  meta: {
    description: 'Ephemeral OS disks cannot be backed up by Azure Backup.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      ephemeral: "Ephemeral OS disk (diff disk option '{{option}}'): Azure Backup cannot back it up, so the VM cannot be protected",
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      const os = vm.osDisk;
      if (!os) continue;
      checkString(ctx, os.ephemeralOption, os.at, (option) => (eqi(option, 'Local') ? { messageId: 'ephemeral', data: { option } } : undefined));
    }
  },
});
