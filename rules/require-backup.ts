import { defineRule } from './api.js';
import type { ProtectedItem, VirtualMachine } from '../src/azure/model.js';
import { compareParts, partsOf, type TextPart } from '../src/kernel/partial-string.js';
import { unlessOpaque } from './lib/opaque.js';

/** An id's text (`{symbol}` for deployment-time parts, as model ids are written) back as parts, lower-cased. */
function idParts(text: string): TextPart[] {
  return text.toLowerCase().split(/(\{[^{}]*\})/).map((p) => (p.startsWith('{') && p.endsWith('}') ? { symbol: p.slice(1, -1) } : p));
}

function lowered(parts: readonly TextPart[]): TextPart[] {
  return parts.map((p) => (typeof p === 'string' ? p.toLowerCase() : { symbol: p.symbol.toLowerCase() }));
}

/**
 * Whether a protected item that links to no VM of the configuration may still protect `vm`: its
 * VM reference is not known, or only partly, and what is known does not rule the VM out.
 */
function mayProtect(item: ProtectedItem, vm: VirtualMachine): boolean {
  if (item.vm || item.sourceVm.kind !== 'unknown') return false;
  const parts = partsOf(item.sourceVm);
  if (!parts || !item.sourceVm.parts || !vm.id) return true;
  return compareParts(lowered(parts), idParts(vm.id)) !== false;
}

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
    const opaque = unlessOpaque(model);
    for (const vm of model.vms) {
      if (vm.scaleSet || vm.protectedBy.length > 0) continue;
      // A protected item whose VM reference is not known may protect this VM: no finding then.
      if (model.protectedItems.some((p) => mayProtect(p, vm))) continue;
      ctx.report({ at: vm.at, messageId: 'unprotected', data: { vm: vm.address }, ...opaque });
    }
  },
});
