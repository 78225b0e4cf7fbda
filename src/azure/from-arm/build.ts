import type {
  OpaqueSource,
  AttachedDisk,
  BackupPolicy,
  DiagnosticSetting,
  Extension,
  Lock,
  ManagedDisk,
  Model,
  NetworkInterface,
  ProtectedItem,
  ResourceBase,
  Scenario,
  Vault,
  VirtualMachine,
} from '../model.js';
import { protectedItem } from '../protection.js';
import { asArray, getPath, getProp, nul, type Val } from '../../kernel/value.js';
import type { ArmResource } from '../arm-resource.js';
import { displayText, idText } from '../../kernel/names.js';
import { partsOf, partsText, splitParts } from '../../kernel/partial-string.js';
import { idOf, parentId, scopeOf } from './ids.js';
import { ARM_TYPES, isDiagnosticSetting, isLock } from './modelled-types.js';
import { mapPolicy } from './policy.js';
import { DISK, DISK_ENTRY, EXTENSION, IMAGE, IP_CONFIG, NIC_IP_CONFIGURATIONS, NIC_REF_ID, PROFILE, VM } from './arm-paths.js';
import { entryAt } from './sdk-paths.js';
import { groupBy } from '../../kernel/group-by.js';

/** A property the template leaves out: Azure's default applies, which no rule flags. */
const ABSENT: Val = nul();

const T = ARM_TYPES;

/**
 * What a protected item names that is not among the resources mapped (Terraform: an azapi
 * protected item for an azurerm VM, in an azurerm vault, with an azurerm policy).
 */
export interface OutsideLinks {
  /** The VM a source id value names. */
  vm(sourceId: Val): VirtualMachine | undefined;
  /** The vault of a lower-cased vault id. */
  vault(id: string): Vault | undefined;
  /** The policy a policy id value names. */
  policy(policyId: Val): BackupPolicy | undefined;
}

/**
 * Maps evaluated ARM resources onto the model and links them by resource id, then to `outside`;
 * `opaque` are the sources whose resources the evaluator could not read.
 */
export function buildArmModel(resources: readonly ArmResource[], scenario: Scenario, outside?: OutsideLinks, opaque: readonly OpaqueSource[] = []): Model {
  // One pass over the resources (a template's copies can make thousands), not one per type asked for.
  const ofType = groupBy(resources, (r) => r.type.toLowerCase());
  const byType = (t: string): readonly ArmResource[] => ofType.get(t) ?? [];
  const disks = byType(T.disk).map(mapDisk);
  const nics = byType(T.nic).map(mapNic);
  const vaults = byType(T.vault).map(mapVault);
  const diskById = indexById(disks);
  const nicById = indexById(nics);
  const vaultById = indexById(vaults);
  const policies = byType(T.policy).map((r) => mapPolicy(r, base(r), vaultById.get(parentId(r.id, 'backuppolicies') ?? '')));
  const policyById = indexById(policies);
  const extensionsByVm = groupBy([...byType(T.extension), ...byType(T.scaleSetExtension)], (e) => parentId(e.id, 'extensions'), (e) => ({
    at: e.typeLoc,
    publisher: getPath(e.body, EXTENSION.publisher) ?? ABSENT,
    type: getPath(e.body, EXTENSION.type) ?? ABSENT,
    encryptionOperation: getPath(e.body, EXTENSION.encryptionOperation) ?? ABSENT,
  }));
  const diagnosticSettings = resources.filter((r) => isDiagnosticSetting(r.type)).map(mapDiagnosticSetting);
  const settingsByTarget = groupBy(diagnosticSettings, (d) => d.targetId);
  const vms = [...byType(T.vm), ...byType(T.vmss)].map((r) => mapVm(r, diskById, nicById, extensionsByVm, settingsByTarget));
  const vmById = indexById(vms);
  const protectedItems = byType(T.protectedItem).map((r) => mapProtectedItem(r, vms, vmById, vaultById, policyById, outside));
  const locks = resources.filter((r) => isLock(r.type) && /microsoft\.authorization/i.test(`${r.type} ${r.id ?? ''}`)).map(mapLock);
  return { scenario, vms, disks, networkInterfaces: nics, vaults, policies, protectedItems, locks, diagnosticSettings, opaque };
}

function indexById<T extends { id?: string | undefined }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (let i = 0; i < items.length; i++) if (items[i]!.id) map.set(items[i]!.id!, items[i]!);
  return map;
}

/**
 * The fields every model object has. Spread last into each literal: V8 builds
 * `{ ...common, newField, … }` on a slow path (30 µs for a VM, measured), `{ newField, …, ...common }` not.
 */
function base(r: ArmResource): ResourceBase {
  const nameText = displayText(r.name);
  return {
    at: r.typeLoc,
    address: `${r.type} '${nameText}'${r.copyIndex !== undefined ? ` [copy ${r.copyIndex}]` : ''}`,
    id: r.id || undefined,
    name: r.name,
    location: getProp(r.body, 'location') ?? ABSENT,
    resourceGroup: r.resourceGroup,
    subscription: r.subscription,
  };
}

