import type { Val } from '../../src/kernel/value.js';

/** Azure compares SKU names, priorities, allocation methods and frequencies case-insensitively. */
export function eqi(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function inList(value: string, list: readonly string[]): boolean {
  return list.some((item) => eqi(item, value));
}

/** The number candidates of an unknown value that satisfy `test`. */
export function violatingNumberCandidates(v: Val | undefined, test: (n: number) => boolean): number[] {
  if (v?.kind !== 'unknown' || !v.candidates) return [];
  const out: number[] = [];
  for (const c of v.candidates) if (c.kind === 'number' && test(c.value) && !out.includes(c.value)) out.push(c.value);
  return out;
}

/** Where an unknown value comes from, for "may be" messages: "parameter 'diskSku'", or "the value". */
export function unknownSource(v: Val): string {
  const origin = v.origins[0];
  if (!origin) return 'the value';
  const kind = origin.kind.startsWith('parameter') ? 'parameter' : origin.kind.startsWith('tf-variable') || origin.kind === 'tfvars' || origin.kind === 'var-file' ? 'variable' : origin.kind.replace(/-/g, ' ');
  return `${kind} '${origin.name}'`;
}

/** "'a'", "'a' and 'b'", "'a', 'b' and 'c'". */
export function quoteList(items: readonly (string | number)[]): string {
  const q = items.map((i) => (typeof i === 'string' ? `'${i}'` : String(i)));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/**
 * Whether two values are the same name (region, resource group, subscription): true or false
 * when both are known, true when both are the same deployment-time symbol, else undefined.
 */
export function sameName(a: Val, b: Val, normalize: (s: string) => string = (s) => s.toLowerCase()): boolean | undefined {
  if (a.kind === 'string' && b.kind === 'string') return normalize(a.value) === normalize(b.value);
  if (a.kind === 'unknown' && b.kind === 'unknown' && a.symbol !== undefined && a.symbol === b.symbol) return true;
  return undefined;
}

/** `Korea Central`, `koreacentral` and `KoreaCentral` are one region. */
export function normalizeRegion(s: string): string {
  return s.replace(/[\s_-]/g, '').toLowerCase();
}
