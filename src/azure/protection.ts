import type { BackupPolicy, ProtectedItem, ResourceBase, VirtualMachine, Vault } from './model.js';
import type { Val } from '../kernel/value.js';

/**
 * A protected item with what it was linked to, recorded on the VM it protects. The ARM and
 * Terraform mappers find the links their own way and build the item here.
 */
export function protectedItem(base: ResourceBase, sourceVm: Val, links: { vm?: VirtualMachine | undefined; vault?: Vault | undefined; policy?: BackupPolicy | undefined }): ProtectedItem {
  const { vm, vault, policy } = links;
  const item: ProtectedItem = {
    kind: 'protectedItem',
    sourceVm,
    ...(vm ? { vm } : {}),
    ...(vault ? { vault } : {}),
    ...(policy ? { policy } : {}),
    ...base,
  };
  vm?.protectedBy.push(item);
  return item;
}
