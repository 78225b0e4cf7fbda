import { ownCopy } from '../../../kernel/own-text.js';
import { SizedCache } from '../../../kernel/sized-cache.js';
import { expressionSyntaxError, type ExpressionNode, type ParsedExpression } from './ast.js';

/** Deepest expression tree accepted; deeper input is an error rather than a stack overflow. */
export const MAX_EXPRESSION_DEPTH = 256;

/**
 * Heap bytes the cached parses may take, estimated from their text: key and tree take ~15 bytes
 * per character (heap snapshot of the 7,241 distinct expressions of ../shared/corpus, 8.7 MB for
 * 571 K characters). 4 MB still finds 99% of the repeats a whole-run cache finds there; each
 * byte kept is several of peak memory, as V8 lets the heap grow to a multiple of what stays alive.
 */
const CACHE_BYTES = 4 << 20;
const BYTES_PER_CHAR = 15;
const cache = new SizedCache<string, ParsedExpression>(CACHE_BYTES);

/** Parses the text inside an expression's brackets. */
export function parseExpression(text: string): ParsedExpression {
  return parseBracketed(`[${text}]`);
}

/**
 * Parses an expression with its brackets, as a template's string holds it. Results are cached
 * by text because the same expressions (`[parameters('location')]`…) recur across a template
 * and across templates; keyed by the template's own string, a lookup neither cuts a new
 * string nor hashes one again when the same value is evaluated again.
 */
export function parseBracketed(text: string): ParsedExpression {
  const hit = cache.get(text);
  if (hit) return hit;
  // The cache outlives the template: its key and the tree's names and strings are cut from a copy,
  // not from the template's text, which would stay alive with them.
  const own = ownCopy(text);
  const result = new Parser(own.slice(1, -1)).parseAll();
  cache.set(own, result, own.length * BYTES_PER_CHAR);
  return result;
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

interface Parsed {
  readonly node: ExpressionNode;
  readonly height: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/**
 * Where the identifier characters (letters, digits, `_`, `$`) from `i` end. One loop without
 * calls: every function and property name of every distinct expression is scanned here, mostly
 * before V8 optimizes the parser.
 */
function identEnd(text: string, i: number): number {
  let c = text.charCodeAt(i);
  while ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36) c = text.charCodeAt(++i);
  return i;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseAll(): ParsedExpression {
    try {
      this.skipSpace();
      if (this.pos >= this.text.length) this.fail('empty expression', this.pos);
      const { node } = this.parseExpr();
      this.skipSpace();
      if (this.pos < this.text.length) this.fail(`unexpected '${this.text[this.pos]}'`, this.pos);
      return node;
    } catch (e) {
      if (e instanceof SyntaxFailure) return expressionSyntaxError(e.message, e.offset);
      throw e;
    }
  }

  private fail(message: string, offset: number): never {
    throw new SyntaxFailure(message, offset);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private checkHeight(height: number, at: number): void {
    if (height > MAX_EXPRESSION_DEPTH) this.fail(`expression nested deeper than ${MAX_EXPRESSION_DEPTH} levels`, at);
  }

  private parseExpr(): Parsed {
    if (++this.depth > MAX_EXPRESSION_DEPTH) this.checkHeight(this.depth, this.pos);
    let { node, height } = this.parsePrimary();
    for (;;) {
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 46 /* . */) {
        const safe = this.openAccess();
        const nameStart = this.pos;
        this.pos = identEnd(this.text, this.pos);
        if (this.pos === nameStart) this.fail('expected a property name after \'.\'', nameStart);
        height++;
        this.checkHeight(height, nameStart);
        node = { kind: 'property', object: node, name: this.text.slice(nameStart, this.pos), safe, start: node.start, end: this.pos };
      } else if (c === 91 /* [ */) {
        const safe = this.openAccess();
        const index = this.parseExpr();
        this.skipSpace();
        if (this.text.charCodeAt(this.pos) !== 93 /* ] */) this.fail('expected \']\'', this.pos);
        this.pos++;
        height = Math.max(height, index.height) + 1;
        this.checkHeight(height, index.node.start);
        node = { kind: 'index', object: node, index: index.node, safe, start: node.start, end: this.pos };
      } else break;
    }
    this.depth--;
    return { node, height };
  }

  /** Steps past `.` or `[`, an optional `?` (null-safe access) and spaces; true when null-safe. */
  private openAccess(): boolean {
    this.pos++;
    const safe = this.text.charCodeAt(this.pos) === 63 /* ? */;
    if (safe) this.pos++;
    this.skipSpace();
    return safe;
  }

  private parsePrimary(): Parsed {
    this.skipSpace();
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (c === 39 /* ' */) return { node: this.parseString(), height: 1 };
    if (isDigit(c) || (c === 45 /* - */ && isDigit(this.text.charCodeAt(start + 1)))) {
      this.pos++;
      while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
      if (this.text.charCodeAt(this.pos) === 46 && isDigit(this.text.charCodeAt(this.pos + 1)))
        this.fail('decimal numbers are not supported in expressions (use json(\'1.5\'))', start);
      const value = Number(this.text.slice(start, this.pos));
      return { node: { kind: 'number', value, start, end: this.pos }, height: 1 };
    }
    if (isIdentStart(c)) return this.parseCall();
    if (this.pos >= this.text.length) this.fail('unexpected end of expression', start);
    this.fail(`unexpected '${this.text[start]}'`, start);
  }

  private parseString(): ExpressionNode {
    const start = this.pos;
    this.pos++;
    let value = '';
    let chunk = this.pos;
    for (;;) {
      const i = this.text.indexOf("'", this.pos);
      if (i < 0) this.fail('unterminated string literal', start);
      if (this.text.charCodeAt(i + 1) === 39) {
        // '' is an escaped quote inside a literal.
        value += this.text.slice(chunk, i + 1);
        this.pos = i + 2;
        chunk = this.pos;
        continue;
      }
      value += this.text.slice(chunk, i);
      this.pos = i + 1;
      return { kind: 'string', value, start, end: this.pos };
    }
  }

  private parseCall(): Parsed {
    const start = this.pos;
    this.pos = identEnd(this.text, this.pos);
    // A user-defined function is called as `namespace.name(...)`.
    if (this.text.charCodeAt(this.pos) === 46 && isIdentStart(this.text.charCodeAt(this.pos + 1))) {
      const p = identEnd(this.text, this.pos + 1);
      let q = p;
      while (isSpace(this.text.charCodeAt(q))) q++;
      if (this.text.charCodeAt(q) === 40) this.pos = p;
    }
    const name = this.text.slice(start, this.pos);
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== 40 /* ( */) this.fail(`expected '(' after '${name}'`, this.pos);
    this.pos++;
    const args: ExpressionNode[] = [];
    let height = 0;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 41 /* ) */) this.pos++;
    else {
      for (;;) {
        const arg = this.parseExpr();
        args.push(arg.node);
        height = Math.max(height, arg.height);
        this.skipSpace();
        const d = this.text.charCodeAt(this.pos);
        if (d === 44 /* , */) {
          this.pos++;
          continue;
        }
        if (d === 41) {
          this.pos++;
          break;
        }
        if (this.pos >= this.text.length) this.fail(`missing ')' to close '${name}('`, this.pos);
        this.fail(`expected ',' or ')' but found '${this.text[this.pos]}'`, this.pos);
      }
    }
    height++;
    this.checkHeight(height, start);
    return { node: { kind: 'call', name, args, start, end: this.pos }, height };
  }
}
