/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 makes a `slice` of 13
 * characters or more a view that keeps the whole text alive, so a value kept after its file is
 * linted (a cache entry, a message) would otherwise hold that file's text to the end of the run.
 * Concatenating and slicing again makes V8 flatten into a fresh string of the slice's length.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Strings `keptCopy` gave out, each its own key; emptied when full, so it never grows with a run. */
const kept = new Map<string, string>();
const KEPT_MAX = 4096;

/**
 * `ownCopy` for text a run keeps per finding or per VM and that repeats (a message, a VM size, a
 * location expression, a scenario's name): equal copies are one string. Thousands of findings
 * and inventory entries otherwise each held their own copy to the end of the run.
 */
export function keptCopy(s: string): string {
  const known = kept.get(s);
  if (known !== undefined) return known;
  if (kept.size >= KEPT_MAX) kept.clear();
  const own = ownCopy(s);
  kept.set(own, own);
  return own;
}
