import { unreadableFile, type Diagnostic } from '../kernel/diagnostic.js';
import type { Plain } from '../kernel/value.js';
import { parseJson, type JsonDocument } from '../syntax/json/parse.js';
import { peekJson, type PeekedValue } from '../syntax/json/peek.js';
import type { Parser, Workspace } from './source-kind.js';

/** JSON with comments, as ARM templates, parameter files and plans are read: one parse for all of them. */
export const JSON_PARSER: Parser<JsonDocument> = { id: 'json', parse: (text, file) => parseJson(text, file), lines: (doc) => doc.lines };

/**
 * The value at `path` in a JSON file, read from its text without parsing it (`peekJson`): `null`
 * when absent, `undefined` when only the full parse can tell or the file cannot be read.
 */
export function peekJsonFile(file: string, path: readonly string[], ws: Workspace): PeekedValue | null | undefined {
  const text = ws.text(file);
  return text === undefined ? undefined : peekJson(text, path);
}

/** A JSON file that cannot be read or has a syntax error: one fatal diagnostic at the first error. */
export function jsonFileProblem(file: string, ws: Workspace): Diagnostic | undefined {
  const doc = ws.parsed(JSON_PARSER, file);
  if (!doc) return unreadableFile(file, ws.readError(file) ?? 'unknown error');
  const first = doc.errors[0];
  return first ? { ...first, subject: { ...first.subject, file }, summary: `Parsing error: ${first.summary}` } : undefined;
}

/** A value as JSON text, each string written by `escape` so that it reads back as itself. */
export function printJsonLiteral(value: Plain, escape: (s: string) => string = (s) => s): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? escape(v) : v));
}
