import { WorkBudget } from '../../kernel/work.js';
import type { Loc } from '../../kernel/location.js';
import { unknown, type Val } from '../../kernel/value.js';
import { parseHcl } from '../../syntax/hcl/parser.js';
import { parseJson } from '../../syntax/json/parse.js';
import type { DiagnosticSink } from '../../kernel/diagnostic.js';
import { errorVal } from '../../kernel/value-ops.js';
import type { Scope } from './eval/env.js';
import { evaluateSafe, locOf } from './eval/expr.js';
import { jsonToVal } from '../json-values.js';

/** Variable files hold constants: any reference is an error, as in Terraform. */
const CONSTANT_SCOPE: Scope = {
  variable: (_name, site) => errorVal(site, 'variables are not allowed in a variable file'),
  local: (_name, site) => errorVal(site, 'locals are not allowed in a variable file'),
  moduleCall: (_name, site) => errorVal(site, 'modules are not allowed in a variable file'),
  moduleOutput: (_name, _output, site) => errorVal(site, 'modules are not allowed in a variable file'),
  resource: (_mode, _type, _name, site) => errorVal(site, 'resources are not allowed in a variable file'),
  resourceInstance: (_mode, _type, _name, _key, site) => errorVal(site, 'resources are not allowed in a variable file'),
  resourceAttribute: () => undefined,
  path: (_name, site) => errorVal(site, 'path is not allowed in a variable file'),
  files: { rootDir: '/', read: () => ({ ok: false, reason: 'files are not read from a variable file' }) },
  mayContain: () => true,
};

export interface VarAssignment {
  readonly value: Val;
  /** The variable name as written, for "undeclared variable" warnings. */
  readonly nameLoc: Loc;
}

/** Parses a `.tfvars` (HCL) or `.tfvars.json` file into variable values located in that file. */
export function parseVarFile(file: string, text: string, diagnostics: DiagnosticSink): Map<string, VarAssignment> {
  const out = new Map<string, VarAssignment>();
  if (file.endsWith('.json')) {
    const doc = parseJson(text, file);
    for (const e of doc.errors) diagnostics.add(e);
    const root = doc.root;
    if (root?.type !== 'object') return out;
    for (const p of root.children ?? []) {
      const [k, v] = p.children ?? [];
      if (k && v) out.set(k.value as string, { value: jsonToVal(file, v), nameLoc: { file, start: k.offset, end: k.offset + k.length } });
    }
    return out;
  }
  const ast = parseHcl(text, file);
  for (const e of ast.errors) diagnostics.add(e);
  const env = { file, scope: CONSTANT_SCOPE, bindings: new Map<string, Val>(), state: { work: new WorkBudget() } };
  for (const item of ast.body.items) {
    if (item.type === 'Block') {
      diagnostics.add({ severity: 'warn', summary: `Blocks are not allowed in a variable file`, subject: locOf(env, item.blockType) });
      continue;
    }
    const value = evaluateSafe(item.value, env);
    if (value.kind === 'unknown') diagnostics.add({ severity: 'warn', summary: `Variable file values must be constants: ${value.reason}`, subject: locOf(env, item.value) });
    out.set(item.name.name, { value: value.kind === 'unknown' ? unknown(value.reason, value.loc) : value, nameLoc: locOf(env, item.name) });
  }
  return out;
}
