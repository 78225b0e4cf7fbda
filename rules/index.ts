// Every rule of the catalog (docs/rules/<id>.md), sorted by id.
import type { Rule } from './api.js';
import availabilitySetRestore from './availability-set-restore.js';
import encryptedVmRestore from './encrypted-vm-restore.js';
import marketplacePlanRestore from './marketplace-plan-restore.js';
import maxDataDisks from './max-data-disks.js';
import maxDiskSize from './max-disk-size.js';
import minVmSize from './min-vm-size.js';
import noDiagnosticSettings from './no-diagnostic-settings.js';
import noEphemeralOsDisk from './no-ephemeral-os-disk.js';
import noLockUnmanagedVm from './no-lock-unmanaged-vm.js';
import noResourceGroupLock from './no-resource-group-lock.js';
import noSharedDisk from './no-shared-disk.js';
import noSpotVm from './no-spot-vm.js';
import noStaticPrivateIp from './no-static-private-ip.js';
import noUltraSsd from './no-ultra-ssd.js';
import policyRetention from './policy-retention.js';
import policySchedule from './policy-schedule.js';
import policyTimeZoneDst from './policy-time-zone-dst.js';
import requireBackup from './require-backup.js';
import supportedDiskType from './supported-disk-type.js';
import supportedOs from './supported-os.js';
import unmanagedDiskRestore from './unmanaged-disk-restore.js';
import vaultSameRegion from './vault-same-region.js';
import vmAgentRequired from './vm-agent-required.js';
import writeAccelerator from './write-accelerator.js';
import zonePinnedRestore from './zone-pinned-restore.js';

export const rules: readonly Rule[] = [
  availabilitySetRestore,
  encryptedVmRestore,
  marketplacePlanRestore,
  maxDataDisks,
  maxDiskSize,
  minVmSize,
  noDiagnosticSettings,
  noEphemeralOsDisk,
  noLockUnmanagedVm,
  noResourceGroupLock,
  noSharedDisk,
  noSpotVm,
  noStaticPrivateIp,
  noUltraSsd,
  policyRetention,
  policySchedule,
  policyTimeZoneDst,
  requireBackup,
  supportedDiskType,
  supportedOs,
  unmanagedDiskRestore,
  vaultSameRegion,
  vmAgentRequired,
  writeAccelerator,
  zonePinnedRestore,
];
