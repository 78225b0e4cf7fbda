/** Resource types the model maps, lower-cased; the evaluator skips the bodies of all others. */
export const ARM_TYPES = {
  vm: 'microsoft.compute/virtualmachines',
  vmss: 'microsoft.compute/virtualmachinescalesets',
  disk: 'microsoft.compute/disks',
  nic: 'microsoft.network/networkinterfaces',
  vault: 'microsoft.recoveryservices/vaults',
  policy: 'microsoft.recoveryservices/vaults/backuppolicies',
  protectedItem: 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems',
  extension: 'microsoft.compute/virtualmachines/extensions',
  scaleSetExtension: 'microsoft.compute/virtualmachinescalesets/extensions',
  deployment: 'microsoft.resources/deployments',
} as const;

const MODELLED = new Set<string>(Object.values(ARM_TYPES));

export const isLock = (type: string): boolean => /(^|\/)locks$/i.test(type);
export const isDiagnosticSetting = (type: string): boolean => /(^|\/)diagnosticsettings$/i.test(type);

/** Whether a resource's properties matter to any rule (or, for deployments, to evaluation). */
export function isModelled(type: string): boolean {
  return MODELLED.has(type.toLowerCase()) || isLock(type) || isDiagnosticSetting(type);
}

/** Virtual machines and scale sets: what the inventory lists. */
export function isVmType(type: string): boolean {
  const lower = type.toLowerCase();
  return lower === ARM_TYPES.vm || lower === ARM_TYPES.vmss;
}
