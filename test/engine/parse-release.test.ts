import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ProjectFs } from '../../src/kernel/project-fs.js';
import { UnitIndex } from '../../src/engine/units.js';
import { ModuleCallers } from '../../src/sources/terraform-callers.js';
import { terraformDir } from '../../src/sources/terraform-dir.js';
import type { Parser } from '../../src/sources/source-kind.js';

const ROOT = path.resolve('/virtual/modules-run');
const at = (rel: string) => (rel ? path.join(ROOT, rel) : ROOT);

/** A root that calls `live`, which calls `modules/a`; an example below `modules/a` calls it too. */
const PROJECT: Record<string, string> = {
  'main.tf': 'module "live" {\n  source = "./live"\n}\n',
  'live/main.tf': 'module "a" {\n  source = "../modules/a"\n}\n',
  'modules/a/main.tf': 'variable "x" {\n  default = 1\n}\n',
  'modules/a/examples/basic/main.tf': 'module "a" {\n  source = "../.."\n}\n',
  // A path in a string that is no module call still counts: the callers found are never too few.
  'other/main.tf': 'locals {\n  note = "../modules/a"\n}\n',
  'lone/main.tf.json': '{"module": {"b": {"source": "./b"}}}',
};

/** The project's file system as a run that walked it sees it: every directory's listing told. */
function walked(): ProjectFs {
  const fs = ProjectFs.virtual(ROOT, PROJECT);
  const dirs = new Map<string, string[]>();
  for (const rel of Object.keys(PROJECT)) {
    const dir = path.dirname(at(rel));
    dirs.set(dir, [...(dirs.get(dir) ?? []), path.basename(rel)]);
  }
  for (const [dir, names] of dirs) fs.seedListing(dir, names);
  return fs;
}

/** Answers with the tree a run already holds (parse not called), else records that it had to parse. */
function probe(): Parser<unknown> & { parsedAgain: string[] } {
  const parsedAgain: string[] = [];
  return { id: 'terraform-config', parse: (_text, file) => (parsedAgain.push(path.relative(ROOT, file)), undefined), parsedAgain };
}

describe('ModuleCallers', () => {
  it('finds the units that may read a module: its own, its callers and theirs, and any file naming its path', () => {
    const fs = walked();
    const callers = new ModuleCallers(fs.walkedDirs()!, fs, (dir) => path.relative(ROOT, dir) || '.');
    assert.deepEqual([...callers.readersOf(at('modules/a'))].sort(), ['.', 'live', 'modules/a', 'modules/a/examples/basic', 'other']);
    assert.deepEqual([...callers.readersOf(at('live'))].sort(), ['.', 'live']);
    assert.deepEqual([...callers.readersOf(at('lone/b'))].sort(), ['lone', 'lone/b']);
    assert.deepEqual([...callers.readersOf(at('modules/a/examples/basic'))], ['modules/a/examples/basic']);
  });

  it('tells nothing when no walk listed the project (an editor)', () => {
    const units = new UnitIndex(ProjectFs.virtual(ROOT, PROJECT), {}, [terraformDir]);
    assert.equal(terraformDir.readersOf!(at('live/main.tf'), units), undefined);
  });
});

describe('UnitIndex lets a parse go once its readers are evaluated', () => {
  it('keeps a module parsed for its callers still to come, parses each file once, and holds no tree at the end', () => {
    const units = new UnitIndex(walked(), {}, [terraformDir]);
    const order = ['live', '', 'modules/a/examples/basic', 'other', 'lone'];
    for (const dir of order) units.evaluate(units.unitsOf(at(`${dir ? `${dir}/` : ''}main.tf`))[0]!);
    // `modules/a` was read by every unit so far and waits for its own; `live` has had both its readers.
    const early = probe();
    assert.equal((units.parsed(early, at('modules/a/main.tf')) as { type: string } | undefined)?.type, 'File');
    assert.deepEqual(early.parsedAgain, []);
    units.evaluate(units.unitsOf(at('modules/a/main.tf'))[0]!);
    const late = probe();
    for (const rel of ['main.tf', 'live/main.tf', 'modules/a/main.tf', 'modules/a/examples/basic/main.tf', 'other/main.tf']) units.parsed(late, at(rel));
    assert.deepEqual(late.parsedAgain, ['main.tf', 'live/main.tf', 'modules/a/main.tf', 'modules/a/examples/basic/main.tf', 'other/main.tf']);
  });

  it('keeps every parse in a run that evaluates few of the units the walk found (a few changed files)', () => {
    const fs = walked();
    for (let i = 0; i < 100; i++) fs.seedListing(at(`docs/${i}`), []);
    const units = new UnitIndex(fs, {}, [terraformDir]);
    for (const dir of ['live', '']) units.evaluate(units.unitsOf(at(`${dir ? `${dir}/` : ''}main.tf`))[0]!);
    const after = probe();
    units.parsed(after, at('live/main.tf'));
    assert.deepEqual(after.parsedAgain, []);
  });

  it('keeps every parse when no walk listed the project', () => {
    const units = new UnitIndex(ProjectFs.virtual(ROOT, PROJECT), {}, [terraformDir]);
    for (const dir of ['live', '', 'modules/a/examples/basic', 'modules/a']) units.evaluate(units.unitsOf(at(`${dir ? `${dir}/` : ''}main.tf`))[0]!);
    const after = probe();
    units.parsed(after, at('live/main.tf'));
    assert.deepEqual(after.parsedAgain, []);
  });
});
