import type { AttachedDisk, BackupPolicy, VirtualMachine } from '../../src/azure/model.js';
import type { Val } from '../../src/kernel/value.js';
import { eqi } from './values.js';

export function disksOf(vm: VirtualMachine): AttachedDisk[] {
  return vm.osDisk ? [vm.osDisk, ...vm.dataDisks] : [...vm.dataDisks];
}

/** A disk is an unmanaged VHD when it names a blob (`vhd.uri`, `vhd_uri`). */
export function isUnmanaged(disk: AttachedDisk): boolean {
  return disk.vhdUri !== undefined && disk.vhdUri.kind !== 'null';
}

export function hasUnmanagedDisk(vm: VirtualMachine): boolean {
  return disksOf(vm).some(isUnmanaged);
}

export function hasManagedDisk(vm: VirtualMachine): boolean {
  return disksOf(vm).some((d) => !isUnmanaged(d));
}

/** Policy type: `V2` (Enhanced), `V1` (Standard, also when unset) or undefined when unknown. */
export function policyTier(policy: BackupPolicy): 'V1' | 'V2' | undefined {
  const t = policy.policyType;
  if (t.kind === 'unknown') return undefined;
  return t.kind === 'string' && eqi(t.value, 'V2') ? 'V2' : 'V1';
}

/**
 * Whether a protected item of the configuration backs the VM up with an Enhanced (V2) policy
 * of the configuration: undefined when that depends on a policy type that is not known, or on a
 * policy the item names but the configuration does not hold (another deployment's, an unknown id).
 */
export function protectedWithEnhancedPolicy(vm: VirtualMachine): boolean | undefined {
  let unsure = false;
  for (const item of vm.protectedBy) {
    if (!item.policy) {
      unsure = true;
      continue;
    }
    const tier = policyTier(item.policy);
    if (tier === 'V2') return true;
    if (tier === undefined) unsure = true;
  }
  return unsure ? undefined : false;
}

/**
 * A disk setting as attached, or else the attached disk resource's own (`sizeGB` and
 * `maxShares` live on the `Microsoft.Compute/disks` / `azurerm_managed_disk` resource).
 */
export function diskValue(disk: AttachedDisk, key: 'sizeGB' | 'maxShares'): Val {
  const own = disk[key];
  return own.kind === 'null' && disk.managedDisk ? disk.managedDisk[key] : own;
}
