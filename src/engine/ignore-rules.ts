import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { relativeInside } from '../kernel/project-fs.js';

// Git compares ignore patterns without case only where `git init` sets core.ignoreCase.
const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

/** One set of `.gitignore`-style rules and the directory its paths are relative to. */
export interface IgnoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * Levels in order of precedence, highest first: the first level with a rule for a path decides,
 * and within a level the last matching rule wins, as within one `.gitignore`.
 */
export type IgnoreLevels = readonly IgnoreLevel[];

/**
 * Whether a path is ignored. The `ignore` option and `--ignore-pattern` (`extras`) come before
 * every `.gitignore`, so they can also re-include what one leaves out; among the `.gitignore`
 * files (`chain`, deepest first) a deeper one overrides those above it, as in git.
 */
export function isIgnored(extras: IgnoreLevels, chain: IgnoreLevels, abs: string, isDir: boolean): boolean {
  for (const level of extras.length === 0 ? chain : [...extras, ...chain]) {
    const rel = relativeInside(level.base, abs);
    if (rel === undefined || rel === '') continue;
    const verdict = level.rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

function rules(patterns: string | readonly string[]): Ignore {
  return ignore({ ignorecase: IGNORE_CASE }).add(patterns);
}

/**
 * The rules of `dir/.gitignore`; undefined if there is none, or it is not a regular file (git
 * does not follow a linked one, which could lead out of the project; a FIFO would block).
 */
export function gitignoreRules(dir: string): IgnoreLevel | undefined {
  const text = readRegularFile(path.join(dir, '.gitignore'));
  return text === undefined ? undefined : { base: dir, rules: rules(text) };
}

function readRegularFile(file: string): string | undefined {
  try {
    return lstatSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The top of the git repository `dir` is in (the nearest directory with a `.git`, a directory
 * or a worktree's file) and its `info/exclude`, lowest in precedence; undefined outside one.
 */
export function topOfRepository(dir: string): { top: string; exclude: IgnoreLevels } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    let git;
    try {
      git = lstatSync(path.join(d, '.git'));
    } catch {
      git = undefined;
    }
    if (git !== undefined) {
      const exclude = git.isDirectory() ? readRegularFile(path.join(d, '.git', 'info', 'exclude')) : undefined;
      return { top: d, exclude: exclude === undefined ? [] : [{ base: d, rules: rules(exclude) }] };
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** The extra patterns as levels: consecutive ones with the same base share a level; later ones win. */
export function levelsOf(patterns: readonly { readonly pattern: string; readonly base: string }[]): IgnoreLevels {
  const levels: { base: string; patterns: string[] }[] = [];
  for (const { pattern, base } of patterns) {
    const abs = path.resolve(base);
    const last = levels.at(-1);
    if (last?.base === abs) last.patterns.push(pattern);
    else levels.push({ base: abs, patterns: [pattern] });
  }
  return levels.reverse().map((l) => ({ base: l.base, rules: rules(l.patterns) }));
}
