import type { Rule, RuleMeta } from './api.js';
import { checkBoolean } from './lib/check.js';
import { cite } from './lib/report.js';

const id = 'vm-agent-required';
const meta: RuleMeta = {
  description: 'Azure Backup needs the VM agent and extensions, which it uses to take backups.',
  severity: 'error',
  matrixRow:
    "Direct backup of Azure VMs: No additional agent is needed on the Azure VM. Azure Backup installs and uses an extension to the Azure VM agent that's running on the VM.",
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const source = `(${cite(ctx, id, meta)})`;
    for (const vm of model.vms) {
      for (const flag of vm.provisionVMAgent) {
        checkBoolean(
          ctx,
          flag,
          vm.at,
          (on) => (on ? undefined : `The VM agent is not provisioned; Azure Backup takes backups through an extension of the VM agent ${source}`),
          [{ message: 'Provision the VM agent (true)', text: 'true' }],
        );
      }
      for (const flag of vm.allowExtensionOperations) {
        checkBoolean(
          ctx,
          flag,
          vm.at,
          (on) => (on ? undefined : `Extension operations are disabled; Azure Backup installs an extension on the VM to take backups ${source}`),
          [{ message: 'Allow extension operations (true)', text: 'true' }],
        );
      }
    }
  },
};
export default rule;
