import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isConventionalParameterFile } from '../../src/sources/arm-json.js';
import { ProjectFs, resolvePath } from '../../src/kernel/project-fs.js';
import { LineIndex } from '../../src/kernel/location.js';
import { UnitIndex } from '../../src/engine/units.js';
import { DEFAULT_SETUP } from '../../src/setup.js';
import { parameterFile, template } from '../helpers/lint.js';

describe('resolvePath', () => {
  it('answers as path.resolve does', () => {
    const inputs = ['/a/b/c.json', '/a/b/', '/a//b', '/a/./b', '/a/../b', '/a/.hidden/x', '/', 'rel/x.json', './x', '/a/b/..'];
    for (const p of inputs) assert.equal(resolvePath(p), path.resolve(p), p);
  });
});

describe('LineIndex', () => {
  it('finds the same lines with LF only as with mixed endings', () => {
    const lf = new LineIndex('ab\ncd\n\nef');
    assert.equal(lf.lineCount, 4);
    assert.deepEqual(lf.position(4), { line: 2, column: 2 });
    assert.deepEqual(lf.position(7), { line: 4, column: 1 });
    const mixed = new LineIndex('ab\r\ncd\r\ref');
    assert.equal(mixed.lineCount, 4);
    assert.deepEqual(mixed.position(5), { line: 2, column: 2 });
    assert.deepEqual(mixed.position(8), { line: 4, column: 1 });
  });
});

describe('ProjectFs listings', () => {
  it('lists a seeded directory without reading it, with overrides merged and sorted', () => {
    const fs = ProjectFs.virtual('/p', { 'd/b.json': '{}' });
    fs.seedListing('/p/d', ['c.json', 'a.json']);
    assert.deepEqual(fs.list('/p/d'), ['b.json']);
    const disk = new ProjectFs('/nonexistent-root');
    disk.seedListing('/nonexistent-root/d', ['c.json', 'a.json']);
    assert.deepEqual(disk.list('/nonexistent-root/d'), ['a.json', 'c.json']);
  });

  it('merges a buffer into a disk listing, sorted', () => {
    const disk = new ProjectFs('/nonexistent-root');
    disk.seedListing('/nonexistent-root/d', ['c.json', 'a.json']);
    disk.setOverride('/nonexistent-root/d/b.json', '{}');
    assert.deepEqual(disk.list('/nonexistent-root/d'), ['a.json', 'b.json', 'c.json']);
  });

  it('resolves a listed file through its directory and any other path whole', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'listing-'));
    try {
      for (const name of ['c.json', 'a.json', 'b.json']) writeFileSync(path.join(dir, name), '{}');
      const fs = new ProjectFs(dir);
      // Listed out of order, as readdir gives them.
      fs.seedListing(dir, ['c.json', 'a.json', 'b.json']);
      const real = realpathSync(dir);
      for (const name of ['a.json', 'b.json', 'c.json']) assert.equal(fs.resolveLinks(path.join(dir, name))?.real, path.join(real, name));
      assert.equal(fs.resolveLinks(path.join(dir, 'd.json')), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists a file set after the directory was first listed (an editor buffer for a new file)', () => {
    const fs = ProjectFs.virtual('/p', { 'd/b.json': '{}' });
    assert.deepEqual(fs.list('/p/d'), ['b.json']);
    fs.setOverride('/p/d/a.json', '{}');
    assert.deepEqual(fs.list('/p/d'), ['a.json', 'b.json']);
    assert.deepEqual(fs.list('/p'), []);
  });
});

describe('UnitIndex', () => {
  it("gives a parameter file its template's unit list, listed once for both", () => {
    const files = { 'vm.json': template({ resources: [] }), 'vm.parameters.json': parameterFile({}), 'other.json': template({ resources: [] }) };
    const ws = new UnitIndex(ProjectFs.virtual('/p', files), {}, DEFAULT_SETUP.kinds);
    const own = ws.unitsOf('/p/vm.json');
    assert.deepEqual(own.map((u) => u.key), ['arm:/p/vm.json']);
    assert.equal(ws.unitsOf('/p/vm.parameters.json'), own);
    assert.deepEqual(ws.unitsOf('/p/other.json').map((u) => u.key), ['arm:/p/other.json']);
  });

  it('lists the units of a parameter file asked about before its template', () => {
    const files = { 'vm.json': template({ resources: [] }), 'vm.parameters.json': parameterFile({}) };
    const ws = new UnitIndex(ProjectFs.virtual('/p', files), {}, DEFAULT_SETUP.kinds);
    assert.deepEqual(ws.unitsOf('/p/vm.parameters.json').map((u) => u.key), ['arm:/p/vm.json']);
    assert.deepEqual(ws.unitsOf('/p/vm.json').map((u) => u.key), ['arm:/p/vm.json']);
  });
});

describe('isConventionalParameterFile', () => {
  it('pairs by the naming convention, case-insensitively', () => {
    assert.equal(isConventionalParameterFile('vm.json', 'vm.parameters.json'), true);
    assert.equal(isConventionalParameterFile('VM.json', 'vm.Parameters.prod.jsonc'), true);
    assert.equal(isConventionalParameterFile('template.json', 'parameters.json'), true);
    assert.equal(isConventionalParameterFile('vm.json', 'parameters.json'), false);
    assert.equal(isConventionalParameterFile('vm.json', 'vm2.parameters.json'), false);
    assert.equal(isConventionalParameterFile('vm.json', 'vm.parameters.txt'), false);
  });
});
