import fc from 'fast-check';
import type { Project } from './seeds.js';

/** One change to a text: what a bad merge, an editor mid-keystroke or a corrupt download does. */
export type TextMutation =
  | { readonly kind: 'flip'; readonly at: number; readonly char: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly token: string };

const JSON_TOKENS = ['{', '}', '[', ']', ',', ':', '"', '\\', '"[', ']"', 'null', 'true', '-0', '1e999', '0x10', '//', '/*', '*/', '\n', '\r\n', '\u2028', '\ufeff', '\u0000', '"a":', '[[[[', '{"copy":{"name":"c","count":', '"resources":[', "[concat(", "variables('", ')]'];
const HCL_TOKENS = ['{', '}', '[', ']', '(', ')', '"', '${', '%{', '}', '<<EOT\n', '\nEOT\n', '<<-', '=', '==', '?', ':', '=>', '...', '.*', '[*]', '#', '//', '/*', '*/', '\n', '\r\n', '\\', 'for', 'in', 'if', 'endif', 'null', 'var.', 'local.', 'module.', 'each.', 'count.index', 'dynamic "d" {', 'resource "a" "b" {', '\u0000', '\ufeff', 'é'];

const BICEP_TOKENS = ['{', '}', '[', ']', '(', ')', "'", "${", "'''", "$'''", '@', '=', ':', '::', '?', '??', '.?', '[?', '[^', '!', '...', '=>', ',', '|', '\n', '\r\n', '//', '/*', '*/', '#disable-next-line ', 'for ', 'in ', 'if (', 'existing', 'resource r \'a@1\' = ', 'param p ', 'var v = ', 'output o string = ', 'module m \'x.bicep\' = {', 'import * as n from ', 'func f() int => ', 'type t = ', '\\', '\u0000', '\ufeff', '\u2028', 'é'];

const offset = (text: string) => fc.nat({ max: Math.max(0, text.length) });

export function textMutation(text: string, tokens: 'json' | 'hcl' | 'bicep'): fc.Arbitrary<TextMutation> {
  const at = offset(text);
  const len = fc.integer({ min: 1, max: 64 });
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at, char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('delete' as const), at, length: len }),
    fc.record({ kind: fc.constant('duplicate' as const), at, length: len }),
    fc.record({ kind: fc.constant('insert' as const), at, token: fc.constantFrom(...(tokens === 'json' ? JSON_TOKENS : tokens === 'hcl' ? HCL_TOKENS : BICEP_TOKENS)) }),
  );
}

export function applyMutation(text: string, m: TextMutation): string {
  switch (m.kind) {
    case 'flip':
      return text.slice(0, m.at) + m.char + text.slice(m.at + 1);
    case 'truncate':
      return text.slice(0, m.at);
    case 'delete':
      return text.slice(0, m.at) + text.slice(m.at + m.length);
    case 'duplicate':
      return text.slice(0, m.at + m.length) + text.slice(m.at, m.at + m.length) + text.slice(m.at + m.length);
    case 'insert':
      return text.slice(0, m.at) + m.token + text.slice(m.at);
  }
}

/** A project with one of its files changed by up to three mutations. */
export function mutatedProject(seeds: readonly Project[], tokens: 'json' | 'hcl' | 'bicep'): fc.Arbitrary<Project> {
  return fc
    .constantFrom(...seeds)
    .chain((project) => fc.tuple(fc.constant(project), fc.constantFrom(...Object.keys(project))))
    .chain(([project, file]) =>
      fc.array(textMutation(project[file]!, tokens), { minLength: 1, maxLength: 3 }).map((ms) => ({ ...project, [file]: ms.reduce(applyMutation, project[file]!) })),
    );
}

/** Replaces the `index`-th match of `pattern` (whose group 1 is the value) with `replacement`. */
export function replaceNth(text: string, pattern: RegExp, index: number, replacement: string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = matches[index % matches.length]!;
  const start = m.index! + m[0].indexOf(m[1]!);
  return text.slice(0, start) + replacement + text.slice(start + m[1]!.length);
}
