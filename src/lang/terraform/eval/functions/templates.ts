import { str, unknown, type Val } from '../../../../kernel/value.js';
import { LineIndex } from '../../../../kernel/location.js';
import { errorVal, mergeOrigins } from '../../../../kernel/value-ops.js';
import { parseTemplateRegion } from '../../../../syntax/hcl/parser.js';
import { asObject, asStringLike } from '../support.js';
import { readModuleFile } from './files.js';
import { def, type FunctionTable } from './types.js';

/**
 * `templatefile(path, vars)`: the whole file is one standalone template, as Terraform parses it,
 * so spans inside it are offsets into the template file itself. `vars` replace the call's
 * `each`, `count` and for-expression variables; `var.` and `local.` references still resolve
 * here, which Terraform refuses.
 */
export const TEMPLATE_FUNCTIONS: FunctionTable = {
  templatefile: def(2, 2, ([p, vars], ctx) => {
    const name = asStringLike(p!);
    const r = readModuleFile(name, ctx);
    if (!('text' in r)) return unknown(r.reason, ctx.loc);
    const { template, errors } = parseTemplateRegion(r.text, 0, r.text.length, r.file);
    const error = errors[0];
    if (error) {
      const { line, column } = new LineIndex(r.text).position(error.subject.start);
      return errorVal(ctx.loc, `template ${name}:${line}:${column} has a syntax error: ${error.summary}`);
    }
    const bindings = new Map<string, Val>([...asObject(vars!, 'templatefile vars')].map(([k, prop]) => [k, prop.value]));
    const v = ctx.evaluateTemplate(template, r.file, bindings);
    if (v.kind !== 'string') return v.kind === 'unknown' ? unknown(v.reason, ctx.loc) : v;
    return str(v.value, ctx.loc, mergeOrigins([v, ...bindings.values()]));
  }),
};
