import type { Lock, VirtualMachine } from '../../src/azure/model.js';
import { sameName } from './values.js';

/** The lock is on the VM's resource group (a known name, or the same deployment-time symbol). */
export function locksResourceGroupOf(lock: Lock, vm: VirtualMachine): boolean {
  return lock.scope === 'resourceGroup' && sameName(lock.targetResourceGroup, vm.resourceGroup) === true;
}
