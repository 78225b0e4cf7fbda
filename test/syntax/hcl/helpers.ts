import assert from 'node:assert/strict';
import type { Attribute, Block, Expression, HclFile, Span } from '../../../src/syntax/hcl/ast.js';
import { parseHcl } from '../../../src/syntax/hcl/index.js';

/** Parses text that must be valid. */
export function parseOk(text: string): HclFile {
  const file = parseHcl(text);
  assert.deepEqual(file.errors, []);
  return file;
}

/** The value of the top-level attribute `name` (or of `locals { name = … }`). */
export function valueOf(file: HclFile, name: string): Expression {
  for (const item of file.body.items) {
    if (item.type === 'Attribute' && item.name.name === name) return item.value;
    if (item.type === 'Block') for (const inner of item.body.items) if (inner.type === 'Attribute' && inner.name.name === name) return inner.value;
  }
  throw new Error(`no attribute ${name}`);
}

export function attribute(file: HclFile, index: number): Attribute {
  const item = file.body.items[index];
  assert.equal(item?.type, 'Attribute');
  return item as Attribute;
}

export function block(file: HclFile, index: number): Block {
  const item = file.body.items[index];
  assert.equal(item?.type, 'Block');
  return item as Block;
}

export function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** The span of the `nth` occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return { start: at, end: at + needle.length };
}
