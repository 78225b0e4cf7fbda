import path from 'node:path';
import type { ProjectFs } from '../kernel/project-fs.js';

/** How many directory levels above a file may hold a template or module that links down to it. */
export const LINKING_LEVELS = 2;

/** The file's directory and up to LINKING_LEVELS above it, while inside the project. */
export function linkingDirs(file: string, fs: ProjectFs): string[] {
  const dirs: string[] = [];
  let dir = path.dirname(file);
  for (let level = 0; level <= LINKING_LEVELS && fs.contains(dir); level++) {
    dirs.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirs;
}

/** Files of `dir` matching `pattern`, other than `file`, whose text mentions `needle`. */
export function filesMentioning(dir: string, file: string, pattern: RegExp, needle: string, fs: ProjectFs): string[] {
  return fs
    .list(dir)
    .map((name) => path.join(dir, name))
    .filter((candidate) => {
      if (candidate === file || !pattern.test(candidate)) return false;
      const read = fs.read(candidate);
      return read.ok && read.text.includes(needle);
    });
}
