import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { fromPlain, isError, type Plain, type Val } from '../../../kernel/value.js';
import { partsOf } from '../../../kernel/partial-string.js';
import type { Arg, CallContext, FunctionTable } from './types.js';
import { errorVal, limitVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { MAX_STRING_LENGTH, newPartial, newStr, wrongType } from './util.js';

/** Deepest JSON nesting json() accepts (deeper text is an error, never a stack overflow). */
const MAX_JSON_DEPTH = 256;

function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function parseJson(text: string, args: readonly Arg[], ctx: CallContext): Val {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return limitVal(ctx.site, `${ctx.name}() JSON nested deeper than ${MAX_JSON_DEPTH} levels`, args);
  // ARM reads JSON as Json.NET does: comments allowed (AVM modules load commented files this way).
  const errors: ParseError[] = [];
  const plain = parse(text, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false }) as Plain;
  const first = errors[0];
  if (first) return errorVal(ctx.site, `${ctx.name}() was given invalid JSON: ${printParseErrorCode(first.error)} at position ${first.offset}`, args);
  return fromPlain(plain, ctx.site, mergeOrigins(args));
}

function stringFn(f: (s: string, args: readonly Arg[], ctx: CallContext) => Val) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const a = args[0]!;
    if (a.kind !== 'string') return wrongType(ctx, 0, 'a string', a, args);
    return f(a.value, args, ctx);
  };
}

function base64(s: string, args: readonly Arg[], ctx: CallContext): Val {
  // Encoded text is 4/3 of the UTF-8 size, so refuse early rather than allocate.
  if (s.length * 4 > MAX_STRING_LENGTH * 3) return limitVal(ctx.site, 'base64() input', args);
  return newStr(Buffer.from(s, 'utf8').toString('base64'), ctx, args);
}

function fromBase64(s: string): string | undefined {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return undefined;
  return Buffer.from(t, 'base64').toString('utf8');
}

function base64ToString(s: string, args: readonly Arg[], ctx: CallContext): Val {
  const text = fromBase64(s);
  return text === undefined ? errorVal(ctx.site, 'base64ToString() was given invalid base64', args) : newStr(text, ctx, args);
}

function base64ToJson(s: string, args: readonly Arg[], ctx: CallContext): Val {
  const text = fromBase64(s);
  return text === undefined ? errorVal(ctx.site, 'base64ToJson() was given invalid base64', args) : parseJson(text, args, ctx);
}

function dataUri(s: string, args: readonly Arg[], ctx: CallContext): Val {
  if (s.length * 4 > MAX_STRING_LENGTH * 3) return limitVal(ctx.site, 'dataUri() input', args);
  return newStr(`data:text/plain;charset=utf8;base64,${Buffer.from(s, 'utf8').toString('base64')}`, ctx, args);
}

function dataUriToString(s: string, args: readonly Arg[], ctx: CallContext): Val {
  const m = /^data:([^,]*),(.*)$/s.exec(s);
  if (!m) return errorVal(ctx.site, 'dataUriToString() was given a value that is not a data URI', args);
  if (/;base64$/i.test(m[1]!)) {
    const text = fromBase64(m[2]!);
    return text === undefined ? errorVal(ctx.site, 'dataUriToString() was given invalid base64', args) : newStr(text, ctx, args);
  }
  try {
    return newStr(decodeURIComponent(m[2]!), ctx, args);
  } catch {
    return errorVal(ctx.site, 'dataUriToString() was given invalid percent-encoding', args);
  }
}

/** uri(): RFC 3986 resolution of a relative URI against an absolute base, as .NET's Uri does it. */
function uri(args: readonly Arg[], ctx: CallContext): Val {
  const [base, rel] = args as [Val, Val];
  if (base.kind === 'unknown' || rel.kind === 'unknown') return uriOfUnknown(base, rel, args, ctx);
  if (base.kind !== 'string') return wrongType(ctx, 0, 'a string', base, args);
  if (rel.kind !== 'string') return wrongType(ctx, 1, 'a string', rel, args);
  try {
    return newStr(new URL(rel.value, base.value).href, ctx, args);
  } catch {
    return errorVal(ctx.site, `uri() cannot combine '${base.value}' and '${rel.value}'`, args);
  }
}

/**
 * uri() of a deployment-time base (a template's own URI, `_artifactsLocation`) and a relative
 * path: the base's folder, `uri(base, '.')`, followed by the path, which keeps a linked
 * template's path readable. Anything else is unknown.
 */
function uriOfUnknown(base: Val, rel: Val, args: readonly Arg[], ctx: CallContext): Val {
  const relParts = partsOf(rel);
  const first = relParts?.[0];
  const relative = typeof first === 'string' && !/^([a-z][a-z0-9+.-]*:|[/?#.])/i.test(first);
  if (isError(base) || isError(rel) || base.kind !== 'unknown' || !base.symbol || base.parts || !relative) return propagateUnknown(args, ctx.site);
  return newPartial([{ symbol: `uri(${base.symbol}, '.')` }, ...relParts!], ctx, args);
}

/** Uri.EscapeDataString: everything but RFC 3986 unreserved characters is escaped. */
function uriComponent(s: string, args: readonly Arg[], ctx: CallContext): Val {
  try {
    return newStr(encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`), ctx, args);
  } catch {
    return errorVal(ctx.site, 'uriComponent() was given a string with an unpaired surrogate', args);
  }
}

function uriComponentToString(s: string, args: readonly Arg[], ctx: CallContext): Val {
  try {
    return newStr(decodeURIComponent(s), ctx, args);
  } catch {
    return errorVal(ctx.site, 'uriComponentToString() was given invalid percent-encoding', args);
  }
}

export const encodingFunctions: FunctionTable = {
  json: { minArgs: 1, maxArgs: 1, fn: stringFn(parseJson) },
  base64: { minArgs: 1, maxArgs: 1, fn: stringFn(base64) },
  base64tostring: { minArgs: 1, maxArgs: 1, fn: stringFn(base64ToString) },
  base64tojson: { minArgs: 1, maxArgs: 1, fn: stringFn(base64ToJson) },
  datauri: { minArgs: 1, maxArgs: 1, fn: stringFn(dataUri) },
  datauritostring: { minArgs: 1, maxArgs: 1, fn: stringFn(dataUriToString) },
  uri: { minArgs: 2, maxArgs: 2, handlesUnknown: true, fn: uri },
  uricomponent: { minArgs: 1, maxArgs: 1, fn: stringFn(uriComponent) },
  uricomponenttostring: { minArgs: 1, maxArgs: 1, fn: stringFn(uriComponentToString) },
};
