import { defineRule } from './api.js';
import { checkBoolean } from './lib/check.js';

const PROVISION = [{ message: 'Provision the VM agent (true)', value: true }];
const ALLOW = [{ message: 'Allow extension operations (true)', value: true }];

export default defineRule({
  id: 'vm-agent-required',
  meta: {
    description: 'Azure Backup needs the VM agent and extensions, which it uses to take backups.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      noAgent: 'The VM agent is not provisioned; Azure Backup takes backups through an extension of the VM agent',
      noExtensions: 'Extension operations are disabled; Azure Backup installs an extension on the VM to take backups',
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      for (const flag of vm.provisionVMAgent) {
        checkBoolean(ctx, flag, vm.at, (on) => (on ? undefined : { messageId: 'noAgent' }), { suggestions: PROVISION });
      }
      for (const flag of vm.allowExtensionOperations) {
        checkBoolean(ctx, flag, vm.at, (on) => (on ? undefined : { messageId: 'noExtensions' }), { suggestions: ALLOW });
      }
    }
  },
});
