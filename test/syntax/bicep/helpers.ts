import type { Node, Program } from '../../../src/syntax/bicep/ast.js';
import { parseBicep, type BicepParseResult } from '../../../src/syntax/bicep/index.js';
import { walk } from '../../../src/syntax/bicep/parser.js';

export function parse(text: string, params = false): BicepParseResult {
  return parseBicep(text, { params });
}

/** `line:column CODE` of every diagnostic. */
export function errors(text: string, params = false): string[] {
  const r = parse(text, params);
  return r.diagnostics.map((d) => {
    const { line, column } = r.lines.position(d.subject.start);
    return `${line}:${column} ${d.code}`;
  });
}

/** The statements of a file as `Type name`, skipped text as `~`. */
export function outline(program: Program): string[] {
  return program.body.map((s) => {
    if (s.type === 'SkippedTrivia') return '~';
    const name = 'name' in s && s.name && typeof s.name === 'object' && 'name' in s.name ? ` ${s.name.name}` : '';
    return `${s.type}${name}`;
  });
}

export function nodes<T extends Node['type']>(root: Node, type: T): Extract<Node, { type: T }>[] {
  const out: Node[] = [];
  walk(root, (n) => {
    if (n.type === type) out.push(n);
  });
  return out as Extract<Node, { type: T }>[];
}

export function first<T extends Node['type']>(root: Node, type: T): Extract<Node, { type: T }> {
  const found = nodes(root, type)[0];
  if (!found) throw new Error(`no ${type}`);
  return found;
}

export function textOf(text: string, node: Node): string {
  return text.slice(node.range[0], node.range[1]);
}
