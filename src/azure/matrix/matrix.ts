/** Which edition of Microsoft's "Support matrix for Azure VM backup" the rules follow. */
export type MatrixEdition = '2021' | '2025';

/**
 * What one edition of the support matrix allows, as data the rules read.
 * Rules never branch on the edition name.
 */
export interface Matrix {
  readonly edition: MatrixEdition;
  /** Date of the edition's source page. */
  readonly sourceDate: string;
  /** Disk types allowed with any policy. */
  readonly supportedDiskTypes: readonly string[];
  /** Disk types allowed only when the VM is protected with an Enhanced (V2) policy. */
  readonly enhancedPolicyDiskTypes: readonly string[];
  /** Regions where Write Accelerator disks are backed up; `null` means every region. */
  readonly writeAcceleratorRegions: readonly string[] | null;
  /** Schedule frequencies allowed for V1 and V2 policies. */
  readonly scheduleFrequencies: { readonly V1: readonly string[]; readonly V2: readonly string[] };
  /** Hourly schedule limits for V2 policies (when `Hourly` is allowed). */
  readonly hourlyIntervals: readonly number[];
  readonly hourlyWindowHours: { readonly min: number; readonly max: number };
  /** Numeric limits of the edition (disk counts and sizes, VM size). */
  readonly limits: MatrixLimits;
  /**
   * The edition's own wording of rows that differ from the 2021 edition, keyed by rule id.
   * Rules quote it in messages; rows missing here are quoted from the rule's `meta.matrixRow`.
   */
  readonly rows: Readonly<Record<string, string>>;
}

export interface MatrixLimits {
  /** Disks of a VM with managed disks ("up to 32 disks"). */
  readonly dataDisks: number;
  /** Disks of a VM with unmanaged disks ("up to 16 disks"). */
  readonly unmanagedDataDisks: number;
  /** Largest disk, in GiB ("up to 32 TB"; 32,767 GiB is Azure's largest disk size). */
  readonly diskSizeGiB: number;
  /** All disks of a VM together, in GiB ("256 TB combined"). */
  readonly totalDiskSizeGiB: number;
  readonly minVCPUs: number;
  readonly minMemoryGiB: number;
}

const LIMITS: MatrixLimits = {
  dataDisks: 32,
  unmanagedDataDisks: 16,
  diskSizeGiB: 32_767,
  totalDiskSizeGiB: 262_144,
  minVCPUs: 2,
  minMemoryGiB: 1,
};

export const MATRICES: Readonly<Record<MatrixEdition, Matrix>> = {
  '2021': {
    edition: '2021',
    sourceDate: '2021-01 (Write Accelerator note "as of November 23, 2020")',
    supportedDiskTypes: ['Standard_LRS', 'StandardSSD_LRS', 'Premium_LRS', 'StandardSSD_ZRS', 'Premium_ZRS'],
    enhancedPolicyDiskTypes: [],
    writeAcceleratorRegions: ['koreacentral', 'southafricanorth'],
    scheduleFrequencies: { V1: ['Daily', 'Weekly'], V2: ['Daily', 'Weekly'] },
    hourlyIntervals: [],
    hourlyWindowHours: { min: 0, max: 0 },
    limits: LIMITS,
    rows: {},
  },
  '2025': {
    edition: '2025',
    sourceDate: '2023-07-05 page with 2024/2025 notes',
    supportedDiskTypes: ['Standard_LRS', 'StandardSSD_LRS', 'Premium_LRS', 'StandardSSD_ZRS', 'Premium_ZRS'],
    enhancedPolicyDiskTypes: ['UltraSSD_LRS', 'PremiumV2_LRS'],
    writeAcceleratorRegions: null,
    scheduleFrequencies: { V1: ['Daily', 'Weekly'], V2: ['Daily', 'Weekly', 'Hourly'] },
    hourlyIntervals: [4, 6, 8, 12],
    hourlyWindowHours: { min: 4, max: 24 },
    limits: LIMITS,
    // Wording of MicrosoftDocs/azure-docs articles/backup/backup-support-matrix-iaas.md (ms.date
    // 2023-07-05) and backup-azure-vms-enhanced-policy.md (ms.date 2025-06-11); see src/azure/data/SOURCES.md.
    rows: {
      'no-ultra-ssd':
        "Ultra disks: Supported with Enhanced policy; The Standard policy doesn't support protecting newer Azure offerings, such as Ultra Disk and Premium SSD v2",
      'supported-disk-type':
        "Storage type: Standard HDD, Standard SSD, Premium SSD. Backup and restore of zone-redundant storage disks is supported; Premium SSD v2: Supported with Enhanced policy",
      'write-accelerator':
        'Disks with a write accelerator enabled: … available in all Azure public regions on May 18, 2022',
      'policy-schedule':
        'Hourly backup has a minimum RPO of 4 hours and a maximum of 24 hours. You can set the backup schedule to 4, 6, 8, 12, and 24 hours',
    },
  },
};
