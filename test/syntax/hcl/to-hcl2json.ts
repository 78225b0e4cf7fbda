/**
 * Renders our HCL tree in the JSON shape `@cdktn/hcl2json` produces (tmccombs/hcl2json's
 * `convert` package, non-simplified mode), so the two parsers can be compared value for value:
 * - a block becomes `type → label → … → [body, body…]`; attributes are set after the blocks;
 * - literals, tuples, objects and unary operators on literals become JSON values;
 * - templates are re-rendered (`${…}` for expressions, `%{if c}…%{else}…%{endif}`, literal `${`
 *   escaped as `$${`); a template that is a single interpolation is unwrapped;
 * - every other expression becomes `"${<its exact source text>}"`.
 */
import type { Block, Body, Expression, HclFile, TemplateExpression, TemplatePart } from '../../../src/syntax/hcl/ast.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function set(obj: JsonObject, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function has(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function toHcl2Json(file: HclFile, text: string): JsonObject {
  return new Converter(text).body(file.body);
}

class Converter {
  constructor(private readonly text: string) {}

  body(body: Body): JsonObject {
    const out: JsonObject = {};
    for (const item of body.items) if (item.type === 'Block') this.block(item, out);
    for (const item of body.items) if (item.type === 'Attribute') set(out, item.name.name, this.expression(item.value));
    return out;
  }

  private block(block: Block, root: JsonObject): void {
    let out = root;
    let key = block.blockType.name;
    for (const label of block.labels) {
      if (has(out, key)) {
        const inner = out[key];
        if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) throw new Error(`Unable to convert block ${block.blockType.name}`);
        out = inner;
      } else {
        const inner: JsonObject = {};
        set(out, key, inner);
        out = inner;
      }
      key = label.value;
    }
    const value = this.body(block.body);
    if (has(out, key)) {
      const current = out[key];
      if (!Array.isArray(current)) throw new Error(`cannot have "${key}" blocks with and without labels`);
      current.push(value);
    } else set(out, key, [value]);
  }

  /** hcl2json's source slice, including its quirk of taking one following ")" along. */
  private source(e: { start: number; end: number }): string {
    const end = this.text.charCodeAt(e.end) === 41 ? e.end + 1 : e.end;
    return this.text.slice(e.start, end);
  }

  private wrap(e: Expression): string {
    return '${' + this.source(e) + '}';
  }

  expression(e: Expression): Json {
    switch (e.type) {
      case 'Literal':
        return e.value;
      case 'Unary':
        if (e.operand.type !== 'Literal') return this.wrap(e);
        if (e.operator === '-' && typeof e.operand.value === 'number') return -e.operand.value;
        if (e.operator === '!' && typeof e.operand.value === 'boolean') return !e.operand.value;
        throw new Error(`invalid operand for ${e.operator}`);
      case 'Template': {
        const only = e.parts.length === 1 ? e.parts[0]! : undefined;
        if (only?.type === 'TemplateInterpolation') return this.expression(only.expression);
        return this.template(e);
      }
      case 'Tuple':
        return e.elements.map((x) => this.expression(x));
      case 'Object': {
        const out: JsonObject = {};
        for (const item of e.items) set(out, this.key(item.key), this.expression(item.value));
        return out;
      }
      default:
        return this.wrap(e);
    }
  }

  private template(t: TemplateExpression): string {
    return this.parts(t.parts);
  }

  private parts(parts: readonly TemplatePart[]): string {
    let s = '';
    for (const p of parts) s += this.part(p);
    return s;
  }

  private part(p: TemplatePart): string {
    switch (p.type) {
      case 'TemplateLiteral':
        return escapeLiteral(p.value);
      case 'TemplateInterpolation':
        return this.stringPart(p.expression);
      case 'TemplateIf': {
        const otherwise = p.else ? this.parts(p.else) : '';
        return `%{if ${this.source(p.condition)}}${this.parts(p.then)}${otherwise ? '%{else}' + otherwise : ''}%{endif}`;
      }
      case 'TemplateFor': {
        const vars = p.keyVar !== undefined ? `${p.keyVar}, ${p.valueVar}` : p.valueVar;
        return `%{for ${vars} in ${this.source(p.collection)}}${this.parts(p.body)}%{endfor}`;
      }
    }
  }

  /** An expression inside a template, rendered as text. */
  private stringPart(e: Expression): string {
    switch (e.type) {
      case 'Literal':
        return e.value === null ? 'null' : escapeLiteral(String(e.value));
      case 'Template': {
        const only = e.parts.length === 1 ? e.parts[0]! : undefined;
        if (only?.type === 'TemplateInterpolation') return this.stringPart(only.expression);
        return this.template(e);
      }
      case 'Conditional': {
        const otherwise = this.stringPart(e.else);
        return `%{if ${this.source(e.condition)}}${this.stringPart(e.then)}${otherwise ? '%{else}' + otherwise : ''}%{endif}`;
      }
      default:
        return this.wrap(e);
    }
  }

  /** Object keys: a plain traversal is taken literally, anything else renders as a template part. */
  private key(k: Expression): string {
    return isStaticTraversal(k) ? this.source(k) : this.stringPart(k);
  }
}

function isStaticTraversal(e: Expression): boolean {
  for (;;) {
    if (e.type === 'Variable') return true;
    if (e.type === 'GetAttr') e = e.object;
    else if (e.type === 'Index' && (e.key.type === 'Literal' || (e.key.type === 'Template' && e.key.parts.length === 1 && e.key.parts[0]!.type === 'TemplateLiteral'))) e = e.object;
    else return false;
  }
}

function escapeLiteral(s: string): string {
  return s.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
}
