/**
 * The last parse of the most recently linted files. An editor lints the same text again (on
 * save, on focus, for every config change); a large template is then not parsed again. Trees
 * are never mutated, so one can back several ESLint source code objects.
 */
export class ParseCache<T> {
  private readonly entries = new Map<string, { readonly text: string; readonly value: T }>();

  constructor(private readonly max: number) {}

  get(file: string, text: string, parse: () => T): T {
    const hit = this.entries.get(file);
    if (hit && hit.text === text) return hit.value;
    const value = parse();
    this.entries.delete(file);
    this.entries.set(file, { text, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
