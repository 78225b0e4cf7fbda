/**
 * Terraform's JSON syntax (`*.tf.json`) mapped onto the native-syntax tree, so the Terraform layer
 * reads one shape. Top-level keys are block types; each type nests as many label levels as it
 * has (`resource` → type → name → body); at any level an array stands for several blocks.
 * String values are templates (`"${var.x}"`), parsed with exact offsets when the JSON string has
 * no backslash escapes, otherwise with offsets clamped to the string.
 *
 * Without the provider schema, JSON cannot say whether `"os_disk": {…}` is a nested block or an
 * object-valued attribute. Inside `resource`, `data` and `provider` bodies an object (or array
 * of objects) becomes a nested block unless its name is a known map attribute such as `tags`;
 * elsewhere only Terraform's own nested blocks (`lifecycle`, `validation`, …) are blocks.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Attribute, Block, BlockLabel, Body, Expression, HclFile, Identifier, ObjectItem, TemplateExpression } from './ast.js';
import { syntaxError, type Diagnostic } from '../../kernel/diagnostic.js';
import { parseTemplateRegion } from './parser.js';
import { findDepthOverflow, MAX_JSON_DEPTH } from '../json/parse.js';

/** Label count of each top-level block type; unknown types have none. */
const TOP_LEVEL_LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, check: 1 };

/** Terraform's own nested blocks, with their label counts. */
const META_BLOCKS: Record<string, number> = {
  lifecycle: 0,
  dynamic: 1,
  content: 0,
  provisioner: 1,
  connection: 0,
  validation: 0,
  precondition: 0,
  postcondition: 0,
  required_providers: 0,
  backend: 1,
  cloud: 0,
  workspaces: 0,
  assert: 0,
};

/** Object-valued attributes of provider resources that must not be taken for nested blocks. */
const MAP_ATTRIBUTES = new Set(['tags', 'metadata', 'labels', 'parameters', 'app_settings', 'settings', 'protected_settings', 'triggers', 'variables']);

const SCHEMA_BODIES = new Set(['resource', 'data', 'provider']);

export function parseTfJson(text: string, file = ''): HclFile {
  return new JsonConverter(text, file).convert();
}

class JsonConverter {
  private readonly errors: Diagnostic[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  convert(): HclFile {
    const parseErrors: ParseError[] = [];
    // jsonc-parser recurses per level: refuse what would exhaust the stack.
    const tooDeep = findDepthOverflow(this.text);
    if (tooDeep !== undefined) {
      this.error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, tooDeep, tooDeep + 1);
      return { type: 'File', body: { type: 'Body', items: [], start: 0, end: this.text.length }, comments: [], errors: this.errors, start: 0, end: this.text.length };
    }
    const root = parseTree(this.text, parseErrors, { disallowComments: true, allowTrailingComma: false });
    // jsonc-parser reports every consequence of a break; the first error is the one to fix.
    const first = parseErrors[0];
    if (first) this.error(`Invalid JSON: ${printParseErrorCode(first.error)}`, first.offset, first.offset + first.length);
    const items: (Attribute | Block)[] = [];
    if (root?.type === 'object') {
      for (const [key, value] of properties(root)) {
        const labels = TOP_LEVEL_LABELS[key.value as string];
        if (key.value === 'locals') {
          for (const body of objects(value)) items.push(this.block(key, [], body, 'locals'));
        } else this.blocks(key, labels ?? 0, value, key.value as string, items);
      }
    } else if (root) {
      this.error('A Terraform JSON file must hold an object', root.offset, root.offset + root.length);
    }
    const body: Body = { type: 'Body', items, start: 0, end: this.text.length };
    this.errors.sort((a, b) => a.subject.start - b.subject.start);
    return { type: 'File', body, comments: [], errors: this.errors, start: 0, end: this.text.length };
  }

  private error(message: string, start: number, end: number): void {
    this.errors.push(syntaxError(this.file, message, start, end));
  }

  /** `type: { label: { label: body | [body…] } }`, with arrays allowed at every level. */
  private blocks(typeKey: JsonNode, labelCount: number, value: JsonNode, context: string, out: (Attribute | Block)[]): void {
    const walk = (node: JsonNode, labels: BlockLabel[]): void => {
      if (labels.length === labelCount) {
        for (const body of objects(node)) out.push(this.block(typeKey, labels, body, context));
        return;
      }
      for (const obj of objects(node)) {
        for (const [key, inner] of properties(obj)) {
          walk(inner, [...labels, { type: 'BlockLabel', value: key.value as string, quoted: true, start: key.offset, end: key.offset + key.length }]);
        }
      }
    };
    walk(value, []);
  }

