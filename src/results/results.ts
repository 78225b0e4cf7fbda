import type { Severity } from '../../rules/api.js';
import type { MatrixEdition } from '../azure/matrix/matrix.js';
import type { InventoryEntry, LintMessage } from '../engine/lint-message.js';
import { readBack } from '../kernel/project-fs.js';

/**
 * Results in the shape of ESLint's `LintResult`, so the json format matches
 * ESLint's json formatter and ESLint tooling can read it.
 */

export interface SuppressedMessage extends LintMessage {
  readonly suppressions: readonly { readonly kind: 'directive' | 'baseline'; readonly justification: string }[];
}

/** ESLint's counts for a result's messages; a fatal problem counts as an error. */
export function tally(messages: readonly LintMessage[]): Pick<LintResult, 'errorCount' | 'fatalErrorCount' | 'warningCount'> {
  let errorCount = 0;
  let fatalErrorCount = 0;
  for (const m of messages) {
    if (m.fatal) fatalErrorCount++;
    if (m.fatal || m.severity === 2) errorCount++;
  }
  return { errorCount, fatalErrorCount, warningCount: messages.length - errorCount };
}

export interface LintResult {
  /** Absolute path. */
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly suppressedMessages: readonly SuppressedMessage[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  /**
   * The file's text when the run had it in memory only (virtual files, standard input, an editor
   * buffer); a file on disk is read back when a reporter asks (`sourceOf`), so a run does not
   * hold the text of every file with a finding.
   */
  readonly source?: string;
}

const readTexts = new WeakMap<LintResult, string | undefined>();

/** The text of a result's file, for reporters that fingerprint or quote the flagged lines; read once per result. */
export function sourceOf(result: LintResult): string | undefined {
  if (result.source !== undefined) return result.source;
  if (!readTexts.has(result)) readTexts.set(result, readBack(result.filePath));
  return readTexts.get(result);
}

export interface RuleInfo {
  /** Bare id, e.g. `no-ultra-ssd`. */
  readonly id: string;
  readonly description: string;
  /** The rule's row in the run's support-matrix edition (or the 2021 row, where that edition says the same). */
  readonly matrixRow: { readonly edition: MatrixEdition; readonly text: string };
  readonly defaultSeverity: Severity;
  readonly docsUrl: string;
}

export interface RunReport {
  readonly cwd: string;
  readonly results: readonly LintResult[];
  readonly rules: readonly RuleInfo[];
  readonly inventory: readonly InventoryEntry[];
  readonly stats: {
    readonly files: number;
    readonly units: number;
    readonly vms: number;
    readonly durationMs: number;
  };
  readonly toolVersion: string;
}
