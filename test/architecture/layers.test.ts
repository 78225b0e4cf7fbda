import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { forbiddenEdges, importEdges, layerOf, partCycle } from './layers.js';

// dist/test/architecture → repository root
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('import rules of the layers', () => {
  const edges = importEdges(ROOT);

  it('reads the imports of the whole tree', () => {
    assert.ok(edges.length > 300, `${edges.length} imports`);
    assert.ok(edges.some((e) => e.from === 'src/engine/linter.ts'));
  });

  it('has no import the layer table forbids', () => {
    const bad = forbiddenEdges(edges).map((e) => `${e.from} (${layerOf(e.from)}) → ${e.to} (${layerOf(e.to)})`);
    assert.deepEqual(bad, []);
  });

  it('has no import cycle between the top-level parts of src/ and rules/', () => {
    assert.equal(partCycle(edges)?.join(' → '), undefined);
  });

  it('keeps the Bicep parser in the syntax layer: no Azure, no evaluation', () => {
    assert.equal(layerOf('src/syntax/bicep/parser.ts'), 'syntax');
    assert.ok(edges.some((e) => e.from.startsWith('src/syntax/bicep/')));
    assert.equal(forbiddenEdges([{ from: 'src/syntax/bicep/parser.ts', to: 'src/lang/arm/functions/index.ts' }]).length, 1);
    assert.equal(forbiddenEdges([{ from: 'src/syntax/bicep/parser.ts', to: 'src/azure/model.ts' }]).length, 1);
  });

  it('finds a forbidden edge and a cycle when there is one', () => {
    const sample = [
      { from: 'src/syntax/json/parse.ts', to: 'src/azure/model.ts' },
      { from: 'src/azure/model.ts', to: 'src/syntax/json/parse.ts' },
    ];
    assert.equal(forbiddenEdges(sample).length, 2);
    assert.deepEqual(partCycle(sample), ['src/syntax', 'src/azure', 'src/syntax']);
  });
});
