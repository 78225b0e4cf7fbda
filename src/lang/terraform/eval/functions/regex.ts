import { createRequire } from 'node:module';
import type { RE2JS, RE2JSException } from 're2js';
import { arr, nul, obj, str, type Origin, type Val } from '../../../../kernel/value.js';
import { limitVal, mergeOrigins } from '../../../../kernel/value-ops.js';
import { fail, LIMITS } from '../support.js';
import { expandTemplate, parseTemplate } from './regex-template.js';
import type { CallContext } from './types.js';

/*
 * Terraform's regex, regexall and replace("/…/") use Go's regexp: RE2 syntax and leftmost-first
 * matching in time linear in the input. re2js ports that engine (Go's parser and its errors, Go's
 * FindAll rules for empty matches), so a pattern means here what it means to Terraform and no
 * pattern can backtrack. Its match positions are UTF-16 offsets, so they slice JavaScript strings.
 */

type Re2js = typeof import('re2js');
let loaded: Re2js | undefined;

/**
 * re2js, loaded on first use: loading it takes about 20 ms, which every run and every worker
 * thread would pay, most of them never calling a Terraform regular expression function.
 */
function re2js(): Re2js {
  return (loaded ??= createRequire(import.meta.url)('re2js') as Re2js);
}

/**
 * Longest pattern compiled. Compiling is linear but heavy (up to ~50 µs a character for Unicode
 * classes under `(?i)`); this keeps one compile under about a second. Real patterns are far shorter.
 */
const MAX_PATTERN = 32 * 1024;

/**
 * Work one call may do, counted as characters the engine reads times the program's instructions
 * (a read steps each instruction at most once, so this bounds every engine re2js picks), plus the
 * characters a native literal scan passes over. Matching is linear per search, but regexall and
 * replace restart the search after each match, and a pattern such as `a*b|a` rescans the rest of
 * the input every time (quadratic, as in Go).
 */
const MATCH_WORK = 25_000_000;

/**
 * Patterns kept across calls, so that a pattern in a `for` is compiled once (rejected ones too:
 * rejecting a large pattern can take as long as compiling it). Bounded by instructions plus
 * pattern characters, not by count.
 */
const CACHE_WEIGHT = 1 << 21;

type Shape = 'string' | 'list' | 'object';

interface Compiled {
  readonly re: RE2JS;
  /** Capture group names by index; index 0 is the whole match. */
  readonly names: readonly (string | undefined)[];
  readonly byName: ReadonlyMap<string, number>;
  readonly shape: Shape;
}

/** Why Terraform rejects the pattern. */
interface Rejected {
  readonly error: string;
}

/** Match positions in Go's layout: start and end of the match, then of each group (-1 if it took no part). */
type Spans = readonly number[];

const cache = new Map<string, { readonly entry: Compiled | Rejected; readonly weight: number }>();
let cachedWeight = 0;

/** A reason the linter does not evaluate the call (a limit of its own, not a Terraform error). */
class NotEvaluated {
  constructor(readonly reason: string) {}
}

function compile(pattern: string): Compiled | NotEvaluated {
  if (pattern.length > MAX_PATTERN) return new NotEvaluated(`a regular expression longer than ${MAX_PATTERN} characters is not evaluated`);
  const entry = cache.get(pattern)?.entry ?? remember(pattern, compileAnew(pattern));
  return 'error' in entry ? fail(entry.error) : entry;
}

function compileAnew(pattern: string): Compiled | Rejected {
  let re: RE2JS;
  try {
    re = re2js().RE2JS.compile(pattern);
  } catch (e) {
    if (e instanceof re2js().RE2JSException) return { error: syntaxMessage(pattern, e) };
    throw e;
  }
  const names: (string | undefined)[] = new Array<string | undefined>(re.groupCount() + 1).fill(undefined);
  const byName = new Map<string, number>();
  for (const [name, index] of Object.entries(re.namedGroups())) {
    names[index] = name;
    byName.set(name, index);
  }
  const unnamed = names.length - 1 - byName.size;
  if (unnamed > 0 && byName.size > 0) return { error: 'invalid regexp pattern: cannot mix both named and unnamed capture groups' };
  return { re, names, byName, shape: byName.size > 0 ? 'object' : unnamed > 0 ? 'list' : 'string' };
}

