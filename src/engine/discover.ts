import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { relativeInside } from '../kernel/project-fs.js';

/** Directories that never hold a user's infrastructure code. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn']);

export interface Discovery {
  readonly files: string[];
  /** Paths that do not exist or cannot be read. */
  readonly missing: string[];
}

/**
 * Expands paths into lintable files: directories are walked (skipping dependency and VCS
 * folders and what `.gitignore` files exclude); symlinked directories are not followed, so
 * a link loop cannot trap the walk; nothing outside `root` is read.
 */
export function discoverFiles(
  paths: readonly string[],
  root: string,
  /** Whether a file name is one some source kind reads. */
  isLintable: (name: string) => boolean,
  extraIgnores: readonly IgnorePattern[] = [],
  /** Told the regular files of each directory walked, so the run need not list it again. */
  onListing?: (dir: string, files: readonly string[]) => void,
): Discovery {
  // Normalized, as the inside-the-root checks expect.
  root = path.resolve(root);
  const files = new Set<string>();
  const missing: string[] = [];
  const rootIgnores = [...loadGitignore(root, root), ...extraIgnores.map((g) => compileGlob(g.pattern, g.base))];
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
    if (stat.isDirectory()) walk(abs, root, rootIgnores, isLintable, files, onListing);
    else if (stat.isFile() && !isIgnored(rootIgnores, abs, false)) files.add(abs);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, root: string, inherited: readonly Ignore[], isLintable: (name: string) => boolean, out: Set<string>, onListing?: (dir: string, files: readonly string[]) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  onListing?.(dir, entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
  // Only a directory that has a .gitignore is worth a read: a failed read per directory shows.
  const ignores = dir === root || !entries.some((entry) => entry.name === '.gitignore') ? inherited : [...inherited, ...loadGitignore(dir, root)];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || isIgnored(ignores, abs, true)) continue;
      walk(abs, root, ignores, isLintable, out, onListing);
    } else if (entry.isFile() && isLintable(entry.name) && !isIgnored(ignores, abs, false)) {
      out.add(abs);
    }
  }
}

/** An ignore glob and the directory it is relative to (the config file's, or the working directory). */
export interface IgnorePattern {
  readonly pattern: string;
  readonly base: string;
}

interface Ignore {
  readonly base: string;
  readonly regex: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
}

function isIgnored(ignores: readonly Ignore[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rule of ignores) {
    if (rule.dirOnly && !isDir) continue;
    const rel = relativeInside(rule.base, abs);
    if (rel === undefined) continue;
    if (rule.regex.test(rel)) ignored = !rule.negate;
  }
  return ignored;
}

function loadGitignore(dir: string, root: string): Ignore[] {
  if (relativeInside(root, dir) === undefined) return [];
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => compileGlob(l, dir));
}

/** A `.gitignore` pattern (or an `ignore` glob from the config) relative to `base`. */
export function compileGlob(pattern: string, base: string): Ignore {
  let p = pattern;
  const negate = p.startsWith('!');
  if (negate) p = p.slice(1);
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/') && !p.startsWith('**/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  return { base: path.resolve(base), regex: new RegExp(`${prefix}${re}(?:/.*)?$`), negate, dirOnly };
}
