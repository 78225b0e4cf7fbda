/**
 * Hostile regular expressions for Terraform's regex, regexall and replace: patterns that make a
 * backtracking engine take exponential or quadratic time, and patterns or replacements too large
 * to handle. Shared by the test (what each one gives) and `bench/regex-hostile.ts` (how long).
 */

/** A quoted HCL string holding exactly `s`. */
function hcl(s: string): string {
  return JSON.stringify(s).replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);
}

function call(name: string, ...args: string[]): string {
  return `${name}(${args.map(hcl).join(', ')})`;
}

const A = 'a'.repeat(50_000);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `w0|w1|…|w9999`: ten thousand alternatives, about 59,000 characters. */
const WORDS = Array.from({ length: 10_000 }, (_, i) => `w${i}`).join('|');
/** Ten thousand one-letter alternatives, 20,000 characters. */
const LETTER_ALTERNATIVES = Array.from({ length: 10_000 }, (_, i) => LETTERS[i % 26]).join('|');
/** Ten thousand alternatives of `a` and `aa`: the ambiguity that makes `(a|aa)*` exponential. */
const AMBIGUOUS_ALTERNATIVES = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'aa' : 'a')).join('|');

export interface HostileRegex {
  readonly name: string;
  /** A Terraform expression. */
  readonly expr: string;
}

export const HOSTILE_REGEXES: readonly HostileRegex[] = [
  { name: 'regex (a+)+$, 50,000 a then b', expr: call('regex', '(a+)+$', `${A}b`) },
  { name: 'regex ^(a|aa)+$, 50,000 a then !', expr: call('regex', '^(a|aa)+$', `${A}!`) },
  { name: 'regexall (a|aa)*c, 50,000 a', expr: call('regexall', '(a|aa)*c', A) },
  { name: 'replace (a|aa)*c, 50,000 a', expr: call('replace', A, '/(a|aa)*c/', 'x') },
  { name: 'regexall (x+x+)+y, 50,000 x', expr: call('regexall', '(x+x+)+y', 'x'.repeat(50_000)) },
  { name: 'regexall a*b|a, 50,000 a (quadratic restarts)', expr: call('regexall', 'a*b|a', A) },
  { name: 'replace a*b|a, 50,000 a (quadratic restarts)', expr: call('replace', A, '/a*b|a/', 'x') },
  { name: 'regex of 10,000 one-letter alternatives, 50,000 letters', expr: call('regex', `^(?:${LETTER_ALTERNATIVES})+$`, `${LETTERS.repeat(2000)}!`) },
  { name: 'regexall of 10,000 a|aa alternatives then c, 50,000 a', expr: call('regexall', `(?:${AMBIGUOUS_ALTERNATIVES})*c`, A) },
  { name: 'regex of 10,000 words (59,000 characters)', expr: call('regex', `(${WORDS})`, 'w9999') },
  { name: 'regex nested 15,000 groups deep', expr: call('regex', `${'('.repeat(15_000)}a${')'.repeat(15_000)}`, 'a') },
  { name: 'replace expanding $0 a thousand times per match, 10,000 matches', expr: call('replace', 'a'.repeat(10_000), '/./', '$0'.repeat(1000)) },
];
