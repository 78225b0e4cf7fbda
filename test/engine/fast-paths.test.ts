import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isConventionalParameterFile } from '../../src/sources/arm-json.js';
import { ProjectFs, resolvePath } from '../../src/kernel/project-fs.js';
import { LineIndex } from '../../src/kernel/location.js';

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

  it('lists a file set after the directory was first listed (an editor buffer for a new file)', () => {
    const fs = ProjectFs.virtual('/p', { 'd/b.json': '{}' });
    assert.deepEqual(fs.list('/p/d'), ['b.json']);
    fs.setOverride('/p/d/a.json', '{}');
    assert.deepEqual(fs.list('/p/d'), ['a.json', 'b.json']);
    assert.deepEqual(fs.list('/p'), []);
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
