import type { Rule, RuleMeta } from './api.js';
import type { NetworkInterface } from '../src/azure/model.js';
import { checkString } from './lib/check.js';
import { cite } from './lib/report.js';
import { eqi } from './lib/values.js';

const id = 'no-static-private-ip';
const meta: RuleMeta = {
  description: 'A VM restored by Azure Backup gets a dynamic private IP address, not its static one.',
  severity: 'warn',
  matrixRow: "Static IP address: Not supported. A new VM that's created from a restore point is assigned a dynamic IP address.",
};

const rule: Rule = {
  id,
  meta,
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
            (method) =>
              eqi(method, 'Static')
                ? `Private IP allocation '${method}' on ${nic.address}: a VM restored from a restore point gets a dynamic IP address (${cite(ctx, id, meta)})`
                : undefined,
            undefined,
            [{ message: "Use 'Dynamic' allocation, the kind a restored VM gets (reserve the address another way, e.g. in DNS)", text: '"Dynamic"' }],
          );
        }
      }
    }
  },
};
export default rule;
