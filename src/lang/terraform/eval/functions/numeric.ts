import { propagateUnknown } from '../../../../kernel/value-ops.js';
import type { Val } from '../../../../kernel/value.js';
import { asList, asNumberLike, derived, fail } from '../support.js';
import { def, type CallContext, type FunctionTable } from './types.js';

function numbers(args: readonly Val[]): number[] {
  return args.map((a) => asNumberLike(a));
}

function unary(f: (n: number) => number) {
  return def(1, 1, ([v], ctx: CallContext) => derived(f(asNumberLike(v!)), ctx.loc, [v!]));
}

export const NUMERIC_FUNCTIONS: FunctionTable = {
  min: def(1, Infinity, (args, ctx) => derived(Math.min(...numbers(args)), ctx.loc, args)),
  max: def(1, Infinity, (args, ctx) => derived(Math.max(...numbers(args)), ctx.loc, args)),
  abs: unary(Math.abs),
  ceil: unary(Math.ceil),
  floor: unary(Math.floor),
  signum: unary(Math.sign),
  log: def(2, 2, ([v, b], ctx) => derived(Math.log(asNumberLike(v!)) / Math.log(asNumberLike(b!)), ctx.loc, [v!])),
  pow: def(2, 2, ([v, e], ctx) => derived(asNumberLike(v!) ** asNumberLike(e!), ctx.loc, [v!, e!])),
  sum: def(1, 1, ([l], ctx) => {
    const items = asList(l!, 'sum argument');
    if (items.length === 0) fail('sum: empty list');
    if (items.some((i) => i.kind === 'unknown')) return propagateUnknown(items, ctx.loc);
    return derived(
      numbers(items).reduce((a, b) => a + b, 0),
      ctx.loc,
      items,
    );
  }),
};
