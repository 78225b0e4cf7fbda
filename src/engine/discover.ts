import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Gitignores, isIgnored, levelsOf, type IgnoreLevel } from './ignore-rules.js';
import { relativeInside } from '../kernel/project-fs.js';

/** Directories that never hold a user's infrastructure code. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn']);

export interface Discovery {
  readonly files: string[];
  /** Paths that do not exist or cannot be read. */
  readonly missing: string[];
}

/** An ignore glob and the directory it is relative to (the config file's, or the working directory). */
export interface IgnorePattern {
  readonly pattern: string;
  readonly base: string;
}

/**
 * Expands paths into lintable files: directories are walked, skipping dependency and VCS
 * folders and what `.gitignore` files exclude, read as git reads them: every `.gitignore` from
 * the top of the repository down to the file, each relative to its own directory, so a run from
 * a subfolder sees the files a run from the top sees. Symlinked directories are not followed, so
 * a link loop cannot trap the walk. Nothing outside `root` is read but the `.gitignore` files
 * (and `.git/info/exclude`) of the directories between `root` and the top of its repository.
 */
export function discoverFiles(
  paths: readonly string[],
  root: string,
  /** Whether a file name is one some source kind reads. */
  isLintable: (name: string) => boolean,
  extraIgnores: readonly IgnorePattern[] = [],
  /**
   * Told the regular files of each directory walked, so the run need not list it again, and
   * whether the walk entered it from its parent (a real subdirectory, never a link).
   */
  onListing?: (dir: string, files: readonly string[], fromParent: boolean) => void,
): Discovery {
  // Normalized, as the inside-the-root checks expect.
  root = path.resolve(root);
  const files = new Set<string>();
  const missing: string[] = [];
  const gitignores = new Gitignores(root);
  const extras = levelsOf(extraIgnores);
  for (const p of paths) {
    const abs = path.resolve(root, p);
    let stat;
    try {
      stat = lstatSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isSymbolicLink()) {
      try {
        const real = realpathSync(abs);
        if (relativeInside(root, real) === undefined) continue;
        stat = lstatSync(real);
      } catch {
        missing.push(p);
        continue;
      }
    }
    if (stat.isDirectory()) {
      gitignores.loadDownTo(path.dirname(abs));
      walk(abs, extras, gitignores, isLintable, files, onListing, false);
    } else if (stat.isFile()) {
      // A named file is skipped when it, or a directory it is in, is ignored.
      gitignores.loadDownTo(path.dirname(abs));
      if (!isIgnored(extras, gitignores, abs, false)) files.add(abs);
    }
  }
  return { files: [...files].sort(), missing };
}

function walk(
  dir: string,
  extras: readonly IgnoreLevel[],
  gitignores: Gitignores,
  isLintable: (name: string) => boolean,
  out: Set<string>,
  onListing: ((dir: string, files: readonly string[], fromParent: boolean) => void) | undefined,
  fromParent: boolean,
): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  onListing?.(dir, entries.filter((entry) => entry.isFile()).map((entry) => entry.name), fromParent);
  // Only a directory that has a .gitignore is worth a read: a failed read per directory shows.
  if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) gitignores.load(dir);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || isIgnored(extras, gitignores, abs, true)) continue;
      walk(abs, extras, gitignores, isLintable, out, onListing, true);
    } else if (entry.isFile() && isLintable(entry.name) && !isIgnored(extras, gitignores, abs, false)) {
      out.add(abs);
    }
  }
}
