import type {
  OpaqueSource,
  AttachedDisk,
  BackupPolicy,
  DiagnosticSetting,
  Lock,
  ManagedDisk,
  Model,
  NetworkInterface,
  ProtectedItem,
  ResourceBase,
  Vault,
  VirtualMachine,
} from '../model.js';
import { protectedItem } from '../protection.js';
import { nul, str, unknown, type Val } from '../../kernel/value.js';
import { buildArmModel } from '../from-arm/build.js';
import type { TfResource } from './resource.js';
import { azapiResources } from './azapi.js';
import { attr, blockList, encryptionOperation, firstBlock, providerSubscription } from './access.js';
import { Links } from './links.js';
import { mapVm, VM_TYPES, type Mutable, type VmDraft } from './vm.js';
import type { Loc } from '../../kernel/location.js';
import { groupBy } from '../../kernel/group-by.js';

/** The fields every model object has; spread last into each literal (see `base` in src/azure/from-arm/build.ts). */
function base(r: TfResource): ResourceBase {
  return {
    at: r.at,
    address: r.address,
    id: (r.cloudId ?? r.address).toLowerCase(),
    name: attr(r.body, 'name'),
    location: attr(r.body, 'location'),
    resourceGroup: attr(r.body, 'resource_group_name'),
    subscription: providerSubscription(r),
  };
}

const RESOURCE_GROUP_TYPES = new Set(['azurerm_resource_group']);

function sameKnown(a: Val, b: Val): boolean {
  return a.kind === 'string' && b.kind === 'string' && a.value.toLowerCase() === b.value.toLowerCase();
}

/** What the ARM model builder adds from azapi resources. */
type ArmParts = Omit<Model, 'scenario' | 'opaque'>;

/** Most configurations declare no azapi resource: nothing for the ARM model builder to map. */
const NO_AZAPI: ArmParts = Object.freeze({ vms: [], disks: [], networkInterfaces: [], vaults: [], policies: [], protectedItems: [], locks: [], diagnosticSettings: [] });

