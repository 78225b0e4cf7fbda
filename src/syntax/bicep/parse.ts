import type { Diagnostic } from '../../kernel/diagnostic.js';
import { LineIndex } from '../../kernel/location.js';
import type { Comment, Pragma, Program } from './ast.js';
import { Parser } from './parser.js';

export interface BicepParseOptions {
  /** Parse as a `.bicepparam` file (`using`, `param x = e`, …). */
  readonly params?: boolean;
  /** The file name diagnostics carry in `subject.file`; '' when omitted. */
  readonly file?: string;
}

export interface BicepParseResult {
  readonly ast: Program;
  /** Every line and block comment, in order. */
  readonly comments: readonly Comment[];
  /** `#disable-next-line`, `#disable-diagnostics` and `#restore-diagnostics` at line starts. */
  readonly pragmas: readonly Pragma[];
  /**
   * Lexer and parser errors, in source order, each with Bicep's code (`BCP018`) and the range
   * Bicep gives it. Not `fatal`: recovery kept the rest of the file.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Line starts of the text without its BOM, for turning ranges into lines and columns. */
  readonly lines: LineIndex;
}

/**
 * Parses Bicep source synchronously. A leading BOM is dropped and all offsets count from after
 * it. Never throws: broken input gives `SkippedTrivia` nodes and diagnostics.
 */
export function parseBicep(text: string, options: BicepParseOptions = {}): BicepParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parser = new Parser(source, options.file ?? '', options.params === true);
  const ast = parser.program();
  // Built when first asked: a re-lint in the editor that reports nothing never needs positions.
  let lines: LineIndex | undefined;
  return {
    ast,
    comments: parser.comments,
    pragmas: parser.pragmas,
    diagnostics: parser.diagnostics,
    get lines() {
      return (lines ??= new LineIndex(source));
    },
  };
}
