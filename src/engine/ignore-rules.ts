import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ignore, Options } from 'ignore';
import { relativeInside } from '../kernel/project-fs.js';
import { linearize } from './linear-ignore.js';

// Git compares ignore patterns without case only where `git init` sets core.ignoreCase.
const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

/** One set of `.gitignore`-style rules and the directory its paths are relative to. */
export interface IgnoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * The ignore package, loaded when the first rule is added (createRequire, as re2js): most runs
 * find no .gitignore and no ignore pattern, and its module was 30 KB of every CLI start.
 */
let ignoreFactory: ((options: Options) => Ignore) | undefined;
function rules(): Ignore {
  ignoreFactory ??= createRequire(import.meta.url)('ignore') as (options: Options) => Ignore;
  return ignoreFactory({ ignorecase: IGNORE_CASE });
}

/**
 * The `ignore` option and `--ignore-pattern` as levels, highest precedence first: consecutive
 * patterns with the same base share a level, and a later level wins over an earlier one.
 */
export function levelsOf(patterns: readonly { readonly pattern: string; readonly base: string }[]): readonly IgnoreLevel[] {
  const levels: { base: string; patterns: string[] }[] = [];
  for (const { pattern, base } of patterns) {
    const abs = path.resolve(base);
    const last = levels.at(-1);
    if (last?.base === abs) last.patterns.push(pattern);
    else levels.push({ base: abs, patterns: [pattern] });
  }
  return levels.reverse().map((l) => {
    const level = rules().add(l.patterns);
    linearize(level);
    return { base: l.base, rules: level };
  });
}

/**
 * The `.gitignore` files of one repository (or, outside one, of the root and below) as a single
 * rule set relative to its top, each file's patterns rewritten to apply below its own directory.
 * One set, because git decides a path with every file that applies at once: a deeper file
 * overrides the ones above it (its rules come later), and a path inside an excluded directory is
 * excluded whatever a rule says of the path itself — also across files, which separate matchers,
 * one per file, each looking at the parent directories on its own, get wrong.
 */
export class Gitignores {
  readonly top: string;
  /** Made with the first rule: most runs find no .gitignore, and the matcher costs each path a few allocations. */
  private rules: Ignore | undefined;
  private readonly loaded = new Set<string>();

  constructor(root: string) {
    const repository = topOfRepository(root);
    this.top = repository?.top ?? root;
    // Lowest precedence: before any .gitignore.
    const exclude = repository?.gitDir ? readRegularFile(path.join(repository.gitDir, 'info', 'exclude')) : undefined;
    if (exclude !== undefined) this.add(lines(exclude));
  }

  /** Adds `dir/.gitignore`, once; a directory's file must come after those of the directories above it. */
  load(dir: string): void {
    if (this.loaded.has(dir)) return;
    this.loaded.add(dir);
    const rel = relativeInside(this.top, dir);
    const text = rel === undefined ? undefined : readRegularFile(path.join(dir, '.gitignore'));
    if (rel !== undefined && text !== undefined) this.add(rel === '' ? lines(text) : lines(text).map((line) => rebase(line, rel)));
  }

  private add(patterns: readonly string[]): void {
    (this.rules ??= rules()).add(patterns);
    linearize(this.rules);
  }

  /** Adds the `.gitignore` files from the top down to `dir`, inclusive. */
  loadDownTo(dir: string): void {
    const rel = relativeInside(this.top, dir);
    if (rel === undefined) return;
    let d = this.top;
    this.load(d);
    for (const name of rel === '' ? [] : rel.split('/')) {
      d = path.join(d, name);
      this.load(d);
    }
  }

  /** Whether git ignores the path, with what has been loaded for the directories above it. */
  ignores(abs: string, isDir: boolean): boolean {
    if (!this.rules) return false;
    const rel = relativeInside(this.top, abs);
    if (rel === undefined || rel === '') return false;
    return this.rules.test(isDir ? `${rel}/` : rel).ignored;
  }
}

/**
 * Whether a path is ignored. The `ignore` option and `--ignore-pattern` come before every
 * `.gitignore`, so they can also re-include what one leaves out.
 */
export function isIgnored(extras: readonly IgnoreLevel[], gitignores: Gitignores, abs: string, isDir: boolean): boolean {
  for (const level of extras) {
    const rel = relativeInside(level.base, abs);
    if (rel === undefined || rel === '') continue;
    const verdict = level.rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return gitignores.ignores(abs, isDir);
}

/** Lines as git splits a .gitignore: a BOM dropped, one CR before each LF dropped. */
function lines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * A pattern of `dir/.gitignore` (`dir` relative to the top) rewritten relative to the top, as
 * gitignore(5) reads it: with a slash before its end it is anchored to `dir`, without one it
 * matches at any depth below `dir`. Comments, blank lines and empty patterns stay as they are.
 */
function rebase(line: string, dir: string): string {
  if (line === '' || line.startsWith('#')) return line;
  const negative = line.startsWith('!');
  const body = negative ? line.slice(1) : line;
  const core = withoutTrailingSpaces(body).replace(/\/$/, '');
  if (core === '') return line;
  const prefix = dir.replace(/[\\*?[\]]/g, '\\$&').replace(/^[!#]/, '\\$&');
  const rebased = core.includes('/') ? `${prefix}/${body.replace(/^\//, '')}` : `${prefix}/**/${body}`;
  return negative ? `!${rebased}` : rebased;
}

/** Trailing spaces go unless escaped with a backslash (`foo\ ` keeps one). */
function withoutTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ' ') {
    let backslashes = 0;
    while (s[end - 2 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return s.slice(0, end);
}

/**
 * Git reads a .gitignore only as a regular file: it does not follow a linked one (which could
 * lead out of the project), and a FIFO would block the walk.
 */
function readRegularFile(file: string): string | undefined {
  try {
    return lstatSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The top of the repository `dir` is in (the nearest directory with a `.git`), and its git directory if `.git` is one. */
function topOfRepository(dir: string): { top: string; gitDir: string | undefined } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      const git = lstatSync(path.join(d, '.git'));
      return { top: d, gitDir: git.isDirectory() ? path.join(d, '.git') : undefined };
    } catch {
      // not here: one level up
    }
    if (path.dirname(d) === d) return undefined;
  }
}
