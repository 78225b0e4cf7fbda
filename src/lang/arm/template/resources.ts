import { reportTemplateErrors } from '../../../kernel/diagnostic.js';
import { asBoolean, asString, getProp, unknown, type Val } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { idText } from '../../../kernel/names.js';
import { partialString, partsOf, partsText, splitParts } from '../../../kernel/partial-string.js';
import { ARM_LIMITS, DEPLOYMENT_TYPE, type TemplateResource } from './context.js';
import { copyCount, evaluateNode } from './evaluate-node.js';
import { entries, nodeLoc, prop } from './json-val.js';
import type { TemplateScope, DeploymentTarget } from './scope.js';
import { childTemplate } from './deployments.js';
import type { Loc } from '../../../kernel/location.js';

interface Parent {
  readonly type: string;
  readonly name: Val;
}

const TOP_LEVEL_SKIP = new Set(['copy', 'condition', 'dependson', 'resources', 'existing', 'comments']);

/** Evaluates a `resources` section (array, or object keyed by symbolic name in languageVersion 2.0). */
export function evaluateResources(scope: TemplateScope, resources: JsonNode | undefined, target: DeploymentTarget, parent?: Parent): void {
  if (!resources) return;
  const list = resources.type === 'array' ? (resources.children ?? []) : entries(resources).map(([, v]) => v);
  for (const node of list) {
    if (node.type !== 'object') continue;
    // languageVersion 2.0: `existing` resources are references to something deployed elsewhere.
    const existing = evaluateOptional(prop(node, 'existing'), scope);
    if (existing) reportTemplateErrors(scope.ctx.diagnostics, existing);
    if (asBoolean(existing) === true) continue;
    evaluateResourceLoop(node, scope, target, parent);
  }
}

function evaluateOptional(node: JsonNode | undefined, scope: TemplateScope): Val | undefined {
  return node ? evaluateNode(node, scope) : undefined;
}

/**
 * A resource the caller does not want: a literal type it did not ask for, with no child
 * resources. Its name, condition and copy loop need no evaluation (nothing links to it).
 */
function isOutOfScope(node: JsonNode, scope: TemplateScope, parent: Parent | undefined): boolean {
  const typeNode = prop(node, 'type');
  if (typeNode?.type !== 'string' || prop(node, 'resources')) return false;
  const raw = typeNode.value as string;
  if (raw.startsWith('[')) return false;
  return !isEvaluated(scope, parent && isRelativeType(raw) ? `${parent.type}/${raw}` : raw);
}

/**
 * A child's type relative to its parent's (`extensions`, `providers/locks`,
 * `backupFabrics/protectionContainers/protectedItems`): no resource provider namespace first,
 * since every namespace has a dot (`Microsoft.Compute`).
 */
function isRelativeType(type: string): boolean {
  return !type.split('/', 1)[0]!.includes('.');
}

/** Deployments are always read whole: their templates hold more resources. */
function isEvaluated(scope: TemplateScope, type: string): boolean {
  return type.toLowerCase() === DEPLOYMENT_TYPE || scope.ctx.wants(type);
}

function evaluateResourceLoop(node: JsonNode, scope: TemplateScope, target: DeploymentTarget, parent?: Parent): void {
  if (isOutOfScope(node, scope, parent)) return;
  const copy = prop(node, 'copy');
  if (!copy || copy.type !== 'object') {
    evaluateInstance(node, scope, target, parent, undefined, 1);
    return;
  }
  const nameNode = prop(copy, 'name');
  const loopName = nameNode?.type === 'string' ? (nameNode.value as string) : undefined;
  const count = copyCount(prop(copy, 'count'), scope, loopName);
  if (count.value) reportTemplateErrors(scope.ctx.diagnostics, count.value);
  if ('reason' in count) {
    // The instance count is unknown: one representative instance, whose copyIndex() is unknown.
    evaluateInstance(node, scope.withLoop(loopName, undefined), target, parent, undefined, 0);
    return;
  }
  for (let i = 0; i < count.n; i++) {
    if (!evaluateInstance(node, scope.withLoop(loopName, i), target, parent, i, count.n)) return;
  }
}

