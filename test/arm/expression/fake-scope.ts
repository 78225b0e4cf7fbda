import { evaluateString, type ExpressionScope } from '../../../src/lang/arm/expression/index.js';
import type { Loc } from '../../../src/kernel/location.js';
import { WorkBudget } from '../../../src/kernel/work.js';
import { partialString, partsText } from '../../../src/kernel/partial-string.js';
import { fromPlain, moveTo, obj, toPlain, unknown, type Plain, type Val } from '../../../src/kernel/value.js';

export const FILE = 'main.json';
/** The use site every test evaluates at. */
export const SITE: Loc = { file: FILE, start: 100, end: 120 };

export interface FakeOptions {
  parameters?: Record<string, Val>;
  variables?: Record<string, Val>;
  loops?: { name: string | undefined; index: number }[];
}

/** A parameter value as the evaluator would hold it: standing at its default, with that origin. */
export function paramDefault(name: string, value: Plain, start = 10): Val {
  return moveTo(fromPlain(value, { file: FILE, start, end: start + 5 }), { file: FILE, start, end: start + 5 }, { kind: 'parameter-default', name });
}

/** Like the template evaluator: deployment-time values are unknowns with symbols. */
export function fakeScope(options: FakeOptions = {}): ExpressionScope {
  const sym = (symbol: string, site: Loc | undefined) => unknown(`${symbol} is known only at deployment`, site, { symbol });
  return {
    work: new WorkBudget(),
    parameter: (name, site) => {
      const v = Object.entries(options.parameters ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
      return v && moveTo(v, site);
    },
    variable: (name, site) => {
      const v = Object.entries(options.variables ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
      return v && moveTo(v, site, { kind: 'variable', name });
    },
    copyIndex: (loopName) => {
      const loops = options.loops ?? [];
      if (loopName === undefined) return loops.at(-1)?.index;
      return loops.find((l) => l.name?.toLowerCase() === loopName.toLowerCase())?.index;
    },
    deploymentFunction: (name, site) => {
      switch (name) {
        case 'resourceGroup':
          return obj(
            [
              { key: 'id', value: partialString(['/subscriptions/', { symbol: 'subscription().subscriptionId' }, '/resourceGroups/', { symbol: 'resourceGroup().name' }], site, []) },
              { key: 'name', value: sym('resourceGroup().name', site) },
              { key: 'location', value: sym('resourceGroup().location', site) },
            ],
            site,
          );
        case 'subscription':
          return obj(
            [
              { key: 'id', value: partialString(['/subscriptions/', { symbol: 'subscription().subscriptionId' }], site, []) },
              { key: 'subscriptionId', value: sym('subscription().subscriptionId', site) },
            ],
            site,
          );
        default:
          return sym(`${name}()`, site);
      }
    },
    reference: (_target, site) => unknown('reference() is known only after deployment', site),
  };
}

/** Evaluates `[expression]` at SITE. */
export function ev(expression: string, options: FakeOptions = {}): Val {
  return evaluateString(`[${expression}]`, SITE, fakeScope(options));
}

/** The plain result, or the unknown's reason prefixed with "unknown: " and, unless deploy-time, its cause. */
export function plain(expression: string, options: FakeOptions = {}): Plain | string {
  const v = ev(expression, options);
  if (v.kind === 'unknown' && v.parts) return `partial: ${partsText(v.parts)}`;
  return v.kind === 'unknown' ? `unknown: ${v.cause === 'deploy-time' ? '' : `${v.cause}: `}${v.reason}` : toPlain(v)!;
}
