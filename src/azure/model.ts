import type { Loc } from '../kernel/location.js';
import type { Val } from '../kernel/value.js';

/**
 * The Azure model the rules see: what a template or Terraform module would deploy,
 * with every fact a value that is known (with its use site and origins) or unknown.
 * Rules never see JSON or HCL syntax.
 */

/** What every deployed resource has. */
export interface ResourceBase {
  /** The resource declaration: ARM `type` value, Terraform block label. Fallback report site. */
  readonly at: Loc;
  /** Human address, e.g. `Microsoft.Compute/virtualMachines 'vm1'` or `azurerm_linux_virtual_machine.web[0]`. */
  readonly address: string;
  /** Evaluated ARM resource id, lower-cased, used to link resources; undefined when not computable. */
  readonly id?: string | undefined;
  readonly name: Val;
  readonly location: Val;
  /** The resource group it is deployed to (a name, or a deployment-time symbol). */
  readonly resourceGroup: Val;
  readonly subscription: Val;
}

export type DiskRole = 'os' | 'data';

/** A standalone managed disk resource (`Microsoft.Compute/disks`, `azurerm_managed_disk`). */
export interface ManagedDisk extends ResourceBase {
  readonly kind: 'managedDisk';
  readonly sku: Val;
  readonly sizeGB: Val;
  readonly maxShares: Val;
  /** True once a VM in the unit attaches it. */
  attached: boolean;
}

/** A disk as attached to a VM, inline or through a disk resource. */
export interface AttachedDisk {
  readonly role: DiskRole;
  /** The disk entry (osDisk object, dataDisks item, attachment resource, storage_data_disk block). */
  readonly at: Loc;
  readonly lun: Val;
  /** Effective storage type: inline `managedDisk.storageAccountType`, else the attached disk resource's SKU. */
  readonly storageType: Val;
  readonly sizeGB: Val;
  readonly maxShares: Val;
  readonly writeAccelerator: Val;
  /** `diffDiskSettings.option` (OS disk only). */
  readonly ephemeralOption: Val;
  /** Set when the disk is an unmanaged VHD (`vhd.uri`, `vhd_uri`). */
  readonly vhdUri?: Val | undefined;
  /** The disk resource attached by id, when there is one in the unit. */
  readonly managedDisk?: ManagedDisk | undefined;
}

export interface IpConfiguration {
  readonly name: Val;
  readonly allocation: Val;
  readonly privateIp: Val;
}

export interface NetworkInterface extends ResourceBase {
  readonly kind: 'networkInterface';
  readonly ipConfigurations: readonly IpConfiguration[];
  attached: boolean;
}

export interface ImageRef {
  readonly publisher: Val;
  readonly offer: Val;
  readonly sku: Val;
  /** Custom or gallery image id. */
  readonly id?: Val | undefined;
}

export interface Extension {
  /** The extension resource or inline block. */
  readonly at: Loc;
  readonly publisher: Val;
  readonly type: Val;
  /** `settings.EncryptionOperation` (Azure Disk Encryption: `EnableEncryption`, `DisableEncryption`), or null. */
  readonly encryptionOperation: Val;
}

export interface VirtualMachine extends ResourceBase {
  readonly kind: 'virtualMachine';
  readonly size: Val;
  readonly priority: Val;
  readonly osType: Val;
  readonly image?: ImageRef | undefined;
  /** The `plan` key or block, when the VM declares a marketplace plan. */
  readonly plan?: Loc | undefined;
  readonly osDisk?: AttachedDisk | undefined;
  readonly dataDisks: readonly AttachedDisk[];
  /**
   * Where the data-disk list is declared (the `dataDisks` key), or the VM itself when the
   * disks come from attachment resources.
   */
  readonly dataDisksAt: Loc;
  /** How the data-disk count came about, e.g. "copy count 33 from parameter 'diskCount'". */
  readonly dataDisksOrigin?: string | undefined;
  /**
   * Set only when the number of data disks is not known (e.g. a copy count or `count` from a
   * parameter without a value): that unknown count, with `candidates` when the source lists
   * them (allowedValues). `dataDisks` then holds the disks that are known.
   */
  readonly dataDisksCount?: Val | undefined;
  readonly ultraSSDEnabled: Val;
  /** `provisionVMAgent` flags (Windows and Linux configuration, `provision_vm_agent`). */
  readonly provisionVMAgent: readonly Val[];
  /** `allowExtensionOperations`, `allow_extension_operations`, `extensions_operations_enabled`. */
  readonly allowExtensionOperations: readonly Val[];
  readonly zones: Val;
  readonly availabilitySet?: Val | undefined;
  /** The VM's NICs that are resources of the unit. */
  readonly networkInterfaces: NetworkInterface[];
  readonly extensions: Extension[];
  readonly diagnosticSettings: DiagnosticSetting[];
  /** Protected items in the unit that back this VM up. */
  readonly protectedBy: ProtectedItem[];
  /** True for a scale-set model rather than a single VM. */
  readonly scaleSet: boolean;
  /** How many instances this declaration makes after copy/count/for_each, for the inventory. */
  readonly instanceIndex?: number | undefined;
}

