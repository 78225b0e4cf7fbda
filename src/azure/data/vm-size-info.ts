import { VM_SIZES, type VmSizeRow } from './vm-sizes.js';
import { parseSizeName } from './vm-size-name.js';

export interface VmSizeInfo {
  /** Platform vCPUs. */
  readonly vCPUs: number;
  /** Active vCPUs of a constrained-core size. */
  readonly activeVCPUs?: number;
  /** Memory in GiB; undefined when not known (size known only by name). */
  readonly memoryGiB?: number;
  /** `table` when the size is in the reference table, `name` when read from its name. */
  readonly source: 'table' | 'name';
}

let byLowerName: Map<string, VmSizeRow> | undefined;

/** What is known of a VM size; Azure compares size names case-insensitively. */
export function lookupVmSize(name: string): VmSizeInfo | undefined {
  byLowerName ??= new Map(Object.entries(VM_SIZES).map(([k, v]) => [k.toLowerCase(), v]));
  const row = byLowerName.get(name.trim().toLowerCase());
  if (row) {
    const { vCPUs, memoryGiB, activeVCPUs } = row;
    return {
      vCPUs,
      ...(activeVCPUs !== undefined ? { activeVCPUs } : {}),
      ...(memoryGiB !== null ? { memoryGiB } : {}),
      source: 'table',
    };
  }
  const parsed = parseSizeName(name.trim());
  return parsed && { ...parsed, source: 'name' };
}
