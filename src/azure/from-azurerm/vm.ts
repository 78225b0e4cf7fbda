import type { Loc } from '../../kernel/location.js';
import type { AttachedDisk, ImageRef, ManagedDisk, NetworkInterface, ResourceBase, VirtualMachine } from '../model.js';
import { arr, nul, str, unknown, type ObjectVal, type Val } from '../../kernel/value.js';
import type { TfResource } from './resource.js';
import { attr, blockList, encryptionOperation, firstBlock, has } from './access.js';
import type { Links } from './links.js';

export const VM_TYPES = new Set([
  'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine',
  'azurerm_virtual_machine',
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
  'azurerm_orchestrated_virtual_machine_scale_set',
  'azurerm_virtual_machine_scale_set',
]);

/**
 * Where each VM resource keeps what the model reads. The legacy resources (`azurerm_virtual_machine`,
 * `azurerm_virtual_machine_scale_set`) use the older `storage_*` block names.
 */
interface Shape {
  readonly osDisk: string;
  readonly dataDisk: string;
  /** The storage type argument of a disk block. */
  readonly diskType: string;
  readonly image: string;
  /** The size: an argument, or a block's argument. */
  readonly size: readonly [string] | readonly [string, string];
  /** Where a zone list or single zone is set. */
  readonly zones: string;
}

const CURRENT: Shape = { osDisk: 'os_disk', dataDisk: 'data_disk', diskType: 'storage_account_type', image: 'source_image_reference', size: ['size'], zones: 'zone' };

