import { defineRule } from './api.js';
import { at } from './lib/report.js';
import { eqi, inList } from './lib/values.js';

/** The guest diagnostics extensions (Windows Azure Diagnostics and Linux Diagnostic). */
const PUBLISHER = 'Microsoft.Azure.Diagnostics';
const TYPES = ['IaaSDiagnostics', 'LinuxDiagnostic'];

export default defineRule({
  id: 'no-diagnostic-settings',
  meta: {
    description: 'Restoring a VM that has diagnostic settings with the Create New option fails.',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      settings: 'Diagnostic settings on this VM: Azure Backup cannot restore the VM with the Create New option',
      extension: "Diagnostics extension '{{type}}' on this VM: Azure Backup cannot restore the VM with the Create New option",
    },
  },
  check(model, ctx) {
    for (const vm of model.vms) {
      // A scale set's settings are the scale set's, not its VMs': a restored VM does not have them.
      if (!vm.scaleSet) for (const setting of vm.diagnosticSettings) ctx.report({ at: setting.typeAt, messageId: 'settings' });
      for (const ext of vm.extensions) {
        const { publisher, type } = ext;
        if (publisher.kind !== 'string' || !eqi(publisher.value, PUBLISHER)) continue;
        if (type.kind !== 'string' || !inList(type.value, TYPES)) continue;
        ctx.report({ at: at(type, ext.at), messageId: 'extension', data: { type: type.value } });
      }
    }
  },
});
