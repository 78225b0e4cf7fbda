import { defineRule } from './api.js';
import type { NetworkInterface } from '../src/azure/model.js';
import { checkString } from './lib/check.js';
import { eqi } from './lib/values.js';

const DYNAMIC = [{ message: "Use 'Dynamic' allocation, the kind a restored VM gets (reserve the address another way, e.g. in DNS)", value: 'Dynamic' }];

export default defineRule({
  id: 'no-static-private-ip',
  meta: {
    description: 'A VM restored by Azure Backup gets a dynamic private IP address, not its static one.',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      static: "Private IP allocation '{{method}}' is lost on restore: a VM restored by Azure Backup gets a dynamic IP address",
    },
  },
  check(model, ctx) {
    const seen = new Set<NetworkInterface>();
    for (const vm of model.vms) {
      for (const nic of vm.networkInterfaces) {
        if (seen.has(nic)) continue;
        seen.add(nic);
        for (const ip of nic.ipConfigurations) {
          checkString(
            ctx,
            ip.allocation,
            nic.at,
            (method) => (eqi(method, 'Static') ? { messageId: 'static', data: { method } } : undefined),
            { suggestions: DYNAMIC },
          );
        }
      }
    }
  },
});
