import { arr, isError, str, unknown, type UnknownVal, type Val } from '../../../../kernel/value.js';
import { partialString, partsOf, splitParts } from '../../../../kernel/partial-string.js';
import { mergeOrigins, propagateUnknown } from '../../../../kernel/value-ops.js';
import { asList, asNumberLike, asStringLike, checkString, derived, fail, failLimit, LIMITS } from '../support.js';
import { def, type CallContext, type FunctionTable } from './types.js';
import { regexAll, regexFirst, regexReplace } from './regex.js';

function s(v: Val, what = 'argument'): string {
  return asStringLike(v, what);
}

/** split() of a partially known string: its pieces, when no unknown part may hold the separator. */
function splitPartial(v: UnknownVal, sep: string, ctx: CallContext): Val {
  const parts = partsOf(v);
  const pieces = parts && !v.candidates && !isError(v) ? splitParts(parts, [sep], (symbol, t) => ctx.env.scope.mayContain(symbol, t)) : undefined;
  if (!pieces || sep === '') return propagateUnknown([v], ctx.loc);
  return arr(
    pieces.map((p) => partialString(p, ctx.loc, v.origins, v.reason)),
    ctx.loc,
  );
}

function text(value: string, ctx: CallContext, inputs: readonly Val[]): Val {
  return str(checkString(value), ctx.loc, mergeOrigins(inputs));
}

function sprintf(format: string, args: readonly Val[], ctx: CallContext): Val {
  let out = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\d+)?(?:\.(\d+))?([sdvqftbxXoeEgG%])/.exec(format.slice(i));
    if (!m) fail(`invalid format verb at offset ${i}`);
    i += m[0].length - 1;
    const verb = m[4]!;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const arg = args[next++];
    if (!arg) fail('not enough arguments for format');
    if (arg.kind === 'unknown') return propagateUnknown([arg], ctx.loc);
    let piece: string;
    switch (verb) {
      case 'd':
        piece = String(Math.trunc(asNumberLike(arg)));
        break;
      case 'f':
        piece = asNumberLike(arg).toFixed(m[3] === undefined ? 6 : Number(m[3]));
        break;
      case 'q':
        piece = JSON.stringify(s(arg));
        break;
      case 'v':
        piece = arg.kind === 'string' || arg.kind === 'number' || arg.kind === 'boolean' ? s(arg) : fail('%v of a collection is not supported');
        break;
      case 'x':
      case 'X': {
        const h = Math.trunc(asNumberLike(arg)).toString(16);
        piece = verb === 'X' ? h.toUpperCase() : h;
        break;
      }
      case 'o':
        piece = Math.trunc(asNumberLike(arg)).toString(8);
        break;
      case 'b':
        piece = Math.trunc(asNumberLike(arg)).toString(2);
        break;
      case 't':
        piece = s(arg);
        break;
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        piece = String(asNumberLike(arg));
        break;
      default:
        piece = s(arg);
    }
    const width = m[2] ? Number(m[2]) : 0;
    if (width > LIMITS.string) failLimit(`format: width ${width} is over the limit of ${LIMITS.string} characters`);
    const flags = m[1] ?? '';
    if (piece.length < width) piece = flags.includes('-') ? piece.padEnd(width) : piece.padStart(width, flags.includes('0') ? '0' : ' ');
    out += piece;
    checkString(out);
  }
  return text(out, ctx, args);
}

