import type { Rule, RuleMeta } from './api.js';
import { at, cite } from './lib/report.js';
import { eqi, inList } from './lib/values.js';

const id = 'encrypted-vm-restore';
const meta: RuleMeta = {
  description: 'VMs with Azure Disk Encryption cannot be restored file by file or with Replace existing.',
  severity: 'off',
  allSeverity: 'warn',
  matrixRow:
    "Encrypted disks: Encrypted VMs can't be recovered at the file/folder level. You must recover the entire VM. Replace existing is supported for unencrypted managed VMs and for VMs created using custom images.",
};

const PUBLISHER = 'Microsoft.Azure.Security';
const TYPES = ['AzureDiskEncryption', 'AzureDiskEncryptionForLinux'];

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      for (const ext of vm.extensions) {
        const { publisher, type } = ext;
        if (publisher.kind !== 'string' || !eqi(publisher.value, PUBLISHER)) continue;
        if (type.kind !== 'string' || !inList(type.value, TYPES)) continue;
        ctx.report({
          at: at(type, ext.at),
          message: `Azure Disk Encryption ('${type.value}') on this VM: it can't be restored at file/folder level or with Replace existing, only as a whole VM or disks (${cite(ctx, id, meta)})`,
        });
      }
    }
  },
};
export default rule;
