import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../../rules/index.js';

// dist/test/rules → repository root
const root = fileURLToPath(new URL('../../..', import.meta.url));

const RESTORE = ['availability-set-restore', 'encrypted-vm-restore', 'require-backup', 'unmanaged-disk-restore', 'zone-pinned-restore'];

test('25 rules, sorted by id, unique ids', () => {
  const ids = rules.map((r) => r.id);
  assert.equal(ids.length, 25);
  assert.deepEqual(ids, [...ids].sort());
  assert.equal(new Set(ids).size, ids.length);
});

test('restore-limitation rules are off in recommended and warn in all', () => {
  for (const r of rules) {
    if (RESTORE.includes(r.id)) assert.deepEqual([r.meta.severity, r.meta.allSeverity], ['off', 'warn'], r.id);
    else assert.notEqual(r.meta.severity, 'off', r.id);
  }
});

test('every rule has a docs page that names its id, its severity and its matrix row', () => {
  for (const r of rules) {
    const page = `${root}docs/rules/${r.id}.md`;
    assert.ok(existsSync(page), page);
    const text = readFileSync(page, 'utf8');
    assert.ok(text.includes(`azure-backup/${r.id}`), r.id);
    assert.ok(text.includes(r.meta.matrixRow), `${r.id}: matrix row quoted`);
  }
});
