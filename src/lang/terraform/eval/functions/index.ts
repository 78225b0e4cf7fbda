import { stoppedVal, valueCost } from '../../../../kernel/work.js';
import { unknown, type Val } from '../../../../kernel/value.js';
import { errorVal, limitVal, propagateUnknown } from '../../../../kernel/value-ops.js';
import { FunctionFailure } from '../support.js';
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

/**
 * Every built-in of Terraform 1.14 (developer.hashicorp.com/terraform/language/functions): a name
 * outside it and outside FUNCTIONS is a mistake, one inside it that FUNCTIONS lacks is just not
 * computed here (time, hashing, sensitivity…).
 */
const BUILTINS = new Set(
  (
    'abs ceil floor log max min parseint pow signum ' +
    'chomp endswith format formatlist indent join lower regex regexall replace split startswith strcontains strrev substr ' +
    'templatestring title trim trimprefix trimsuffix trimspace upper ' +
    'alltrue anytrue chunklist coalesce coalescelist compact concat contains distinct element flatten index keys length ' +
    'lookup matchkeys merge one range reverse setintersection setproduct setsubtract setunion slice sort sum transpose values zipmap ' +
    'base64decode base64encode base64gzip csvdecode jsondecode jsonencode textdecodebase64 textencodebase64 urlencode yamldecode yamlencode ' +
    'abspath dirname pathexpand basename file fileexists fileset filebase64 templatefile ' +
    'formatdate plantimestamp timeadd timecmp timestamp ' +
    'base64sha256 base64sha512 bcrypt filebase64sha256 filebase64sha512 filemd5 filesha1 filesha256 filesha512 md5 rsadecrypt sha1 sha256 sha512 uuid uuidv5 ' +
    'cidrhost cidrnetmask cidrsubnet cidrsubnets ' +
    'can ephemeralasnull issensitive nonsensitive sensitive tobool tolist tomap tonumber toset tostring try type'
  ).split(' '),
);

/** Calls a Terraform built-in function; `try` and `can` are handled by the evaluator (lazy arguments). */
export function callFunction(name: string, args: readonly Val[], ctx: CallContext): Val {
  const f = FUNCTIONS.get(name);
  if (!f) {
    // Provider-defined functions (`provider::azurerm::…`) and unimplemented built-ins: never guess.
    if (name.includes('::') || BUILTINS.has(name)) return unknown(`function ${name}() is not evaluated`, ctx.loc);
    return errorVal(ctx.loc, `there is no function named "${name}"`, args);
  }
  if (args.length < f.minArgs || args.length > f.maxArgs)
    return errorVal(ctx.loc, `${name}() takes ${f.minArgs === f.maxArgs ? f.minArgs : `${f.minArgs} to ${f.maxArgs}`} arguments, got ${args.length}`, args);
  if (!f.handlesUnknown && args.some((a) => a.kind === 'unknown')) return propagateUnknown(args, ctx.loc);
  // A call walks its arguments about once and builds its result: both are charged to the unit.
  const work = ctx.env.state.work;
  let cost = 1;
  for (const a of args) cost += valueCost(a);
  if (!work.charge(cost, ctx.loc)) return stoppedVal(ctx.loc, args);
  try {
    const result = f.fn(args, ctx);
    return work.chargeValue(result, ctx.loc) ? work.boundDepth(result, ctx.loc, args) : stoppedVal(ctx.loc, args);
  } catch (e) {
    if (!(e instanceof FunctionFailure)) throw e;
    // The library words most failures "name: …"; the rest get the function's name here.
    const message = e.message.startsWith(`${name}:`) ? e.message : `${name}: ${e.message}`;
    return e.failure === 'error' ? errorVal(ctx.loc, message, args) : limitVal(ctx.loc, message, args);
  }
}
