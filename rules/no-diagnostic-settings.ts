import type { Rule, RuleMeta } from './api.js';
import { at, cite } from './lib/report.js';
import { eqi, inList } from './lib/values.js';

const id = 'no-diagnostic-settings';
const meta: RuleMeta = {
  description: 'Restoring a VM that has diagnostic settings with the Create New option fails.',
  severity: 'warn',
  matrixRow:
    'Backup with Diagnostic Settings: Unsupported. If the restore of the Azure VM with diagnostic settings is triggered using Create New option, then the restore fails.',
};

/** The guest diagnostics extensions (Windows Azure Diagnostics and Linux Diagnostic). */
const PUBLISHER = 'Microsoft.Azure.Diagnostics';
const TYPES = ['IaaSDiagnostics', 'LinuxDiagnostic'];

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const tail = `restoring the VM with the Create New option fails (${cite(ctx, id, meta)})`;
    for (const vm of model.vms) {
      for (const setting of vm.diagnosticSettings) {
        ctx.report({ at: setting.typeAt, message: `Diagnostic settings on this VM: ${tail}` });
      }
      for (const ext of vm.extensions) {
        const { publisher, type } = ext;
        if (publisher.kind !== 'string' || !eqi(publisher.value, PUBLISHER)) continue;
        if (type.kind !== 'string' || !inList(type.value, TYPES)) continue;
        ctx.report({ at: at(type, ext.at), message: `Diagnostics extension '${type.value}' on this VM: ${tail}` });
      }
    }
  },
};
export default rule;
