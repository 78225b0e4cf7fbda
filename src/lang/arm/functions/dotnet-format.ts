/**
 * .NET composite formatting (`String.Format`) as ARM's format() uses it, with the invariant
 * culture: `{index[,alignment][:formatString]}`, `{{` and `}}`.
 */

export type FormatPiece = string | { readonly index: number; readonly alignment: number; readonly spec: string };

/** Splits a composite format string; a string result is the error message. */
export function parseComposite(fmt: string): FormatPiece[] | string {
  const pieces: FormatPiece[] = [];
  let lit = '';
  let i = 0;
  while (i < fmt.length) {
    // Text up to the next brace in one piece: a string per character made most of what format() allocated.
    const brace = nextBrace(fmt, i);
    if (brace > i) lit += fmt.slice(i, brace);
    i = brace;
    if (i === fmt.length) break;
    const c = fmt[i]!;
    if (c === '}') {
      if (fmt[i + 1] !== '}') return 'Input string was not in a correct format (unescaped \'}\').';
      lit += '}';
      i += 2;
      continue;
    }
    if (fmt[i + 1] === '{') {
      lit += '{';
      i += 2;
      continue;
    }
    const close = fmt.indexOf('}', i);
    if (close < 0) return 'Input string was not in a correct format (unclosed \'{\').';
    const body = fmt.slice(i + 1, close);
    const hole = plainIndex(body) ?? formatItem(body);
    if (!hole) return `Input string was not in a correct format ('{${body}}').`;
    if (lit) pieces.push(lit);
    lit = '';
    pieces.push(hole);
    i = close + 1;
  }
  if (lit) pieces.push(lit);
  return pieces;
}

function nextBrace(fmt: string, from: number): number {
  for (let i = from; i < fmt.length; i++) {
    const c = fmt.charCodeAt(i);
    if (c === 0x7b || c === 0x7d) return i;
  }
  return fmt.length;
}

/** `{0}`, by far the most common item (and every Bicep interpolation), without the general expression. */
function plainIndex(body: string): FormatPiece | undefined {
  if (body.length === 0 || body.length > 9) return undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return { index: Number(body), alignment: 0, spec: '' };
}

function formatItem(body: string): FormatPiece | undefined {
  const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(body);
  return m ? { index: Number(m[1]), alignment: m[2] ? Number(m[2]) : 0, spec: m[3] ?? '' } : undefined;
}

export function align(text: string, alignment: number): string {
  if (alignment > 0) return text.padStart(alignment, ' ');
  if (alignment < 0) return text.padEnd(-alignment, ' ');
  return text;
}

function group(intDigits: string): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += ',';
    out += intDigits[i];
  }
  return out;
}

function fixed(n: number, decimals: number, grouping: boolean): string {
  const neg = n < 0;
  const [intPart, frac] = Math.abs(n).toFixed(Math.min(decimals, 100)).split('.') as [string, string | undefined];
  const body = (grouping ? group(intPart) : intPart) + (frac ? `.${frac}` : '');
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

/** A number formatted by a standard or simple custom .NET numeric format string. */
export function formatNumber(n: number, spec: string): string {
  if (spec === '') return String(n);
  const m = /^([A-Za-z])(\d{0,2})$/.exec(spec);
  if (m) {
    const p = m[2] === '' ? undefined : Number(m[2]);
    switch (m[1]!.toUpperCase()) {
      case 'D':
        if (Number.isInteger(n)) return (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(p ?? 0, '0');
        break;
      case 'N':
        return fixed(n, p ?? 2, true);
      case 'F':
        return fixed(n, p ?? 2, false);
      case 'P':
        return `${fixed(n * 100, p ?? 2, true)} %`;
      case 'C':
        return (n < 0 ? '-¤' : '¤') + fixed(Math.abs(n), p ?? 2, true);
      case 'E': {
        const [mant, exp] = n.toExponential(p ?? 6).split('e') as [string, string];
        const sign = exp.startsWith('-') ? '-' : '+';
        const e = m[1] === 'e' ? 'e' : 'E';
        return `${mant}${e}${sign}${exp.replace(/^[-+]/, '').padStart(3, '0')}`;
      }
      case 'X':
        if (Number.isInteger(n)) {
          const hex = BigInt.asUintN(n < 0 ? 64 : 128, BigInt(n)).toString(16).padStart(p ?? 0, '0');
          return m[1] === 'X' ? hex.toUpperCase() : hex;
        }
        break;
      case 'G':
        return String(n);
    }
  }
  return formatCustom(n, spec);
}

/** Custom numeric formats built from `0`, `#`, `,` and `.` (e.g. `000`, `#,##0.00`); other characters are literal. */
function formatCustom(n: number, spec: string): string {
  const firstDigit = spec.search(/[0#]/);
  if (firstDigit < 0) return spec;
  let lastDigit = firstDigit;
  for (let i = firstDigit; i < spec.length; i++) if ('0#,.'.includes(spec[i]!)) lastDigit = i;
  const prefix = spec.slice(0, firstDigit);
  const suffix = spec.slice(lastDigit + 1);
  const pattern = spec.slice(firstDigit, lastDigit + 1);
  const dot = pattern.indexOf('.');
  const intPat = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPat = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  const minInt = (intPat.replace(/,/g, '').match(/0/g) ?? []).length;
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  let [i, f] = Math.abs(n).toFixed(maxFrac).split('.') as [string, string | undefined];
  f = (f ?? '').replace(/0+$/, '');
  if (f.length < minFrac) f = f.padEnd(minFrac, '0');
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  if (intPat.includes(',')) i = group(i);
  const body = i + (f ? `.${f}` : '');
  return `${n < 0 && /[1-9]/.test(body) ? '-' : ''}${prefix}${body}${suffix}`;
}
