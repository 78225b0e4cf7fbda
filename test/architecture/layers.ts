import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The layers of docs/architecture.md, lowest first. A file belongs to the first layer whose
 * prefix it starts with; each layer lists the layers it may import (besides itself).
 */
export const LAYERS: readonly { readonly name: string; readonly prefixes: readonly string[]; readonly mayImport: readonly string[] }[] = [
  { name: 'kernel', prefixes: ['src/kernel/'], mayImport: [] },
  { name: 'syntax', prefixes: ['src/syntax/'], mayImport: ['kernel'] },
  { name: 'lang', prefixes: ['src/lang/'], mayImport: ['kernel', 'syntax'] },
  { name: 'azure', prefixes: ['src/azure/'], mayImport: ['kernel'] },
  { name: 'rule-api', prefixes: ['rules/api.ts'], mayImport: ['kernel', 'azure'] },
  { name: 'rules', prefixes: ['rules/'], mayImport: ['kernel', 'azure', 'rule-api'] },
  { name: 'source-kind', prefixes: ['src/sources/source-kind.ts'], mayImport: ['kernel', 'azure'] },
  { name: 'sources', prefixes: ['src/sources/'], mayImport: ['kernel', 'syntax', 'lang', 'azure', 'source-kind'] },
  { name: 'engine', prefixes: ['src/engine/'], mayImport: ['kernel', 'azure', 'rule-api', 'source-kind'] },
  { name: 'results', prefixes: ['src/results/'], mayImport: ['kernel', 'azure', 'rule-api', 'engine'] },
  { name: 'faces', prefixes: ['src/'], mayImport: ['kernel', 'syntax', 'lang', 'azure', 'rule-api', 'rules', 'source-kind', 'sources', 'engine', 'results'] },
];

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

export function layerOf(file: string): string {
  const layer = LAYERS.find((l) => l.prefixes.some((p) => file === p || file.startsWith(p)));
  if (!layer) throw new Error(`${file} is in no layer`);
  return layer.name;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(root, rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

// Static imports and re-exports (`… from './x.js'`, across lines), side-effect imports and dynamic
// `import('./x.js')`. The compiler here (TypeScript 7) has no JavaScript API to ask instead.
const SPECIFIER = /(?:\b(?:import|export)\s[^;'"]*?\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)(['"])(\.{1,2}\/[^'"]+)\1/gm;

function relativeSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(SPECIFIER)].map((m) => m[2]!);
}

/** Every relative import (static, type-only, re-export or dynamic) of src/ and rules/, as repository paths. */
export function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of [...sourceFiles(root, 'src'), ...sourceFiles(root, 'rules')]) {
    for (const fileName of relativeSpecifiers(readFileSync(path.join(root, from), 'utf8'))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), fileName)).replace(/\.js$/, '.ts');
      edges.push({ from, to: target });
    }
  }
  return edges;
}

/** Edges the table forbids. */
export function forbiddenEdges(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((e) => {
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    return from !== to && !LAYERS.find((l) => l.name === from)!.mayImport.includes(to);
  });
}

/** The top-level part of a file: `src/<folder>`, a file directly in src/, or `rules`. */
export function partOf(file: string): string {
  const [top, second] = file.split('/');
  return top === 'rules' ? 'rules' : `${top}/${second!.replace(/\.ts$/, '')}`;
}

/** A cycle between top-level parts, as the parts along it, or undefined. */
export function partCycle(edges: readonly ImportEdge[]): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = partOf(e.from);
    const b = partOf(e.to);
    if (a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (part: string): string[] | undefined => {
    if (state.get(part) === 'done') return undefined;
    if (state.get(part) === 'open') return [...stack.slice(stack.indexOf(part)), part];
    state.set(part, 'open');
    stack.push(part);
    for (const n of next.get(part) ?? []) {
      const found = visit(n);
      if (found) return found;
    }
    stack.pop();
    state.set(part, 'done');
    return undefined;
  };
  for (const part of next.keys()) {
    const found = visit(part);
    if (found) return found;
  }
  return undefined;
}
