// The data files in src/data: each says which script made it, from which sources and as of
// when; and, where the project reference data is at hand, re-running the script changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA = path.join(REPO, 'src/azure/data');
const REFERENCE = path.join(REPO, '../shared/data');
const files = readdirSync(DATA).filter((f) => f.endsWith('.json'));

test('data files: each names its generator, its sources and a date', () => {
  assert.deepEqual(files.sort(), ['images.json', 'policy-limits.json', 'vm-sizes.json', 'windows-time-zones.json']);
  for (const file of files) {
    const data = JSON.parse(readFileSync(path.join(DATA, file), 'utf8')) as Record<string, unknown>;
    const script = /scripts\/[\w-]+\.mjs/.exec(String(data.$comment))?.[0];
    assert.ok(script && existsSync(path.join(REPO, script)), `${file}: generator ${script}`);
    const sources = Object.values(data.sources as Record<string, unknown>);
    assert.ok(sources.length > 0 && sources.every((s) => typeof s === 'string' && s.length > 20), `${file}: sources`);
    assert.match(String(data.date), /^\d{4}-\d{2}-\d{2}$/, file);
    assert.ok(!Number.isNaN(Date.parse(String(data.date))) && Date.parse(String(data.date)) <= Date.now(), `${file}: date`);
  }
});

test('data files: re-deriving them from the reference data changes nothing', (t) => {
  if (!existsSync(REFERENCE)) {
    t.skip('no ../shared/data next to the repository');
    return;
  }
  const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/derive-data.mjs'), REFERENCE, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});
