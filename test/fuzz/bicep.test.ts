import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import type { Node } from '../../src/syntax/bicep/ast.js';
import { parseBicep, VISITOR_KEYS } from '../../src/syntax/bicep/index.js';
import { CASE_BUDGET_MS, fuzzParameters } from './check.js';
import { mutatedProject } from './mutate.js';
import { bicepSourceSeeds, type Project } from './seeds.js';

const seeds = bicepSourceSeeds();

/**
 * Parses every file of the project and checks what must hold for any input: nothing thrown, the
 * tree spans the text (BOM removed) with every node inside its parent, every diagnostic inside the
 * text, and bounded time.
 */
function parsesSafely(project: Project): void {
  for (const [name, raw] of Object.entries(project)) {
    const started = performance.now();
    const r = parseBicep(raw, { params: name.endsWith('.bicepparam'), file: name });
    assert.ok(performance.now() - started < CASE_BUDGET_MS);
    const length = raw.replace(/^\ufeff/, '').length;
    assert.deepEqual(r.ast.range, [0, length]);
    const stack: [Node, readonly [number, number]][] = [[r.ast, r.ast.range]];
    while (stack.length > 0) {
      const [node, [lo, hi]] = stack.pop()!;
      assert.ok(lo <= node.range[0] && node.range[0] <= node.range[1] && node.range[1] <= hi, `${node.type} [${node.range}] outside [${lo}, ${hi}]`);
      for (const key of VISITOR_KEYS[node.type]) {
        const v = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(v) ? v : v ? [v] : []) stack.push([child as Node, node.range]);
      }
    }
    for (const d of r.diagnostics) {
      assert.ok(0 <= d.subject.start && d.subject.start <= d.subject.end && d.subject.end <= length, `${d.code} [${d.subject.start}, ${d.subject.end}]`);
      assert.equal(d.subject.file, name);
    }
  }
}

describe('fuzzing the Bicep parser', { skip: seeds.length === 0 ? 'no Bicep sources in examples/bicep' : false }, () => {
  it('survives byte flips, truncations, deletions, duplications and token insertions', () => {
    fc.assert(fc.property(mutatedProject(seeds, 'bicep'), parsesSafely), fuzzParameters(1000));
  });
});
