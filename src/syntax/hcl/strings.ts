/** Decoding of HCL template literal text: escapes, and the whitespace rules of strip markers. */

/** Go's `unicode.IsSpace`, which HCL uses for strip markers and `<<-` indentation. */
export function isUnicodeSpace(c: number): boolean {
  if (c <= 0xff) return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isUnicodeSpace(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimRightSpace(s: string): string {
  let j = s.length;
  while (j > 0 && isUnicodeSpace(s.charCodeAt(j - 1))) j--;
  return j === s.length ? s : s.slice(0, j);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** A syntax problem at `[start, end)` of the parsed text; the parser turns it into a diagnostic. */
export type ProblemCallback = (summary: string, start: number, end: number) => void;

/**
 * Decodes the literal text `text[start, end)`. Quoted strings support backslash escapes; both quoted
 * strings and heredocs turn `$${` into `${` and `%%{` into `%{`. Returns the first problem, if any,
 * through `onProblem` and keeps decoding.
 */
export function decodeLiteral(text: string, start: number, end: number, quoted: boolean, onProblem: ProblemCallback): string {
  let out = '';
  let run = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123 && i + 2 < end) {
      out += text.slice(run, i + 1);
      i += 2;
      run = i;
      continue;
    }
    if (c !== 92 || !quoted) {
      i++;
      continue;
    }
    out += text.slice(run, i);
    const sel = text.charCodeAt(i + 1);
    let len = 2;
    switch (sel) {
      case 110: out += '\n'; break;
      case 114: out += '\r'; break;
      case 116: out += '\t'; break;
      case 34: out += '"'; break;
      case 92: out += '\\'; break;
      case 117:
      case 85: {
        const digits = sel === 117 ? 4 : 8;
        let cp = 0;
        let k = 0;
        while (k < digits && i + 2 + k < end) {
          const h = hexValue(text.charCodeAt(i + 2 + k));
          if (h < 0) break;
          cp = cp * 16 + h;
          k++;
        }
        len = 2 + k;
        if (k !== digits) {
          onProblem(`Invalid escape sequence: "\\${String.fromCharCode(sel)}" must be followed by ${digits} hexadecimal digits`, i, i + len);
        } else if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
          onProblem(`Invalid escape sequence: U+${cp.toString(16).toUpperCase()} is not a Unicode character`, i, i + len);
        } else {
          out += String.fromCodePoint(cp);
        }
        break;
      }
      default: {
        const bad = i + 1 < end ? String.fromCodePoint(text.codePointAt(i + 1)!) : '';
        len = 1 + bad.length;
        onProblem(`Invalid escape sequence "\\${bad}": use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN`, i, i + len);
        out += bad;
      }
    }
    i += len;
    run = i;
  }
  return run === start ? text.slice(start, end) : out + text.slice(run, end);
}
