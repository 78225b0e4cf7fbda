import type { Loc } from '../../kernel/location.js';
import { idText } from '../../kernel/names.js';
import { moveTo, obj, str, unknown, type Val } from '../../kernel/value.js';
import type { DeploymentFunctionName } from './expression/scope.js';

// Where a deployment goes and how its resources are identified there: shared by every front end
// that evaluates to ARM resources (JSON templates, Bicep source), so it knows no template syntax.

/** Where the template deploys: `resourceGroup()` and `subscription()` answer from this. */
export interface DeploymentTarget {
  readonly resourceGroup: Val;
  readonly subscription: Val;
}

export const ROOT_TARGET: DeploymentTarget = {
  resourceGroup: unknown('the resource group is chosen at deployment', undefined, { symbol: 'resourceGroup().name' }),
  subscription: unknown('the subscription is chosen at deployment', undefined, { symbol: 'subscription().subscriptionId' }),
};

/** `resourceGroup()`, `subscription()`, `deployment()`…: the target's objects, deployment-time parts as symbols. */
export function deploymentObject(target: DeploymentTarget, name: DeploymentFunctionName, site: Loc | undefined): Val {
  const { resourceGroup, subscription } = target;
  const sym = (symbol: string) => unknown(`${symbol} is known only at deployment`, site, { symbol });
  const rgName = idText(resourceGroup) ?? '{resourceGroup().name}';
  const subId = idText(subscription) ?? '{subscription().subscriptionId}';
  const rgSymbol = resourceGroup.kind === 'unknown' ? 'resourceGroup()' : `resourceGroup('${rgName}')`;
  switch (name) {
    case 'resourceGroup':
      return obj(
        [
          { key: 'id', value: str(`/subscriptions/${subId}/resourceGroups/${rgName}`, site) },
          { key: 'name', value: moveTo(resourceGroup, site) },
          { key: 'type', value: str('Microsoft.Resources/resourceGroups', site) },
          { key: 'location', value: sym(`${rgSymbol}.location`) },
          { key: 'managedBy', value: sym(`${rgSymbol}.managedBy`) },
          { key: 'tags', value: sym(`${rgSymbol}.tags`) },
          { key: 'properties', value: sym(`${rgSymbol}.properties`) },
        ],
        site,
      );
    case 'subscription':
      return obj(
        [
          { key: 'id', value: str(`/subscriptions/${subId}`, site) },
          { key: 'subscriptionId', value: moveTo(subscription, site) },
          { key: 'tenantId', value: sym('subscription().tenantId') },
          { key: 'displayName', value: sym('subscription().displayName') },
        ],
        site,
      );
    default:
      return sym(`${name}()`);
  }
}

/** A child resource's full name, `parent/child`; unknown unless both parts can stand in an id. */
export function joinName(parentName: Val, child: Val): Val {
  const p = idText(parentName);
  const c = idText(child);
  if (p === undefined || c === undefined) return unknown('resource name is unknown', child.loc);
  return { kind: 'string', value: `${p}/${c}`, loc: child.loc, origins: [...parentName.origins, ...child.origins] };
}

/**
 * The resource id as ARM would compute it, lower-cased so ids built by `resourceId()` elsewhere
 * match. Extension resources (`scope` property) hang below their scope's id.
 */
export function resourceId(type: string, name: Val, target: DeploymentTarget, scopeVal?: Val): string | undefined {
  return resourceIdText(type, name, target, scopeVal)?.toLowerCase();
}

/** The resource id as written by `resourceId()` (Bicep's `r.id`): case kept, deployment-time parts as `{symbol}`. */
export function resourceIdText(type: string, name: Val, target: DeploymentTarget, scopeVal?: Val): string | undefined {
  const nameText = idText(name);
  const sub = idText(target.subscription);
  const rg = idText(target.resourceGroup);
  if (nameText === undefined || sub === undefined || rg === undefined) return undefined;
  const typeParts = type.split('/');
  const nameParts = nameText.split('/');
  if (typeParts.length !== nameParts.length + 1) return undefined;
  let tail = `${typeParts[0]}/${typeParts[1]}/${nameParts[0]}`;
  for (let i = 1; i < nameParts.length; i++) tail += `/${typeParts[i + 1]}/${nameParts[i]}`;
  const rgId = `/subscriptions/${sub}/resourceGroups/${rg}`;
  if (scopeVal) {
    const scopeText = idText(scopeVal);
    if (scopeText === undefined) return undefined;
    const scopeId = scopeText.startsWith('/') ? scopeText : `${rgId}/providers/${scopeText}`;
    return `${scopeId}/providers/${tail}`;
  }
  return `${rgId}/providers/${tail}`;
}
