import { defineRule } from './api.js';
import { at } from './lib/report.js';
import { eqi, inList } from './lib/values.js';

const PUBLISHER = 'Microsoft.Azure.Security';
const TYPES = ['AzureDiskEncryption', 'AzureDiskEncryptionForLinux'];

export default defineRule({
  id: 'encrypted-vm-restore',
  meta: {
    description: 'VMs with Azure Disk Encryption cannot be restored file by file or with Replace existing.',
    category: 'restore-limitation',
    messages: {
      encrypted:
        "Azure Disk Encryption ('{{type}}'): Azure Backup can't restore this VM file by file or with Replace existing",
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      for (const ext of vm.extensions) {
        const { publisher, type } = ext;
        if (publisher.kind !== 'string' || !eqi(publisher.value, PUBLISHER)) continue;
        if (type.kind !== 'string' || !inList(type.value, TYPES)) continue;
        // The same extension decrypts the disks when told to: the VM is then not encrypted.
        const operation = ext.encryptionOperation;
        if (operation.kind === 'string' && eqi(operation.value, 'DisableEncryption')) continue;
        ctx.report({ at: at(type, ext.at), messageId: 'encrypted', data: { type: type.value } });
      }
    }
  },
});
