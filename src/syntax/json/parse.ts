import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { syntaxError, type Diagnostic } from '../../kernel/diagnostic.js';
import { LineIndex } from '../../kernel/location.js';
import { parseWellFormed } from './fast-tree.js';
import { scanJsonText } from './scan.js';

export type JsonNode = Node;

export interface JsonDocument {
  readonly text: string;
  readonly lines: LineIndex;
  /** Undefined when nothing could be parsed. */
  readonly root: JsonNode | undefined;
  /** Fatal syntax diagnostics; `lines` gives their line and column. */
  readonly errors: readonly Diagnostic[];
}

/** Deeper nesting than any real template; beyond it the parser would exhaust the stack. */
export const MAX_JSON_DEPTH = 1000;

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":"',
  CommaExpected: 'Expected ","',
  CloseBraceExpected: 'Expected "}"',
  CloseBracketExpected: 'Expected "]"',
  EndOfFileExpected: 'Expected end of file',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

/**
 * Parses JSON with comments and trailing commas (ARM accepts both). Never throws:
 * syntax errors and over-deep nesting come back as diagnostics in `file`.
 */
export function parseJson(text: string, file = ''): JsonDocument {
  // Most files never need a position (no error, no finding): index their lines on first use.
  let index: LineIndex | undefined;
  const lineIndex = () => (index ??= new LineIndex(text));
  const fast = parseWellFormed(text, MAX_JSON_DEPTH);
  if (fast) {
    return {
      text,
      get lines() {
        return lineIndex();
      },
      root: fast,
      errors: [],
    };
  }
  let raw: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(text, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Scanning every file for its depth would cost more than this rare case: look only when it happens.
    const at = findDepthOverflow(text, MAX_JSON_DEPTH) ?? 0;
    return {
      text,
      get lines() {
        return lineIndex();
      },
      root: undefined,
      errors: [syntaxError(file, `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, at, at + 1)],
    };
  }
  if (raw.length) {
    // ARM's parser accepts line breaks inside strings (multi-line expressions); blanking them
    // keeps every offset while letting a strict JSON parser read the file.
    const flattened = blankLineBreaksInStrings(text);
    if (flattened !== text) {
      const retry: ParseError[] = [];
      const retried = parseTree(flattened, retry, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
      if (retry.length < raw.length) {
        raw = retry;
        root = retried;
      }
    }
  }
  // jsonc-parser reports follow-on errors after the first break; one message per break is clearer.
  const errors = raw.slice(0, 1).map((e) => {
    const name = printParseErrorCode(e.error);
    const found = e.offset >= text.length ? 'end of file' : JSON.stringify(text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 20))));
    // jsonc-parser gives an unterminated comment at the end of the text one character too many.
    const length = Math.max(0, Math.min(e.length, text.length - e.offset));
    return syntaxError(file, `${MESSAGES[name] ?? name} (found ${found})`, e.offset, e.offset + length);
  });
  return {
    text,
    get lines() {
      return lineIndex();
    },
    root,
    errors,
  };
}

/**
 * Offset of the first bracket nested deeper than `limit`, or undefined. Cheap enough to run on
 * every file; skips strings and comments so that brackets inside them do not count.
 */
export function findDepthOverflow(text: string, limit: number = MAX_JSON_DEPTH): number | undefined {
  // Fast path: a file with fewer brackets than the limit cannot nest that deep.
  if (text.length < limit * 2) return undefined;
  let depth = 0;
  let overflow: number | undefined;
  scanJsonText(text, {
    other(c, at) {
      if (c === 0x5b || c === 0x7b) {
        if (++depth <= limit) return false;
        overflow = at;
        return true;
      }
      if (c === 0x5d || c === 0x7d) depth--;
      return false;
    },
  });
  return overflow;
}

function blankLineBreaksInStrings(text: string): string {
  let out: string[] | undefined;
  scanJsonText(text, {
    string(start, end) {
      for (let i = start + 1; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || c === 0x0d) (out ??= [...text])[i] = ' ';
      }
    },
  });
  return out ? out.join('') : text;
}

/** Property value node of an object node, by exact key. */
export function childValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  for (const prop of node.children) {
    const [k, v] = prop.children ?? [];
    if (k && k.value === key) return v;
  }
  return undefined;
}
