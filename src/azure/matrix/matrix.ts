// Both editions, what they allow and how they word each rule's row: data, with its sources.
import editions from './editions.json' with { type: 'json' };

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

const data: {
  readonly editions: Readonly<Record<MatrixEdition, Omit<Matrix, 'edition'>>>;
  readonly rows: Readonly<Record<string, Readonly<Partial<Record<MatrixEdition, string>>>>>;
} = editions;

export const MATRICES: Readonly<Record<MatrixEdition, Matrix>> = {
  '2021': { edition: '2021', ...data.editions['2021'] },
  '2025': { edition: '2025', ...data.editions['2025'] },
};

/**
 * The row a rule enforces, as the edition words it. An edition quotes its own wording only where
 * it differs from the 2021 edition's; otherwise the 2021 row is quoted, and labelled 2021.
 */
export function matrixRow(ruleId: string, edition: MatrixEdition = '2021'): { readonly edition: MatrixEdition; readonly text: string } {
  const row = data.rows[ruleId];
  const own = row?.[edition];
  if (own !== undefined) return { edition, text: own };
  if (row?.['2021'] === undefined) throw new Error(`No support-matrix row for rule '${ruleId}' in editions.json`);
  return { edition: '2021', text: row['2021'] };
}

/** `support matrix 2021: "<row>"`: the citation the engine appends to every finding of a rule. */
export function citation(ruleId: string, edition: MatrixEdition): string {
  // Asked for by each rule on each model it checks: thousands of times a run for a few dozen texts.
  let byRule = citations.get(edition);
  if (!byRule) citations.set(edition, (byRule = new Map()));
  let text = byRule.get(ruleId);
  if (text === undefined) {
    const row = matrixRow(ruleId, edition);
    byRule.set(ruleId, (text = `support matrix ${row.edition}: "${row.text}"`));
  }
  return text;
}

const citations = new Map<MatrixEdition, Map<string, string>>();
