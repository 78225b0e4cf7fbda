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
}

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
  },
};