const props = (r: ArmResource) => getProp(r.body, 'properties');

function mapDisk(r: ArmResource): ManagedDisk {
  return {
    kind: 'managedDisk',
    sku: getPath(r.body, DISK.sku) ?? ABSENT,
    sizeGB: getPath(r.body, DISK.sizeGB) ?? ABSENT,
    maxShares: getPath(r.body, DISK.maxShares) ?? ABSENT,
    attached: false,
    ...base(r),
  };
}

function mapNic(r: ArmResource): NetworkInterface {
  const configs = asArray(getPath(r.body, NIC_IP_CONFIGURATIONS)) ?? [];
  return {
    kind: 'networkInterface',
    ipConfigurations: configs.map((c) => ({
      name: getPath(c, IP_CONFIG.name) ?? ABSENT,
      allocation: getPath(c, IP_CONFIG.allocation) ?? ABSENT,
      privateIp: getPath(c, IP_CONFIG.privateIp) ?? ABSENT,
    })),
    attached: false,
    ...base(r),
  };
}

function mapVault(r: ArmResource): Vault {
  const redundancy = getPath(props(r), ['redundancySettings']);
  return {
    kind: 'vault',
    crossRegionRestore: getProp(redundancy, 'crossRegionRestore') ?? ABSENT,
    storageRedundancy: getProp(redundancy, 'standardTierStorageRedundancy') ?? ABSENT,
    ...base(r),
  };
}

function mapDiagnosticSetting(r: ArmResource): DiagnosticSetting {
  const targetId = scopeOf(r.id);
  return { kind: 'diagnosticSetting', typeAt: r.typeLoc, ...(targetId ? { targetId } : {}), ...base(r) };
}

function mapLock(r: ArmResource): Lock {
  const target = scopeOf(r.id);
  const rgScope = target !== undefined && /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/.test(target);
  const subScope = target !== undefined && /^\/subscriptions\/[^/]+$/.test(target);
  return {
    kind: 'lock',
    level: getPath(props(r), ['level']) ?? ABSENT,
    scope: target === undefined ? 'unknown' : rgScope ? 'resourceGroup' : subScope ? 'subscription' : 'resource',
    ...(target && !rgScope && !subScope ? { targetId: target } : {}),
    targetResourceGroup: r.resourceGroup,
    ...base(r),
  };
}

function mapAttachedDisk(entry: Val, role: AttachedDisk['role'], diskById: Map<string, ManagedDisk>): AttachedDisk {
  const managedId = idOf(getPath(entry, DISK_ENTRY.managedDiskId));
  const managedDisk = managedId ? diskById.get(managedId) : undefined;
  if (managedDisk) managedDisk.attached = true;
  const vhd = getPath(entry, DISK_ENTRY.vhdUri) ?? getPath(entry, DISK_ENTRY.vhdContainers) ?? getPath(entry, DISK_ENTRY.userImageUri);
  const inlineType = getPath(entry, DISK_ENTRY.storageAccountType);
  return {
    role,
    at: entry.loc!,
    lun: getPath(entry, DISK_ENTRY.lun) ?? ABSENT,
    storageType: inlineType ?? managedDisk?.sku ?? ABSENT,
    sizeGB: getPath(entry, DISK_ENTRY.sizeGB) ?? managedDisk?.sizeGB ?? ABSENT,
    maxShares: managedDisk?.maxShares ?? ABSENT,
    writeAccelerator: getPath(entry, DISK_ENTRY.writeAccelerator) ?? ABSENT,
    ephemeralOption: getPath(entry, DISK_ENTRY.ephemeralOption) ?? ABSENT,
    vhdUri: vhd,
    managedDisk,
  };
}

