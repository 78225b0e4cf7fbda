// Typed view of vm-sizes.json, which scripts/derive-data.mjs derives from the project reference
// data (sources in the file and in src/azure/data/SOURCES.md). Imported as a JSON module so that tsc,
// the esbuild CLI bundle and the ESLint plugin all load it through the same static import.
import data from './vm-sizes.json' with { type: 'json' };

export interface VmSizeRow {
  /** Platform vCPUs (the base size's count for constrained-core sizes). */
  readonly vCPUs: number;
  /** GiB; null when the size is known only by name. */
  readonly memoryGiB: number | null;
  /** Active vCPUs of a constrained-core size. */
  readonly activeVCPUs?: number;
}

// An annotation, not a cast: tsc checks every row of the JSON against VmSizeRow.
export const VM_SIZES: Readonly<Record<string, VmSizeRow>> = data.sizes;
