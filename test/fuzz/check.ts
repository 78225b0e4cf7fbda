import assert from 'node:assert/strict';
import path from 'node:path';
import { lintSources } from '../../src/api/lint.js';
import type { Project } from './seeds.js';

/** Per-case time limit: generous for a loaded 2-core machine, far below a hang. */
export const CASE_BUDGET_MS = 5000;

/** fast-check settings: a fixed seed in `npm test` (reproducible), random under `npm run fuzz`. */
export function fuzzParameters(defaultRuns: number): { numRuns: number; seed?: number; includeErrorInReport: boolean } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : runs > 0 ? undefined : 20260101;
  return { numRuns: runs > 0 ? runs : defaultRuns, ...(seed !== undefined ? { seed } : {}), includeErrorInReport: true };
}

function lineLengths(text: string): number[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((l) => l.length);
}

/**
 * Lints the project and checks what must hold for any input: nothing thrown, no internal error,
 * every message inside its file (1 ≤ line ≤ lines, 1 ≤ column ≤ line length + 1, end ≥ start),
 * and the whole case in bounded time.
 */
export function lintsSafely(project: Project): void {
  const started = performance.now();
  const report = lintSources(project, { cwd: '/fuzz', preset: 'all' });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < CASE_BUDGET_MS, `took ${Math.round(elapsed)} ms`);
  for (const result of report.results) {
    const name = path.relative('/fuzz', result.filePath);
    const text = project[name];
    assert.ok(text !== undefined, `message for a file not in the project: ${name}`);
    const lengths = lineLengths(text);
    for (const m of result.messages) {
      const where = `${name}:${m.line}:${m.column} ${m.message}`;
      assert.doesNotMatch(m.message, /^(Internal error|Cannot evaluate)/, where);
      assert.ok(Number.isInteger(m.line) && m.line >= 1 && m.line <= lengths.length, `line out of range: ${where}`);
      assert.ok(Number.isInteger(m.column) && m.column >= 1 && m.column <= lengths[m.line - 1]! + 1, `column out of range: ${where}`);
      if (m.endLine !== undefined || m.endColumn !== undefined) {
        const endLine = m.endLine!;
        const endColumn = m.endColumn!;
        assert.ok(endLine >= 1 && endLine <= lengths.length, `end line out of range: ${where}`);
        assert.ok(endColumn >= 1 && endColumn <= lengths[endLine - 1]! + 1, `end column out of range: ${where} → ${endLine}:${endColumn}`);
        assert.ok(endLine > m.line || (endLine === m.line && endColumn >= m.column), `end before start: ${where} → ${endLine}:${endColumn}`);
      }
    }
  }
}
