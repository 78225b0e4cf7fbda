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
  private indexed: LineIndex | undefined;

  constructor(
    text: string,
    ast: Root,
    /** Made on first use: a re-lint that reports nothing needs no position. */
    private readonly indexLines: () => LineIndex,
    private readonly keys: VisitorKeys,
  ) {
    super({ text, ast, lineEndingPattern: LINE_ENDING });
  }

  protected get lineIndex(): LineIndex {
    this.indexed ??= this.indexLines();
    return this.indexed;
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
   * The parent of a node, found by one walk the first time a rule asks: ours never do, and
   * recording them on every lint costs a large file as much as the walk itself (JSON trees do
   * not link to their parents either: the field took 8 bytes of every node).
   */
  getParent(node: object): object | undefined {
    if (!this.parents) {
      this.parents = new WeakMap();
      for (const step of this.traverse()) if (step.phase === 1 && step.args[1]) this.parents.set(step.target, step.args[1] as object);
    }
    return this.parents.get(node);
  }

  /** Depth-first enter/exit steps, generated while ESLint consumes them (see `Walk`). */
  traverse(): Iterable<VisitStep> {
    return { [Symbol.iterator]: () => new Walk(this.ast, this.keys) };
  }

  getInlineConfigNodes(): CommentNode[] {
    // Every directive names eslint; most files have none, and big ones are not worth scanning
    // for comments (ESLint asks twice per lint: remembered).
    this.inlineConfigComments ??= this.text.includes('eslint') ? this.comments.filter((c) => INLINE_CONFIG.test(c.value)) : [];
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

/**
 * A depth-first walk that allocates nothing per node: every re-lint walks every node (200,000
 * steps for a 1.6 MB template), and a fresh step, argument list and iterator result per step
 * were a fifth of what a re-lint allocated. Each call to `next` rewrites the one step it
 * returns; ESLint (9.7 to 10) reads a step, and spreads its `args`, before asking for the next,
 * and keeps none. A walk is private to one `traverse()` iteration, so a rule that asks for
 * parents while ESLint walks starts its own.
 */
class Walk implements Iterator<VisitStep> {
  // Parallel stacks: the node, its parent, and whether its exit step is next.
  private readonly nodes: SyntaxNode[];
  private readonly parents: (object | undefined)[] = [undefined];
  private readonly exiting: boolean[] = [false];
  private readonly args: [SyntaxNode | undefined, object | undefined] = [undefined, undefined];
  private readonly step: { kind: 1; target: object; phase: 1 | 2; args: unknown[] };
  private readonly result: IteratorResult<VisitStep>;

  constructor(
    root: SyntaxNode,
    private readonly keys: VisitorKeys,
  ) {
    this.nodes = [root];
    this.step = { kind: 1, target: root, phase: 1, args: this.args };
    this.result = { done: false, value: this.step };
  }

  next(): IteratorResult<VisitStep> {
    const node = this.nodes.pop();
    if (node === undefined) return { done: true, value: undefined };
    const parent = this.parents.pop();
    const step = this.step;
    step.target = node;
    this.args[0] = node;
    this.args[1] = parent;
    if (this.exiting.pop()) {
      step.phase = 2;
      return this.result;
    }
    step.phase = 1;
    this.push(node, parent, true);
    const keys = this.keys[node.type];
    if (!keys) return this.result;
    // Children go on the stack last-first so they are entered in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) this.push(child[i] as SyntaxNode, node, false);
      } else if (child && typeof child === 'object') {
        this.push(child as SyntaxNode, node, false);
      }
    }
    return this.result;
  }

  private push(node: SyntaxNode, parent: object | undefined, exiting: boolean): void {
    this.nodes.push(node);
    this.parents.push(parent);
    this.exiting.push(exiting);
  }
}
