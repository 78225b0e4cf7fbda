import type { Lock, VirtualMachine } from '../../src/azure/model.js';
import { sameName } from './values.js';

/** The lock is on the VM's resource group (a known name, or the same deployment-time symbol). */
export function locksResourceGroupOf(lock: Lock, vm: VirtualMachine): boolean {
  return lock.scope === 'resourceGroup' && sameName(lock.targetResourceGroup, vm.resourceGroup) === true;
}

/** `resource group 'rg1'`, or `the deployment's resource group` when the name is not known. */
export function describeGroup(lock: Lock): string {
  const g = lock.targetResourceGroup;
  return g.kind === 'string' ? `resource group '${g.value}'` : "the deployment's resource group";
}