function shapeOf(type: string): Shape {
  switch (type) {
    case 'azurerm_virtual_machine':
      return { osDisk: 'storage_os_disk', dataDisk: 'storage_data_disk', diskType: 'managed_disk_type', image: 'storage_image_reference', size: ['vm_size'], zones: 'zones' };
    case 'azurerm_virtual_machine_scale_set':
      return { osDisk: 'storage_profile_os_disk', dataDisk: 'storage_profile_data_disk', diskType: 'managed_disk_type', image: 'storage_profile_image_reference', size: ['sku', 'name'], zones: 'zones' };
    case 'azurerm_orchestrated_virtual_machine_scale_set':
      return { ...CURRENT, size: ['sku_name'], zones: 'zones' };
    case 'azurerm_linux_virtual_machine_scale_set':
    case 'azurerm_windows_virtual_machine_scale_set':
      return { ...CURRENT, size: ['sku'], zones: 'zones' };
    default:
      return CURRENT;
  }
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type VmDraft = Mutable<VirtualMachine> & { dataDisks: AttachedDisk[] };

function image(ref: ObjectVal | undefined, id: Val): ImageRef | undefined {
  if (!ref && id.kind === 'null') return undefined;
  return { publisher: attr(ref, 'publisher'), offer: attr(ref, 'offer'), sku: attr(ref, 'sku'), ...(id.kind !== 'null' ? { id } : {}) };
}

function present(body: ObjectVal | undefined, ...names: string[]): Val[] {
  return names.filter((n) => has(body, n)).map((n) => attr(body, n));
}

function zoneList(v: Val): Val {
  // `zone = "1"` on the single-VM resources; the model holds ARM's `zones` list.
  return v.kind === 'string' || v.kind === 'number' ? arr([v], v.loc, v.origins) : v;
}

function inlineDisk(block: ObjectVal, role: AttachedDisk['role'], type: Val, links: Links, disks: ReadonlyMap<string, ManagedDisk>): AttachedDisk {
  const target = links.resolve(attr(block, 'managed_disk_id'));
  const managedDisk = target ? disks.get(target.address) : undefined;
  if (managedDisk) managedDisk.attached = true;
  // A VM's VHD, a legacy scale set's VHD containers or unmanaged user image.
  const vhd = [attr(block, 'vhd_uri'), attr(block, 'vhd_containers'), attr(block, 'image')].find((v) => v.kind !== 'null') ?? nul();
  return {
    role,
    at: block.loc!,
    lun: attr(block, 'lun'),
    storageType: type.kind === 'null' && managedDisk ? managedDisk.sku : type,
    sizeGB: has(block, 'disk_size_gb') || !managedDisk ? attr(block, 'disk_size_gb') : managedDisk.sizeGB,
    maxShares: managedDisk?.maxShares ?? nul(),
    writeAccelerator: attr(block, 'write_accelerator_enabled'),
    ephemeralOption: attr(firstBlock(block, 'diff_disk_settings'), 'option'),
    ...(vhd.kind !== 'null' ? { vhdUri: vhd } : {}),
    ...(managedDisk ? { managedDisk } : {}),
  };
}

function osTypeOf(r: TfResource): Val {
  if (r.type.startsWith('azurerm_linux_')) return str('Linux', r.at);
  if (r.type.startsWith('azurerm_windows_')) return str('Windows', r.at);
  const osDisk = firstBlock(r.body, shapeOf(r.type).osDisk);
  if (has(osDisk, 'os_type')) return attr(osDisk, 'os_type');
  const profile = firstBlock(r.body, 'os_profile');
  if (firstBlock(r.body, 'os_profile_windows_config') || firstBlock(profile, 'windows_configuration')) return str('Windows', r.at);
  if (firstBlock(r.body, 'os_profile_linux_config') || firstBlock(profile, 'linux_configuration')) return str('Linux', r.at);
  return unknown('the OS type is not set in the configuration', r.at);
}

/** Maps one VM or scale-set resource; data disks from attachment resources are added later. */
export function mapVm(r: TfResource, base: ResourceBase, links: Links, disks: ReadonlyMap<string, ManagedDisk>, nics: ReadonlyMap<string, NetworkInterface>): VmDraft {
  const b = r.body;
  const shape = shapeOf(r.type);
  const scaleSet = r.type.includes('scale_set');
  const profile = firstBlock(b, 'os_profile');
  const osConfigs = [
    firstBlock(b, 'os_profile_windows_config'),
    firstBlock(b, 'os_profile_linux_config'),
    firstBlock(profile, 'windows_configuration'),
    firstBlock(profile, 'linux_configuration'),
  ];
  const osDiskBlock = firstBlock(b, shape.osDisk);
  const dataBlocks = blockList(b, shape.dataDisk);
  const typeKey = shape.diskType;
  const imageBlock = firstBlock(b, shape.image);
  const networkInterfaces: NetworkInterface[] = [];
  const ids = attr(b, 'network_interface_ids');
  for (const id of ids.kind === 'array' ? ids.items : []) {
    const target = links.resolve(id);
    const nic = target ? nics.get(target.address) : undefined;
    if (nic && !networkInterfaces.includes(nic)) {
      nic.attached = true;
      networkInterfaces.push(nic);
    }
  }
  const availabilitySet = attr(b, 'availability_set_id');
  const dataDisksAt: Loc = dataBlocks[0]?.loc ?? r.at;
  return {
    kind: 'virtualMachine',
    size: shape.size.length === 1 ? attr(b, shape.size[0]) : attr(firstBlock(b, shape.size[0]), shape.size[1]),
    priority: attr(b, 'priority'),
    osType: osTypeOf(r),
    image: image(imageBlock, shape.image === 'source_image_reference' ? attr(b, 'source_image_id') : attr(imageBlock, 'id')),
    plan: firstBlock(b, 'plan')?.loc,
    osDisk: osDiskBlock ? inlineDisk(osDiskBlock, 'os', attr(osDiskBlock, typeKey), links, disks) : undefined,
    dataDisks: dataBlocks.map((d) => inlineDisk(d, 'data', attr(d, typeKey), links, disks)),
    dataDisksAt,
    dataDisksOrigin: dataBlocks.length ? `${dataBlocks.length} ${shape.dataDisk} block${dataBlocks.length === 1 ? '' : 's'}` : undefined,
    ultraSSDEnabled: attr(firstBlock(b, 'additional_capabilities'), 'ultra_ssd_enabled'),
    provisionVMAgent: [...present(b, 'provision_vm_agent'), ...osConfigs.flatMap((c) => present(c, 'provision_vm_agent'))],
    allowExtensionOperations: [
      ...present(b, 'allow_extension_operations', 'extensions_operations_enabled', 'extension_operations_enabled'),
      ...present(profile, 'allow_extension_operations'),
    ],
    zones: zoneList(attr(b, shape.zones)),
    ...(availabilitySet.kind !== 'null' ? { availabilitySet } : {}),
    networkInterfaces,
    extensions: blockList(b, 'extension').map((e) => ({ at: e.loc!, publisher: attr(e, 'publisher'), type: attr(e, 'type'), encryptionOperation: encryptionOperation(e) })),
    diagnosticSettings: [],
    protectedBy: [],
    scaleSet,
    ...(r.index !== undefined ? { instanceIndex: r.index } : {}),
    ...base,
  };
}
