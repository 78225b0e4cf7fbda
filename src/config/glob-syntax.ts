/** Longest glob accepted: a pattern is a path, and a matcher's work grows with its length. */
export const MAX_GLOB_LENGTH = 1024;
/** `{a,{b,{c,…}}}` expands multiplicatively; real globs nest braces once or twice. */
const MAX_BRACE_DEPTH = 8;

export interface GlobProblem {
  readonly message: string;
  /** Character index in the pattern. */
  readonly index: number;
}

/**
 * What makes a glob (an `ignore` or `paramFiles` pattern, `--ignore-pattern`) unusable, whichever
 * matcher reads it later: unbalanced brackets or braces, runaway nesting or length, control
 * characters. Undefined when the pattern is well formed.
 */
export function checkGlob(pattern: string): GlobProblem | undefined {
  if (pattern === '') return { message: 'empty pattern', index: 0 };
  if (pattern.length > MAX_GLOB_LENGTH) return { message: `pattern longer than ${MAX_GLOB_LENGTH} characters`, index: MAX_GLOB_LENGTH };
  const braces: number[] = [];
  let bracket = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c.charCodeAt(0) < 0x20 || c === '\x7f') return { message: 'control character in pattern', index: i };
    if (c === '\\') {
      if (i === pattern.length - 1) return { message: "lone '\\' at the end of the pattern", index: i };
      i++;
    } else if (bracket >= 0) {
      if (c === ']' && i > bracket + 1) bracket = -1;
    } else if (c === '[') {
      bracket = i;
    } else if (c === '{') {
      braces.push(i);
      if (braces.length > MAX_BRACE_DEPTH) return { message: `braces nested more than ${MAX_BRACE_DEPTH} deep`, index: i };
    } else if (c === '}') {
      // A '}' without a '{' is a literal character to every matcher.
      braces.pop();
    }
  }
  if (bracket >= 0) return { message: "'[' without its ']'", index: bracket };
  const open = braces.at(-1);
  if (open !== undefined) return { message: "'{' without its '}'", index: open };
  return undefined;
}
