import type { File, Language, OkParseResult, ParseResult } from '@eslint/core';
import { LineIndex } from '../kernel/location.js';
import { parseHcl, type HclFile } from '../syntax/hcl/index.js';
import { JSON_VISITOR_KEYS, JsonSourceCode, parseJsonFile, type JsonRoot } from './json-language.js';
import { ParseCache } from './parse-cache.js';
import { AzureSourceCode, commentNode, LANGUAGE_BASE, type CommentNode, type VisitorKeys } from './source-code.js';

export const HCL_VISITOR_KEYS: VisitorKeys = {
  File: ['body'],
  Body: ['items'],
  Attribute: ['name', 'value'],
  Block: ['blockType', 'labels', 'body'],
  BlockLabel: [],
  Identifier: [],
  Literal: [],
  Template: ['parts'],
  TemplateLiteral: [],
  TemplateInterpolation: ['expression'],
  TemplateIf: ['condition', 'then', 'else'],
  TemplateFor: ['collection', 'body'],
  Tuple: ['elements'],
  Object: ['items'],
  ObjectItem: ['key', 'value'],
  Variable: [],
  GetAttr: ['object', 'name'],
  Index: ['object', 'key'],
  Splat: ['object', 'each'],
  SplatItem: [],
  FunctionCall: ['name', 'args'],
  For: ['collection', 'keyExpr', 'valueExpr', 'condition'],
  Conditional: ['condition', 'then', 'else'],
  Binary: ['left', 'right'],
  Unary: ['operand'],
  Parentheses: ['expression'],
  Invalid: [],
};

export class HclSourceCode extends AzureSourceCode<HclFile> {
  private mapped: CommentNode[] | undefined;

  constructor(text: string, ast: HclFile) {
    super(text, ast, () => new LineIndex(text), HCL_VISITOR_KEYS);
  }

  /** `#` and `//` line comments (VS Code's quick fix inserts `//`) and block comments. */
  get comments(): readonly CommentNode[] {
    this.mapped ??= this.ast.comments.map((c) => commentNode(c.style === 'block' ? 'BlockComment' : 'LineComment', c.value, c.start, c.end, this.lineIndex));
    return this.mapped;
  }
}

/** Terraform's JSON syntax (`*.tf.json`, `*.tfvars.json`) is linted as JSON under the same language. */
function isJsonSyntax(path: string): boolean {
  return /\.json$/i.test(path);
}

/** Characters of source whose parses are kept: a few files of an editor session, one huge file alone. */
const parses = new ParseCache<ParseResult<HclFile | JsonRoot>>(8_000_000);

type HclLanguageTypes = { LangOptions: Record<string, unknown>; Code: HclSourceCode | JsonSourceCode; RootNode: HclFile | JsonRoot; Node: object };

/** `azure-backup/hcl`: Terraform `.tf`, `.tfvars` and their JSON forms. */
export const hclLanguage: Language<HclLanguageTypes> = {
  ...LANGUAGE_BASE,
  visitorKeys: { ...HCL_VISITOR_KEYS, ...JSON_VISITOR_KEYS } as Record<string, string[]>,
  parse(file: File): ParseResult<HclFile | JsonRoot> {
    const text = String(file.body);
    return parses.get(file.path, text, () => parseTerraformFile(file.path, text));
  },
  createSourceCode(file: File, result: OkParseResult<HclFile | JsonRoot>): HclSourceCode | JsonSourceCode {
    const text = String(file.body);
    return result.ast.type === 'Document' ? new JsonSourceCode(text, result.ast) : new HclSourceCode(text, result.ast);
  },
};

function parseTerraformFile(path: string, text: string): ParseResult<HclFile | JsonRoot> {
  if (isJsonSyntax(path)) return parseJsonFile(text);
  const ast = parseHcl(text);
  const first = ast.errors[0];
  // One message per file, like JSON: the first break is the one worth fixing.
  if (first) return { ok: false, errors: [{ message: first.summary, ...new LineIndex(text).position(first.subject.start) }] };
  return { ok: true, ast };
}
