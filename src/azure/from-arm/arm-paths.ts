// Where the ARM mapping (build.ts) reads VMs, scale sets, disks and NICs: paths the compiler
// checks against the Azure SDK models (see sdk-paths.ts), built once since the mapper runs per
// resource. Values are read with getPath / entryAt and stay Vals.
import type {
  DataDisk,
  Disk,
  ImageReference,
  NetworkInterfaceReference,
  OSDisk,
  VirtualMachine,
  VirtualMachineScaleSet,
  VirtualMachineScaleSetDataDisk,
  VirtualMachineScaleSetExtension,
  VirtualMachineScaleSetOSDisk,
  VirtualMachineScaleSetVMProfile,
} from '@azure/arm-compute';
import type { NetworkInterface, NetworkInterfaceIPConfiguration } from '@azure/arm-network';
import { objectPath, resourcePath, type Properties } from './sdk-paths.js';

const vm = resourcePath<VirtualMachine>();
const vmss = resourcePath<VirtualMachineScaleSet>();
const vmOrScaleSet = resourcePath<VirtualMachine | VirtualMachineScaleSet>();
/** What a VM keeps under `properties` and a scale set under `properties.virtualMachineProfile`. */
const profile = objectPath<Properties<VirtualMachine> | VirtualMachineScaleSetVMProfile>();
const image = objectPath<ImageReference>();
const nicRef = resourcePath<NetworkInterfaceReference>();
const diskEntry = objectPath<OSDisk | DataDisk | VirtualMachineScaleSetOSDisk | VirtualMachineScaleSetDataDisk>();
const disk = resourcePath<Disk>();
const nic = resourcePath<NetworkInterface>();
const ipConfig = resourcePath<NetworkInterfaceIPConfiguration>();
const scaleSetExtension = resourcePath<VirtualMachineScaleSetExtension>();

export const VM = {
  size: vm('hardwareProfile', 'vmSize'),
  plan: vmOrScaleSet('plan'),
  zones: vmOrScaleSet('zones'),
  // A scale set has no NIC references and no availability set: its NICs are declared inline.
  networkInterfaces: vm('networkProfile', 'networkInterfaces'),
  availabilitySet: vm('availabilitySet', 'id'),
  // Beside the profile on a scale set too, not in it.
  ultraSSDEnabled: vmOrScaleSet('additionalCapabilities', 'ultraSSDEnabled'),
  scaleSetSize: vmss('sku', 'name'),
  scaleSetProfile: vmss('virtualMachineProfile'),
  /** A scale set's extensions are declared in its profile (or as child resources). */
  scaleSetExtensions: vmss('virtualMachineProfile', 'extensionProfile', 'extensions'),
} as const;
/**
 * An extension of a scale set's profile, and an extension resource (VM or scale set). The SDK
 * calls ARM's `properties.type` `typePropertiesType` (its `type` is the resource type), so that
 * one is written out.
 */
export const EXTENSION = { publisher: scaleSetExtension('publisher'), type: ['properties', 'type'], encryptionOperation: ['properties', 'settings', 'EncryptionOperation'] } as const;
export const PROFILE = {
  priority: profile('priority'),
  osDisk: profile('storageProfile', 'osDisk'),
  dataDisks: profile('storageProfile', 'dataDisks'),
  imageReference: profile('storageProfile', 'imageReference'),
  windowsAgent: profile('osProfile', 'windowsConfiguration', 'provisionVMAgent'),
  linuxAgent: profile('osProfile', 'linuxConfiguration', 'provisionVMAgent'),
  allowExtensions: profile('osProfile', 'allowExtensionOperations'),
} as const;
export const IMAGE = { publisher: image('publisher'), offer: image('offer'), sku: image('sku'), id: image('id') } as const;
export const NIC_REF_ID = nicRef('id');
export const DISK_ENTRY = {
  managedDiskId: diskEntry('managedDisk', 'id'),
  storageAccountType: diskEntry('managedDisk', 'storageAccountType'),
  vhdUri: diskEntry('vhd', 'uri'),
  // A scale set's unmanaged OS disk: its VHD containers, or an unmanaged user image.
  vhdContainers: diskEntry('vhdContainers'),
  userImageUri: diskEntry('image', 'uri'),
  lun: diskEntry('lun'),
  sizeGB: diskEntry('diskSizeGB'),
  writeAccelerator: diskEntry('writeAcceleratorEnabled'),
  ephemeralOption: diskEntry('diffDiskSettings', 'option'),
  osType: diskEntry('osType'),
} as const;
export const DISK = { sku: disk('sku', 'name'), sizeGB: disk('diskSizeGB'), maxShares: disk('maxShares') } as const;
export const NIC_IP_CONFIGURATIONS = nic('ipConfigurations');
export const IP_CONFIG = {
  name: ipConfig('name'),
  allocation: ipConfig('privateIPAllocationMethod'),
  privateIp: ipConfig('privateIPAddress'),
} as const;
