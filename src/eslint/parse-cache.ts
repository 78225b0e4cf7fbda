import { SizedCache } from '../kernel/sized-cache.js';

/**
 * The last parses of the most recently linted files. An editor lints the same text again (on
 * save, on focus, for every config change); a large template is then not parsed again. Trees
 * are never mutated, so one can back several ESLint source code objects. Bounded by the
 * characters parsed, not by files: a few huge files would otherwise hold gigabytes of trees.
 */
export class ParseCache<T> {
  private readonly entries: SizedCache<string, { readonly text: string; readonly value: T }>;

  constructor(maxChars: number) {
    this.entries = new SizedCache(maxChars);
  }

  get(file: string, text: string, parse: () => T): T {
    const hit = this.entries.get(file);
    if (hit && hit.text === text) return hit.value;
    const value = parse();
    this.entries.set(file, { text, value }, text.length);
    return value;
  }
}
