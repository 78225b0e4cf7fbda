import type { Loc } from '../../kernel/location.js';
import { idText } from '../../kernel/names.js';
import { partialString, partsOf, partsText, splitParts, type TextPart } from '../../kernel/partial-string.js';
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

/**
 * Each target's objects, built once: templates call `resourceGroup()` in most expressions, and
 * every call is a move of the same value to its site (lazy, so reading one property moves one).
 */
const objectsOf = new WeakMap<DeploymentTarget, Map<DeploymentFunctionName, Val>>();

/** `resourceGroup()`, `subscription()`, `deployment()`…: the target's objects, deployment-time parts as symbols. */
export function deploymentObject(target: DeploymentTarget, name: DeploymentFunctionName, site: Loc | undefined): Val {
  let objects = objectsOf.get(target);
  if (!objects) objectsOf.set(target, (objects = new Map()));
  let v = objects.get(name);
  if (!v) objects.set(name, (v = buildDeploymentObject(target, name)));
  return moveTo(v, site);
}

function buildDeploymentObject(target: DeploymentTarget, name: DeploymentFunctionName): Val {
  const { resourceGroup, subscription } = target;
  const sym = (symbol: string) => unknown(`${symbol} is known only at deployment`, undefined, { symbol });
  const rgParts = partsOf(resourceGroup) ?? [{ symbol: 'resourceGroup().name' }];
  const subParts = partsOf(subscription) ?? [{ symbol: 'subscription().subscriptionId' }];
  const rgSymbol = resourceGroup.kind === 'unknown' ? 'resourceGroup()' : `resourceGroup('${partsText(rgParts)}')`;
  switch (name) {
    case 'resourceGroup':
      return obj([
        { key: 'id', value: partialString(['/subscriptions/', ...subParts, '/resourceGroups/', ...rgParts], undefined, []) },
        { key: 'name', value: moveTo(resourceGroup, undefined) },
        { key: 'type', value: str('Microsoft.Resources/resourceGroups') },
        { key: 'location', value: sym(`${rgSymbol}.location`) },
        { key: 'managedBy', value: sym(`${rgSymbol}.managedBy`) },
        { key: 'tags', value: sym(`${rgSymbol}.tags`) },
        { key: 'properties', value: sym(`${rgSymbol}.properties`) },
      ]);
    case 'subscription':
      return obj([
        { key: 'id', value: partialString(['/subscriptions/', ...subParts], undefined, []) },
        { key: 'subscriptionId', value: moveTo(subscription, undefined) },
        { key: 'tenantId', value: sym('subscription().tenantId') },
        { key: 'displayName', value: sym('subscription().displayName') },
      ]);
    default:
      return sym(`${name}()`);
  }
}

/** A child resource's full name, `parent/child`; unknown unless both parts can stand in an id. */
export function joinName(parentName: Val, child: Val): Val {
  const p = partsOf(parentName);
  const c = partsOf(child);
  if (p === undefined || c === undefined) return unknown('resource name is unknown', child.loc);
  return partialString(p.concat('/', c), child.loc, parentName.origins.concat(child.origins));
}

/**
 * The resource id as ARM would compute it, lower-cased so ids built by `resourceId()` elsewhere
 * match. Extension resources (`scope` property) hang below their scope's id.
 */
export function resourceId(type: string, name: Val, target: DeploymentTarget, scopeVal?: Val): string | undefined {
  const parts = resourceIdParts(type, name, target, scopeVal);
  return parts && partsText(parts).toLowerCase();
}

/** The resource id as a value (Bicep's `r.id`), case kept: known text and deployment-time parts. */
export function resourceIdValue(type: string, name: Val, target: DeploymentTarget, site: Loc | undefined, scopeVal?: Val): Val | undefined {
  const parts = resourceIdParts(type, name, target, scopeVal);
  return parts && partialString(parts, site, name.origins);
}

function resourceIdParts(type: string, name: Val, target: DeploymentTarget, scopeVal?: Val): TextPart[] | undefined {
  const nameParts = partsOf(name);
  const sub = partsOf(target.subscription);
  const rg = partsOf(target.resourceGroup);
  if (nameParts === undefined || sub === undefined || rg === undefined) return undefined;
  const typeParts = type.split('/');
  // Split by parts: a deployment-time part (`uniqueString(resourceGroup().id)`) stands whole in one segment.
  const names = splitParts(nameParts, ['/'], () => false)!;
  if (typeParts.length !== names.length + 1) return undefined;
  // Joined by concat, not spreads: this runs for every resource, mostly before V8 optimizes it,
  // and an unoptimized spread steps an iterator (a result object per part).
  let tail = ([] as TextPart[]).concat(`${typeParts[0]}/${typeParts[1]}/`, names[0]!);
  for (let i = 1; i < names.length; i++) tail = tail.concat(`/${typeParts[i + 1]}/`, names[i]!);
  const rgId = ([] as TextPart[]).concat('/subscriptions/', sub, '/resourceGroups/', rg);
  if (scopeVal) {
    const scopeParts = partsOf(scopeVal);
    if (scopeParts === undefined) return undefined;
    const scopeId = idText(scopeVal)?.startsWith('/') ? scopeParts : rgId.concat('/providers/', scopeParts);
    return scopeId.concat('/providers/', tail);
  }
  return rgId.concat('/providers/', tail);
}
