import { lintSources } from '../../../src/api/lint.js';
import type { LintOptions } from '../../../src/engine/options.js';
import { lintHits, pos, type Hit } from '../../helpers/lint.js';

export const ALL: LintOptions = { preset: 'all' };
export const MAYBE: LintOptions = { preset: 'all', unknownValues: 'report' };

/** A VM resource in Bicep; `size` is the expression written for `vmSize`, `extra` more body lines. */
export function bicepVm(symbol: string, name: string, size: string, extra = ''): string {
  return `resource ${symbol} 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: ${name}
  location: 'westeurope'
${extra}  properties: {
    hardwareProfile: {
      vmSize: ${size}
    }
  }
}
`;
}

/** A vault, its daily policy and a protected item for the VM whose id is `vmId` (an expression). */
export function bicepBackup(vmName: string, vmId: string): string {
  return `resource vault 'Microsoft.RecoveryServices/vaults@2023-04-01' = {
  name: 'rsv'
  location: 'westeurope'
  sku: {
    name: 'RS0'
    tier: 'Standard'
  }
  properties: {}
}

resource policy 'Microsoft.RecoveryServices/vaults/backupPolicies@2023-04-01' = {
  parent: vault
  name: 'daily'
  properties: {
    backupManagementType: 'AzureIaasVM'
    schedulePolicy: {
      schedulePolicyType: 'SimpleSchedulePolicy'
      scheduleRunFrequency: 'Daily'
      scheduleRunTimes: ['2024-01-01T02:00:00Z']
    }
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy'
      dailySchedule: {
        retentionTimes: ['2024-01-01T02:00:00Z']
        retentionDuration: {
          count: 30
          durationType: 'Days'
        }
      }
    }
  }
}

resource item 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2023-04-01' = {
  name: 'rsv/Azure/iaasvmcontainer;iaasvmcontainerv2;rg;${vmName}/vm;iaasvmcontainerv2;rg;${vmName}'
  properties: {
    protectedItemType: 'Microsoft.Compute/virtualMachines'
    policyId: policy.id
    sourceResourceId: ${vmId}
  }
}
`;
}

/** The findings of one rule as `file:line:col`. */
export function ruleAt(files: Readonly<Record<string, string>>, rule: string, options: LintOptions = ALL): string[] {
  return hitsOf(files, rule, options).map((h) => `${h.file}:${h.line}:${h.column}`);
}

export function hitsOf(files: Readonly<Record<string, string>>, rule: string, options: LintOptions = ALL): Hit[] {
  return lintHits(files, options).filter((h) => h.rule === rule);
}

/** Messages without a rule (diagnostics) as `file:line:col message`. */
export function diagnostics(files: Readonly<Record<string, string>>, options: LintOptions = ALL): string[] {
  return lintHits(files, options)
    .filter((h) => h.rule === null || h.rule === 'template-problems')
    .map((h) => `${h.file}:${h.line}:${h.column} ${h.message}`);
}

/** `file:line:col` of `needle` in `files[file]` (after `after`). */
export function where(files: Readonly<Record<string, string>>, file: string, needle: string, after = ''): string {
  return `${file}:${pos(files[file]!, needle, after)}`;
}

export function inventory(files: Readonly<Record<string, string>>): { file: string; name: string; instances: number; protected: boolean }[] {
  const report = lintSources(files, { cwd: '/project', preset: 'all' });
  return report.inventory.map((e) => ({ file: e.filePath.replace('/project/', ''), name: e.name, instances: e.instances, protected: e.protected }));
}