export interface Vault extends ResourceBase {
  readonly kind: 'vault';
  readonly crossRegionRestore: Val;
  readonly storageRedundancy: Val;
}

export interface ScheduleRun {
  readonly frequency: Val;
  /** Each run time value (ARM `scheduleRunTimes[]`, Terraform `backup.time`). */
  readonly runTimes: readonly Val[];
  /** The run-time list itself, to report "more than one a day". */
  readonly runTimesAt?: Loc;
  readonly hourlyInterval: Val;
  readonly hourlyWindowHours: Val;
}

export interface RetentionLimit {
  readonly unit: 'daily' | 'weekly' | 'monthly' | 'yearly';
  readonly count: Val;
}

export interface BackupPolicy extends ResourceBase {
  readonly kind: 'backupPolicy';
  /** `AzureIaasVM` for VM policies. */
  readonly managementType: Val;
  /** `V1` (standard) or `V2` (enhanced); unset means V1. */
  readonly policyType: Val;
  readonly schedule: ScheduleRun;
  readonly retention: readonly RetentionLimit[];
  readonly timeZone: Val;
  /** Resource group for instant-restore snapshots, when the policy names one. */
  readonly restorePointResourceGroup: Val;
  readonly vault?: Vault;
}

export interface ProtectedItem extends ResourceBase {
  readonly kind: 'protectedItem';
  /** The source VM reference value (`sourceResourceId`, `source_vm_id`). */
  readonly sourceVm: Val;
  readonly vm?: VirtualMachine;
  readonly vault?: Vault;
  readonly policy?: BackupPolicy;
}

export interface Lock extends ResourceBase {
  readonly kind: 'lock';
  readonly level: Val;
  /** What the lock is on. */
  readonly scope: 'resourceGroup' | 'resource' | 'subscription' | 'unknown';
  /** For resource locks: the locked resource's id, lower-cased. */
  readonly targetId?: string;
  /** For resource-group locks: the locked group. */
  readonly targetResourceGroup: Val;
}

export interface DiagnosticSetting extends ResourceBase {
  readonly kind: 'diagnosticSetting';
  /** The settings resource's type value (report site). */
  readonly typeAt: Loc;
  readonly targetId?: string;
}

/** One evaluation of a unit: one parameter file, one set of tfvars. */
export interface Scenario {
  /** e.g. `azuredeploy.parameters.json`, or `defaults`. */
  readonly name: string;
}

/**
 * A module the linter does not read (a Bicep registry module or template spec, an ARM template
 * linked by URI, a remote Terraform module): it may deploy or protect anything.
 */
export interface OpaqueSource {
  /** The module declaration or link. */
  readonly at: Loc;
  /** e.g. `module 'vm' comes from br/public:avm/res/compute/virtual-machine:0.1.0`. */
  readonly what: string;
}

export interface Model {
  readonly scenario: Scenario;
  readonly vms: readonly VirtualMachine[];
  readonly disks: readonly ManagedDisk[];
  readonly networkInterfaces: readonly NetworkInterface[];
  readonly vaults: readonly Vault[];
  readonly policies: readonly BackupPolicy[];
  readonly protectedItems: readonly ProtectedItem[];
  readonly locks: readonly Lock[];
  readonly diagnosticSettings: readonly DiagnosticSetting[];
  /** Modules whose resources are not seen: while there are any, "nothing protects it" is only a "may be". */
  readonly opaque: readonly OpaqueSource[];
}