/** Maps evaluated resource instances (configuration or plan) to the Azure model. */
export function mapModel(resources: readonly TfResource[], scenario: string, opaque: readonly OpaqueSource[] = []): Model {
  const links = new Links(resources);
  const managed = resources.filter((r) => r.mode === 'managed');
  // Indexed once: a dozen passes over every resource, one per type, cost more than the mapping.
  const byType = groupBy(managed, (r) => r.type);
  const ofType = (type: string): readonly TfResource[] => byType.get(type) ?? [];

  const disks = new Map<string, ManagedDisk>();
  for (const r of ofType('azurerm_managed_disk')) {
    disks.set(r.address, { kind: 'managedDisk', sku: attr(r.body, 'storage_account_type'), sizeGB: attr(r.body, 'disk_size_gb'), maxShares: attr(r.body, 'max_shares'), attached: false, ...base(r) });
  }

  const nics = new Map<string, NetworkInterface>();
  for (const r of ofType('azurerm_network_interface')) {
    nics.set(r.address, {
      kind: 'networkInterface',
      ipConfigurations: blockList(r.body, 'ip_configuration').map((c) => ({
        name: attr(c, 'name'),
        allocation: attr(c, 'private_ip_address_allocation'),
        privateIp: attr(c, 'private_ip_address'),
      })),
      attached: false,
      ...base(r),
    });
  }

  const vaults = new Map<string, Vault>();
  for (const r of ofType('azurerm_recovery_services_vault')) {
    vaults.set(r.address, { kind: 'vault', crossRegionRestore: attr(r.body, 'cross_region_restore_enabled'), storageRedundancy: attr(r.body, 'storage_mode_type'), ...base(r) });
  }
  /** The vault a `recovery_vault_name` names: by the resource it was read from, else by name and group. */
  const vaultFor = (name: Val, group: Val): Vault | undefined => {
    const source = links.sourceOf(name);
    if (source && vaults.has(source.address)) return vaults.get(source.address);
    return [...vaults.values()].find((v) => sameKnown(v.name, name) && (group.kind !== 'string' || v.resourceGroup.kind !== 'string' || sameKnown(v.resourceGroup, group)));
  };

  const policies = new Map<string, BackupPolicy>();
  for (const r of ofType('azurerm_backup_policy_vm')) {
    const backup = firstBlock(r.body, 'backup');
    const time = attr(backup, 'time');
    const vault = vaultFor(attr(r.body, 'recovery_vault_name'), attr(r.body, 'resource_group_name'));
    policies.set(r.address, {
      kind: 'backupPolicy',
      managementType: str('AzureIaasVM', r.at),
      policyType: attr(r.body, 'policy_type'),
      schedule: {
        frequency: attr(backup, 'frequency'),
        runTimes: time.kind === 'null' ? [] : [time],
        ...(time.loc ? { runTimesAt: time.loc } : {}),
        hourlyInterval: attr(backup, 'hour_interval'),
        hourlyWindowHours: attr(backup, 'hour_duration'),
      },
      retention: (['daily', 'weekly', 'monthly', 'yearly'] as const).flatMap((unit) => {
        const block = firstBlock(r.body, `retention_${unit}`);
        return block ? [{ unit, count: attr(block, 'count') }] : [];
      }),
      timeZone: attr(r.body, 'timezone'),
      restorePointResourceGroup: attr(firstBlock(r.body, 'instant_restore_resource_group'), 'prefix'),
      ...(vault ? { vault } : {}),
      ...base(r),
      location: vault?.location ?? nul(),
    });
  }

  const vms = new Map<string, VmDraft>();
  for (const r of managed.filter((m) => VM_TYPES.has(m.type))) vms.set(r.address, mapVm(r, base(r), links, disks, nics));
  const vmFor = (v: Val): VmDraft | undefined => {
    const target = links.resolve(v);
    return target ? vms.get(target.address) : undefined;
  };

  attachDisks(ofType('azurerm_virtual_machine_data_disk_attachment'), links, vmFor, disks);

  for (const r of managed.filter((m) => m.type === 'azurerm_virtual_machine_extension' || m.type === 'azurerm_virtual_machine_scale_set_extension')) {
    const vm = vmFor(attr(r.body, r.type === 'azurerm_virtual_machine_extension' ? 'virtual_machine_id' : 'virtual_machine_scale_set_id'));
    vm?.extensions.push({ at: r.at, publisher: attr(r.body, 'publisher'), type: attr(r.body, 'type'), encryptionOperation: encryptionOperation(r.body) });
  }

  const diagnosticSettings: DiagnosticSetting[] = [];
  for (const r of ofType('azurerm_monitor_diagnostic_setting')) {
    const targetVal = attr(r.body, 'target_resource_id');
    const target = links.resolve(targetVal);
    const setting: DiagnosticSetting = {
      kind: 'diagnosticSetting',
      typeAt: r.at,
      ...(target ? { targetId: (target.cloudId ?? target.address).toLowerCase() } : targetVal.kind === 'string' ? { targetId: targetVal.value.toLowerCase() } : {}),
      ...base(r),
    };
    diagnosticSettings.push(setting);
    if (target) vms.get(target.address)?.diagnosticSettings.push(setting);
  }

  const protectedItems: ProtectedItem[] = [];
  for (const r of ofType('azurerm_backup_protected_vm')) {
    const sourceVm = attr(r.body, 'source_vm_id');
    const vm = vmFor(sourceVm);
    const policyTarget = links.resolve(attr(r.body, 'backup_policy_id'));
    const policy = policyTarget ? policies.get(policyTarget.address) : undefined;
    const vault = vaultFor(attr(r.body, 'recovery_vault_name'), attr(r.body, 'resource_group_name')) ?? policy?.vault;
    protectedItems.push(protectedItem({ ...base(r), location: vault?.location ?? nul() }, sourceVm, { vm, vault, policy }));
  }

  const locks = ofType('azurerm_management_lock').map((r) => mapLock(r, links));

  // azapi bodies are ARM JSON: the ARM model builder maps them, linked among themselves; a
  // protected item may also name an azurerm VM, vault and policy, and azurerm settings and locks
  // an azapi VM.
  const azapi = azapiResources(managed, links);
  const arm: ArmParts = azapi.length === 0
    ? NO_AZAPI
    : buildArmModel(azapi, { name: scenario }, {
        vm: vmFor,
        vault: (id) => vaults.get(links.resolveId(id)?.address ?? ''),
        policy: (ref) => {
          const target = links.resolve(ref);
          return target ? policies.get(target.address) : undefined;
        },
      });
  for (const setting of diagnosticSettings) arm.vms.find((vm) => setting.targetId !== undefined && vm.id === setting.targetId)?.diagnosticSettings.push(setting);
  return {
    scenario: { name: scenario },
    vms: [...(vms.values() as Iterable<VirtualMachine>), ...arm.vms],
    disks: [...disks.values(), ...arm.disks],
    networkInterfaces: [...nics.values(), ...arm.networkInterfaces],
    vaults: [...vaults.values(), ...arm.vaults],
    policies: [...policies.values(), ...arm.policies],
    protectedItems: [...protectedItems, ...arm.protectedItems],
    locks: [...locks, ...arm.locks],
    diagnosticSettings: [...diagnosticSettings, ...arm.diagnosticSettings],
    opaque,
  };
}

