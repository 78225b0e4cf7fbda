import type { BackupPolicy, ResourceBase, RetentionLimit, Vault } from '../model.js';
import { asArray, getPath, getProp, getPropEntry, nul, type Val } from '../../kernel/value.js';
import type { ArmResource } from '../arm-resource.js';

const ABSENT: Val = nul();

const RETENTION: readonly [RetentionLimit['unit'], string][] = [
  ['daily', 'dailySchedule'],
  ['weekly', 'weeklySchedule'],
  ['monthly', 'monthlySchedule'],
  ['yearly', 'yearlySchedule'],
];

/**
 * `AzureIaasVM` policies: V1 keeps run times in `schedulePolicy.scheduleRunTimes`,
 * V2 (`SimpleSchedulePolicyV2`) in `dailySchedule` / `weeklySchedule` / `hourlySchedule`.
 */
export function mapPolicy(r: ArmResource, base: ResourceBase, vault: Vault | undefined): BackupPolicy {
  const p = getProp(r.body, 'properties');
  const schedule = getProp(p, 'schedulePolicy');
  const runTimesEntry =
    getPropEntry(schedule, 'scheduleRunTimes') ??
    getPropEntry(getProp(schedule, 'dailySchedule'), 'scheduleRunTimes') ??
    getPropEntry(getProp(schedule, 'weeklySchedule'), 'scheduleRunTimes');
  const hourly = getProp(schedule, 'hourlySchedule');
  const retention = getProp(p, 'retentionPolicy');
  return {
    kind: 'backupPolicy',
    managementType: getProp(p, 'backupManagementType') ?? ABSENT,
    policyType: getProp(p, 'policyType') ?? ABSENT,
    schedule: {
      frequency: getProp(schedule, 'scheduleRunFrequency') ?? ABSENT,
      runTimes: asArray(runTimesEntry?.value) ?? [],
      ...(runTimesEntry?.value.loc ? { runTimesAt: runTimesEntry.value.loc } : {}),
      hourlyInterval: getProp(hourly, 'interval') ?? ABSENT,
      hourlyWindowHours: getProp(hourly, 'scheduleWindowDuration') ?? ABSENT,
    },
    retention: RETENTION.flatMap(([unit, key]) => {
      const count = getPath(retention, [key, 'retentionDuration', 'count']);
      return count ? [{ unit, count }] : [];
    }),
    timeZone: getProp(p, 'timeZone') ?? ABSENT,
    restorePointResourceGroup: getPath(p, ['instantRPDetails', 'azureBackupRGNamePrefix']) ?? ABSENT,
    ...(vault ? { vault } : {}),
    ...base,
  };
}
