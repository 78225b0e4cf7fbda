import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * Files changed since a git ref: committed and uncommitted changes, and untracked files.
 * Rejects with git's message when the ref or the repository is not there. `--end-of-options`
 * keeps a ref such as `--output=x` a ref (the argument parser refuses those too). The three git
 * commands run at once: each mostly waits (on the index, on the disk), and a hook run is short.
 */
export async function changedFilesSince(ref: string, cwd: string): Promise<Set<string>> {
  const git = (args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 }, (error, stdout, stderr) => (error ? reject(Object.assign(error, { stderr })) : resolve(stdout))),
    );
  // Both lists name files from the top of the repository, wherever `cwd` is inside it.
  const [top, changed, untracked] = await Promise.all([
    git(['rev-parse', '--show-toplevel']),
    git(['diff', '--name-only', '-z', '--end-of-options', ref, '--']),
    git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z']),
  ]);
  return new Set([...changed.split('\0'), ...untracked.split('\0')].filter(Boolean).map((f) => path.resolve(top.trim(), f)));
}