function titleCase(v: string): string {
  return v.replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

export const STRING_FUNCTIONS: FunctionTable = {
  format: def(1, Infinity, ([f, ...rest], ctx) => sprintf(s(f!), rest, ctx)),
  formatlist: def(1, Infinity, ([f, ...rest], ctx) => {
    const lists = rest.filter((a) => a.kind === 'array');
    const n = lists.length ? Math.max(...lists.map((l) => asList(l).length)) : 1;
    if (lists.some((l) => asList(l).length !== n)) fail('formatlist: all lists must have the same length');
    const items: Val[] = [];
    for (let i = 0; i < n; i++) items.push(sprintf(s(f!), rest.map((a) => (a.kind === 'array' ? a.items[i]! : a)), ctx));
    return arr(items, ctx.loc);
  }),
  join: def(2, Infinity, ([sep, ...lists], ctx) => {
    const parts: string[] = [];
    for (const l of lists) {
      for (const item of asList(l)) {
        if (item.kind === 'unknown') return propagateUnknown([item], ctx.loc);
        parts.push(s(item, 'list element'));
      }
    }
    return text(parts.join(s(sep!)), ctx, lists);
  }),
  split: def(
    2,
    2,
    ([sep, v], ctx) => {
      if (sep!.kind === 'unknown') return propagateUnknown([sep!], ctx.loc);
      // An id with deployment-time parts splits when no such part can hold the separator.
      if (v!.kind === 'unknown') return splitPartial(v!, s(sep!), ctx);
      const parts = s(v!).split(s(sep!));
      return arr(
        parts.map((p) => str(p, ctx.loc, v!.origins)),
        ctx.loc,
      );
    },
    true,
  ),
  lower: def(1, 1, ([v], ctx) => text(s(v!).toLowerCase(), ctx, [v!])),
  upper: def(1, 1, ([v], ctx) => text(s(v!).toUpperCase(), ctx, [v!])),
  title: def(1, 1, ([v], ctx) => text(titleCase(s(v!)), ctx, [v!])),
  strrev: def(1, 1, ([v], ctx) => text([...s(v!)].reverse().join(''), ctx, [v!])),
  chomp: def(1, 1, ([v], ctx) => text(s(v!).replace(/(\r\n|\n|\r)+$/, ''), ctx, [v!])),
  trimspace: def(1, 1, ([v], ctx) => text(s(v!).trim(), ctx, [v!])),
  trim: def(2, 2, ([v, cut], ctx) => {
    const set = new Set([...s(cut!)]);
    const chars = [...s(v!)];
    let a = 0;
    let b = chars.length;
    while (a < b && set.has(chars[a]!)) a++;
    while (b > a && set.has(chars[b - 1]!)) b--;
    return text(chars.slice(a, b).join(''), ctx, [v!]);
  }),
  trimprefix: def(2, 2, ([v, p], ctx) => {
    const t = s(v!);
    const pre = s(p!);
    return text(t.startsWith(pre) ? t.slice(pre.length) : t, ctx, [v!]);
  }),
  trimsuffix: def(2, 2, ([v, p], ctx) => {
    const t = s(v!);
    const suf = s(p!);
    return text(suf && t.endsWith(suf) ? t.slice(0, t.length - suf.length) : t, ctx, [v!]);
  }),
  replace: def(3, 3, ([v, find, repl], ctx) => {
    const t = s(v!);
    const f = s(find!);
    const r = s(repl!);
    if (f.length > 1 && f.startsWith('/') && f.endsWith('/')) return regexReplace(t, f.slice(1, -1), r, [v!, repl!], ctx);
    // Go's strings.Replace: an empty search string matches before every character and at the end.
    const parts = f === '' ? ['', ...t, ''] : t.split(f);
    const length = t.length + (parts.length - 1) * r.length - (f === '' ? 0 : (parts.length - 1) * f.length);
    // Checked before joining: a long replacement at many places could exceed what a string can hold.
    if (length > LIMITS.string) return unknown(`replace would build a string longer than ${LIMITS.string} characters`, ctx.loc);
    return text(parts.join(r), ctx, [v!, repl!]);
  }),
  substr: def(3, 3, ([v, off, len], ctx) => {
    const chars = [...s(v!)];
    let o = Math.trunc(asNumberLike(off!));
    let l = Math.trunc(asNumberLike(len!));
    if (o < 0) o = Math.max(0, chars.length + o);
    if (o > chars.length) fail('substr: offset beyond the end of the string');
    if (l < 0) l = chars.length - o;
    return text(chars.slice(o, o + l).join(''), ctx, [v!]);
  }),
  startswith: def(2, 2, ([v, p], ctx) => derived(s(v!).startsWith(s(p!)), ctx.loc, [v!])),
  endswith: def(2, 2, ([v, p], ctx) => derived(s(v!).endsWith(s(p!)), ctx.loc, [v!])),
  strcontains: def(2, 2, ([v, p], ctx) => derived(s(v!).includes(s(p!)), ctx.loc, [v!])),
  indent: def(2, 2, ([n, v], ctx) => {
    const pad = ' '.repeat(Math.max(0, Math.min(1000, Math.trunc(asNumberLike(n!)))));
    return text(s(v!).replace(/\n/g, `\n${pad}`), ctx, [v!]);
  }),
  tostring: def(1, 1, ([v], ctx) => (v!.kind === 'null' ? v! : text(s(v!), ctx, [v!]))),
  regex: def(2, 2, ([p, v], ctx) => regexFirst(s(p!), s(v!), v!, ctx)),
  regexall: def(2, 2, ([p, v], ctx) => regexAll(s(p!), s(v!), v!, ctx)),
  urlencode: def(1, 1, ([v], ctx) => text(encodeURIComponent(s(v!)).replace(/%20/g, '+'), ctx, [v!])),
  parseint: def(2, 2, ([v, b], ctx) => {
    const base = asNumberLike(b!);
    const n = parseInt(s(v!), base);
    if (Number.isNaN(n) || !new RegExp(`^[-+]?[0-9a-z]+$`, 'i').test(s(v!))) fail(`parseint: cannot parse "${s(v!)}"`);
    return derived(n, ctx.loc, [v!]);
  }),
  tonumber: def(1, 1, ([v], ctx) => (v!.kind === 'null' ? v! : derived(asNumberLike(v!), ctx.loc, [v!]))),
  tobool: def(1, 1, ([v], ctx) => {
    if (v!.kind === 'null') return v!;
    if (v!.kind === 'boolean') return derived(v!.value, ctx.loc, [v!]);
    if (v!.kind === 'string' && (v!.value === 'true' || v!.value === 'false')) return derived(v!.value === 'true', ctx.loc, [v!]);
    return fail('tobool: not a bool');
  }),
};