  private block(typeKey: JsonNode, labels: BlockLabel[], body: JsonNode, context: string): Block {
    const blockType: Identifier = { type: 'Identifier', name: typeKey.value as string, start: typeKey.offset, end: typeKey.offset + typeKey.length };
    return { type: 'Block', blockType, labels, body: this.body(body, context), start: typeKey.offset, end: body.offset + body.length };
  }

  private body(node: JsonNode, context: string): Body {
    const items: (Attribute | Block)[] = [];
    for (const [key, value] of properties(node)) {
      const name = key.value as string;
      const metaLabels = META_BLOCKS[name];
      if (context !== 'locals' && metaLabels !== undefined && objects(value).length > 0) {
        this.blocks(key, metaLabels, value, context, items);
      } else if (SCHEMA_BODIES.has(context) && !MAP_ATTRIBUTES.has(name) && isBlockLike(value)) {
        this.blocks(key, 0, value, context, items);
      } else {
        const nameNode: Identifier = { type: 'Identifier', name, start: key.offset, end: key.offset + key.length };
        const expr = this.expression(value);
        items.push({ type: 'Attribute', name: nameNode, value: expr, start: key.offset, end: expr.end });
      }
    }
    return { type: 'Body', items, start: node.offset, end: node.offset + node.length };
  }

  private expression(node: JsonNode): Expression {
    const start = node.offset;
    const end = node.offset + node.length;
    switch (node.type) {
      case 'string':
        return this.template(node);
      case 'number':
      case 'boolean':
      case 'null':
        return { type: 'Literal', value: node.value as number | boolean | null, raw: this.text.slice(start, end), start, end };
      case 'array':
        return { type: 'Tuple', elements: (node.children ?? []).map((c) => this.expression(c)), start, end };
      case 'object': {
        const items: ObjectItem[] = properties(node).map(([k, v]) => {
          const value = this.expression(v);
          return { type: 'ObjectItem', key: this.template(k), value, start: k.offset, end: value.end };
        });
        return { type: 'Object', items, start, end };
      }
      default:
        return { type: 'Invalid', start, end };
    }
  }

  private template(node: JsonNode): TemplateExpression {
    const start = node.offset;
    const end = node.offset + node.length;
    const value = node.value as string;
    if (!value.includes('${') && !value.includes('%{')) {
      return { type: 'Template', parts: [{ type: 'TemplateLiteral', value: unescapeTemplate(value), start: start + 1, end: end - 1 }], start, end };
    }
    const raw = this.text.slice(start + 1, end - 1);
    if (!raw.includes('\\')) {
      const parsed = parseTemplateRegion(this.text, start + 1, end - 1);
      for (const e of parsed.errors) this.error(e.summary, e.subject.start, e.subject.end);
      return { ...parsed.template, start, end };
    }
    // Escapes make decoded and source offsets differ: parse the decoded text, then place its
    // spans inside the JSON string (shifted, and clamped to the string's end).
    const parsed = parseTemplateRegion(value, 0, value.length);
    for (const e of parsed.errors) this.error(e.summary, start, end);
    return { ...relocate(parsed.template, start + 1, end - 1), start, end };
  }
}

function properties(node: JsonNode): [JsonNode, JsonNode][] {
  const out: [JsonNode, JsonNode][] = [];
  if (node.type !== 'object') return out;
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    // Terraform ignores "//" properties: they are JSON's comments.
    if (k && v && k.value !== '//') out.push([k, v]);
  }
  return out;
}

/** An object, or the objects of an array. */
function objects(node: JsonNode): JsonNode[] {
  if (node.type === 'object') return [node];
  if (node.type === 'array') return (node.children ?? []).filter((c) => c.type === 'object');
  return [];
}

function isBlockLike(node: JsonNode): boolean {
  if (node.type === 'object') return true;
  return node.type === 'array' && (node.children?.length ?? 0) > 0 && node.children!.every((c) => c.type === 'object');
}

/** `$${` and `%%{` stand for literal `${` and `%{` in a template with no sequences. */
function unescapeTemplate(s: string): string {
  return s.includes('$${') || s.includes('%%{') ? s.replaceAll('$${', () => '${').replaceAll('%%{', () => '%{') : s;
}

/** Shifts every span of a parsed tree by `offset`, clamped to `limit`. */
function relocate<N extends object>(node: N, offset: number, limit: number): N {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'start' || k === 'end') && typeof v === 'number') out[k] = Math.min(v + offset, limit);
    else if (Array.isArray(v)) out[k] = v.map((x: unknown) => (x && typeof x === 'object' ? relocate(x, offset, limit) : x));
    else if (v && typeof v === 'object') out[k] = relocate(v, offset, limit);
    else out[k] = v;
  }
  return out as N;
}