function attachDisks(attachments: readonly TfResource[], links: Links, vmFor: (v: Val) => VmDraft | undefined, disks: ReadonlyMap<string, ManagedDisk>): void {
  const perVm = new Map<VmDraft, Map<string, { count: number; expansion?: string }>>();
  for (const r of attachments) {
    const vm = vmFor(attr(r.body, 'virtual_machine_id'));
    if (!vm) continue;
    const diskVal = attr(r.body, 'managed_disk_id');
    const target = links.resolve(diskVal);
    const managedDisk = target ? disks.get(target.address) : undefined;
    if (managedDisk) managedDisk.attached = true;
    // Without spreads or a closure per attachment (each a runtime call while this runs unoptimized):
    // a module may attach hundreds of disks.
    const disk: Mutable<AttachedDisk> = {
      role: 'data',
      at: r.at,
      lun: attr(r.body, 'lun'),
      storageType: managedDisk?.sku ?? notInConfig('type', diskVal, r.at),
      sizeGB: managedDisk?.sizeGB ?? notInConfig('size', diskVal, r.at),
      maxShares: managedDisk?.maxShares ?? notInConfig('max_shares', diskVal, r.at),
      writeAccelerator: attr(r.body, 'write_accelerator_enabled'),
      ephemeralOption: nul(),
    };
    if (managedDisk) disk.managedDisk = managedDisk;
    vm.dataDisks.push(disk);
    let groups = perVm.get(vm);
    if (!groups) perVm.set(vm, (groups = new Map()));
    const key = r.declaration;
    let g = groups.get(key);
    if (!g) {
      groups.set(key, (g = { count: 0 }));
      if (r.expansion) g.expansion = r.expansion;
    }
    g.count++;
  }
  for (const [vm, groups] of perVm) {
    const parts = [...groups].map(([decl, g]) => `${g.count} attachment${g.count === 1 ? '' : 's'} ${g.expansion ? `from ${g.expansion}` : `(${decl})`}`);
    vm.dataDisksOrigin = [vm.dataDisksOrigin, ...parts].filter(Boolean).join(' + ');
  }
}

/** A property of an attached disk that only the managed disk resource, not in this configuration, says. */
function notInConfig(what: string, diskVal: Val, at: Loc): Val {
  return unknown(`the ${what} of disk ${diskVal.kind === 'string' ? diskVal.value : '(unknown)'} is not in this configuration`, at);
}

/** What a lock's `scope` points at: a resource group (by its resource or id), a resource, or a subscription. */
function mapLock(r: TfResource, links: Links): Lock {
  const scope = attr(r.body, 'scope');
  const b = base(r);
  const lock = (s: Lock['scope'], targetResourceGroup: Val, targetId?: string): Lock => ({
    kind: 'lock',
    level: attr(r.body, 'lock_level'),
    scope: s,
    targetResourceGroup,
    ...(targetId ? { targetId } : {}),
    ...b,
    resourceGroup: s === 'resourceGroup' ? targetResourceGroup : b.resourceGroup,
  });
  const target = links.resolve(scope);
  if (target) {
    if (RESOURCE_GROUP_TYPES.has(target.type)) return lock('resourceGroup', attr(target.body, 'name'));
    return lock('resource', attr(target.body, 'resource_group_name'), (target.cloudId ?? target.address).toLowerCase());
  }
  if (scope.kind === 'string') {
    const m = /^\/subscriptions\/[^/]+(?:\/resourcegroups\/([^/]+))?(\/providers\/.+)?$/i.exec(scope.value);
    if (m?.[2] && m[1]) return lock('resource', str(m[1], scope.loc, scope.origins), scope.value.toLowerCase());
    if (m?.[1]) return lock('resourceGroup', str(m[1], scope.loc, scope.origins));
    if (m) return lock('subscription', nul());
  }
  return lock('unknown', scope.kind === 'unknown' ? scope : unknown('the lock scope is not known', scope.loc));
}
