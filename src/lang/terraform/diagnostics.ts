import type { Loc } from '../../kernel/location.js';
import type { UnitDiagnostic } from '../../kernel/diagnostic.js';

/** Collects a unit's diagnostics once each, in the order they arise. */
export class Diagnostics {
  private readonly seen = new Set<string>();
  readonly list: UnitDiagnostic[] = [];

  add(loc: Loc, message: string, severity: 'error' | 'warn' = 'error', fatal = false): void {
    const key = `${loc.file}\0${loc.start}\0${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ loc, message, severity, fatal });
  }
}
