/** A one-line progress display on a terminal, redrawn at most ten times a second. */
export class ProgressLine {
  private last = 0;
  private shown = false;

  constructor(private readonly write: (text: string) => void) {}

  update(done: number, total: number): void {
    const now = Date.now();
    if (total < 50 || (now - this.last < 100 && done < total)) return;
    this.last = now;
    this.shown = true;
    this.write(`\r\x1b[Klinting ${done}/${total} files`);
  }

  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
  }
}
