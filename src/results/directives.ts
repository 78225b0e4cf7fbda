import { createRequire } from 'node:module';
import type { ConfigCommentParser } from '@eslint/plugin-kit';
import type { SourceComment } from '../kernel/comment.js';
import type { LineIndex } from '../kernel/location.js';
import type { LintMessage } from '../engine/lint-message.js';
import { qualifiedRuleId } from '../kernel/meta.js';
import type { SuppressedMessage } from './results.js';

// ESLint's directive comments, applied by the CLI and the API as ESLint applies them in the
// plugin (eslint/lib/linter/apply-disable-directives.js): the same comment suppresses the same
// finding in every face, and `--report-unused-disable-directives` reports the same leftovers.

export type UnusedDirectives = 'off' | 'warn' | 'error';

interface ParentDirective {
  readonly line: number;
  readonly column: number;
  /** Rules the comment names, as written. */
  readonly ruleIds: readonly string[];
}

interface Directive {
  readonly type: 'disable' | 'enable';
  readonly line: number;
  readonly column: number;
  /** null: every rule. */
  readonly ruleId: string | null;
  readonly source: { readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line'; readonly line: number; readonly column: number; readonly justification: string; readonly parent: ParentDirective };
}

/**
 * ESLint's comment parser, loaded when the first file with a directive-like comment is read: its
 * module and the three it requires (levn, type-check, prelude-ls) cost every CLI start a few
 * milliseconds, and most runs hold no such comment.
 */
let loaded: ConfigCommentParser | undefined;
function commentParser(): ConfigCommentParser {
  if (!loaded) {
    const kit = createRequire(import.meta.url)('@eslint/plugin-kit') as typeof import('@eslint/plugin-kit');
    loaded = new kit.ConfigCommentParser();
  }
  return loaded;
}
const LABELS = new Set(['eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line']);

/** What a suppression comment says, whichever syntax it is written in. */
export interface DirectiveText {
  readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids as written (ESLint) or qualified (pragmas); empty: every rule. */
  readonly ruleIds: readonly string[];
  readonly justification: string;
  /** How ESLint names the directive in its messages. */
  readonly label: string;
}

const PRAGMA_TYPES: Readonly<Record<string, DirectiveText['type']>> = {
  'disable-next-line': 'disable-next-line',
  'disable-diagnostics': 'disable',
  'restore-diagnostics': 'enable',
};

/**
 * A Bicep pragma (`disable-next-line no-ultra-ssd // why`, the text after its `#`) as a directive
 * for the rules of this product among its codes; the other codes are Bicep's own. A trailing
 * comment is the justification. Undefined when it names none of our rules: a pragma without
 * codes disables Bicep's diagnostics, not ours.
 */
export function pragmaDirective(value: string, qualify: (code: string) => string | undefined): DirectiveText | undefined {
  const comment = /\/[/*]/.exec(value);
  const words = (comment ? value.slice(0, comment.index) : value).trim().split(/\s+/);
  const type = PRAGMA_TYPES[words[0] ?? ''];
  const ruleIds = words.slice(1).flatMap((code) => qualify(code) ?? []);
  if (!type || ruleIds.length === 0) return undefined;
  const justification = comment ? value.slice(comment.index + 2).replace(/\*\/\s*$/, '').trim() : '';
  return { type, ruleIds, justification, label: `eslint-${type}` };
}

/** An ESLint directive comment's meaning, or undefined when it is none (or an `eslint` configuration comment). */
function eslintDirective(value: string): DirectiveText | undefined {
  const parser = commentParser();
  const parsed = parser.parseDirective(value);
  if (!parsed || !LABELS.has(parsed.label)) return undefined;
  const type = parsed.label.slice('eslint-'.length) as DirectiveText['type'];
  return { type, ruleIds: Object.keys(parser.parseListConfig(parsed.value)), justification: parsed.justification, label: parsed.label };
}

export interface DirectiveOutcome {
  readonly messages: LintMessage[];
  readonly suppressed: SuppressedMessage[];
}

/**
 * Splits a file's messages into reported and suppressed by its directive comments, adding
 * problems with the comments themselves and, when asked, directives that suppressed nothing.
 * `isRule` tells a rule of this product from one of another plugin (left to ESLint).
 */
export function applyDirectives(messages: readonly LintMessage[], comments: readonly SourceComment[], lines: LineIndex, isRule: (id: string) => boolean | undefined, unused: UnusedDirectives): DirectiveOutcome {
  const problems: LintMessage[] = [];
  const block: Directive[] = [];
  const line: Directive[] = [];
  // A pragma's codes are bare catalog ids; the rest are Bicep's own.
  const qualify = (code: string) => (isRule(qualifiedRuleId(code)) ? qualifiedRuleId(code) : undefined);
  for (const comment of comments) {
    const parsed = comment.kind === 'pragma' ? pragmaDirective(comment.value, qualify) : eslintDirective(comment.value);
    if (!parsed) continue;
    const start = lines.position(comment.start);
    const end = lines.position(comment.end);
    const { type, ruleIds } = parsed;
    if (type === 'disable-line' && start.line !== end.line) {
      problems.push({ ruleId: null, severity: 2, message: `${parsed.label} comment should not span multiple lines.`, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
      continue;
    }
    const at = type === 'disable-next-line' ? end : start;
    const parent: ParentDirective = { line: start.line, column: start.column, ruleIds };
    for (const ruleId of ruleIds.length ? ruleIds : [null]) {
      const known = ruleId === null ? true : isRule(ruleId);
      if (known === undefined) continue;
      if (!known) {
        // As ESLint reports it: under the unknown id, so that it reads as a problem with that rule.
        problems.push({ ruleId, severity: 2, message: `Definition for rule '${ruleId}' was not found.`, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
        continue;
      }
      const source = { type, line: at.line, column: at.column, justification: parsed.justification, parent };
      if (type === 'disable' || type === 'enable') block.push({ type, line: at.line, column: at.column, ruleId, source });
      else {
        const first = type === 'disable-line' ? at.line : at.line + 1;
        line.push({ type: 'disable', line: first, column: 1, ruleId, source }, { type: 'enable', line: first + 1, column: 0, ruleId, source });
      }
    }
  }
  const sorted = (list: Directive[]) => list.sort(compareLocations);
  const suppressions = new Map<LintMessage, { kind: 'directive'; justification: string }[]>();
  const usedBlock = suppress(messages, sorted(block), suppressions);
  const usedLine = suppress(messages, sorted(line), suppressions);
  const reported = [...messages.filter((m) => !suppressions.has(m)), ...problems];
  if (unused !== 'off') reported.push(...unusedDirectiveProblems(block, usedBlock, unused), ...unusedDirectiveProblems(line, usedLine, unused));
  return {
    messages: reported.sort(compareLocations),
    suppressed: messages.filter((m) => suppressions.has(m)).map((m) => ({ ...m, suppressions: suppressions.get(m)! })),
  };
}

function compareLocations(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}

/** One pass of ESLint's applyDirectives; returns the disable directives that suppressed a message. */
function suppress(messages: readonly LintMessage[], directives: readonly Directive[], suppressions: Map<LintMessage, { kind: 'directive'; justification: string }[]>): Set<Directive> {
  const used = new Set<Directive>();
  if (directives.length === 0) return used;
  for (const m of messages) {
    // A file that cannot be parsed has no directives ESLint could read.
    if (m.fatal) continue;
    let active: Directive[] = [];
    for (const d of directives) {
      if (compareLocations(d, m) > 0) break;
      if (d.ruleId !== null && d.ruleId !== m.ruleId) continue;
      active = d.type === 'disable' ? [...active, d] : [];
    }
    if (active.length === 0) continue;
    const own = active.map((d) => ({ kind: 'directive' as const, justification: d.source.justification }));
    const prior = suppressions.get(m);
    if (prior) suppressions.set(m, [...prior, ...own]);
    else {
      suppressions.set(m, own);
      used.add(active[active.length - 1]!);
    }
  }
  return used;
}

/** ESLint's wording and placement of directives that suppressed nothing. */
function unusedDirectiveProblems(directives: readonly Directive[], used: ReadonlySet<Directive>, severity: Exclude<UnusedDirectives, 'off'>): LintMessage[] {
  const unusedDisables = directives.filter((d) => d.type === 'disable' && !used.has(d));
  const usedEnables = usedEnableDirectives(directives);
  const unusedEnables = [...new Set(directives.filter((d) => d.source.type === 'enable' && !usedEnables.has(d)))];
  return [...describeUnused(unusedDisables, 'disable', severity), ...describeUnused(unusedEnables, 'enable', severity)];
}

function describeUnused(directives: readonly Directive[], kind: 'disable' | 'enable', severity: Exclude<UnusedDirectives, 'off'>): LintMessage[] {
  const groups = new Map<ParentDirective, Directive[]>();
  for (const d of directives) groups.set(d.source.parent, [...(groups.get(d.source.parent) ?? []), d]);
  const out: LintMessage[] = [];
  for (const [parent, group] of groups) {
    const remaining = new Set(parent.ruleIds);
    for (const d of group) remaining.delete(d.ruleId ?? '');
    const parts = remaining.size ? group.map((d) => ({ d, description: `'${d.ruleId}'` })) : [{ d: group[0]!, description: listText(group.filter((d) => d.ruleId).map((d) => `'${d.ruleId}'`)) }];
    for (const { d, description } of parts) {
      const message =
        kind === 'enable'
          ? `Unused eslint-enable directive (no matching eslint-disable directives were found${description ? ` for ${description}` : ''}).`
          : `Unused eslint-disable directive (no problems were reported${description ? ` from ${description}` : ''}).`;
      const at = d.source.type === 'disable-next-line' ? parent : d.source;
      out.push({ ruleId: null, severity: severity === 'warn' ? 1 : 2, message, line: at.line, column: at.column });
    }
  }
  return out;
}

function listText(ids: readonly string[]): string {
  return ids.length <= 2 ? ids.join(' or ') : `${ids.slice(0, -1).join(', ')}, or ${ids[ids.length - 1]}`;
}

/** Enable directives that end a disable before them (ESLint's collectUsedEnableDirectives). */
function usedEnableDirectives(directives: readonly Directive[]): Set<Directive> {
  const enabled = new Map<string | null, Directive>();
  const used = new Set<Directive>();
  for (let i = directives.length - 1; i >= 0; i--) {
    const d = directives[i]!;
    if (d.type === 'disable') {
      if (enabled.size === 0) continue;
      if (d.ruleId === null) {
        for (const e of enabled.values()) used.add(e);
        enabled.clear();
      } else {
        const e = enabled.get(d.ruleId) ?? enabled.get(null);
        if (e) used.add(e);
      }
    } else if (d.ruleId === null) {
      enabled.clear();
      enabled.set(null, d);
    } else enabled.set(d.ruleId, d);
  }
  return used;
}
