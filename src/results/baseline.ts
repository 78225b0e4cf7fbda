import { isAbsolute, relative, sep } from 'node:path';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../kernel/location.js';
import type { LintMessage } from '../engine/lint-message.js';
import { sourceOf, tally, type LintResult, type RunReport, type SuppressedMessage } from './results.js';

/**
 * A baseline records accepted findings so a CI gate fails only on new ones.
 * A finding's identity is its rule, its file (relative to cwd), the text of the lines it
 * flags with whitespace collapsed, and its message — never a line number, so reindenting
 * a file or inserting lines elsewhere does not bring old findings back. Identical
 * identities are counted, so a second copy of an accepted problem is still reported.
 */

export interface BaselineEntry {
  readonly ruleId: string;
  readonly file: string;
  readonly text: string;
  readonly message: string;
  readonly count: number;
}

export interface Baseline {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(
    message: string,
    /** Where in the baseline file, for a file that is not JSON. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

const JUSTIFICATION = 'accepted in the baseline file';

/** Forward-slash path relative to `cwd` (`../` when outside it): how findings name files. */
export function relativePath(cwd: string, filePath: string): string {
  const rel = isAbsolute(filePath) ? relative(cwd, filePath) : filePath;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** The source lines a message covers, trimmed and with whitespace runs collapsed to one space. */
export function flaggedText(source: string | undefined, m: Pick<LintMessage, 'line' | 'endLine'>): string {
  if (source === undefined) return '';
  const lines = source.split(/\r\n|\r|\n/);
  const last = Math.max(m.line, m.endLine ?? m.line);
  return lines
    .slice(Math.max(m.line, 1) - 1, last)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function entryKey(e: Omit<BaselineEntry, 'count'>): string {
  return JSON.stringify([e.ruleId, e.file, e.text, e.message]);
}

function identity(result: LintResult, m: LintMessage, cwd: string): Omit<BaselineEntry, 'count'> | undefined {
  // Parse errors and other rule-less problems are never accepted into a baseline.
  if (m.ruleId === null) return undefined;
  return { ruleId: m.ruleId, file: relativePath(cwd, result.filePath), text: flaggedText(sourceOf(result), m), message: m.message };
}

/** The report's current findings as a baseline file (stable order, one entry per identity). */
export function writeBaseline(report: RunReport): string {
  const counts = new Map<string, BaselineEntry>();
  for (const result of report.results) {
    for (const m of result.messages) {
      const id = identity(result, m, report.cwd);
      if (id === undefined) continue;
      const key = entryKey(id);
      counts.set(key, { ...id, count: (counts.get(key)?.count ?? 0) + 1 });
    }
  }
  const findings = [...counts.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.text, b.text) || compare(a.message, b.message),
  );
  const baseline: Baseline = { version: 1, findings };
  return JSON.stringify(baseline, null, 2) + '\n';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw notJson(text);
  }
  if (!isRecord(data) || data.version !== 1 || !Array.isArray(data.findings)) {
    throw new BaselineError('baseline must be an object with "version": 1 and a "findings" array');
  }
  data.findings.forEach((f: unknown, i: number) => {
    const ok =
      isRecord(f) &&
      typeof f.ruleId === 'string' &&
      typeof f.file === 'string' &&
      typeof f.text === 'string' &&
      typeof f.message === 'string' &&
      Number.isInteger(f.count) &&
      (f.count as number) > 0;
    if (!ok) throw new BaselineError(`baseline findings[${i}] needs string ruleId, file, text, message and a positive integer count`);
  });
  return data as unknown as Baseline;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Where the text stops being JSON. JSON.parse's own message can quote the text, and a baseline
 * named on the command line may be any file: the error names a position and a kind of mistake only.
 */
function notJson(text: string): BaselineError {
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, { disallowComments: true });
  } catch {
    // The parser recurses per level; JSON.parse did not, so only nesting can bring it here.
    return new BaselineError('baseline is not valid JSON: nested too deep');
  }
  const first = errors[0];
  if (!first) return new BaselineError('baseline is not valid JSON');
  const pos = new LineIndex(text).position(first.offset);
  return new BaselineError(`baseline is not valid JSON: ${printParseErrorCode(first.error)}`, pos.line, pos.column);
}

/**
 * Moves findings the baseline accepts into `suppressedMessages` (kind `baseline`) and
 * recounts. When a file now has more copies of an identity than the baseline allows,
 * the first ones are accepted and the extra ones stay reported.
 * @throws BaselineError when `baselineJson` is not a baseline file.
 */
export function applyBaseline(report: RunReport, baselineJson: string): RunReport {
  const remaining = new Map<string, number>();
  for (const e of parseBaseline(baselineJson).findings) remaining.set(entryKey(e), (remaining.get(entryKey(e)) ?? 0) + e.count);

  const results = report.results.map((result): LintResult => {
    const kept: LintMessage[] = [];
    const suppressed: SuppressedMessage[] = [...result.suppressedMessages];
    for (const m of result.messages) {
      const id = identity(result, m, report.cwd);
      const key = id && entryKey(id);
      const left = key === undefined ? 0 : (remaining.get(key) ?? 0);
      if (key !== undefined && left > 0) {
        remaining.set(key, left - 1);
        suppressed.push({ ...m, suppressions: [{ kind: 'baseline', justification: JUSTIFICATION }] });
      } else {
        kept.push(m);
      }
    }
    if (kept.length === result.messages.length) return result;
    return {
      ...result,
      messages: kept,
      suppressedMessages: suppressed,
      ...tally(kept),
    };
  });
  return { ...report, results };
}
