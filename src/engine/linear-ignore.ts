import { createRequire } from 'node:module';
import type { Ignore } from 'ignore';
import type { RE2JS } from 're2js';

/**
 * A `**` between two segments as the ignore package compiles it. JavaScript's backtracking
 * engine tries every way to split a path among such runs: a rule with two of them (`a/**` in a
 * nested .gitignore becomes `sub/a/**`, `**\/x/**\/y` has two) took seconds on a path some hundreds
 * of directories deep, and grows with the power of the runs.
 */
const INNER_GLOBSTAR = '(?:\\/[^\\/]+)*';
/** What every rule ends with: "here, or here as a directory". At the end, matching it is the same. */
const END_CHECK = /\(\?=\$\|\\\/\$\)$/;
/** A `*` the package keeps from running past the next literal (its fix for star chains); plain in RE2. */
const PINNED_STAR = /\(\?:\(\?!(?:[^()\\]|\\.)+\)\[\^\\\/\]\)\*/g;

interface Rule {
  readonly regex: RegExp;
  readonly checkRegex: RegExp;
}

type Re2js = typeof import('re2js');
let loaded: Re2js | undefined;

/**
 * Makes the rules just added to `ig` that hold a `**` between segments match in linear time,
 * with RE2 (re2js) running the regular expression the package made for them. The package keeps
 * a rule's compiled expression in an own property, made on first use; it is set here first.
 * Rules of another shape, and any other version of the package, keep the package's own matching.
 */
export function linearize(ig: Ignore): void {
  const rules = (ig as unknown as { _rules?: { _rules?: unknown } })._rules?._rules;
  if (!Array.isArray(rules)) return;
  for (const rule of rules as Rule[]) {
    for (const mode of ['regex', 'checkRegex'] as const) {
      const slot = `_${mode}`;
      if (Object.hasOwn(rule, slot)) continue;
      // Compiled on a stand-in, so that the rule's own slot stays free for the linear one.
      const js = (Object.create(rule) as Rule)[mode];
      if (!(js instanceof RegExp) || !js.source.includes(INNER_GLOBSTAR)) continue;
      const linear = toLinear(js);
      if (linear) Object.defineProperty(rule, slot, { value: linear });
    }
  }
}

function toLinear(js: RegExp): { test(path: string): boolean } | undefined {
  const source = js.source.replace(END_CHECK, '(?:$|\\/$)').replace(PINNED_STAR, '[^\\/]*');
  if (/\(\?[=!<]/.test(source)) return undefined;
  loaded ??= createRequire(import.meta.url)('re2js') as Re2js;
  let re: RE2JS;
  try {
    re = loaded.RE2JS.compile(source, js.flags.includes('i') ? loaded.RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    return undefined;
  }
  return { test: (path) => re.matcher(path).find() };
}
