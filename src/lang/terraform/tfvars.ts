import type { Loc } from '../../kernel/location.js';
import { unknown, type Val } from '../../kernel/value.js';
import { parseHcl } from '../../syntax/hcl/parser.js';
import { parseJson } from '../../syntax/json/parse.js';
import type { Diagnostics } from './diagnostics.js';
import type { Scope } from './eval/env.js';
import { evaluateSafe, locOf } from './eval/expr.js';
import { fail } from './eval/support.js';
import { jsonToVal } from '../json-values.js';

/** Variable files hold constants: any reference is an error, as in Terraform. */
const CONSTANT_SCOPE: Scope = {
  variable: () => fail('variables are not allowed in a variable file'),
  local: () => fail('locals are not allowed in a variable file'),
  moduleCall: () => fail('modules are not allowed in a variable file'),
  moduleOutput: () => fail('modules are not allowed in a variable file'),
  resource: () => fail('resources are not allowed in a variable file'),
  resourceInstance: () => fail('resources are not allowed in a variable file'),
  path: () => fail('path is not allowed in a variable file'),
  files: { rootDir: '/', read: () => ({ ok: false, reason: 'files are not read from a variable file' }) },
};

export interface VarAssignment {
  readonly value: Val;
  /** The variable name as written, for "undeclared variable" warnings. */
  readonly nameLoc: Loc;
}

/** Parses a `.tfvars` (HCL) or `.tfvars.json` file into variable values located in that file. */
export function parseVarFile(file: string, text: string, diagnostics: Diagnostics): Map<string, VarAssignment> {
  const out = new Map<string, VarAssignment>();
  if (file.endsWith('.json')) {
    const doc = parseJson(text);
    for (const e of doc.errors) diagnostics.add({ file, start: e.offset, end: e.offset + e.length }, e.message, 'error', true);
    const root = doc.root;
    if (root?.type !== 'object') return out;
    for (const p of root.children ?? []) {
      const [k, v] = p.children ?? [];
      if (k && v) out.set(k.value as string, { value: jsonToVal(file, v), nameLoc: { file, start: k.offset, end: k.offset + k.length } });
    }
    return out;
  }
  const ast = parseHcl(text);
  for (const e of ast.errors) diagnostics.add({ file, start: e.start, end: e.end }, e.message, 'error', true);
  const env = { file, scope: CONSTANT_SCOPE, bindings: new Map<string, Val>(), state: { depth: 0, steps: 0 } };
  for (const item of ast.body.items) {
    if (item.type === 'Block') {
      diagnostics.add(locOf(env, item.blockType), `Blocks are not allowed in a variable file`, 'warn');
      continue;
    }
    const value = evaluateSafe(item.value, env);
    if (value.kind === 'unknown') diagnostics.add(locOf(env, item.value), `Variable file values must be constants: ${value.reason}`, 'warn');
    out.set(item.name.name, { value: value.kind === 'unknown' ? unknown(value.reason, value.loc) : value, nameLoc: locOf(env, item.name) });
  }
  return out;
}
