/**
 * vCPU counts from an Azure VM size name, for sizes missing from the table
 * (naming convention: learn.microsoft.com/azure/virtual-machines/vm-naming-conventions;
 * constrained cores: …/constrained-vcpu). See src/azure/data/SOURCES.md.
 *
 * `Standard_D2s_v5` → 2 vCPUs; `Standard_E4-2s_v3` → 4 platform, 2 active.
 */
export interface ParsedSizeName {
  /** Platform vCPUs (the base size's count for constrained-core sizes). */
  readonly vCPUs: number;
  /** Active vCPUs of a constrained-core size (`-N` in the name). */
  readonly activeVCPUs?: number;
}

const NAME = /^(Standard|Basic)_([A-Z]+)(\d+)(?:-(\d+))?([a-zA-Z]*)((?:_[A-Za-z0-9]+)*)$/;

// Older series where the number is a size index, not a vCPU count.
const A_V1: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 3: 4, 4: 8, 5: 2, 6: 4, 7: 8, 8: 8, 9: 16, 10: 8, 11: 16 };
const D_V1_V2: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 4, 4: 8, 5: 16, 11: 2, 12: 4, 13: 8, 14: 16, 15: 20 };
const G: Readonly<Record<number, number>> = { 1: 2, 2: 4, 3: 8, 4: 16, 5: 32 };

function indexTable(family: string, version: number | undefined): Readonly<Record<number, number>> | undefined {
  if (family === 'A' && version === undefined) return A_V1;
  if ((family === 'D' || family === 'DS') && (version === undefined || version === 2)) return D_V1_V2;
  if ((family === 'G' || family === 'GS') && version === undefined) return G;
  return undefined;
}

/** Parses a size name (case-insensitively); undefined when it does not follow the convention. */
export function parseSizeName(name: string): ParsedSizeName | undefined {
  const m = NAME.exec(normalizeCase(name));
  if (!m) return undefined;
  const [, , family, n, active, , suffixes] = m as unknown as [string, string, string, string, string | undefined, string, string];
  const versionMatch = /_v(\d+)(?:_|$)/i.exec(suffixes);
  const version = versionMatch ? Number(versionMatch[1]) : undefined;
  const table = indexTable(family, version);
  const vCPUs = table ? table[Number(n)] : Number(n);
  if (vCPUs === undefined || vCPUs === 0) return undefined;
  return active === undefined ? { vCPUs } : { vCPUs, activeVCPUs: Number(active) };
}

// Templates write sizes in any case (`standard_d2s_v3`); the grammar needs the canonical
// upper-case family letters and lower-case feature letters.
function normalizeCase(name: string): string {
  const m = /^(standard|basic)_([a-z]+?)(\d+)(.*)$/i.exec(name);
  if (!m) return name;
  const prefix = m[1]!.toLowerCase() === 'basic' ? 'Basic' : 'Standard';
  return `${prefix}_${m[2]!.toUpperCase()}${m[3]}${m[4]}`;
}
