/**
 * HCL native-syntax parser (hashicorp/hcl `hclsyntax/spec.md`): synchronous, never throws, and
 * bounded recursion. A syntax error records one message and stops the broken body item; parsing
 * then resumes at the next line that starts at or left of that item (a sibling attribute or
 * block, or the `}` closing the enclosing block), so the rest of the file is still in the tree.
 */
import type {
  Attribute,
  BinaryOperator,
  Block,
  BlockLabel,
  Body,
  Expression,
  FunctionCall,
  HclFile,
  Identifier,
  ObjectItem,
  TemplateExpression,
} from './ast.js';
import { syntaxError, type Diagnostic } from '../../kernel/diagnostic.js';
import { LineIndex } from '../../kernel/location.js';
import { lex, T, type Tokens } from './lexer.js';
import { decodeLiteral } from './strings.js';
import { assembleTemplate, type TemplateItem } from './template.js';

/** Deeper nesting is reported as an error instead of risking the call stack. */
export const MAX_NESTING = 500;

/** The spec's precedence levels, tightest last: `||`, `&&`, `== !=`, `< <= > >=`, `+ -`, `* / %`. */
const BINARY_PRECEDENCE: Partial<Record<T, number>> = {
  [T.Or]: 1,
  [T.And]: 2,
  [T.EqEq]: 3,
  [T.NotEq]: 3,
  [T.Gt]: 4,
  [T.GtEq]: 4,
  [T.Lt]: 4,
  [T.LtEq]: 4,
  [T.Plus]: 5,
  [T.Minus]: 5,
  [T.Star]: 6,
  [T.Slash]: 6,
  [T.Percent]: 6,
};

const BINARY_OPERATOR: Partial<Record<T, BinaryOperator>> = {
  [T.Or]: '||',
  [T.And]: '&&',
  [T.EqEq]: '==',
  [T.NotEq]: '!=',
  [T.Gt]: '>',
  [T.GtEq]: '>=',
  [T.Lt]: '<',
  [T.LtEq]: '<=',
  [T.Plus]: '+',
  [T.Minus]: '-',
  [T.Star]: '*',
  [T.Slash]: '/',
  [T.Percent]: '%',
};

export function parseHcl(text: string, file = ''): HclFile {
  return new Parser(text, file).parseFile();
}

/**
 * Parses `text[start, end)` as a standalone template (no quotes, no backslash escapes), as HCL
 * does for the string values of its JSON syntax. Spans are offsets into `text`.
 */
export function parseTemplateRegion(text: string, start: number, end: number, file = ''): { template: TemplateExpression; errors: Diagnostic[] } {
  return new Parser(text, file, { start, end }).parseStandaloneTemplate();
}

