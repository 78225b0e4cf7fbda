import type { DirectiveType, FileProblem, File, Language, OkParseResult, ParseResult, SourceLocation, SourceRange } from '@eslint/core';
import { Directive } from '@eslint/plugin-kit';
import { qualifiedRuleId } from '../kernel/meta.js';
import { pragmaDirective } from '../results/directives.js';
import { RULE_IDS } from '../setup.js';
import { bicepSourceComments } from '../sources/bicep-comments.js';
import { parseBicep, VISITOR_KEYS, type BicepParseResult, type Program } from '../syntax/bicep/index.js';
import { ParseCache } from './parse-cache.js';
import { AzureSourceCode, commentNode, LANGUAGE_BASE, type CommentNode } from './source-code.js';

/** A Bicep pragma as the node of the ESLint directive it stands for. */
interface PragmaNode {
  readonly type: 'Pragma';
  readonly value: string;
  readonly range: SourceRange;
  readonly loc: SourceLocation;
}

const CATALOG = new Set(RULE_IDS);
/** A pragma code that is a catalog id, qualified as ESLint names the rule. */
const catalogRule = (code: string) => (CATALOG.has(code) ? qualifiedRuleId(code) : undefined);

export function isBicepParamsFile(path: string): boolean {
  return /\.bicepparam$/i.test(path);
}

export class BicepSourceCode extends AzureSourceCode<Program> {
  private mapped: CommentNode[] | undefined;

  constructor(
    text: string,
    /** The whole parse, kept so the engine reuses it instead of parsing the buffer again. */
    readonly parse: BicepParseResult,
  ) {
    super(text, parse.ast, () => parse.lines, VISITOR_KEYS);
  }

  get comments(): readonly CommentNode[] {
    this.mapped ??= this.parse.comments.map((c) => commentNode(c.type === 'Line' ? 'LineComment' : 'BlockComment', c.value, c.range[0], c.range[1], this.lineIndex));
    return this.mapped;
  }

  /**
   * ESLint's directive comments, and Bicep's pragmas naming catalog ids (`#disable-next-line
   * no-ultra-ssd // why`, `#disable-diagnostics` … `#restore-diagnostics`) as the same directives,
   * so `--report-unused-disable-directives` covers both.
   */
  override getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const { problems, directives } = super.getDisableDirectives();
    if (this.parse.pragmas.length === 0) return { problems, directives };
    for (const pragma of bicepSourceComments({ comments: [], pragmas: this.parse.pragmas }, this.text)) {
      const directive = pragmaDirective(pragma.value, catalogRule);
      if (!directive) continue;
      const node: PragmaNode = { type: 'Pragma', value: pragma.value, range: [pragma.start, pragma.end], loc: { start: this.lineIndex.position(pragma.start), end: this.lineIndex.position(pragma.end) } };
      directives.push(new Directive({ type: directive.type as DirectiveType, node, value: directive.ruleIds.join(', '), justification: directive.justification }));
    }
    directives.sort((a, b) => this.getRange(a.node as object)[0] - this.getRange(b.node as object)[0]);
    return { problems, directives };
  }
}

/** Parses a `.bicep` or `.bicepparam` file; its first syntax error is ESLint's one "Parsing error". */
export function parseBicepFile(path: string, text: string): ParseResult<Program> {
  const parse = parseBicep(text, { params: isBicepParamsFile(path), file: path });
  const first = parse.diagnostics.find((d) => d.severity === 'error');
  if (first) return { ok: false, errors: [{ message: first.summary, ...parse.lines.position(first.subject.start) }] };
  return { ok: true, ast: parse.ast, parse };
}

const parses = new ParseCache<ParseResult<Program>>(8_000_000);

type BicepLanguageTypes = { LangOptions: Record<string, unknown>; Code: BicepSourceCode; RootNode: Program; Node: object };

/** `azure-backup/bicep`: `.bicep` and `.bicepparam` files, read natively. */
export const bicepLanguage: Language<BicepLanguageTypes> = {
  ...LANGUAGE_BASE,
  visitorKeys: VISITOR_KEYS as unknown as Record<string, string[]>,
  parse(file: File): ParseResult<Program> {
    const text = String(file.body);
    return parses.get(file.path, text, () => parseBicepFile(file.path, text));
  },
  createSourceCode(file: File, result: OkParseResult<Program>): BicepSourceCode {
    return new BicepSourceCode(String(file.body), result['parse'] as BicepParseResult);
  },
};
