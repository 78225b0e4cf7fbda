import { unknown } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { idText } from '../../../kernel/names.js';
import { DEPLOYMENT_TYPE } from './context.js';
import { childTemplate, type ChildTemplate } from './deployments.js';
import { evaluateBody, evaluateNode, type SkipKey } from './evaluate-node.js';
import { entries, nodeLoc, prop } from './json-val.js';
import type { TemplateScope } from './scope.js';

/**
 * A declaration that makes no instance — its condition is false or its copy count is 0 — and
 * everything declared inside it (child resources, a nested or linked deployment's template, at
 * any depth): declared, never deployed. Records those of wanted types in `ctx.inactive`; nothing
 * here is evaluated beyond names and template paths, and nothing is reported.
 */
export function recordUndeployed(node: JsonNode, scope: TemplateScope, parentType: string | undefined): void {
  const typeNode = prop(node, 'type');
  const raw = typeNode?.type === 'string' ? (typeNode.value as string) : undefined;
  if (raw === undefined || raw.startsWith('[')) return;
  const type = parentType && !raw.includes('/') ? `${parentType}/${raw}` : raw;
  const copy = prop(node, 'copy');
  const copyName = prop(copy, 'name');
  // Inside a loop that makes nothing, copyIndex() has no value: names using it are unknown.
  const inner = copy?.type === 'object' ? scope.withLoop(copyName?.type === 'string' ? (copyName.value as string) : undefined, undefined) : scope;
  const ctx = scope.ctx;
  if (ctx.wants(type)) {
    const at = nodeLoc(scope.file, typeNode!);
    if (!ctx.inactive.some((d) => d.at.file === at.file && d.at.start === at.start)) {
      const nameNode = prop(node, 'name');
      ctx.inactive.push({ type, at, name: (nameNode && idText(evaluateNode(nameNode, inner))) ?? '?' });
    }
  }
  for (const child of resourceNodes(prop(node, 'resources'))) recordUndeployed(child, inner, type);
  if (type.toLowerCase() === DEPLOYMENT_TYPE) {
    const child = deploymentTemplate(node, inner);
    if (child) recordUndeployedTemplate(child.scope, child.template);
  }
}

/** Every declaration of a template none of whose resources is deployed (a module call that makes none). */
export function recordUndeployedTemplate(scope: TemplateScope, template: JsonNode): void {
  for (const declared of resourceNodes(prop(template, 'resources'))) recordUndeployed(declared, scope, undefined);
}

/** A `resources` section's declarations (array, or languageVersion 2.0's object), `existing` references left out. */
function resourceNodes(resources: JsonNode | undefined): JsonNode[] {
  if (!resources) return [];
  const list = resources.type === 'array' ? (resources.children ?? []) : entries(resources).map(([, v]) => v);
  return list.filter((n) => n.type === 'object' && !(prop(n, 'existing')?.type === 'boolean' && prop(n, 'existing')!.value === true));
}

/** What a deployment's body needs evaluated to find its template: not its copy, condition or inline template. */
const BODY_SKIP = new Set(['copy', 'condition', 'dependson', 'resources', 'existing', 'comments']);
const DEPLOYMENT_BODY_SKIP: SkipKey = (key, depth) => (depth === 0 ? BODY_SKIP.has(key.toLowerCase()) : depth === 1 && key.toLowerCase() === 'template');

/**
 * The template a deployment would run, with the scope its names evaluate in, found as a deployed
 * one is (`childTemplate`), without reporting its problems: nothing of it is deployed.
 */
function deploymentTemplate(node: JsonNode, scope: TemplateScope): ChildTemplate | undefined {
  const body = evaluateBody(node, scope, DEPLOYMENT_BODY_SKIP);
  const nameNode = prop(node, 'name');
  const name = nameNode ? evaluateNode(nameNode, scope) : unknown('the deployment has no name', nodeLoc(scope.file, node));
  return childTemplate(node, body, name, scope, scope.target);
}
