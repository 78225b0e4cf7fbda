/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 makes a `slice` of 13
 * characters or more a view that keeps the whole text alive, so a value kept after its file is
 * linted (a cache entry, a message) would otherwise hold that file's text to the end of the run.
 * Concatenating and slicing again makes V8 flatten into a fresh string of the slice's length.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
