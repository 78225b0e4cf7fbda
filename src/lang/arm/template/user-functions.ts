import { errorVal } from '../../../kernel/value-ops.js';
import { tooDeepVal } from '../../../kernel/work.js';
import type { Loc } from '../../../kernel/location.js';
import { moveTo, unknown, type Val } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { evaluateString, type ExpressionScope } from '../expression/index.js';
import type { TemplateEnv } from './context.js';
import { entries, nodeLoc, prop } from './json-val.js';

/** Bounds recursion between user-defined functions (ARM forbids it; a template may still try). */
const MAX_CALL_DEPTH = 32;

/**
 * A template's `functions` section (`namespace.member(...)`, Bicep `func`). A function sees
 * only its own parameters, as in ARM; its output expression is evaluated per call.
 */
export function callUserFunction(scope: TemplateEnv, name: string, args: readonly Val[], site: Loc | undefined, depth: number): Val | undefined {
  const dot = name.indexOf('.');
  const namespace = name.slice(0, dot).toLowerCase();
  const member = name.slice(dot + 1).toLowerCase();
  const functions = prop(scope.template, 'functions');
  const ns = functions?.children?.find((f) => {
    const n = prop(f, 'namespace');
    return n?.type === 'string' && (n.value as string).toLowerCase() === namespace;
  });
  const def = entries(prop(ns, 'members')).find(([k]) => (k.value as string).toLowerCase() === member)?.[1];
  if (!def) return undefined;
  if (depth >= MAX_CALL_DEPTH) return errorVal(site, `user-defined function ${name}() calls itself too deeply`);
  const output = prop(prop(def, 'output'), 'value');
  if (output?.type !== 'string') return unknown(`user-defined function ${name}() has no expression output`, site);
  const params = new Map<string, Val>();
  (prop(def, 'parameters')?.children ?? []).forEach((p: JsonNode, i) => {
    const n = prop(p, 'name');
    if (n?.type === 'string' && args[i]) params.set((n.value as string).toLowerCase(), args[i]!);
  });
  const fnScope: ExpressionScope = {
    work: scope.work,
    parameter: (p, at) => {
      const v = params.get(p.toLowerCase());
      return v ? moveTo(v, at) : undefined;
    },
    variable: () => undefined,
    copyIndex: () => undefined,
    deploymentFunction: (fn, at) => scope.deploymentFunction(fn, at),
    reference: (target, at) => scope.reference(target, at),
    userFunction: (inner, innerArgs, at) => callUserFunction(scope, inner, innerArgs, at, depth + 1),
  };
  // A call costs as many frames as a variable reference (see WorkBudget.enter).
  if (!scope.work.enter(4, site)) return tooDeepVal(site);
  try {
    return evaluateString(output.value as string, nodeLoc(scope.file, output), fnScope);
  } finally {
    scope.work.leave(4);
  }
}
