import type { AttachedDisk, VirtualMachine } from '../../src/azure/model.js';
import type { Problem, RuleContext, Suggestion } from '../api.js';
import { checkString } from './check.js';
import { inList } from './values.js';
import { protectedWithEnhancedPolicy } from './vm.js';

/** The messages of every rule that checks disk types with `checkDiskType`. */
export const DISK_TYPE_MESSAGES = {
  unsupported: "Disk type '{{type}}' cannot be backed up by Azure Backup; VMs with it cannot be protected",
  enhancedPolicyUnknown:
    "Disk type '{{type}}' needs an Enhanced (V2) backup policy, and the type of the policy protecting this VM is not known",
  enhancedPolicyMissing:
    "Disk type '{{type}}' needs an Enhanced (V2) backup policy, and no protected item in this configuration uses one for this VM",
};

type DiskTypeMessageIds = keyof typeof DISK_TYPE_MESSAGES;

/**
 * Checks a disk's storage type against `unsupported` (the types this rule is about). A type the
 * matrix edition allows with an Enhanced (V2) policy is a finding only when no protected item
 * of the configuration backs the VM up with one; a "may be" finding when the policy type that
 * protects it is not known.
 */
export function checkDiskType(
  context: RuleContext<DiskTypeMessageIds>,
  vm: VirtualMachine,
  disk: AttachedDisk,
  unsupported: (type: string) => boolean,
  suggestions?: readonly Suggestion[],
): void {
  const enhanced = protectedWithEnhancedPolicy(vm);
  const problem = (type: string): Problem<DiskTypeMessageIds> | undefined => {
    if (!unsupported(type)) return undefined;
    if (!inList(type, context.matrix.enhancedPolicyDiskTypes)) return { messageId: 'unsupported', data: { type } };
    if (enhanced === true) return undefined;
    return { messageId: enhanced === undefined ? 'enhancedPolicyUnknown' : 'enhancedPolicyMissing', data: { type } };
  };
  const type = disk.storageType;
  const enhancedOnly = type.kind === 'string' && inList(type.value, context.matrix.enhancedPolicyDiskTypes);
  // An Enhanced-only type under a policy of unknown type is itself a "may be" finding.
  const certainty = enhancedOnly && enhanced === undefined ? 'maybe' : undefined;
  checkString(context, type, disk.at, problem, { ...(certainty ? { certainty } : {}), ...(suggestions ? { suggestions } : {}) });
}
