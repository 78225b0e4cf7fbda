import path from 'node:path';
import { asString } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { idText } from '../../../kernel/names.js';
import { ARM_LIMITS, DEPLOYMENT_TYPE } from './context.js';
import { evaluateNode } from './evaluate-node.js';
import { entries, nodeLoc, prop } from './json-val.js';
import { suppliedParameters } from './resources.js';
import { TemplateScope } from './scope.js';

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
  if (type.toLowerCase() === DEPLOYMENT_TYPE && scope.depth < ARM_LIMITS.nestedDepth) {
    const template = deploymentTemplate(node, inner);
    if (template) for (const child of resourceNodes(prop(template.root, 'resources'))) recordUndeployed(child, template.scope, undefined);
  }
}

/** A `resources` section's declarations (array, or languageVersion 2.0's object), `existing` references left out. */
function resourceNodes(resources: JsonNode | undefined): JsonNode[] {
  if (!resources) return [];
  const list = resources.type === 'array' ? (resources.children ?? []) : entries(resources).map(([, v]) => v);
  return list.filter((n) => n.type === 'object' && !(prop(n, 'existing')?.type === 'boolean' && prop(n, 'existing')!.value === true));
}

/**
 * The template a deployment would run, with the scope its names evaluate in: an inline template
 * (the parent's scope, or its own with the parameters passed under `inner` evaluation) or a
 * linked template by relative path, read as the deployment would read it (inside the root, not a
 * template already on the chain).
 */
function deploymentTemplate(node: JsonNode, scope: TemplateScope): { root: JsonNode; scope: TemplateScope } | undefined {
  const ctx = scope.ctx;
  const properties = prop(node, 'properties');
  const supplied = () => {
    const params = prop(properties, 'parameters');
    return suppliedParameters(params ? evaluateNode(params, scope) : undefined);
  };
  const inline = prop(properties, 'template');
  if (inline?.type === 'object') {
    const evaluation = prop(prop(properties, 'expressionEvaluationOptions'), 'scope');
    const innerScope = evaluation?.type === 'string' && (evaluation.value as string).toLowerCase() === 'inner';
    return { root: inline, scope: innerScope ? TemplateScope.create(ctx, scope.file, inline, supplied(), scope.target, scope.depth + 1, scope.chain) : scope };
  }
  const linkNode = prop(prop(properties, 'templateLink'), 'relativePath');
  const relative = linkNode ? asString(evaluateNode(linkNode, scope)) : undefined;
  if (relative === undefined) return undefined;
  const linked = path.resolve(path.dirname(scope.file), relative);
  if (!ctx.fs.contains(linked) || scope.chain.includes(linked)) return undefined;
  const doc = ctx.parse(linked);
  if (!doc?.root || doc.errors.length) return undefined;
  // The caller reads it: the linked template is judged from here (where it deploys nothing), not alone.
  ctx.files.add(linked);
  return { root: doc.root, scope: TemplateScope.create(ctx, linked, doc.root, supplied(), scope.target, scope.depth + 1, [...scope.chain, linked]) };
}
