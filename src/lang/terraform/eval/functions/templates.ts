import { str, unknown, type Val } from '../../../../kernel/value.js';
import { parseHcl } from '../../../../syntax/hcl/parser.js';
import { withBindings } from '../env.js';
import { evaluate } from '../expr.js';
import { asObject, asStringLike, mergedOrigins } from '../support.js';
import { readModuleFile } from './files.js';
import { def, type FunctionTable } from './types.js';

/**
 * `templatefile(path, vars)`: the file is parsed as a heredoc template (same syntax, same
 * parser), with only `vars` in scope.
 */
export const TEMPLATE_FUNCTIONS: FunctionTable = {
  templatefile: def(2, 2, ([p, vars], ctx) => {
    const r = readModuleFile(asStringLike(p!), ctx);
    if (!('text' in r)) return unknown(r.reason, ctx.loc);
    let marker = 'TEMPLATEFILE';
    while (r.text.includes(marker)) marker += '_';
    const body = r.text.endsWith('\n') ? r.text : `${r.text}\n`;
    const prefix = `t = <<${marker}\n`;
    const ast = parseHcl(`${prefix}${body}${marker}\n`);
    const attr = ast.body.items[0];
    if (ast.errors.length || attr?.type !== 'Attribute') return unknown(`template ${asStringLike(p!)} has a syntax error`, ctx.loc);
    const bindings: [string, Val][] = [...asObject(vars!, 'templatefile vars')].map(([k, prop]) => [k, prop.value]);
    const env = withBindings({ ...ctx.env, file: r.file, bindings: new Map() }, bindings);
    const v = evaluate(attr.value, env);
    if (v.kind !== 'string') return v.kind === 'unknown' ? unknown(v.reason, ctx.loc) : v;
    const text = r.text.endsWith('\n') ? v.value : v.value.slice(0, -1);
    return str(text, ctx.loc, mergedOrigins([v, ...bindings.map(([, b]) => b)]));
  }),
};
