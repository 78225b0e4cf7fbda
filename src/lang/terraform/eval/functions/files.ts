import path from 'node:path';
import { unknown } from '../../../../kernel/value.js';
import { asStringLike, derived } from '../support.js';
import { def, type CallContext, type FunctionTable } from './types.js';

/** Reads a file for `file()`-like functions; unknown (never an error) when it is not readable here. */
export function readModuleFile(p: string, ctx: CallContext): { text: string; file: string } | { reason: string } {
  const r = ctx.env.scope.files.read(p, ctx.loc);
  return r.ok ? { text: r.text, file: r.file } : { reason: `file "${p}": ${r.reason}` };
}

export const FILE_FUNCTIONS: FunctionTable = {
  file: def(1, 1, ([p], ctx) => {
    const r = readModuleFile(asStringLike(p!), ctx);
    return 'text' in r ? derived(r.text, ctx.loc, [p!]) : unknown(r.reason, ctx.loc);
  }),
  filebase64: def(1, 1, ([p], ctx) => {
    const r = readModuleFile(asStringLike(p!), ctx);
    return 'text' in r ? derived(Buffer.from(r.text, 'utf8').toString('base64'), ctx.loc, [p!]) : unknown(r.reason, ctx.loc);
  }),
  fileexists: def(1, 1, ([p], ctx) => {
    const r = readModuleFile(asStringLike(p!), ctx);
    // "Not readable here" (outside the root, home directory) is not the same as "does not exist".
    if ('text' in r) return derived(true, ctx.loc, [p!]);
    return r.reason.endsWith('file not found') ? derived(false, ctx.loc, [p!]) : unknown(r.reason, ctx.loc);
  }),
  basename: def(1, 1, ([p], ctx) => derived(path.posix.basename(asStringLike(p!)), ctx.loc, [p!])),
  dirname: def(1, 1, ([p], ctx) => derived(path.posix.dirname(asStringLike(p!)), ctx.loc, [p!])),
  abspath: def(1, 1, ([p], ctx) => derived(path.resolve(ctx.env.scope.files.rootDir, asStringLike(p!)), ctx.loc, [p!])),
  pathexpand: def(1, 1, ([p], ctx) => {
    const s = asStringLike(p!);
    return s.startsWith('~') ? unknown('pathexpand() depends on the home directory', ctx.loc) : derived(s, ctx.loc, [p!]);
  }),
};
