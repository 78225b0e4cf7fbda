import { bool, num, type Val } from '../../../kernel/value.js';
import type { Arg, CallContext, FunctionTable } from './types.js';
import { deepEqual, errorVal, mergeOrigins, propagateUnknown } from '../../../kernel/value-ops.js';
import { ARM_EQUALITY, intArg, typeName, wrongType } from './util.js';

function equals(args: readonly Arg[], ctx: CallContext): Val {
  const [a, b] = args as [Val, Val];
  const e = deepEqual(a, b, ARM_EQUALITY);
  return e === undefined ? propagateUnknown(args, ctx.site) : bool(e, ctx.site, mergeOrigins(args));
}

/**
 * Culture-aware string order, as ARM's greater()/less() compare strings ('a' sorts before 'A').
 * Made on first use: ICU's collation data cost ~5 ms at a start that may compare no strings.
 */
let collator: Intl.Collator | undefined;

function compare(test: (c: number) => boolean) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const [a, b] = args as [Val, Val];
    let c: number;
    if (a.kind === 'number' && b.kind === 'number') c = a.value - b.value;
    else if (a.kind === 'string' && b.kind === 'string') c = (collator ??= new Intl.Collator('en', { sensitivity: 'variant' })).compare(a.value, b.value);
    else return errorVal(ctx.site, `${ctx.name}() compares two integers or two strings, not ${typeName(a)} and ${typeName(b)}`, args);
    return bool(test(c), ctx.site, mergeOrigins(args));
  };
}

/** and()/or(): a deciding known argument decides even when another argument is unknown. */
function junction(isAnd: boolean) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    let sawUnknown = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.kind === 'unknown') {
        sawUnknown = true;
        continue;
      }
      if (a.kind !== 'boolean') return wrongType(ctx, i, 'a boolean', a, args);
      if (a.value !== isAnd) return bool(a.value, ctx.site, a.origins);
    }
    return sawUnknown ? propagateUnknown(args, ctx.site) : bool(isAnd, ctx.site, mergeOrigins(args));
  };
}

function not(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  if (a.kind !== 'boolean') return wrongType(ctx, 0, 'a boolean', a, args);
  return bool(!a.value, ctx.site, a.origins);
}

function toBool(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  if (a.kind === 'boolean') return bool(a.value, ctx.site, a.origins);
  if (a.kind === 'number') return bool(a.value !== 0, ctx.site, a.origins);
  if (a.kind === 'string') {
    const s = a.value.trim().toLowerCase();
    if (s === 'true' || s === 'false') return bool(s === 'true', ctx.site, a.origins);
    return errorVal(ctx.site, `bool() cannot convert '${a.value}' to a boolean`, args);
  }
  return wrongType(ctx, 0, 'a string, an integer or a boolean', a, args);
}

function toInt(args: readonly Arg[], ctx: CallContext): Val {
  const a = args[0]!;
  if (a.kind === 'number') return num(Math.trunc(a.value), ctx.site, a.origins);
  if (a.kind === 'string') {
    const s = a.value.trim();
    if (/^[-+]?\d+$/.test(s)) return num(Number(s), ctx.site, a.origins);
    return errorVal(ctx.site, `int() cannot convert '${a.value}' to an integer`, args);
  }
  return wrongType(ctx, 0, 'a string or an integer', a, args);
}

function arithmetic(op: (a: number, b: number) => number | undefined, what: string) {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const a = intArg(args[0] as Val);
    const b = intArg(args[1] as Val);
    if (a === undefined) return wrongType(ctx, 0, 'an integer', args[0]!, args);
    if (b === undefined) return wrongType(ctx, 1, 'an integer', args[1]!, args);
    const r = op(a, b);
    if (r === undefined) return errorVal(ctx.site, `${ctx.name}(): ${what}`, args);
    return num(r, ctx.site, mergeOrigins(args));
  };
}

export const logicFunctions: FunctionTable = {
  equals: { minArgs: 2, maxArgs: 2, handlesUnknown: true, fn: equals },
  greater: { minArgs: 2, maxArgs: 2, fn: compare((c) => c > 0) },
  greaterorequals: { minArgs: 2, maxArgs: 2, fn: compare((c) => c >= 0) },
  less: { minArgs: 2, maxArgs: 2, fn: compare((c) => c < 0) },
  lessorequals: { minArgs: 2, maxArgs: 2, fn: compare((c) => c <= 0) },
  and: { minArgs: 1, maxArgs: Infinity, handlesUnknown: true, fn: junction(true) },
  or: { minArgs: 1, maxArgs: Infinity, handlesUnknown: true, fn: junction(false) },
  not: { minArgs: 1, maxArgs: 1, fn: not },
  bool: { minArgs: 1, maxArgs: 1, fn: toBool },
  true: { minArgs: 0, maxArgs: 0, fn: (_args, ctx) => bool(true, ctx.site) },
  false: { minArgs: 0, maxArgs: 0, fn: (_args, ctx) => bool(false, ctx.site) },
  int: { minArgs: 1, maxArgs: 1, fn: toInt },
  add: { minArgs: 2, maxArgs: 2, fn: arithmetic((a, b) => a + b, '') },
  sub: { minArgs: 2, maxArgs: 2, fn: arithmetic((a, b) => a - b, '') },
  mul: { minArgs: 2, maxArgs: 2, fn: arithmetic((a, b) => a * b, '') },
  // Integer division truncates toward zero, like .NET's.
  div: { minArgs: 2, maxArgs: 2, fn: arithmetic((a, b) => (b === 0 ? undefined : Math.trunc(a / b)), 'division by zero') },
  mod: { minArgs: 2, maxArgs: 2, fn: arithmetic((a, b) => (b === 0 ? undefined : a % b), 'division by zero') },
};
