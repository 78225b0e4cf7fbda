/**
 * Turns the flat sequence of template items the parser reads (literal chunks, interpolations,
 * directive markers) into the nested TemplatePart tree, applying HCL's rules in HCL's order:
 * strip markers trim the one adjacent literal chunk, `<<-` heredocs lose their common
 * indentation, adjacent literals merge, then `%{if}`/`%{for}` nest. A heredoc's literal chunks are
 * one per line, as in HashiCorp's scanner, because strip markers and indentation removal work on
 * those chunks (so `~}` only eats up to the end of its own line).
 */
import type { Expression, TemplateFor, TemplateIf, TemplateInterpolation, TemplatePart } from './ast.js';
import { isUnicodeSpace, trimLeftSpace, trimRightSpace, type ProblemCallback } from './strings.js';

export type TemplateItem =
  | { kind: 'literal'; value: string; start: number; end: number }
  | { kind: 'interp'; node: TemplateInterpolation; stripLeft: boolean; stripRight: boolean }
  | { kind: 'if'; condition: Expression; start: number; end: number; stripLeft: boolean; stripRight: boolean }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expression; start: number; end: number; stripLeft: boolean; stripRight: boolean }
  | { kind: 'else' | 'endif' | 'endfor'; start: number; end: number; stripLeft: boolean; stripRight: boolean };

type Literal = Extract<TemplateItem, { kind: 'literal' }>;

function applyStripMarkers(items: TemplateItem[]): void {
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 'literal') continue;
    const prev = items[k - 1];
    const next = items[k + 1];
    if (item.stripLeft && prev?.kind === 'literal') prev.value = trimRightSpace(prev.value);
    if (item.stripRight && next?.kind === 'literal') next.value = trimLeftSpace(next.value);
  }
}

/** The `<<-` rule: the smallest indentation of the line-leading chunks is removed from all of them. */
function removeHeredocIndent(items: TemplateItem[]): void {
  let min = Infinity;
  let atLineStart = true;
  const adjust: Literal[] = [];
  for (const item of items) {
    if (atLineStart) {
      atLineStart = false;
      if (item.kind === 'literal') {
        let spaces = 0;
        while (spaces < item.value.length && isUnicodeSpace(item.value.charCodeAt(spaces))) spaces++;
        // A line of only spaces does not count towards the minimum and keeps its spaces.
        const blank = spaces === item.value.length && item.value.endsWith('\n');
        if (!blank) {
          adjust.push(item);
          min = Math.min(min, spaces);
        }
      } else {
        min = 0;
      }
    }
    if (item.kind === 'literal' && item.value.endsWith('\n')) atLineStart = true;
  }
  if (min === 0 || min === Infinity) return;
  for (const lit of adjust) lit.value = lit.value.slice(min);
}

function mergeLiterals(items: TemplateItem[]): TemplateItem[] {
  const out: TemplateItem[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.kind === 'literal' && last?.kind === 'literal') {
      out[out.length - 1] = { kind: 'literal', value: last.value + item.value, start: last.start, end: item.end };
    } else out.push(item.kind === 'literal' ? { ...item } : item);
  }
  return out;
}

interface OpenDirective {
  readonly item: Extract<TemplateItem, { kind: 'if' | 'for' }>;
  then: TemplatePart[];
  else?: TemplatePart[];
}

export function assembleTemplate(raw: TemplateItem[], indentedHeredoc: boolean, emptyAt: number, onProblem: ProblemCallback): TemplatePart[] {
  applyStripMarkers(raw);
  if (indentedHeredoc) removeHeredocIndent(raw);
  const items = mergeLiterals(raw);
  if (items.length === 0) return [{ type: 'TemplateLiteral', value: '', start: emptyAt, end: emptyAt }];

  const root: TemplatePart[] = [];
  const open: OpenDirective[] = [];
  const target = (): TemplatePart[] => {
    const top = open[open.length - 1];
    return top ? (top.else ?? top.then) : root;
  };
  for (const item of items) {
    switch (item.kind) {
      case 'literal':
        target().push({ type: 'TemplateLiteral', value: item.value, start: item.start, end: item.end });
        break;
      case 'interp':
        target().push(item.node);
        break;
      case 'if':
      case 'for':
        open.push({ item, then: [] });
        break;
      case 'else': {
        const top = open[open.length - 1];
        if (top?.item.kind !== 'if' || top.else) {
          onProblem(top?.item.kind === 'if' ? 'Unexpected second %{ else } in the same %{ if }' : 'Unexpected %{ else } without a matching %{ if }', item.start, item.end);
          return root;
        }
        top.else = [];
        break;
      }
      case 'endif':
      case 'endfor': {
        const want = item.kind === 'endif' ? 'if' : 'for';
        const top = open[open.length - 1];
        if (top?.item.kind !== want) {
          const message = top
            ? `Unexpected %{ ${item.kind} }: expected %{ end${top.item.kind} } first`
            : `Unexpected %{ ${item.kind} } without a matching %{ ${want} }`;
          onProblem(message, item.start, item.end);
          return root;
        }
        open.pop();
        target().push(closeDirective(top, item.end));
        break;
      }
    }
  }
  const unclosed = open[open.length - 1];
  if (unclosed) {
    const kind = unclosed.item.kind;
    onProblem(`Missing %{ end${kind} } for this %{ ${kind} } directive`, unclosed.item.start, unclosed.item.end);
  }
  return root;
}

function closeDirective(d: OpenDirective, end: number): TemplateIf | TemplateFor {
  const item = d.item;
  if (item.kind === 'if') {
    const node: TemplateIf = d.else
      ? { type: 'TemplateIf', condition: item.condition, then: d.then, else: d.else, start: item.start, end }
      : { type: 'TemplateIf', condition: item.condition, then: d.then, start: item.start, end };
    return node;
  }
  return item.keyVar === undefined
    ? { type: 'TemplateFor', valueVar: item.valueVar, collection: item.collection, body: d.then, start: item.start, end }
    : { type: 'TemplateFor', keyVar: item.keyVar, valueVar: item.valueVar, collection: item.collection, body: d.then, start: item.start, end };
}