function remember(pattern: string, entry: Compiled | Rejected): Compiled | Rejected {
  const weight = pattern.length + ('re' in entry ? entry.re.programSize() : 0);
  cache.set(pattern, { entry, weight });
  cachedWeight += weight;
  for (const [key, old] of cache) {
    if (cachedWeight <= CACHE_WEIGHT) break;
    cache.delete(key);
    cachedWeight -= old.weight;
  }
  return entry;
}

function forget(pattern: string, compiled: Compiled): void {
  const kept = cache.get(pattern);
  if (kept?.entry !== compiled) return;
  cache.delete(pattern);
  cachedWeight -= kept.weight;
}

/** Errors about the pattern as a whole: Go quotes all of it, so there is no place to point at. */
const WHOLE_PATTERN_ERRORS = new Set(['missing closing )', 'unexpected )', 'expression too large', 'expression nests too deeply']);

/** Go's wording, where in the pattern, and why RE2 has no such construct when that is the cause. */
function syntaxMessage(pattern: string, e: RE2JSException): string {
  if (!(e instanceof re2js().RE2JSSyntaxException)) return `invalid regexp pattern: ${e.message}`;
  const fragment = e.input ?? '';
  const at = fragment && !WHOLE_PATTERN_ERRORS.has(e.error) ? pattern.indexOf(fragment) : -1;
  const shown = fragment.length > 40 ? `${fragment.slice(0, 40)}…` : fragment;
  return `invalid regexp pattern: ${e.error}${shown ? ` \`${shown}\`` : ''}${at >= 0 ? ` at character ${at + 1} of the pattern` : ''}${hint(fragment)}`;
}

function hint(fragment: string): string {
  const why = ' (Terraform matches with RE2, which runs in linear time';
  if (/^\\[1-9k]/.test(fragment)) return `${why} and has no backreferences)`;
  if (/^\(\?<?[=!]/.test(fragment)) return `${why} and has no lookahead or lookbehind)`;
  if (/^\(\?>|^[*+?}]\+/.test(fragment)) return `${why} and has no atomic groups or possessive repetition)`;
  return '';
}

class WorkExhausted extends Error {}

/**
 * The input as the engine reads it: re2js reads a UTF-16 string through `length`, `charCodeAt`
 * (one call per character step) and `indexOf` (to skip to a literal prefix), so counting what
 * those read counts its work. That is how re2js 2.10 works inside, so the version is pinned; the
 * quadratic cases of test/reliability/terraform-regex.test.ts fail if a new version reads
 * otherwise. A plain object, not a subclass of String: merely defining a String subclass that
 * overrides `charCodeAt` makes every `charCodeAt` in the process about five times slower in V8
 * (the JSON scanner's hot loop included).
 */
class MeteredText {
  private work = 0;
  readonly length: number;

  constructor(
    private readonly text: string,
    /** What one step of the engine costs: it advances every thread of the program by a character. */
    private readonly stepCost: number,
    private readonly allowed: number,
  ) {
    this.length = text.length;
  }

  /** re2js takes a string, or an object that `Object.prototype.toString` calls a String. */
  get [Symbol.toStringTag](): string {
    return 'String';
  }

  charCodeAt(index: number): number {
    if ((this.work += this.stepCost) > this.allowed) throw new WorkExhausted();
    return this.text.charCodeAt(index);
  }

  /** A native scan for a literal: a character costs one unit, whatever the program's size. */
  indexOf(search: string, from = 0): number {
    const at = this.text.indexOf(search, from);
    if ((this.work += (at < 0 ? this.length : at) - from) > this.allowed) throw new WorkExhausted();
    return at;
  }
}

/** Runs a search with the work cap; undefined when the cap was reached. */
function metered<T>(pattern: string, c: Compiled, text: string, search: (input: string) => T): T | undefined {
  // The engine accepts a String object wherever it takes a string; it is typed as one only here.
  const input = new MeteredText(text, Math.max(1, c.re.programSize()), MATCH_WORK) as unknown as string;
  try {
    return search(input);
  } catch (e) {
    if (!(e instanceof WorkExhausted)) throw e;
    // A search stopped half-way may leave the engine's pooled state inconsistent: compile afresh next time.
    forget(pattern, c);
    return undefined;
  }
}

const OVER_BUDGET = 'matching this regular expression against this input is more work than the linter allows for one call';

function first(pattern: string, c: Compiled, text: string): Spans | null | undefined {
  return metered(pattern, c, text, (input) => c.re.re2().findSubmatchIndex(input) as Spans | null);
}

/** All matches, Go's FindAllStringSubmatchIndex; one more than the collection limit at most. */
function all(pattern: string, c: Compiled, text: string): readonly Spans[] | undefined {
  return metered(pattern, c, text, (input) => (c.re.re2().findAllSubmatchIndex(input, LIMITS.collection + 1) as Spans[] | null) ?? []);
}

function matchValue(c: Compiled, text: string, spans: Spans, ctx: CallContext, origins: readonly Origin[]): Val {
  const group = (g: number): Val => {
    const start = spans[2 * g] ?? -1;
    const end = spans[2 * g + 1] ?? -1;
    return start < 0 || end < 0 ? nul(ctx.loc, origins) : str(text.slice(start, end), ctx.loc, origins);
  };
  if (c.shape === 'string') return group(0);
  const indexes = c.names.map((_, g) => g).slice(1);
  if (c.shape === 'list') return arr(indexes.map(group), ctx.loc, origins);
  return obj(
    indexes.map((g) => ({ key: c.names[g]!, value: group(g) })),
    ctx.loc,
    origins,
  );
}

/** `regex(pattern, string)`: the first match; no match is an error, as in Terraform. */
export function regexFirst(pattern: string, text: string, input: Val, ctx: CallContext): Val {
  const c = compile(pattern);
  if (c instanceof NotEvaluated) return limitVal(ctx.loc, c.reason);
  const spans = first(pattern, c, text);
  if (spans === undefined) return limitVal(ctx.loc, OVER_BUDGET);
  if (spans === null) return fail('pattern did not match any part of the given string');
  return matchValue(c, text, spans, ctx, mergeOrigins([input]));
}

/** Every non-overlapping match with its compiled pattern, or why the call stays unknown. */
function everyMatch(pattern: string, text: string, ctx: CallContext): { readonly c: Compiled; readonly matches: readonly Spans[] } | Val {
  const c = compile(pattern);
  if (c instanceof NotEvaluated) return limitVal(ctx.loc, c.reason);
  const matches = all(pattern, c, text);
  if (matches === undefined) return limitVal(ctx.loc, OVER_BUDGET);
  if (matches.length > LIMITS.collection) return limitVal(ctx.loc, `more than ${LIMITS.collection} matches`);
  return { c, matches };
}

/** `regexall(pattern, string)`: every non-overlapping match. */
export function regexAll(pattern: string, text: string, input: Val, ctx: CallContext): Val {
  const found = everyMatch(pattern, text, ctx);
  if ('kind' in found) return found;
  const origins = mergeOrigins([input]);
  return arr(
    found.matches.map((spans) => matchValue(found.c, text, spans, ctx, origins)),
    ctx.loc,
  );
}

/** `replace(string, "/pattern/", replacement)`: Go's ReplaceAllString, with `$1` and `${name}` expanded. */
export function regexReplace(text: string, pattern: string, replacement: string, inputs: readonly Val[], ctx: CallContext): Val {
  const found = everyMatch(pattern, text, ctx);
  if ('kind' in found) return found;
  const out = expandTemplate(text, found.matches, parseTemplate(replacement, found.c.byName), LIMITS.string);
  if (out === undefined) return limitVal(ctx.loc, `replace would build a string longer than ${LIMITS.string} characters`);
  return str(out, ctx.loc, mergeOrigins(inputs));
}
