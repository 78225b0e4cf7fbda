import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { discoverFiles } from '../../src/engine/discover.js';
import { scratch } from '../helpers/cli.js';

/**
 * A repository whose .gitignore files use what git's reading has and a hand-written matcher
 * tends to miss: comments, negation (and a negation that cannot re-include below an excluded
 * directory), character classes, escaped `#` and `!`, trailing spaces (trimmed, or kept when
 * escaped), directory-only patterns, `**`, anchoring, nested files relative to their own
 * directory that override their parents, and `.git/info/exclude`.
 */
const FILES = [
  'x.log', 'important.log', 'logs/keep.log', '#hash.json', '!bang.json', 'trailing.json', 'space ', 'spaces.json',
  'Temp1.json', 'temp2.json', 'file3.json', 'filex.json', 'bx.json', 'ax.json', 'dironly', 'other/dironly/in.json',
  'a/deep.json', 'a/b/c/deep.json', 'b/a/deep.json', 'gen/x/y.json', 'src/gen/z.json', 'build/out.json', 'src/build/kept.json',
  'sub/a.json', 'sub/keep.json', 'sub/nested/n.json', 'sub/nested/m.json', 'sub/other/o.json', 'sub/local.json', 'sub/deeper/local.json',
  'excluded.json', 'sub/excluded.json', 'main.tf', 'sub/main.tf',
  'lib/gen/reincluded.json', 'lib/#x/h.json', 'lib/[d]/c.json', 'lib/[d]/e.json', 'lib/[d]/f.json', 'lib/!b/n.json', 'lib/!b/m.json',
  '!top/x.json', '!top/y.json', '#top/x.json', '#top/y.json', 'sp ace/x.json', 'sp ace/y.json',
];

const ROOT_GITIGNORE = [
  '# a comment, and a blank line',
  '',
  '*.log',
  '!important.log',
  'logs/',
  '!logs/keep.log',
  '\\#hash.json',
  '\\!bang.json',
  'trailing.json   ',
  'space\\ ',
  '[Tt]emp*.json',
  'file[0-9].json',
  '[!a]x.json',
  'dironly/',
  'a/**/deep.json',
  '**/gen/',
  '/build/',
  'sub/local.json',
].join('\n');

function repository(): string {
  const dir = scratch({});
  execFileSync('git', ['init', '-q'], { cwd: dir });
  for (const f of FILES) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), '{}\n');
  }
  writeFileSync(path.join(dir, '.gitignore'), `${ROOT_GITIGNORE}\n`);
  writeFileSync(path.join(dir, 'sub/.gitignore'), '*.json\n!keep.json\n!/nested/m.json\n');
  writeFileSync(path.join(dir, 'sub/nested/.gitignore'), '!n.json\n');
  // `lib/gen/` is excluded by the root's `**/gen/` and re-included by lib's own file.
  writeFileSync(path.join(dir, 'lib/.gitignore'), '!gen/\n\\#x/h.json\n[[]d]/c.json\n');
  // Directory names that are pattern syntax when a nested file's rules are rewritten from the top.
  writeFileSync(path.join(dir, 'lib/[d]/.gitignore'), 'e.json  \r\n');
  writeFileSync(path.join(dir, 'lib/!b/.gitignore'), 'n.json\n');
  writeFileSync(path.join(dir, '!top/.gitignore'), 'x.json\n');
  writeFileSync(path.join(dir, '#top/.gitignore'), '/x.json\n');
  writeFileSync(path.join(dir, 'sp ace/.gitignore'), 'x.json\n');
  writeFileSync(path.join(dir, '.git/info/exclude'), 'excluded.json\n');
  return dir;
}

const everything = () => true;

/** The files git does not ignore, relative to `from`, as `git ls-files` lists them there. */
function gitSees(from: string): string[] {
  const out = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '-z', '.'], { cwd: from, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && path.basename(f) !== '.gitignore').sort();
}

function weSee(root: string, paths: readonly string[] = ['.']): string[] {
  return discoverFiles(paths, root, (name) => name !== '.gitignore')
    .files.map((f) => path.relative(root, f).split(path.sep).join('/'))
    .sort();
}

describe('.gitignore as git reads it', () => {
  it('finds exactly the files git ls-files --others --exclude-standard lists', () => {
    const dir = repository();
    const seen = weSee(dir);
    assert.deepEqual(seen, gitSees(dir));
    // The cases the old matcher got wrong, spelled out.
    for (const f of ['important.log', 'ax.json', 'dironly', 'filex.json', 'sub/keep.json', 'sub/nested/n.json', 'sub/nested/m.json', 'src/build/kept.json', 'spaces.json', 'b/a/deep.json', 'lib/gen/reincluded.json', '!top/y.json', 'lib/[d]/f.json']) {
      assert.ok(seen.includes(f), `${f} is not ignored`);
    }
    for (const f of ['#hash.json', '!bang.json', 'trailing.json', 'space ', 'Temp1.json', 'logs/keep.log', 'a/deep.json', 'a/b/c/deep.json', 'sub/a.json', 'excluded.json', '!top/x.json', '#top/x.json', 'lib/[d]/c.json', 'lib/[d]/e.json', 'lib/!b/n.json', 'sp ace/x.json']) {
      assert.ok(!seen.includes(f), `${f} is ignored`);
    }
  });

  it('run from a subfolder, applies the .gitignore files above it up to the top of the repository', () => {
    const dir = repository();
    for (const sub of ['sub', 'sub/nested', 'a', 'src']) {
      const from = path.join(dir, sub);
      assert.deepEqual(weSee(from), gitSees(from), sub);
    }
  });

  it('a named directory below the top is read with the .gitignore files above it', () => {
    const dir = repository();
    assert.deepEqual(
      weSee(dir, ['sub']),
      gitSees(path.join(dir, 'sub')).map((f) => `sub/${f}`),
    );
  });

  it('a named file is skipped exactly when git check-ignore says it is ignored, its directories included', () => {
    const dir = repository();
    for (const f of FILES) {
      let gitIgnores: boolean;
      try {
        execFileSync('git', ['check-ignore', '-q', '--', f], { cwd: dir });
        gitIgnores = true;
      } catch {
        gitIgnores = false;
      }
      assert.equal(discoverFiles([f], dir, everything).files.length === 0, gitIgnores, f);
    }
  });

  it('outside a repository reads only the root .gitignore and those below it', () => {
    const dir = scratch({ '.gitignore': 'ignored.json\n', 'ignored.json': '{}', 'kept.json': '{}', 'inner/.gitignore': '*.json\n', 'inner/x.json': '{}' });
    const inner = weSee(path.join(dir, 'inner'));
    assert.deepEqual(inner, []);
    assert.deepEqual(weSee(dir), ['kept.json']);
  });

  it('extra patterns come before every .gitignore and can re-include what one excludes', () => {
    const dir = repository();
    const found = discoverFiles(['.'], dir, everything, [
      { pattern: 'sub/keep.json', base: dir },
      { pattern: '!sub/a.json', base: dir },
    ]).files.map((f) => path.relative(dir, f));
    assert.ok(!found.includes(path.join('sub', 'keep.json')));
    assert.ok(found.includes(path.join('sub', 'a.json')));
  });
});
