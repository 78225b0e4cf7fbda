/**
 * File names and template values reach the output verbatim: a VM named with an ANSI escape can
 * repaint a terminal, a bidi override can make a line read differently from what it says, a
 * newline can forge a line, and a CI runner executes logging commands it finds in the log
 * (Azure Pipelines: `##vso[` anywhere in a line; GitHub Actions: a line starting with `::`, and
 * the older `##[` form). Everything here keeps such text visible but inert.
 */

// C0 and C1 controls, DEL, the bidi embeddings, overrides, isolates and marks, and the Unicode
// line and paragraph separators (some terminals and editors break lines on them).
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Controls, bidi formatting and line breaks written as visible escapes (`\x1b`, `\u202e`, `\n`). */
export function printable(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

// The runners match the command prefixes without regard to case.
const COMMAND_PREFIX = /##(vso)?\[/gi;
const LEADING_WORKFLOW_COMMAND = /^(\s*)::/;

/**
 * `printable`, and no CI logging command can start inside it: `##vso[` and `##[` become
 * `##vso\[` and `##\[`, and a leading `::` becomes `\::` (the text may start a line).
 */
export function inert(s: string): string {
  return printable(s).replace(COMMAND_PREFIX, (m) => `${m.slice(0, -1)}\\[`).replace(LEADING_WORKFLOW_COMMAND, '$1\\::');
}

/**
 * `inert` line by line, for formats with their own way of writing a line break inside one
 * entry (a CI command's `%0A`, a Markdown cell's `<br>`).
 */
export function inertLines(s: string): string[] {
  return s.split(/\r\n|\r|\n/).map(inert);
}

/** `inertLines` joined by `\n`, for a format that escapes line breaks itself. */
export function inertKeepingBreaks(s: string): string {
  return inertLines(s).join('\n');
}

const JSON_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * `JSON.stringify` output made inert without changing the value it parses to: it already
 * escapes C0 controls; the rest are written as `\uXXXX`, and the `[` of a command prefix too
 * (`##` occurs only inside strings, where `\u005b` reads back as `[`).
 */
export function inertJson(text: string): string {
  return text
    .replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(COMMAND_PREFIX, (m) => `${m.slice(0, -1)}\\u005b`);
}