class Parser {
  private readonly types: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly tokens: Tokens;
  private pos = 0;
  /** Whether newlines are significant here: true in bodies and objects, false inside (), [] and templates. */
  private newlines = true;
  private readonly newlineStack: boolean[] = [];
  /** Set by the first error of a body item; parsing unwinds and the body resynchronises. */
  private failed = false;
  private eofReported = false;
  private depth = 0;
  private readonly problems: Diagnostic[] = [];
  private lineIndex: LineIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly file: string,
    region?: { start: number; end: number },
  ) {
    this.tokens = lex(text, region);
    this.types = this.tokens.types;
    this.starts = this.tokens.starts;
    this.ends = this.tokens.ends;
  }

  parseFile(): HclFile {
    const items = this.parseBodyItems(undefined);
    const body: Body = { type: 'Body', items, start: 0, end: this.text.length };
    return { type: 'File', body, comments: this.tokens.comments, errors: this.errors(), start: 0, end: this.text.length };
  }

  parseStandaloneTemplate(): { template: TemplateExpression; errors: Diagnostic[] } {
    this.pushNewlines(false);
    const template = this.parseTemplate();
    return { template, errors: this.errors() };
  }

  private errors(): Diagnostic[] {
    for (const p of this.tokens.problems) this.problems.push(syntaxError(this.file, p.message, p.start, p.end));
    return this.problems.sort((a, b) => a.subject.start - b.subject.start);
  }

  // ---- tokens ---------------------------------------------------------------------------------

  private lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  private peekIndex(): number {
    let i = this.pos;
    if (!this.newlines) while (this.types[i] === T.Newline) i++;
    return i;
  }

  private peek(): T {
    return this.types[this.peekIndex()]!;
  }

  /** Consumes the next significant token and returns its index (EOF is never consumed). */
  private next(): number {
    const i = this.peekIndex();
    this.pos = this.types[i] === T.EOF ? i : i + 1;
    return i;
  }

  private pushNewlines(significant: boolean): void {
    this.newlineStack.push(this.newlines);
    this.newlines = significant;
  }

  private popNewlines(): void {
    this.newlines = this.newlineStack.pop()!;
  }

  private tokenText(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  private describe(i: number): string {
    switch (this.types[i]) {
      case T.EOF:
        return 'end of file';
      case T.Newline:
      case T.UnterminatedString:
        return 'end of line';
      case T.OQuote:
        return 'a string';
      case T.CQuote:
        return 'the end of the string';
      case T.OHeredoc:
        return 'a heredoc';
      default: {
        const s = this.tokenText(i);
        return `"${s.length > 20 ? s.slice(0, 20) + '…' : s}"`;
      }
    }
  }

  private isKeyword(i: number, word: string): boolean {
    return this.types[i] === T.Ident && this.ends[i]! - this.starts[i]! === word.length && this.text.startsWith(word, this.starts[i]!);
  }

  // ---- errors ---------------------------------------------------------------------------------

  /** Records the first error of the current body item; later ones are consequences and are dropped. */
  private fail(message: string, start: number, end: number): void {
    if (this.failed) return;
    this.failed = true;
    if (start >= this.text.length) {
      if (this.eofReported) return;
      this.eofReported = true;
    }
    this.problems.push(syntaxError(this.file, message, start, end));
  }

  private failAt(message: string, i: number): void {
    this.fail(message, this.starts[i]!, this.ends[i]!);
  }

  private column(offset: number): number {
    let j = offset;
    while (j > 0) {
      const c = this.text.charCodeAt(j - 1);
      if (c === 10 || c === 13) break;
      j--;
    }
    return offset - j;
  }

  /**
   * Skips to the first line that starts with a name at or left of the broken item's column, or
   * with a `}` left of it; that is where the next sibling item or the enclosing block's end is.
   */
  private resync(itemStart: number): void {
    const col = this.column(itemStart);
    const types = this.types;
    const resumesAt = (j: number): boolean => {
      const c = this.column(this.starts[j]!);
      return (types[j] === T.Ident && c <= col) || (types[j] === T.CBrace && c < col);
    };
    let i = this.pos;
    // The error may have stopped right at such a line start (e.g. the "}" closing the block).
    if (!(types[i - 1] === T.Newline && resumesAt(i))) {
      for (;;) {
        const t = types[i]!;
        if (t === T.EOF) break;
        i++;
        if (t === T.Newline) {
          while (types[i] === T.Newline) i++;
          if (types[i] === T.EOF || resumesAt(i)) break;
        }
      }
    }
    this.pos = i;
    this.failed = false;
  }

  private enter(i: number, what = 'Expression'): boolean {
    if (++this.depth > MAX_NESTING) {
      this.failAt(`${what} nesting is too deep (more than ${MAX_NESTING} levels)`, i);
      return false;
    }
    return true;
  }

  private invalid(start: number, end: number): Expression {
    return { type: 'Invalid', start, end };
  }

  // ---- structure ------------------------------------------------------------------------------

  /** Body items up to the closing `}` of `block` (consumed), or to the end of the file. */
  private parseBodyItems(openBrace: { index: number; blockType: string } | undefined): (Attribute | Block)[] {
    const items: (Attribute | Block)[] = [];
    const seen = new Map<string, Attribute>();
    const saved = this.newlineStack.length;
    this.pushNewlines(true);
    for (;;) {
      const i = this.pos;
      const t = this.types[i]!;
      if (t === T.Newline) {
        this.pos++;
        continue;
      }
      if (t === T.EOF) {
        // Only the innermost unclosed block is reported: its parents are unclosed for the same reason.
        if (openBrace && !this.eofReported) {
          this.failAt(`Missing "}" to close the block "${openBrace.blockType}" opened here`, openBrace.index);
          this.eofReported = true;
        }
        break;
      }
      if (t === T.CBrace) {
        this.pos++;
        if (openBrace) break;
        this.failAt('Unexpected "}": no block is open here', i);
      } else if (t === T.Ident) {
        const item = this.parseBodyItem();
        if (item) {
          items.push(item);
          if (item.type === 'Attribute') this.checkDuplicate(item, seen);
        }
      } else {
        this.failAt(`Expected an attribute or block name, found ${this.describe(i)}`, i);
      }
      if (this.failed) {
        this.resync(this.starts[i]!);
        // A failure unwinds without popping what it pushed; restore this body's newline mode.
        this.newlineStack.length = saved + 1;
        this.newlines = true;
      }
    }
    this.newlineStack.length = saved + 1;
    this.popNewlines();
    return items;
  }

  private checkDuplicate(attr: Attribute, seen: Map<string, Attribute>): void {
    const first = seen.get(attr.name.name);
    if (!first) {
      seen.set(attr.name.name, attr);
      return;
    }
    const line = this.lines().position(first.name.start).line;
    this.problems.push(syntaxError(this.file, `Attribute "${attr.name.name}" is already defined on line ${line}`, attr.name.start, attr.name.end));
  }

  private identifier(i: number): Identifier {
    return { type: 'Identifier', name: this.tokenText(i), start: this.starts[i]!, end: this.ends[i]! };
  }

  private parseBodyItem(): Attribute | Block | undefined {
    const nameIndex = this.next();
    const name = this.identifier(nameIndex);
    const t = this.peek();
    if (t === T.Equal) return this.finishAttribute(name, false);
    if (t === T.OQuote || t === T.Ident || t === T.OBrace) return this.finishBlock(name);
    this.failAt(`Expected "=" after attribute name "${name.name}", found ${this.describe(this.peekIndex())}`, this.peekIndex());
    return undefined;
  }

  private finishAttribute(name: Identifier, singleLine: boolean): Attribute {
    this.next(); // =
    const value = this.parseExpression();
    const attr: Attribute = { type: 'Attribute', name, value, start: name.start, end: value.end };
    if (this.failed || singleLine) return attr;
    const i = this.peekIndex();
    const t = this.types[i]!;
    if (t === T.Newline) this.pos = i + 1;
    else if (t !== T.EOF) {
      const why = t === T.Comma ? 'attributes are separated by newlines, not commas' : `found ${this.describe(i)}`;
      this.failAt(`Expected a newline after the value of attribute "${name.name}": ${why}`, i);
    }
    return attr;
  }

  /** A block whose header is broken is left out of the tree: its body cannot be attributed to it. */
  private finishBlock(blockType: Identifier): Block | undefined {
    const labels: BlockLabel[] = [];
    for (;;) {
      const i = this.peekIndex();
      const t = this.types[i]!;
      if (t === T.OBrace) break;
      if (t === T.Ident) {
        this.next();
        labels.push({ type: 'BlockLabel', value: this.tokenText(i), quoted: false, start: this.starts[i]!, end: this.ends[i]! });
        continue;
      }
      if (t === T.OQuote) {
        const label = this.parseLabel();
        if (this.failed) return undefined;
        labels.push(label);
        continue;
      }
      if (t === T.Equal) this.failAt(`Unexpected "=" after the labels of block "${blockType.name}": a block has no "="`, i);
      else if (labels.length === 1 && labels[0]!.quoted && (t === T.Newline || t === T.EOF))
        this.failAt(`Expected "=" after attribute name "${blockType.name}", or "{" to open a block`, i);
      else this.failAt(`Expected "{" to open the block "${blockType.name}", found ${this.describe(i)}`, i);
      return undefined;
    }
    const open = this.next();
    const bodyStart = this.starts[open]!;
    const t = this.peek();
    let items: (Attribute | Block)[] = [];
    if (this.enter(open, 'Block')) {
      if (t === T.Newline || t === T.EOF || t === T.CBrace) items = this.parseBodyItems({ index: open, blockType: blockType.name });
      else items = this.parseSingleLineBody(blockType.name);
    } else {
      // The position after the matching "}" is well defined, so no resynchronisation is needed.
      this.skipBlock();
      this.failed = false;
    }
    this.depth--;
    const end = this.ends[this.pos - 1]!;
    const body: Body = { type: 'Body', items, start: bodyStart, end };
    const block: Block = { type: 'Block', blockType, labels, body, start: blockType.start, end };
    if (this.failed) return block;
    const after = this.peekIndex();
    const a = this.types[after]!;
    if (a === T.Newline) this.pos = after + 1;
    else if (a !== T.EOF) this.failAt(`Expected a newline after the block "${blockType.name}", found ${this.describe(after)}`, after);
    return block;
  }

  /** Skips to just after the `}` matching the `{` just read, so a too-deep block is one error. */
  private skipBlock(): void {
    let open = 1;
    let i = this.pos;
    for (; this.types[i] !== T.EOF; i++) {
      const t = this.types[i];
      if (t === T.OBrace) open++;
      else if (t === T.CBrace && --open === 0) {
        i++;
        break;
      }
    }
    this.pos = i;
  }

  /** `a { b = 1 }`: one attribute, closed on the same line. */
  private parseSingleLineBody(blockType: string): Attribute[] {
    const i = this.peekIndex();
    if (this.types[i] !== T.Ident || this.types[i + 1] !== T.Equal) {
      this.failAt(`A single-line block "${blockType}" can only hold one attribute "name = value"; put nested blocks on their own lines`, i);
      return [];
    }
    const name = this.identifier(this.next());
    const attr = this.finishAttribute(name, true);
    if (this.failed) return [attr];
    const c = this.peekIndex();
    if (this.types[c] === T.CBrace) this.pos = c + 1;
    else if (this.types[c] === T.Comma) this.failAt(`A single-line block "${blockType}" can only hold one attribute; put each attribute on its own line`, c);
    else this.failAt(`Expected "}" to close the single-line block "${blockType}", found ${this.describe(c)}`, c);
    return [attr];
  }

  private parseLabel(): BlockLabel {
    const open = this.next();
    const start = this.starts[open]!;
    let value = '';
    for (;;) {
      const i = this.pos;
      const t = this.types[i]!;
      if (t === T.QuotedLit) {
        value += decodeLiteral(this.text, this.starts[i]!, this.ends[i]!, true, (summary, start, end) => this.fail(summary, start, end));
        this.pos++;
        continue;
      }
      if (t === T.CQuote) {
        this.pos++;
        return { type: 'BlockLabel', value, quoted: true, start, end: this.ends[i]! };
      }
      if (t === T.Interp || t === T.Control) this.failAt('Block labels cannot contain template sequences', i);
      else this.fail('Unterminated string: a quoted string must end on the same line', start, start + 1);
      return { type: 'BlockLabel', value, quoted: true, start, end: this.starts[i]! };
    }
  }

  // ---- expressions ----------------------------------------------------------------------------

  parseExpression(): Expression {
    const first = this.peekIndex();
    if (!this.enter(first)) {
      this.depth--;
      return this.invalid(this.starts[first]!, this.ends[first]!);
    }
    const condition = this.parseBinary();
    let result = condition;
    if (!this.failed && this.peek() === T.Question) {
      this.next();
      const then = this.parseExpression();
      if (!this.failed) {
        const colon = this.peekIndex();
        if (this.types[colon] !== T.Colon) {
          this.failAt(`Expected ":" in the conditional expression, found ${this.describe(colon)}`, colon);
        } else {
          this.next();
          const otherwise = this.parseExpression();
          result = { type: 'Conditional', condition, then, else: otherwise, start: condition.start, end: otherwise.end };
        }
      }
    }
    this.depth--;
    return result;
  }

  /** Operator precedence parsing with explicit stacks: one JS frame however long the chain. */
  private parseBinary(): Expression {
    const first = this.parseOperand();
    if (this.failed || BINARY_PRECEDENCE[this.peek()] === undefined) return first;
    const operands: Expression[] = [first];
    const operators: T[] = [];
    const reduce = (): void => {
      const right = operands.pop()!;
      const left = operands.pop()!;
      const operator = BINARY_OPERATOR[operators.pop()!]!;
      operands.push({ type: 'Binary', operator, left, right, start: left.start, end: right.end });
    };
    while (!this.failed) {
      const t = this.peek();
      const precedence = BINARY_PRECEDENCE[t];
      if (precedence === undefined) break;
      this.next();
      // Same-level operators associate to the left.
      while (operators.length && BINARY_PRECEDENCE[operators[operators.length - 1]!]! >= precedence) reduce();
      operators.push(t);
      operands.push(this.parseOperand());
    }
    while (operators.length) reduce();
    return operands[0]!;
  }

  /** A term with its postfix traversals; unary operators apply to the whole of it (`-a.b` is `-(a.b)`). */
  private parseOperand(): Expression {
    const i = this.peekIndex();
    const t = this.types[i]!;
    if (t === T.Minus || t === T.Bang) {
      if (!this.enter(i)) {
        this.depth--;
        return this.invalid(this.starts[i]!, this.ends[i]!);
      }
      this.next();
      const operand = this.parseOperand();
      this.depth--;
      return { type: 'Unary', operator: t === T.Minus ? '-' : '!', operand, start: this.starts[i]!, end: operand.end };
    }
    const term = this.parseTerm();
    return this.failed ? term : this.parsePostfix(term);
  }

  private parseTerm(): Expression {
    const i = this.peekIndex();
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    switch (this.types[i]) {
      case T.Number: {
        this.next();
        const raw = this.tokenText(i);
        const value = Number(raw);
        if (!Number.isFinite(value)) this.failAt(`Invalid number literal "${raw}"`, i);
        return { type: 'Literal', value, raw, start, end };
      }
      case T.Ident: {
        this.next();
        const after = this.peek();
        if (after === T.OParen || after === T.DoubleColon) return this.finishCall(i);
        const name = this.tokenText(i);
        if (name === 'true' || name === 'false') return { type: 'Literal', value: name === 'true', raw: name, start, end };
        if (name === 'null') return { type: 'Literal', value: null, raw: name, start, end };
        return { type: 'Variable', name, start, end };
      }
      case T.OParen: {
        this.next();
        this.pushNewlines(false);
        const expression = this.parseExpression();
        const close = this.closeAfter(expression, T.CParen, '")" to close the parenthesis');
        this.popNewlines();
        return { type: 'Parentheses', expression, start, end: close };
      }
      case T.OQuote:
      case T.OHeredoc:
        return this.parseTemplate();
      case T.OBrack:
        return this.parseTuple();
      case T.OBrace:
        return this.parseObject();
      case T.UnterminatedString:
        this.failAt('Unterminated string: a quoted string must end on the same line', i);
        return this.invalid(start, end);
      default:
        this.failAt(`Expected an expression, found ${this.describe(i)}`, i);
        return this.invalid(start, end);
    }
  }

  private parsePostfix(from: Expression): Expression {
    let result = from;
    while (!this.failed) {
      const i = this.peekIndex();
      const t = this.types[i]!;
      if (t === T.Dot) {
        this.next();
        const a = this.peekIndex();
        const at = this.types[a]!;
        if (at === T.Ident) {
          this.next();
          result = { type: 'GetAttr', object: result, name: this.identifier(a), start: result.start, end: this.ends[a]! };
        } else if (at === T.Number) {
          this.next();
          result = this.legacyIndex(result, a);
        } else if (at === T.Star) {
          this.next();
          result = this.attrSplat(result, i, a);
        } else {
          this.failAt(`Expected an attribute name after ".", found ${this.describe(a)}`, a);
        }
      } else if (t === T.OBrack) {
        this.next();
        this.pushNewlines(false);
        const k = this.peekIndex();
        if (this.types[k] === T.Star && this.types[this.nextSignificant(k + 1)] === T.CBrack) {
          this.next();
          const close = this.next();
          this.popNewlines();
          result = this.fullSplat(result, i, close);
          continue;
        }
        const key = this.parseExpression();
        const end = this.closeAfter(key, T.CBrack, '"]" to close the index');
        this.popNewlines();
        result = { type: 'Index', object: result, key, start: result.start, end };
      } else break;
    }
    return result;
  }

  /**
   * Reads the `close` token that must follow `inner`, returning where it ends; without it (or
   * after an error inside), fails with "Expected <expected>" and returns where `inner` ends.
   */
  private closeAfter(inner: Expression, close: T, expected: string): number {
    if (this.failed) return inner.end;
    const c = this.peekIndex();
    if (this.types[c] !== close) {
      this.failAt(`Expected ${expected}, found ${this.describe(c)}`, c);
      return inner.end;
    }
    this.next();
    return this.ends[c]!;
  }

  private nextSignificant(i: number): number {
    while (this.types[i] === T.Newline) i++;
    return i;
  }

  private legacyIndex(object: Expression, numIndex: number): Expression {
    const raw = this.tokenText(numIndex);
    const start = this.starts[numIndex]!;
    const end = this.ends[numIndex]!;
    if (raw.includes('.') || !/^\d+$/.test(raw)) this.failAt(`Invalid legacy index ".${raw}": use [N] to index`, numIndex);
    return { type: 'Index', object, key: { type: 'Literal', value: Number(raw), raw, start, end }, start: object.start, end };
  }

  /** `x.*.a.b`: only attribute and legacy-index steps belong to the splat. */
  private attrSplat(object: Expression, dot: number, star: number): Expression {
    let each: Expression = { type: 'SplatItem', start: this.starts[dot]!, end: this.ends[star]! };
    let end = this.ends[star]!;
    while (!this.failed && this.peek() === T.Dot) {
      this.next();
      const a = this.peekIndex();
      if (this.types[a] === T.Ident) {
        this.next();
        each = { type: 'GetAttr', object: each, name: this.identifier(a), start: each.start, end: this.ends[a]! };
      } else if (this.types[a] === T.Number) {
        this.next();
        each = this.legacyIndex(each, a);
      } else {
        this.failAt(this.types[a] === T.Star ? 'Nested splat expressions (".*.*") are not allowed' : `Expected an attribute name after ".", found ${this.describe(a)}`, a);
        break;
      }
      end = each.end;
    }
    return { type: 'Splat', object, full: false, each, start: object.start, end };
  }

  /** `x[*].a[0].b`: every following traversal applies to each element. */
  private fullSplat(object: Expression, open: number, close: number): Expression {
    const item: Expression = { type: 'SplatItem', start: this.starts[open]!, end: this.ends[close]! };
    if (!this.enter(open)) {
      this.depth--;
      return { type: 'Splat', object, full: true, each: item, start: object.start, end: item.end };
    }
    const each = this.parsePostfix(item);
    this.depth--;
    return { type: 'Splat', object, full: true, each, start: object.start, end: each.end };
  }

  private finishCall(nameIndex: number): FunctionCall | Expression {
    let name = this.tokenText(nameIndex);
    let nameEnd = this.ends[nameIndex]!;
    const start = this.starts[nameIndex]!;
    while (this.peek() === T.DoubleColon) {
      this.next();
      const part = this.peekIndex();
      if (this.types[part] !== T.Ident) {
        this.failAt(`Expected a function name after "::", found ${this.describe(part)}`, part);
        return this.invalid(start, this.ends[part]!);
      }
      this.next();
      name += '::' + this.tokenText(part);
      nameEnd = this.ends[part]!;
    }
    const nameNode: Identifier = { type: 'Identifier', name, start, end: nameEnd };
    const open = this.peekIndex();
    if (this.types[open] !== T.OParen) {
      this.failAt(`Expected "(" after the function name "${name}", found ${this.describe(open)}`, open);
      return this.invalid(start, nameEnd);
    }
    this.next();
    this.pushNewlines(false);
    const { items: args, end, expandFinal } = this.parseList(T.CParen, this.ends[open]!, {
      missing: () => this.fail(`Missing ")" to close the call to "${name}"`, start, nameEnd),
      unexpected: (c) => this.failAt(`Expected "," or ")" in the arguments of "${name}", found ${this.describe(c)}`, c),
      afterEllipsis: (p) => this.failAt(`Expected ")" after "..." in the call to "${name}", found ${this.describe(p)}`, p),
    });
    this.popNewlines();
    return { type: 'FunctionCall', name: nameNode, args, expandFinal, start, end };
  }

  /**
   * Comma-separated expressions up to `close`, the opening bracket already read; a call's
   * arguments may end with `...` (`afterEllipsis` given). Trailing commas are allowed.
   */
  private parseList(
    close: T,
    openEnd: number,
    errors: { missing: () => void; unexpected: (at: number) => void; afterEllipsis?: (at: number) => void },
  ): { items: Expression[]; end: number; expandFinal: boolean } {
    const items: Expression[] = [];
    let end = openEnd;
    let expandFinal = false;
    for (;;) {
      let c = this.peekIndex();
      if (this.types[c] === close) {
        this.next();
        end = this.ends[c]!;
        break;
      }
      const item = this.parseExpression();
      items.push(item);
      end = item.end;
      if (this.failed) break;
      c = this.peekIndex();
      const ct = this.types[c]!;
      if (ct === close) {
        this.next();
        end = this.ends[c]!;
        break;
      }
      if (ct === T.Ellipsis && errors.afterEllipsis) {
        this.next();
        expandFinal = true;
        const p = this.peekIndex();
        if (this.types[p] === close) {
          this.next();
          end = this.ends[p]!;
        } else errors.afterEllipsis(p);
        break;
      }
      if (ct !== T.Comma) {
        if (ct === T.EOF) errors.missing();
        else errors.unexpected(c);
        break;
      }
      this.next();
    }
    return { items, end, expandFinal };
  }

  private parseTuple(): Expression {
    const open = this.next();
    const start = this.starts[open]!;
    this.pushNewlines(false);
    if (this.isKeyword(this.peekIndex(), 'for')) {
      const result = this.parseFor(open, false);
      this.popNewlines();
      return result;
    }
    const { items: elements, end } = this.parseList(T.CBrack, this.ends[open]!, {
      missing: () => this.failAt('Missing "]" to close this list', open),
      unexpected: (c) => this.failAt(`Expected "," or "]" in the list, found ${this.describe(c)}`, c),
    });
    this.popNewlines();
    return { type: 'Tuple', elements, start, end };
  }

  private parseObject(): Expression {
    const open = this.next();
    const start = this.starts[open]!;
    this.pushNewlines(false);
    const isFor = this.isKeyword(this.peekIndex(), 'for');
    this.popNewlines();
    if (isFor) {
      this.pushNewlines(false);
      const result = this.parseFor(open, true);
      this.popNewlines();
      return result;
    }
    this.pushNewlines(true);
    const items: ObjectItem[] = [];
    let end = this.ends[open]!;
    for (;;) {
      let c = this.peekIndex();
      let ct = this.types[c]!;
      if (ct === T.Newline) {
        this.next();
        continue;
      }
      if (ct === T.CBrace) {
        this.next();
        end = this.ends[c]!;
        break;
      }
      if (ct === T.EOF) {
        this.failAt('Missing "}" to close this object', open);
        break;
      }
      const key = this.parseExpression();
      end = key.end;
      if (this.failed) break;
      c = this.peekIndex();
      ct = this.types[c]!;
      if (ct !== T.Equal && ct !== T.Colon) {
        this.failAt(`Expected "=" or ":" after the object key, found ${this.describe(c)}`, c);
        break;
      }
      this.next();
      const value = this.parseExpression();
      items.push({ type: 'ObjectItem', key, value, start: key.start, end: value.end });
      end = value.end;
      if (this.failed) break;
      c = this.peekIndex();
      ct = this.types[c]!;
      if (ct === T.CBrace) {
        this.next();
        end = this.ends[c]!;
        break;
      }
      if (ct !== T.Comma && ct !== T.Newline) {
        if (ct === T.EOF) this.failAt('Missing "}" to close this object', open);
        else this.failAt(`Expected a newline or "," after the object item, found ${this.describe(c)}`, c);
        break;
      }
      this.next();
    }
    this.popNewlines();
    return { type: 'Object', items, start, end };
  }

  private parseFor(open: number, object: boolean): Expression {
    const start = this.starts[open]!;
    const close = object ? T.CBrace : T.CBrack;
    const closeText = object ? '}' : ']';
    this.next(); // for
    const names: string[] = [];
    for (;;) {
      const v = this.peekIndex();
      if (this.types[v] !== T.Ident) {
        this.failAt(`Expected a variable name in the for expression, found ${this.describe(v)}`, v);
        return this.invalid(start, this.ends[v]!);
      }
      this.next();
      names.push(this.tokenText(v));
      if (names.length === 2 || this.peek() !== T.Comma) break;
      this.next();
    }
    const inTok = this.peekIndex();
    if (!this.isKeyword(inTok, 'in')) {
      this.failAt(`Expected "in" after the for variables, found ${this.describe(inTok)}`, inTok);
      return this.invalid(start, this.ends[inTok]!);
    }
    this.next();
    const collection = this.parseExpression();
    if (this.failed) return this.invalid(start, collection.end);
    const colon = this.peekIndex();
    if (this.types[colon] !== T.Colon) {
      this.failAt(`Expected ":" after the collection of the for expression, found ${this.describe(colon)}`, colon);
      return this.invalid(start, this.ends[colon]!);
    }
    this.next();
    let valueExpr = this.parseExpression();
    let keyExpr: Expression | undefined;
    if (!this.failed && this.peek() === T.FatArrow) {
      const arrow = this.next();
      if (!object) {
        this.failAt('"=>" is only allowed in an object for expression {for …: k => v}', arrow);
        return this.invalid(start, this.ends[arrow]!);
      }
      keyExpr = valueExpr;
      valueExpr = this.parseExpression();
    }
    if (this.failed) return this.invalid(start, valueExpr.end);
    if (object && !keyExpr) {
      this.fail('Expected "=>" in the object for expression {for …: k => v}', valueExpr.start, valueExpr.end);
      return this.invalid(start, valueExpr.end);
    }
    let grouping = false;
    if (this.peek() === T.Ellipsis) {
      const dots = this.next();
      if (!object) {
        this.failAt('Grouping "..." is only allowed in an object for expression', dots);
        return this.invalid(start, this.ends[dots]!);
      }
      grouping = true;
    }
    let condition: Expression | undefined;
    if (this.isKeyword(this.peekIndex(), 'if')) {
      this.next();
      condition = this.parseExpression();
      if (this.failed) return this.invalid(start, condition.end);
    }
    const c = this.peekIndex();
    if (this.types[c] !== close) {
      this.failAt(`Expected "${closeText}" to close the for expression, found ${this.describe(c)}`, c);
      return this.invalid(start, this.ends[c]!);
    }
    this.next();
    const [first, second] = names as [string, string | undefined];
    const base = { type: 'For' as const, valueVar: second ?? first, collection, valueExpr, grouping, start, end: this.ends[c]! };
    return {
      ...base,
      ...(second !== undefined ? { keyVar: first } : {}),
      ...(keyExpr ? { keyExpr } : {}),
      ...(condition ? { condition } : {}),
    };
  }

  // ---- templates ------------------------------------------------------------------------------

  private parseTemplate(): TemplateExpression {
    const open = this.next();
    const start = this.starts[open]!;
    const heredoc = this.types[open] === T.OHeredoc ? this.tokens.heredocs.get(open) : undefined;
    const items: TemplateItem[] = [];
    const onProblem = (summary: string, start: number, end: number): void => this.fail(summary, start, end);
    let end = this.ends[open]!;
    this.pushNewlines(false);
    for (;;) {
      const i = this.pos;
      const t = this.types[i]!;
      if (t === T.QuotedLit || t === T.HeredocLit) {
        const value = decodeLiteral(this.text, this.starts[i]!, this.ends[i]!, t === T.QuotedLit, onProblem);
        items.push({ kind: 'literal', value, start: this.starts[i]!, end: this.ends[i]! });
        this.pos++;
      } else if (t === T.Interp) {
        this.pos++;
        this.parseInterpolation(i, items);
      } else if (t === T.Control) {
        this.pos++;
        this.parseDirective(i, items);
      } else if (t === T.CQuote || t === T.CHeredoc) {
        this.pos++;
        end = this.ends[i]!;
        break;
      } else {
        if (heredoc) this.failAt(`Unterminated heredoc: expected a line holding only "${heredoc.marker}", ended by a newline`, open);
        else this.failAt('Unterminated string: a quoted string must end on the same line', open);
        end = this.starts[i]!;
        if (t === T.UnterminatedString || t === T.UnterminatedHeredoc) this.pos++;
      }
      if (this.failed) break;
    }
    this.popNewlines();
    const parts = assembleTemplate(items, heredoc?.indented ?? false, this.ends[open]!, onProblem);
    return heredoc ? { type: 'Template', parts, heredoc: { marker: heredoc.marker, indented: heredoc.indented }, start, end } : { type: 'Template', parts, start, end };
  }

  private stripRight(close: number): boolean {
    return this.ends[close]! - this.starts[close]! === 2;
  }

  /** Expects the `}` or `~}` ending a sequence; returns its index, or -1 after an error. */
  private closeSequence(what: string): number {
    const c = this.peekIndex();
    if (this.types[c] === T.SeqEnd) {
      this.next();
      return c;
    }
    this.failAt(`Expected "}" to close the ${what}, found ${this.describe(c)}`, c);
    return -1;
  }

  private parseInterpolation(open: number, items: TemplateItem[]): void {
    const expression = this.parseExpression();
    if (this.failed) return;
    const close = this.closeSequence('interpolation');
    if (close < 0) return;
    const stripLeft = this.ends[open]! - this.starts[open]! === 3;
    const stripRight = this.stripRight(close);
    items.push({
      kind: 'interp',
      stripLeft,
      stripRight,
      node: { type: 'TemplateInterpolation', expression, stripLeft, stripRight, start: this.starts[open]!, end: this.ends[close]! },
    });
  }

  private parseDirective(open: number, items: TemplateItem[]): void {
    const start = this.starts[open]!;
    const stripLeft = this.ends[open]! - start === 3;
    const k = this.peekIndex();
    const word = this.types[k] === T.Ident ? this.tokenText(k) : '';
    if (word === 'if') {
      this.next();
      const condition = this.parseExpression();
      if (this.failed) return;
      const close = this.closeSequence('%{ if } directive');
      if (close >= 0) items.push({ kind: 'if', condition, start, end: this.ends[close]!, stripLeft, stripRight: this.stripRight(close) });
    } else if (word === 'for') {
      this.next();
      const names: string[] = [];
      for (;;) {
        const v = this.peekIndex();
        if (this.types[v] !== T.Ident) {
          this.failAt(`Expected a variable name in the %{ for } directive, found ${this.describe(v)}`, v);
          return;
        }
        this.next();
        names.push(this.tokenText(v));
        if (names.length === 2 || this.peek() !== T.Comma) break;
        this.next();
      }
      const inTok = this.peekIndex();
      if (!this.isKeyword(inTok, 'in')) {
        this.failAt(`Expected "in" in the %{ for } directive, found ${this.describe(inTok)}`, inTok);
        return;
      }
      this.next();
      const collection = this.parseExpression();
      if (this.failed) return;
      const close = this.closeSequence('%{ for } directive');
      if (close < 0) return;
      const [first, second] = names as [string, string | undefined];
      const end = this.ends[close]!;
      const stripRight = this.stripRight(close);
      items.push(
        second === undefined
          ? { kind: 'for', valueVar: first, collection, start, end, stripLeft, stripRight }
          : { kind: 'for', keyVar: first, valueVar: second, collection, start, end, stripLeft, stripRight },
      );
    } else if (word === 'else' || word === 'endif' || word === 'endfor') {
      this.next();
      const close = this.closeSequence(`%{ ${word} } directive`);
      if (close >= 0) items.push({ kind: word, start, end: this.ends[close]!, stripLeft, stripRight: this.stripRight(close) });
    } else {
      this.failAt(`Invalid template directive ${this.describe(k)}: expected if, else, endif, for or endfor`, k);
    }
  }
}
