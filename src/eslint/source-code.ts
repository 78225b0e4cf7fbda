import type { DirectiveType, FileProblem, RulesConfig, SourceLocation, SourceRange } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase } from '@eslint/plugin-kit';
import { LineIndex } from '../kernel/location.js';

/** A comment as ESLint's directive machinery sees it; `value` is the text without its markers. */
export interface CommentNode {
  readonly type: 'LineComment' | 'BlockComment';
  readonly value: string;
  readonly range: SourceRange;
  readonly loc: SourceLocation;
}

/** Any syntax node of our languages: offsets as `start`/`end` (HCL), `offset`/`length` (jsonc-parser) or `range` (Bicep). */
export type SyntaxNode = { readonly type: string } & (
  | { readonly start: number; readonly end: number }
  | { readonly offset: number; readonly length: number }
  | { readonly range: readonly [number, number] }
);

export type VisitorKeys = Readonly<Record<string, readonly string[]>>;

/** ESLint's `VisitTraversalStep`; visitors receive `args`, i.e. the node and its parent. */
export interface VisitStep {
  readonly kind: 1;
  readonly target: object;
  readonly phase: 1 | 2;
  readonly args: unknown[];
}

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** CRLF, CR and LF, like `LineIndex`, so engine positions and ESLint positions agree. */
const LINE_ENDING = /\r\n|[\r\n]/u;

/** What our three ESLint languages share: text files, 1-based lines and columns, nodes typed by `type`. */
export const LANGUAGE_BASE = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: 'type',
  validateLanguageOptions() {
    // No language options: the engine reads its settings from `settings['azure-backup']`.
  },
} as const;

export function commentNode(type: CommentNode['type'], value: string, start: number, end: number, lines: LineIndex): CommentNode {
  return { type, value, range: [start, end], loc: { start: lines.position(start), end: lines.position(end) } };
}

/**
 * Source code of both languages: locations from the engine's `LineIndex` (1-based columns), a
 * generic traversal over `visitorKeys`, and ESLint directives read from comments the way
 * `@eslint/json` does it.
 */
export abstract class AzureSourceCode<Root extends SyntaxNode> extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Root;
  SyntaxElementWithLoc: object;
  ConfigNode: CommentNode;
}> {
  private parents: WeakMap<object, object> | undefined;
  private inlineConfigComments: CommentNode[] | undefined;

  constructor(
    text: string,
    ast: Root,
    protected readonly lineIndex: LineIndex,
    private readonly keys: VisitorKeys,
  ) {
    super({ text, ast, lineEndingPattern: LINE_ENDING });
  }

  /** Every comment of the file, in source order. */
  abstract get comments(): readonly CommentNode[];

  override getRange(node: object): SourceRange {
    if (node === this.ast) return [0, this.text.length];
    if ('range' in node) return (node as { range: SourceRange }).range;
    if ('offset' in node) {
      const n = node as { offset: number; length: number };
      return [n.offset, n.offset + n.length];
    }
    const n = node as { start: number; end: number };
    return [n.start, n.end];
  }

  override getLoc(node: object): SourceLocation {
    if ('loc' in node) return (node as CommentNode).loc;
    const [start, end] = this.getRange(node);
    return { start: this.lineIndex.position(start), end: this.lineIndex.position(end) };
  }

  /**
   * The parent of a node; JSON nodes know theirs. The others' are found by one walk the first
   * time a rule asks: ours never do, and recording them on every lint costs a large file as much
   * as the walk itself.
   */
  getParent(node: object): object | undefined {
    if (!this.parents) {
      this.parents = new WeakMap();
      for (const step of this.walk()) if (step.phase === 1 && step.args[1]) this.parents.set(step.target, step.args[1] as object);
    }
    return this.parents.get(node);
  }

  /**
   * Depth-first enter/exit steps, generated while ESLint consumes them: a large template has
   * hundreds of thousands of nodes, and keeping every step alive costs more than walking again.
   */
  traverse(): Iterable<VisitStep> {
    return { [Symbol.iterator]: () => this.walk() };
  }

  private *walk(): Generator<VisitStep> {
    // Each stack entry is the visitor arguments of a node, `[node, parent]`, shared by its enter
    // and exit steps; `exiting` says which one is next. Fewer objects per node: every re-lint
    // walks every node, and the allocations cost more than the walk.
    const stack: [SyntaxNode, object | undefined][] = [[this.ast, undefined]];
    const exiting: boolean[] = [false];
    while (stack.length) {
      const args = stack.pop()!;
      const node = args[0];
      if (exiting.pop()) {
        yield { kind: 1, target: node, phase: 2, args };
        continue;
      }
      yield { kind: 1, target: node, phase: 1, args };
      stack.push(args);
      exiting.push(true);
      const keys = this.keys[node.type];
      if (!keys) continue;
      // Children go on the stack last-first so they are entered in source order.
      for (let k = keys.length - 1; k >= 0; k--) {
        const child = (node as unknown as Record<string, unknown>)[keys[k]!];
        if (Array.isArray(child)) {
          for (let i = child.length - 1; i >= 0; i--) {
            stack.push([child[i] as SyntaxNode, node]);
            exiting.push(false);
          }
        } else if (child && typeof child === 'object') {
          stack.push([child as SyntaxNode, node]);
          exiting.push(false);
        }
      }
    }
  }

  getInlineConfigNodes(): CommentNode[] {
    // Every directive names eslint; most files have none, and big ones are not worth scanning.
    if (!this.text.includes('eslint')) return [];
    this.inlineConfigComments ??= this.comments.filter((c) => INLINE_CONFIG.test(c.value));
    return this.inlineConfigComments;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value, justification } = commentParser.parseDirective(comment.value) ?? {};
      if (label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      if (label === 'eslint-disable' || label === 'eslint-enable' || label === 'eslint-disable-next-line' || label === 'eslint-disable-line') {
        const type = label.slice('eslint-'.length) as DirectiveType;
        directives.push(new Directive({ type, node: comment, value: value ?? '', justification: justification ?? '' }));
      }
    }
    return { problems, directives };
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: SourceLocation }[]; problems: FileProblem[] } {
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value } = commentParser.parseDirective(comment.value) ?? {};
      if (label !== 'eslint') continue;
      const parsed = commentParser.parseJSONLikeConfig(value ?? '');
      if (parsed.ok) configs.push({ config: { rules: parsed.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: parsed.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
}
