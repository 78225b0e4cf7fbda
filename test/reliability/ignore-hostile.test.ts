// Ignore patterns and paramFiles globs come with the repository (.gitignore, the config file) or
// the command line; none of them can make matching backtrack for ever on a long path. The test
// runner's timeout is the hang guard: before, each of these took minutes or more.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch } from '../helpers/cli.js';
import { describeMessage, SMALL_VM, SMALL_VM_AT } from './helpers.js';

const PATHOLOGICAL = '**/*a*a*a*a*a*a*a*a*b';
/** Eight directories of 200 `a`s and a template named the same way: 1,800 characters of near-misses. */
const LONG = path.join(...Array.from({ length: 8 }, () => 'a'.repeat(200)), `${'a'.repeat(200)}.json`);

/** A project with the template on the long path and a healthy neighbour, both with a finding. */
function project(files: Readonly<Record<string, string>> = {}): string {
  const dir = scratch({ 'healthy.json': SMALL_VM, ...files });
  mkdirSync(path.dirname(path.join(dir, LONG)), { recursive: true });
  writeFileSync(path.join(dir, LONG), SMALL_VM);
  return dir;
}

async function lintJson(dir: string, extra: readonly string[] = []): Promise<{ code: number; byFile: Record<string, string[]> }> {
  const { code } = await cli(['.', ...extra, '--format', 'json', '--output-file', 'out.json'], dir);
  const results = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as { filePath: string; messages: Parameters<typeof describeMessage>[0][] }[];
  return { code, byFile: Object.fromEntries(results.map((r) => [path.relative(dir, r.filePath), r.messages.map(describeMessage)])) };
}

function assertBothLinted({ code, byFile }: { code: number; byFile: Record<string, string[]> }): void {
  assert.equal(code, 1);
  assert.deepEqual(byFile['healthy.json'], [SMALL_VM_AT]);
  assert.deepEqual(byFile[LONG], [SMALL_VM_AT]);
}

describe('hostile ignore patterns and globs', () => {
  it('.gitignore: star chains, for files and directories, against a long path', async () => {
    const dir = project({ '.gitignore': `${PATHOLOGICAL}\n*a*a*a*a*a*a*a*a*b/\n[a]*a*a*a*a*a*a*a*b\n` });
    assertBothLinted(await lintJson(dir));
  });

  it('--ignore-pattern: the same chains', async () => {
    assertBothLinted(await lintJson(project(), ['--ignore-pattern', PATHOLOGICAL, '--ignore-pattern', '*a*a*a*a*a*a*a*a*b/']));
  });

  it('the config file: the same chains as ignore patterns and as a paramFiles key', async () => {
    const config = { ignore: [PATHOLOGICAL], paramFiles: { [PATHOLOGICAL]: ['missing.parameters.json'] } };
    const dir = project({ '.azure-backup-lint.json': JSON.stringify(config) });
    assertBothLinted(await lintJson(dir));
  });

  it('a pattern that does match the long path still ignores it, and only it', async () => {
    const dir = project({ '.gitignore': '**/*a*a*a*a*a*a*a*a*.json\n' });
    const { code, byFile } = await lintJson(dir);
    assert.equal(code, 1);
    assert.deepEqual(byFile['healthy.json'], [SMALL_VM_AT]);
    assert.equal(byFile[LONG], undefined);
  });

  it('a .gitignore that is a FIFO or a link out of the project is not read (git reads neither)', async () => {
    const outside = scratch({ 'ignore-everything': '*\n' });
    const dir = project({ 'sub/linked.json': SMALL_VM });
    symlinkSync(path.join(outside, 'ignore-everything'), path.join(dir, '.gitignore'));
    execFileSync('mkfifo', [path.join(dir, 'sub', '.gitignore')]);
    const { code, byFile } = await lintJson(dir);
    assert.equal(code, 1);
    assert.deepEqual(byFile['healthy.json'], [SMALL_VM_AT]);
    assert.deepEqual(byFile[path.join('sub', 'linked.json')], [SMALL_VM_AT]);
  });
});
