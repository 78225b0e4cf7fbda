import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Files changed since a git ref: committed and uncommitted changes, and untracked files.
 * Throws with git's message when the ref or the repository is not there. `--end-of-options`
 * keeps a ref such as `--output=x` a ref (the argument parser refuses those too).
 */
export function changedFilesSince(ref: string, cwd: string): Set<string> {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const changed = git(['diff', '--name-only', '-z', '--end-of-options', ref, '--']).split('\0');
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  return new Set([...changed, ...untracked].filter(Boolean).map((f) => path.resolve(top, f)));
}