/** Returns false when the unit's instance budget is spent. */
function evaluateInstance(
  node: JsonNode,
  scope: TemplateScope,
  target: DeploymentTarget,
  parent: Parent | undefined,
  copyIndex: number | undefined,
  instances: number,
): boolean {
  const ctx = scope.ctx;
  const conditionNode = prop(node, 'condition');
  const condition = conditionNode && evaluateNode(conditionNode, scope);
  if (condition) reportTemplateErrors(ctx.diagnostics, condition);
  if (condition && asBoolean(condition) === false) {
    recordInactive(node, scope, parent);
    return true;
  }
  if (++ctx.instances > ARM_LIMITS.resourceInstances) {
    if (ctx.instances === ARM_LIMITS.resourceInstances + 1) {
      ctx.diagnostics.add({ severity: 'error', summary: `More than ${ARM_LIMITS.resourceInstances} resource instances; the rest of this template is not evaluated`, subject: nodeLoc(scope.file, node) });
    }
    return false;
  }
  const typeNode = prop(node, 'type');
  const typeVal = typeNode && evaluateNode(typeNode, scope);
  if (typeVal) reportTemplateErrors(ctx.diagnostics, typeVal);
  const rawType = asString(typeVal);
  if (!rawType || !typeNode) return true;
  const nameNode = prop(node, 'name');
  const rawName = nameNode ? evaluateNode(nameNode, scope) : unknown('resource has no name', nodeLoc(scope.file, node));
  reportTemplateErrors(ctx.diagnostics, rawName);
  const relative = parent !== undefined && isRelativeType(rawType);
  const type = relative ? `${parent.type}/${rawType}` : rawType;
  const name = relative ? joinName(parent.name, rawName) : rawName;
  const isDeployment = type.toLowerCase() === DEPLOYMENT_TYPE;
  // Only wanted resources need their properties; for the rest the scope places their id.
  const body = isEvaluated(scope, type)
    ? evaluateNode(node, scope, (key, depth) =>
        depth === 0 ? TOP_LEVEL_SKIP.has(key.toLowerCase()) : isDeployment && depth === 1 && key.toLowerCase() === 'template',
      )
    : evaluateNode(node, scope, (key, depth) => depth === 0 && key.toLowerCase() !== 'scope');
  const resource: TemplateResource = {
    file: scope.file,
    type,
    typeLoc: nodeLoc(scope.file, typeNode),
    name,
    id: resourceId(type, name, target, getProp(body, 'scope')),
    body,
    resourceGroup: target.resourceGroup,
    subscription: target.subscription,
    ...(copyIndex !== undefined ? { copyIndex } : {}),
    instances,
    declLoc: nodeLoc(scope.file, node),
  };
  ctx.resources.push(resource);
  evaluateResources(scope, prop(node, 'resources'), target, { type, name });
  if (isDeployment) evaluateDeployment(node, body, name, scope, target);
  return true;
}

/** A top-level declaration of a wanted literal type whose condition is false: no instance, but declared. */
function recordInactive(node: JsonNode, scope: TemplateScope, parent: Parent | undefined): void {
  const typeNode = prop(node, 'type');
  if (parent || typeNode?.type !== 'string' || !scope.ctx.wants(typeNode.value as string)) return;
  const nameNode = prop(node, 'name');
  const name = nameNode ? (idText(evaluateNode(nameNode, scope)) ?? '?') : '?';
  scope.ctx.inactive.push({ type: typeNode.value as string, at: nodeLoc(scope.file, typeNode), name });
}

function joinName(parentName: Val, child: Val): Val {
  const p = partsOf(parentName);
  const c = partsOf(child);
  if (p === undefined || c === undefined) return unknown('resource name is unknown', child.loc);
  return partialString([...p, '/', ...c], child.loc, [...parentName.origins, ...child.origins]);
}

/**
 * The resource id as ARM would compute it, lower-cased so ids built by `resourceId()` elsewhere
 * match. Extension resources (`scope` property) hang below their scope's id.
 */
export function resourceId(type: string, name: Val, target: DeploymentTarget, scopeVal?: Val): string | undefined {
  const nameParts = partsOf(name);
  const sub = idText(target.subscription);
  const rg = idText(target.resourceGroup);
  if (nameParts === undefined || sub === undefined || rg === undefined) return undefined;
  const typeParts = type.split('/');
  // Split by parts: a deployment-time part (`uniqueString(resourceGroup().id)`) stands whole in one segment.
  const names = splitParts(nameParts, ['/'], () => false)!.map(partsText);
  if (typeParts.length !== names.length + 1) return undefined;
  let tail = `${typeParts[0]}/${typeParts[1]}/${names[0]}`;
  for (let i = 1; i < names.length; i++) tail += `/${typeParts[i + 1]}/${names[i]}`;
  const rgId = `/subscriptions/${sub}/resourceGroups/${rg}`;
  if (scopeVal) {
    const scopeText = idText(scopeVal);
    if (scopeText === undefined) return undefined;
    const scopeId = scopeText.startsWith('/') ? scopeText : `${rgId}/providers/${scopeText}`;
    return `${scopeId}/providers/${tail}`.toLowerCase();
  }
  return `${rgId}/providers/${tail}`.toLowerCase();
}

/** Nested (`template`) and linked (`templateLink`) deployments: their resources, in their scope. */
function evaluateDeployment(node: JsonNode, body: Val, name: Val, scope: TemplateScope, target: DeploymentTarget): void {
  const report = (summary: string, subject: Loc) => scope.ctx.diagnostics.add({ severity: 'error', summary, subject });
  const child = childTemplate(node, body, name, scope, target, report);
  if (child) evaluateResources(child.scope, prop(child.template, 'resources'), child.target);
}
