import type { Loc } from '../../kernel/location.js';
import { mergeOrigins } from '../../kernel/value-ops.js';
import { unknown, type Val } from '../../kernel/value.js';
import { isKnownFunction } from '../arm/expression/index.js';
import type { Arg } from '../arm/functions/types.js';
import { deploymentObject, type DeploymentTarget } from '../arm/target.js';
import type { Env } from './expr.js';

/** Functions Bicep reads files with at compile time; this linter does not read them yet. */
const LOADS = new Set(['loadtextcontent', 'loadjsoncontent', 'loadyamlcontent', 'loadfileasbase64', 'loaddirectoryfileinfo']);

/**
 * What `resourceGroup(…)`, `subscription(…)` name as a deployment scope, or undefined for the
 * forms ARM itself has (no arguments: the current scope).
 */
export function scopeTarget(name: string, args: readonly Arg[], current: DeploymentTarget): DeploymentTarget | undefined {
  const vals = args.filter((a): a is Val => a.kind !== 'lambda');
  if (vals.length === 0 || vals.length !== args.length) return undefined;
  switch (name.toLowerCase()) {
    case 'resourcegroup':
      return vals.length === 1 ? { ...current, resourceGroup: vals[0]! } : { subscription: vals[0]!, resourceGroup: vals[1]! };
    case 'subscription':
      return { ...current, subscription: vals[0]! };
    default:
      return undefined;
  }
}

/**
 * Bicep functions that are not ARM functions, or take other arguments: scope functions with
 * arguments, `any()`, file loads and Key Vault secrets. Undefined for everything ARM evaluates.
 */
export function bicepOnlyFunction(name: string, args: readonly Arg[], env: Env, site: Loc): Val | undefined {
  const lower = name.toLowerCase();
  if (lower === 'any' && args.length === 1 && args[0]!.kind !== 'lambda') return args[0] as Val;
  const target = scopeTarget(name, args, env.scope.target);
  if (target) return deploymentObject(target, lower === 'subscription' ? 'subscription' : 'resourceGroup', site);
  if (lower === 'managementgroup' && args.length > 0) return unknown('managementGroup() is known only at deployment', site, { symbol: 'managementGroup()' });
  if (LOADS.has(lower)) return unknown(`${name}() reads a file the linter does not load`, site);
  if (lower === 'getsecret' || lower === 'readenvironmentvariable' || lower === 'externalinput') return unknown(`${name}() is known only at deployment`, site);
  // A function Bicep knows and this linter does not compute is not the template's mistake.
  if (!isKnownFunction(name)) return unknown(`${name}() is not evaluated by the linter`, site, { origins: mergeOrigins(args) });
  return undefined;
}
