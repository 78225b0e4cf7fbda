import { createScanner, SyntaxKind, type Node } from 'jsonc-parser';

/** Deeper than any sensible config (rule options included), shallow enough for any stack. */
export const MAX_CONFIG_DEPTH = 32;

/** Keys that would reach an object's prototype when the config is turned into plain objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where brackets nest deeper than MAX_CONFIG_DEPTH, found by scanning tokens (no recursion). */
export function checkNesting(text: string): { readonly offset: number; readonly message: string } | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_CONFIG_DEPTH) return { offset: scanner.getTokenOffset(), message: `nested more than ${MAX_CONFIG_DEPTH} levels deep` };
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The first `__proto__`, `constructor` or `prototype` key anywhere in the tree, with its path. */
export function forbiddenKey(root: Node): { readonly key: string; readonly path: (string | number)[] } | undefined {
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    const children = node.children ?? [];
    if (node.type === 'object') {
      for (const property of children) {
        const [keyNode, value] = property.children ?? [];
        const key = keyNode?.value;
        if (typeof key !== 'string') continue;
        if (FORBIDDEN_KEYS.has(key)) return { key, path: [...path, key] };
        if (value) stack.push({ node: value, path: [...path, key] });
      }
    } else if (node.type === 'array') {
      children.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
    }
  }
  return undefined;
}
