/**
 * A map that forgets its oldest entries once their total size passes `maxSize`:
 * a cache bounded by what it holds, not by how many entries. An editor re-linting one large
 * template thousands of times makes thousands of distinct entries (each edit a new text); a
 * count bound lets them add up to gigabytes, a size bound keeps the process flat.
 */
export class SizedCache<K, V> {
  readonly #entries = new Map<K, { readonly value: V; readonly size: number }>();
  #size = 0;

  constructor(readonly maxSize: number) {
    if (live.size >= 64) sweep();
    live.add(new WeakRef(this));
  }

  /** The total size of the entries held. */
  get size(): number {
    return this.#size;
  }

  get(key: K): V | undefined {
    // Not moved to the end on a hit: lookups are far more frequent than insertions (every
    // expression evaluated), and re-inserting made them cost 6% of a large template's lint.
    return this.#entries.get(key)?.value;
  }

  /** Holds `value` at `size` (any unit, the same for every entry); the newest entry is kept even when larger than maxSize. */
  set(key: K, value: V, size: number): void {
    this.delete(key);
    this.#entries.set(key, { value, size });
    this.#size += size;
    if (this.#size <= this.maxSize) return;
    for (const [oldKey, old] of this.#entries) {
      if (this.#size <= this.maxSize || oldKey === key) break;
      this.#entries.delete(oldKey);
      this.#size -= old.size;
    }
  }

  delete(key: K): void {
    const old = this.#entries.get(key);
    if (!old) return;
    this.#entries.delete(key);
    this.#size -= old.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#size = 0;
  }
}

const live = new Set<WeakRef<SizedCache<unknown, unknown>>>();

function sweep(): void {
  for (const ref of live) if (!ref.deref()) live.delete(ref);
}

/** The sizes held by every cache still alive: what test/reliability checks stays flat. */
export function cachedSizes(): number {
  sweep();
  let total = 0;
  for (const ref of live) total += ref.deref()?.size ?? 0;
  return total;
}
