import type { Loc } from '../../kernel/location.js';
import { mergeOrigins } from '../../kernel/value-ops.js';
import { unknown, type Val } from '../../kernel/value.js';
import { isKnownFunction } from '../arm/expression/index.js';
import type { Arg } from '../arm/functions/types.js';
import { deploymentObject, type DeploymentTarget } from '../arm/target.js';
import type { Env } from './expr.js';
import { loadFunction } from './loads.js';

/**
 * What `resourceGroup(…)`, `subscription(…)` name as a deployment scope, or undefined for the
 * forms ARM itself has (no arguments: the current scope).
 */
export function scopeTarget(name: string, args: readonly Arg[], current: DeploymentTarget): DeploymentTarget | undefined {
  if (args.length === 0) return undefined;
  const lower = lowerCase(name);
  if (lower !== 'resourcegroup' && lower !== 'subscription') return undefined;
  const vals = args.filter((a): a is Val => a.kind !== 'lambda');
  if (vals.length !== args.length) return undefined;
  if (lower === 'subscription') return { ...current, subscription: vals[0]! };
  return vals.length === 1 ? { ...current, resourceGroup: vals[0]! } : { subscription: vals[0]!, resourceGroup: vals[1]! };
}

const lowerCases = new Map<string, string>();
/** Spellings remembered at most: user-defined names are as many as files make up. */
const MAX_SPELLINGS = 10_000;

/** A function name lower-cased, remembered by spelling: files repeat a few (`resourceId`, `resourceGroup`…) in every call. */
function lowerCase(name: string): string {
  let lower = lowerCases.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerCases.size < MAX_SPELLINGS) lowerCases.set(name, lower);
  }
  return lower;
}

/**
 * Bicep functions that are not ARM functions, or take other arguments: scope functions with
 * arguments, `any()`, file loads (module-local, as Bicep reads them when it compiles) and Key Vault secrets. Undefined for everything ARM evaluates.
 */
export function bicepOnlyFunction(name: string, args: readonly Arg[], env: Env, site: Loc): Val | undefined {
  const lower = lowerCase(name);
  if (lower === 'any' && args.length === 1 && args[0]!.kind !== 'lambda') return args[0] as Val;
  const target = scopeTarget(name, args, env.scope.target);
  if (target) return deploymentObject(target, lower === 'subscription' ? 'subscription' : 'resourceGroup', site);
  if (lower === 'managementgroup' && args.length > 0) return unknown('managementGroup() is known only at deployment', site, { symbol: 'managementGroup()' });
  const loaded = loadFunction(lower, args, env, site);
  if (loaded) return loaded;
  if (lower === 'getsecret' || lower === 'readenvironmentvariable' || lower === 'externalinput') return unknown(`${name}() is known only at deployment`, site);
  // A function Bicep knows and this linter does not compute is not the template's mistake.
  if (!isKnownFunction(name)) return unknown(`${name}() is not evaluated by the linter`, site, { origins: mergeOrigins(args) });
  return undefined;
}
