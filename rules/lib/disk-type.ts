import type { AttachedDisk, VirtualMachine } from '../../src/azure/model.js';
import type { RuleContext, RuleMeta, Suggestion } from '../api.js';
import { checkString } from './check.js';
import { cite } from './report.js';
import { inList } from './values.js';
import { protectedWithEnhancedPolicy } from './vm.js';

/**
 * Checks a disk's storage type against `unsupported` (the types this rule is about). A type the
 * matrix edition allows with an Enhanced (V2) policy is a finding only when no protected item
 * of the configuration backs the VM up with one; a "may be" finding when the policy type that
 * protects it is not known.
 */
export function checkDiskType(
  context: RuleContext,
  id: string,
  meta: RuleMeta,
  vm: VirtualMachine,
  disk: AttachedDisk,
  unsupported: (type: string) => boolean,
  suggestions?: readonly Suggestion[],
): void {
  const enhanced = protectedWithEnhancedPolicy(vm);
  const source = `(${cite(context, id, meta)})`;
  const problem = (type: string): string | undefined => {
    if (!unsupported(type)) return undefined;
    if (!inList(type, context.matrix.enhancedPolicyDiskTypes)) {
      return `Disk type '${type}' is not supported by Azure Backup ${source}`;
    }
    if (enhanced === true) return undefined;
    if (enhanced === undefined) {
      return `Disk type '${type}' is backed up only with an Enhanced (V2) backup policy, and the type of the policy protecting this VM is not known ${source}`;
    }
    return `Disk type '${type}' is backed up only with an Enhanced (V2) backup policy, and no protected item in this configuration backs this VM up with one ${source}`;
  };
  const type = disk.storageType;
  const enhancedOnly = type.kind === 'string' && inList(type.value, context.matrix.enhancedPolicyDiskTypes);
  // An Enhanced-only type under a policy of unknown type is itself a "may be" finding.
  const ctx = enhancedOnly && enhanced === undefined ? { ...context, report: context.reportMaybe.bind(context) } : context;
  checkString(ctx, type, disk.at, problem, undefined, suggestions);
}
