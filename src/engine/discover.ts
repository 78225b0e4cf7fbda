import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Gitignores, isIgnored, levelsOf, type IgnoreLevel } from './ignore-rules.js';
import { childPath, filesOfListing, linkTarget, relativeInside } from '../kernel/project-fs.js';

/** Directories that never hold a user's infrastructure code. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn']);

export interface Discovery {
  readonly files: string[];
  /** Paths that do not exist or cannot be read. */
  readonly missing: string[];
}

/** An ignore glob and the directory it is relative to (the config file's, or the working directory). */
export type ListingListener = (dir: string, files: readonly string[], fromParent: boolean, linkedFiles: readonly string[]) => void;

export interface IgnorePattern {
  readonly pattern: string;
  readonly base: string;
}

/**
 * Expands paths into lintable files: directories are walked, skipping dependency and VCS
 * folders and what `.gitignore` files exclude, read as git reads them: every `.gitignore` from
 * the top of the repository down to the file, each relative to its own directory, so a run from
 * a subfolder sees the files a run from the top sees. Symbolic links are followed as Terraform
 * follows them (modules share `.tf` files and folders that way) when they lead to a file or folder
 * inside `root`; a linked folder is walked only when the walk does not reach it otherwise, so each
 * real folder is walked once, under its own path when it can be, and a link loop ends. Nothing
 * outside `root` is read but the `.gitignore` files (and `.git/info/exclude`) of the directories
 * between `root` and the top of its repository.
 */
export function discoverFiles(
  paths: readonly string[],
  root: string,
  /** Whether a file name is one some source kind reads. */
  isLintable: (name: string) => boolean,
  extraIgnores: readonly IgnorePattern[] = [],
  /**
   * Told the regular files and links to files of each directory walked, so the run need not
   * list it again, and whether the walk entered it from its parent (a real subdirectory, never a link).
   */
  onListing?: ListingListener,
): Discovery {
  // Normalized, as the inside-the-root checks expect.
  root = path.resolve(root);
  const files = new Set<string>();
  const missing: string[] = [];
  const gitignores = new Gitignores(root);
  const extras = levelsOf(extraIgnores);
  const walk = new Walk(extras, gitignores, isLintable, files, onListing, realPathOrSelf(root));
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
      walk.directory(abs, realPathOrSelf(abs), false);
    } else if (stat.isFile()) {
      // A named file is skipped when it, or a directory it is in, is ignored.
      gitignores.loadDownTo(path.dirname(abs));
      if (!isIgnored(extras, gitignores, abs, false)) files.add(abs);
    }
  }
  walk.linkedDirectories();
  return { files: [...files].sort(), missing };
}

function realPathOrSelf(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

class Walk {
  /** Real paths of the directories walked. */
  private readonly walked = new Set<string>();
  /** Links to directories inside the root, walked at the end if nothing else reached them. */
  private readonly linked: { readonly link: string; readonly real: string }[] = [];

  constructor(
    private readonly extras: readonly IgnoreLevel[],
    private readonly gitignores: Gitignores,
    private readonly isLintable: (name: string) => boolean,
    private readonly out: Set<string>,
    private readonly onListing: ListingListener | undefined,
    private readonly realRoot: string,
  ) {}

  directory(dir: string, real: string, fromParent: boolean): void {
    if (this.walked.has(real)) return;
    this.walked.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const { files, linked } = filesOfListing(dir, entries);
    this.onListing?.(dir, files, fromParent, linked);
    // Only a directory that has a .gitignore is worth a read: a failed read per directory shows.
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) this.gitignores.load(dir);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = childPath(dir, entry.name);
      if (entry.isDirectory()) {
        if (!this.skippedDirectory(entry.name, abs)) this.directory(abs, childPath(real, entry.name), true);
      } else if (entry.isFile()) {
        this.file(entry.name, abs);
      } else if (entry.isSymbolicLink()) {
        const target = linkTarget(abs);
        if (!target || relativeInside(this.realRoot, target.real) === undefined) continue;
        if (!target.directory) this.file(entry.name, abs);
        else if (!this.skippedDirectory(entry.name, abs)) this.linked.push({ link: abs, real: target.real });
      }
    }
  }

  /** Walks the linked directories nothing else reached (their own links are queued in turn). */
  linkedDirectories(): void {
    for (let i = 0; i < this.linked.length; i++) {
      const { link, real } = this.linked[i]!;
      this.gitignores.loadDownTo(path.dirname(link));
      this.directory(link, real, false);
    }
  }

  private skippedDirectory(name: string, abs: string): boolean {
    return SKIPPED_DIRS.has(name) || isIgnored(this.extras, this.gitignores, abs, true);
  }

  private file(name: string, abs: string): void {
    if (this.isLintable(name) && !isIgnored(this.extras, this.gitignores, abs, false)) this.out.add(abs);
  }
}
