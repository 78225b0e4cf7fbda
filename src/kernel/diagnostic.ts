import type { Loc } from './location.js';
import { forEachError } from './value-ops.js';

/**
 * A problem with the input itself (syntax, evaluation, a template mistake), never a rule finding.
 * Modelled on HCL's `hcl.Diagnostic`: `subject` is the tight range a person must edit, `context`
 * the construct around it. Text parsed without a file name (an ARM expression, a template
 * region) has `file: ''` and offsets into that text until its caller places it.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warn' | 'info';
  readonly summary: string;
  readonly detail?: string;
  readonly subject: Loc;
  readonly context?: Loc;
  /** The file could not be read or parsed (ESLint's "Parsing error"). */
  readonly fatal?: boolean;
  /** Stable id for tests and tools; the wording may change, the code does not. */
  readonly code?: string;
}

/** The one line people read: the summary, then the detail when there is one. */
export function diagnosticText(d: Diagnostic): string {
  return d.detail ? `${d.summary}: ${d.detail}` : d.summary;
}

/** A syntax error at `[start, end)` of `file`: the file cannot be evaluated as written. */
export function syntaxError(file: string, summary: string, start: number, end: number): Diagnostic {
  return { severity: 'error', summary, subject: { file, start, end }, fatal: true, code: 'syntax' };
}

/** A file that cannot be read: fatal, at its start. */
export function unreadableFile(file: string, reason: string): Diagnostic {
  return { severity: 'error', summary: `Cannot read file: ${reason}`, subject: { file, start: 0, end: 0 }, fatal: true, code: 'unreadable' };
}

/**
 * Collects one unit's diagnostics in the order they arise, each once: the same mistake is met
 * again by every copy instance, scenario and reference that evaluates it.
 */
export class DiagnosticSink {
  private readonly seen = new Set<string>();
  readonly list: Diagnostic[] = [];

  add(d: Diagnostic): void {
    const s = d.subject;
    const key = `${s.file}\0${s.start}\0${s.end}\0${d.summary}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(d);
  }
}

/**
 * Reports the template mistakes (error values) that reached what a unit declares: a resource's
 * name, type, condition or instance count, or a property the model was built from. Each is a
 * warning at the mistake's own place; an error without a subject was reported where it arose.
 * Values the linter's own bounds left unknown (limit values) are said the same way, as information.
 */
export function reportTemplateErrors(sink: DiagnosticSink, declared: object): void {
  forEachError(declared, (e) => {
    if (!e.subject) return;
    if (e.cause === 'error') sink.add({ severity: 'warn', summary: e.reason, subject: e.subject, code: 'template-error' });
    // A bound of the linter's own: the value is unknown, and the reason is said where it arose.
    else sink.add({ severity: 'info', summary: `Not evaluated: ${e.reason}`, subject: e.subject, code: 'limit' });
  });
}
