import { fromPlain, hasUnknown, str, toPlain, unknown } from '../../../../kernel/value.js';
import { mergeOrigins, propagateUnknown } from '../../../../kernel/value-ops.js';
import { asStringLike, checkString, derived, fail } from '../support.js';
import { def, type CallContext, type FunctionTable } from './types.js';

function notBeforeApply(what: string) {
  return def(0, Infinity, (_args, ctx: CallContext) => unknown(`${what} is computed when Terraform runs`, ctx.loc), true);
}

export const ENCODING_FUNCTIONS: FunctionTable = {
  jsonencode: def(1, 1, ([v], ctx) => {
    if (hasUnknown(v!)) return propagateUnknown([v!], ctx.loc, 'jsonencode of a value with unknown parts');
    return str(checkString(JSON.stringify(toPlain(v!))), ctx.loc, mergeOrigins([v!]));
  }, true),
  jsondecode: def(1, 1, ([v], ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(asStringLike(v!));
    } catch {
      return fail('jsondecode: invalid JSON');
    }
    return fromPlain(parsed as Parameters<typeof fromPlain>[0], ctx.loc, v!.origins);
  }),
  yamlencode: notBeforeApply('yamlencode()'),
  yamldecode: def(1, 1, (_a, ctx) => unknown('yamldecode() is not evaluated', ctx.loc), true),
  base64encode: def(1, 1, ([v], ctx) => derived(Buffer.from(asStringLike(v!), 'utf8').toString('base64'), ctx.loc, [v!])),
  base64decode: def(1, 1, ([v], ctx) => {
    const s = asStringLike(v!);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) fail('base64decode: invalid base64');
    return derived(Buffer.from(s, 'base64').toString('utf8'), ctx.loc, [v!]);
  }),
  md5: notBeforeApply('md5()'),
  sha1: notBeforeApply('sha1()'),
  sha256: notBeforeApply('sha256()'),
  sha512: notBeforeApply('sha512()'),
  base64sha256: notBeforeApply('base64sha256()'),
  uuid: notBeforeApply('uuid()'),
  uuidv5: notBeforeApply('uuidv5()'),
  timestamp: notBeforeApply('timestamp()'),
  plantimestamp: notBeforeApply('plantimestamp()'),
  timeadd: notBeforeApply('timeadd()'),
  formatdate: notBeforeApply('formatdate()'),
  bcrypt: notBeforeApply('bcrypt()'),
};

