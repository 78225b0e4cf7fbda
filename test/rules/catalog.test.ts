import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../../rules/index.js';
import { matrixRow } from '../../src/azure/matrix/matrix.js';
import { presetSeverity } from '../../rules/api.js';

// dist/test/rules → repository root
const root = fileURLToPath(new URL('../../..', import.meta.url));

test('one rule per rules/*.ts file, registered under its file name, sorted by id', () => {
  const files = readdirSync(`${root}rules`).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'api.ts');
  const ids = rules.map((r) => r.id);
  assert.deepEqual(ids, files.map((f) => f.slice(0, -'.ts'.length)).sort());
});

test('the category decides the presets: restore limitations off in recommended and warn in all, backup blockers on in both', () => {
  for (const r of rules) {
    const both = [presetSeverity(r.meta, 'recommended'), presetSeverity(r.meta, 'all')];
    if (r.meta.category === 'restore-limitation') assert.deepEqual(both, ['off', 'warn'], r.id);
    else assert.deepEqual(both, [r.meta.severity, r.meta.severity], r.id);
  }
});

test('every rule has a docs page that names its id, its matrix row and its default severity', () => {
  for (const r of rules) {
    const page = `${root}docs/rules/${r.id}.md`;
    assert.ok(existsSync(page), page);
    const text = readFileSync(page, 'utf8');
    assert.ok(text.includes(`azure-backup/${r.id}`), r.id);
    assert.ok(text.includes(matrixRow(r.id).text), `${r.id}: matrix row quoted`);
    assert.ok(text.includes(`- **Default severity:** \`${presetSeverity(r.meta, 'recommended')}\``), `${r.id}: default severity`);
  }
});
