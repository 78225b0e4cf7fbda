import { reportTemplateErrors } from '../../../kernel/diagnostic.js';
import { asBoolean, asString, getPath, getProp, obj, unknown, type Val } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { displayText } from '../../../kernel/names.js';
import { ARM_LIMITS, DEPLOYMENT_TYPE, type RunContext, type TemplateResource } from './context.js';
import { copyCount, evaluateBody, evaluateNode, type SkipKey } from './evaluate-node.js';
import { entries, nodeLoc, prop } from './json-val.js';
import { TemplateScope, type ParamSource } from './scope.js';
import { joinName, resourceId, type DeploymentTarget } from '../target.js';
import { childTemplate, readLinked } from './deployments.js';
import { recordUndeployed } from './undeployed.js';
import type { Loc } from '../../../kernel/location.js';

interface Parent {
  readonly type: string;
  readonly name: Val;
}

const TOP_LEVEL_SKIP = new Set(['copy', 'condition', 'dependson', 'resources', 'existing', 'comments']);
const BODY_SKIP: SkipKey = (key, depth) => depth === 0 && TOP_LEVEL_SKIP.has(key.toLowerCase());
const DEPLOYMENT_SKIP: SkipKey = (key, depth) => (depth === 0 ? TOP_LEVEL_SKIP.has(key.toLowerCase()) : depth === 1 && key.toLowerCase() === 'template');
/** Of a resource no rule looks into, what places its id. */
const ALL_BUT_SCOPE: SkipKey = (key, depth) => depth === 0 && key.toLowerCase() !== 'scope';

/** Evaluates a `resources` section (array, or object keyed by symbolic name in languageVersion 2.0). */
export function evaluateResources(scope: TemplateScope, resources: JsonNode | undefined, target: DeploymentTarget, parent?: Parent): void {
  if (!resources) return;
  const list = resources.type === 'array' ? (resources.children ?? []) : entries(resources).map(([, v]) => v);
  for (let i = 0; i < list.length; i++) {
    const node = list[i]!;
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
  if (count.n === 0) recordUndeployed(node, scope, parent?.type);
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
    recordUndeployed(node, scope, parent?.type);
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
  // Only wanted resources need their properties, and only those the model reads (evaluateBody);
  // a deployment's are read whole for its child template. For the rest the scope places their id.
  const body = isDeployment ? evaluateNode(node, scope, DEPLOYMENT_SKIP) : evaluateBody(node, scope, isEvaluated(scope, type) ? BODY_SKIP : ALL_BUT_SCOPE);
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

/** Nested (`template`) and linked (`templateLink`) deployments: their resources, in their scope. */
function evaluateDeployment(node: JsonNode, body: Val, name: Val, scope: TemplateScope, target: DeploymentTarget): void {
  const report = (summary: string, subject: Loc) => scope.ctx.diagnostics.add({ severity: 'error', summary, subject });
  const child = childTemplate(node, body, name, scope, target, report);
  if (child) {
    evaluateResources(child.scope, prop(child.template, 'resources'), child.target);
    return;
  }
  // A template that is not read here (a URI, a template spec, a file that cannot be read) may deploy anything.
  const linkNode = prop(prop(node, 'properties'), 'templateLink');
  if (linkNode) scope.ctx.opaque.push({ at: nodeLoc(scope.file, linkNode), what: `deployment ${displayText(name)} links ${linkedTemplateShown(getPath(body, ['properties', 'templateLink']))}, which the linter does not read` });
}

/** What a `templateLink` names, for people: a URI, a template spec, or a relative path. */
function linkedTemplateShown(link: Val | undefined): string {
  for (const [key, shown] of [['uri', 'a template by URI'], ['id', 'a template spec'], ['relativePath', 'the template']] as const) {
    const v = getProp(link, key);
    if (v) return v.kind === 'string' ? `${shown} '${v.value}'` : shown;
  }
  return 'a template';
}

/** Where a linked template is read from: the link's place and text, and the templates above it. */
export interface LinkSite {
  readonly at: Loc;
  /** The path as written, for messages. */
  readonly shown: string;
  readonly depth: number;
  /** Template files from the root down to the linking one, to stop cycles. */
  readonly chain: readonly string[];
}

/**
 * Reads and evaluates a local template as a child deployment of another front end (a Bicep
 * `module m './x.json'`): its resources go to `ctx`, and its outputs are returned, each evaluated
 * where the template declares it, when asked for. A template outside the root, too deep, in a
 * cycle, unreadable or broken is a diagnostic at the link and gives undefined; but for a cycle,
 * what it deploys is then not seen.
 */
export function evaluateArmTemplate(
  ctx: RunContext,
  file: string,
  supplied: ReadonlyMap<string, ParamSource>,
  target: DeploymentTarget,
  link: LinkSite,
): { outputs(): Val } | undefined {
  const report = (summary: string, at: Loc) => {
    ctx.diagnostics.add({ severity: 'error', summary, subject: at });
    if (!link.chain.includes(file)) ctx.opaque.push({ at, what: `the template '${link.shown}' is not read` });
  };
  if (!ctx.fs.contains(file)) return void report(`Linked template '${link.shown}' is outside the linted root; it is not read`, link.at);
  if (link.depth > ARM_LIMITS.nestedDepth) return void report(`Deployments nested deeper than ${ARM_LIMITS.nestedDepth} levels are not evaluated`, link.at);
  const root = readLinked(ctx, file, link.shown, link.at, link.chain, report);
  if (!root) return undefined;
  const child = TemplateScope.create(ctx, file, root, supplied, target, link.depth, [...link.chain, file]);
  evaluateResources(child, prop(root, 'resources'), target);
  return {
    outputs: () =>
      obj(
        entries(prop(root, 'outputs')).map(([k, v]) => {
          const name = k.value as string;
          const valueNode = prop(v, 'value');
          const value = valueNode && !prop(v, 'copy') ? evaluateNode(valueNode, child) : unknown(`output '${name}' is built by a copy loop`, nodeLoc(file, v));
          return { key: name, keyLoc: nodeLoc(file, k), value };
        }),
        nodeLoc(file, prop(root, 'outputs') ?? root),
      ),
  };
}
