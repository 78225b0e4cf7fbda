import { unknown, type Val } from '../../../../kernel/value.js';
import { fail, unknownFrom } from '../support.js';
import { COLLECTION_FUNCTIONS } from './collections.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import { FILE_FUNCTIONS } from './files.js';
import { NETWORK_FUNCTIONS } from './network.js';
import { NUMERIC_FUNCTIONS } from './numeric.js';
import { STRING_FUNCTIONS } from './strings.js';
import { TEMPLATE_FUNCTIONS } from './templates.js';
import type { CallContext, FunctionDef } from './types.js';

const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(
  Object.entries({
    ...STRING_FUNCTIONS,
    ...COLLECTION_FUNCTIONS,
    ...NUMERIC_FUNCTIONS,
    ...ENCODING_FUNCTIONS,
    ...FILE_FUNCTIONS,
    ...NETWORK_FUNCTIONS,
    ...TEMPLATE_FUNCTIONS,
  }),
);

/** Calls a Terraform built-in function; `try` and `can` are handled by the evaluator (lazy arguments). */
export function callFunction(name: string, args: readonly Val[], ctx: CallContext): Val {
  const f = FUNCTIONS.get(name);
  if (!f) {
    // Provider-defined functions (`provider::azurerm::…`) and unimplemented built-ins: never guess.
    return unknown(`function ${name}() is not evaluated`, ctx.loc);
  }
  if (args.length < f.min || args.length > f.max) fail(`${name}() takes ${f.min === f.max ? f.min : `${f.min} to ${f.max}`} arguments, got ${args.length}`);
  if (!f.unknowns && args.some((a) => a.kind === 'unknown')) return unknownFrom(args, ctx.loc);
  return f.fn(args, ctx);
}
