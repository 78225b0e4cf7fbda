import type { BackupPolicy } from '../../src/azure/model.js';
import { eqi } from './values.js';

/** Policies for Azure VMs (`AzureIaasVM`); others (SQL, file shares) have other limits. */
export function isVmPolicy(policy: BackupPolicy): boolean {
  const t = policy.managementType;
  return t.kind === 'string' && eqi(t.value, 'AzureIaasVM');
}
