import type { File, Language, OkParseResult, ParseResult } from '@eslint/core';
import type { LineIndex } from '../kernel/location.js';
import { parseJson, type JsonDocument, type JsonNode } from '../syntax/json/parse.js';
import { jsonComments } from '../syntax/json/scan.js';
import { ParseCache } from './parse-cache.js';
import { AzureSourceCode, commentNode, LANGUAGE_BASE, type CommentNode, type VisitorKeys } from './source-code.js';

/** Root of a JSON file: jsonc-parser's tree (`object`, `property`, `string`… nodes) under `body`. */
export interface JsonRoot {
  readonly type: 'Document';
  readonly start: number;
  readonly end: number;
  readonly body: JsonNode | undefined;
  /** Kept so the engine reuses this parse instead of parsing the buffer again. */
  readonly document: JsonDocument;
}

export const JSON_VISITOR_KEYS: VisitorKeys = {
  Document: ['body'],
  object: ['children'],
  array: ['children'],
  property: ['children'],
  string: [],
  number: [],
  boolean: [],
  null: [],
};

/** Parses JSONC (comments, trailing commas); the first syntax error is ESLint's "Parsing error". */
export function parseJsonFile(text: string): ParseResult<JsonRoot> {
  const document = parseJson(text);
  const first = document.errors[0];
  if (first) return { ok: false, errors: [{ message: first.summary, ...document.lines.position(first.subject.start) }] };
  return { ok: true, ast: { type: 'Document', start: 0, end: text.length, body: document.root, document } };
}

export class JsonSourceCode extends AzureSourceCode<JsonRoot> {
  private scanned: CommentNode[] | undefined;

  constructor(text: string, ast: JsonRoot) {
    super(text, ast, () => ast.document.lines, JSON_VISITOR_KEYS);
  }

  get comments(): readonly CommentNode[] {
    this.scanned ??= scanJsonComments(this.text, this.lineIndex);
    return this.scanned;
  }
}

/** Comments as ESLint's directive machinery reads them; jsonc-parser's tree does not keep them. */
function scanJsonComments(text: string, lines: LineIndex): CommentNode[] {
  return jsonComments(text).map((c) => commentNode(c.kind === 'line' ? 'LineComment' : 'BlockComment', c.value, c.start, c.end, lines));
}

/** Characters of source whose parses are kept: a few files of an editor session, one huge file alone. */
const parses = new ParseCache<ParseResult<JsonRoot>>(8_000_000);

type JsonLanguageTypes = { LangOptions: Record<string, unknown>; Code: JsonSourceCode; RootNode: JsonRoot; Node: object };

/** `azure-backup/arm`: ARM templates, Bicep-compiled JSON and their parameter files (JSONC). */
export const armLanguage: Language<JsonLanguageTypes> = {
  ...LANGUAGE_BASE,
  visitorKeys: JSON_VISITOR_KEYS as Record<string, string[]>,
  parse(file: File): ParseResult<JsonRoot> {
    const text = String(file.body);
    return parses.get(file.path, text, () => parseJsonFile(text));
  },
  createSourceCode(file: File, result: OkParseResult<JsonRoot>): JsonSourceCode {
    return new JsonSourceCode(String(file.body), result.ast);
  },
};