function mapVm(
  r: ArmResource,
  diskById: Map<string, ManagedDisk>,
  nicById: Map<string, NetworkInterface>,
  extensionsByVm: ReadonlyMap<string, readonly Extension[]>,
  settingsByTarget: ReadonlyMap<string, readonly DiagnosticSetting[]>,
): VirtualMachine {
  const scaleSet = r.type.toLowerCase() === T.vmss;
  const p = scaleSet ? getPath(r.body, VM.scaleSetProfile) : props(r);
  const osDiskVal = getPath(p, PROFILE.osDisk);
  const dataDisksEntry = entryAt(p, PROFILE.dataDisks);
  const dataDiskVals = asArray(dataDisksEntry?.value) ?? [];
  const nicRefs = scaleSet ? [] : (asArray(getPath(r.body, VM.networkInterfaces)) ?? []);
  const nicIds = nicRefs.map((n) => idOf(getPath(n, NIC_REF_ID)));
  const networkInterfaces = nicIds.flatMap((id) => (id && nicById.get(id) ? [nicById.get(id)!] : []));
  for (const nic of networkInterfaces) nic.attached = true;
  const imageRef = getPath(p, PROFILE.imageReference);
  const planEntry = entryAt(r.body, VM.plan);
  const windowsAgent = getPath(p, PROFILE.windowsAgent);
  const linuxAgent = getPath(p, PROFILE.linuxAgent);
  const allowExtensions = getPath(p, PROFILE.allowExtensions);
  const dataDisksList = dataDisksEntry?.value;
  return {
    kind: 'virtualMachine',
    size: getPath(r.body, scaleSet ? VM.scaleSetSize : VM.size) ?? ABSENT,
    priority: getPath(p, PROFILE.priority) ?? ABSENT,
    osType: getPath(osDiskVal, DISK_ENTRY.osType) ?? ABSENT,
    image: imageRef
      ? {
          publisher: getPath(imageRef, IMAGE.publisher) ?? ABSENT,
          offer: getPath(imageRef, IMAGE.offer) ?? ABSENT,
          sku: getPath(imageRef, IMAGE.sku) ?? ABSENT,
          id: getPath(imageRef, IMAGE.id),
        }
      : undefined,
    // `plan: null` (Bicep's `cond ? plan : null`) is no plan; an unknown one is not guessed.
    plan: planEntry?.value.kind === 'object' ? (planEntry.keyLoc ?? r.typeLoc) : undefined,
    osDisk: osDiskVal ? mapAttachedDisk(osDiskVal, 'os', diskById) : undefined,
    dataDisks: dataDiskVals.map((d) => mapAttachedDisk(d, 'data', diskById)),
    dataDisksAt: dataDisksEntry?.keyLoc ?? r.typeLoc,
    dataDisksCount: dataDisksList?.kind === 'unknown' ? dataDisksList : undefined,
    dataDisksOrigin: describeCount(dataDisksList),
    ultraSSDEnabled: getPath(r.body, VM.ultraSSDEnabled) ?? ABSENT,
    provisionVMAgent: [windowsAgent, linuxAgent].filter((v): v is Val => v !== undefined),
    allowExtensionOperations: allowExtensions ? [allowExtensions] : [],
    zones: getPath(r.body, VM.zones) ?? ABSENT,
    availabilitySet: scaleSet ? undefined : getPath(r.body, VM.availabilitySet),
    networkInterfaces,
    extensions: [...(scaleSet ? profileExtensions(r) : []), ...((r.id && extensionsByVm.get(r.id)) || [])],
    diagnosticSettings: [...((r.id && settingsByTarget.get(r.id)) || [])],
    protectedBy: [],
    scaleSet,
    instanceIndex: r.copyIndex,
    ...base(r),
  };
}

/** "from parameter 'diskCount'" for a data-disk list whose length came from a copy count. */
function describeCount(list: Val | undefined): string | undefined {
  const origin = list?.origins[0];
  if (!origin) return undefined;
  return `copy count from ${origin.kind.replace('-', ' ')} '${origin.name}'`;
}

/** The extensions a scale set's profile declares, each at its entry. */
function profileExtensions(r: ArmResource): Extension[] {
  return (asArray(getPath(r.body, VM.scaleSetExtensions)) ?? []).map((e) => ({
    at: e.loc ?? r.typeLoc,
    publisher: getPath(e, EXTENSION.publisher) ?? ABSENT,
    type: getPath(e, EXTENSION.type) ?? ABSENT,
    encryptionOperation: getPath(e, EXTENSION.encryptionOperation) ?? ABSENT,
  }));
}

function mapProtectedItem(
  r: ArmResource,
  vms: readonly VirtualMachine[],
  vmById: ReadonlyMap<string, VirtualMachine>,
  vaultById: Map<string, Vault>,
  policyById: Map<string, BackupPolicy>,
  outside: OutsideLinks | undefined,
): ProtectedItem {
  const p = props(r);
  const sourceVm = getProp(p, 'sourceResourceId') ?? getProp(p, 'virtualMachineId') ?? ABSENT;
  const sourceId = idOf(sourceVm);
  const vm = (sourceId ? vmById.get(sourceId) : undefined) ?? outside?.vm(sourceVm) ?? vmFromItemName(r.name, vms);
  const vaultId = parentId(r.id, 'backupfabrics');
  const vault = vaultById.get(vaultId ?? '') ?? (vaultId ? outside?.vault(vaultId) : undefined);
  const policyVal = getProp(p, 'policyId');
  const policyId = idOf(policyVal);
  const policy = (policyId ? policyById.get(policyId) : undefined) ?? (policyVal ? outside?.policy(policyVal) : undefined);
  return protectedItem(base(r), sourceVm, { vm, vault, policy });
}

/**
 * Protected item names end with `vm;iaasvmcontainerv2;<resourceGroup>;<vmName>`; when the
 * source id is unknown, that still says which VM it protects.
 */
function vmFromItemName(name: Val, vms: readonly VirtualMachine[]): VirtualMachine | undefined {
  const parts = partsOf(name);
  if (!parts) return undefined;
  // By parts: a deployment-time part (`uniqueString(resourceGroup().id)`) stands whole in one segment.
  const whole = () => false;
  const last = splitParts(splitParts(parts, ['/'], whole)!.at(-1)!, [';'], whole)!;
  if (last.length < 4) return undefined;
  const vmName = partsText(last.at(-1)!).toLowerCase();
  const matches = vms.filter((v) => idText(v.name)?.toLowerCase() === vmName);
  return matches.length === 1 ? matches[0] : undefined;
}
