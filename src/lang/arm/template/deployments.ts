import path from 'node:path';
import { reportTemplateErrors } from '../../../kernel/diagnostic.js';
import { displayText, idText } from '../../../kernel/names.js';
import { partsOf, type TextPart } from '../../../kernel/partial-string.js';
import { asString, getPath, getProp, moveTo, obj, unknown, type Prop, type Val } from '../../../kernel/value.js';
import type { Loc } from '../../../kernel/location.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { ARM_LIMITS, DEPLOYMENT_TYPE } from './context.js';
import { evaluateNode } from './evaluate-node.js';
import { entries, nodeLoc, prop } from './json-val.js';
import type { ParamSource, TemplateScope } from './scope.js';
import type { DeploymentTarget } from '../target.js';
import type { RunContext } from './context.js';

/** The template a deployment deploys, with the scope its expressions see. */
export interface ChildTemplate {
  readonly scope: TemplateScope;
  readonly template: JsonNode;
  readonly target: DeploymentTarget;
}

/** Where a problem with a deployment goes; nowhere when the deployment is read again for its outputs. */
export type Report = (summary: string, subject: Loc) => void;

/**
 * The template of a nested (`template`) or linked (`templateLink.relativePath`, or a
 * `templateLink.uri` that follows the artifacts-location convention) deployment; undefined
 * when it cannot be read here (a remote template, a template spec, a cycle, too deep).
 */
export function childTemplate(node: JsonNode, body: Val, name: Val, scope: TemplateScope, parentTarget: DeploymentTarget, report?: Report): ChildTemplate | undefined {
  const ctx = scope.ctx;
  const target: DeploymentTarget = {
    resourceGroup: getProp(body, 'resourceGroup') ?? parentTarget.resourceGroup,
    subscription: getProp(body, 'subscriptionId') ?? parentTarget.subscription,
  };
  const propsNode = prop(node, 'properties');
  const inline = prop(propsNode, 'template');
  if (scope.depth >= ARM_LIMITS.nestedDepth) {
    report?.(`Deployments nested deeper than ${ARM_LIMITS.nestedDepth} levels are not evaluated`, nodeLoc(scope.file, node));
    return undefined;
  }
  const supplied = suppliedParameters(getPath(body, ['properties', 'parameters']), `deployment '${displayText(name)}' in ${path.basename(scope.file)}`);
  if (inline?.type === 'object') {
    const inner = asString(getPath(body, ['properties', 'expressionEvaluationOptions', 'scope']))?.toLowerCase() === 'inner';
    // Outer scope: the nested template's expressions see the parent's parameters and variables.
    return { scope: inner ? scope.nested(scope.file, inline, supplied, target, scope.chain) : scope, template: inline, target };
  }
  const link = linkedFile(propsNode, body, scope, report);
  if (!link) return undefined;
  const { file: linked, text: relative, at } = link;
  const root = readLinked(ctx, linked, relative, at, scope.chain, report);
  return root && { scope: scope.nested(linked, root, supplied, target, [...scope.chain, linked]), template: root, target };
}

/** A local linked template's root, read once it is no cycle and parses; undefined (reported) otherwise. */
export function readLinked(ctx: RunContext, file: string, shown: string, at: Loc, chain: readonly string[], report: Report | undefined): JsonNode | undefined {
  if (chain.includes(file)) {
    report?.(`Linked template '${shown}' links back to itself (cycle); it is not evaluated again`, at);
    return undefined;
  }
  const doc = ctx.parse(file);
  if (!doc) {
    const read = ctx.fs.read(file);
    report?.(`Linked template '${shown}' cannot be read${read.ok ? '' : `: ${read.reason}`}`, at);
    return undefined;
  }
  if (!doc.root || doc.errors.length) {
    report?.(`Linked template '${shown}' has a syntax error`, at);
    return undefined;
  }
  ctx.files.add(file);
  return doc.root;
}

/** The linked template's file: by `relativePath`, or by a conventional `uri`. */
function linkedFile(propsNode: JsonNode | undefined, body: Val, scope: TemplateScope, report: Report | undefined): { file: string; text: string; at: Loc } | undefined {
  const linkNode = prop(propsNode, 'templateLink');
  const relativeNode = prop(linkNode, 'relativePath');
  if (relativeNode) {
    const link = getPath(body, ['properties', 'templateLink', 'relativePath']);
    if (link && report) reportTemplateErrors(scope.ctx.diagnostics, link);
    const relative = asString(link);
    if (relative === undefined) return undefined;
    const file = path.resolve(path.dirname(scope.file), relative);
    const at = nodeLoc(scope.file, relativeNode);
    if (!scope.ctx.fs.contains(file)) {
      report?.(`Linked template '${relative}' is outside the linted root; it is not read`, at);
      return undefined;
    }
    return { file, text: relative, at };
  }
  const uriNode = prop(linkNode, 'uri');
  const relative = uriNode && artifactPath(getPath(body, ['properties', 'templateLink', 'uri']));
  if (!uriNode || relative === undefined) return undefined;
  // The artifacts location is the root template's folder, passed down; the nearest template
  // whose folder holds the file is the one the path is relative to.
  for (const caller of [...scope.chain].reverse()) {
    const file = path.resolve(path.dirname(caller), relative);
    if (scope.ctx.fs.contains(file) && scope.ctx.fs.exists(file)) return { file, text: relative, at: nodeLoc(scope.file, uriNode) };
  }
  return undefined;
}

/** Where a template's linked files are staged: its own URI, or the `_artifactsLocation` parameter. */
const LOCATION = /^(?:deployment\(\)\.properties\.templateLink\.uri|parameters\('_artifactsLocation'\))$/i;
const SAS_TOKEN = /^parameters\('_artifactsLocationSasToken'\)$/i;

/** Whether a part is a staging location's folder: `uri(location, '.')`, or `_artifactsLocation` itself. */
function isLocation(part: TextPart | undefined): boolean {
  if (part === undefined || typeof part === 'string') return false;
  const folder = /^uri\((.*), '\.'\)$/.exec(part.symbol);
  if (folder) return LOCATION.test(folder[1]!);
  // `concat(_artifactsLocation, 'nested/x.json')`: the parameter is a folder by convention; the
  // template's own URI is a file, which only uri() turns into its folder.
  return /^parameters\('_artifactsLocation'\)$/i.test(part.symbol);
}

/**
 * The relative path of a `templateLink.uri` built the quickstart way: a staging location, then
 * known text, then at most the SAS token (or a known query). Undefined for anything else.
 */
export function artifactPath(uri: Val | undefined): string | undefined {
  const parts = uri && partsOf(uri);
  if (!parts || parts.length < 2 || !isLocation(parts[0])) return undefined;
  const text = parts[1];
  if (typeof text !== 'string') return undefined;
  const rest = parts.slice(2);
  const relative = text.split('?', 1)[0]!;
  if (rest.length > 1 || (rest.length === 1 && (typeof rest[0] === 'string' || !SAS_TOKEN.test(rest[0]!.symbol)))) return undefined;
  const clean = relative.replace(/^\/+/, '');
  return clean === '' || /^[a-z][a-z0-9+.-]*:/i.test(clean) ? undefined : safeDecode(clean);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Parameters a deployment passes: `{name: {value}}`; Key Vault references are unknown. */
function suppliedParameters(params: Val | undefined, caller: string): Map<string, ParamSource> {
  const out = new Map<string, ParamSource>();
  if (params?.kind !== 'object') return out;
  params.props.forEach((p, key) => {
    const value = getProp(p.value, 'value') ?? unknown(`parameter '${key}' comes from a Key Vault reference`, p.value.loc);
    out.set(key.toLowerCase(), { value, origin: 'nested-deployment', caller });
  });
  return out;
}

/** The properties of a finished deployment that `reference()` returns besides its outputs. */
const DEPLOYMENT_PROPERTIES = [
  'provisioningState',
  'correlationId',
  'timestamp',
  'duration',
  'parameters',
  'parametersLink',
  'mode',
  'debugSetting',
  'onErrorDeployment',
  'templateHash',
  'templateLink',
  'outputResources',
  'validatedResources',
  'providers',
  'dependencies',
  'error',
];

/**
 * `reference()` of a nested or local linked deployment of this template, by its name, its id or
 * (languageVersion 2.0) its symbolic name: its outputs evaluated in the deployment's scope, the
 * other properties unknown. Undefined when `target` names no such deployment.
 */
export function deploymentReference(scope: TemplateScope, target: Val, site: Loc | undefined): Val | undefined {
  const decl = findDeployment(scope, target);
  if (!decl) return undefined;
  const value = scope.memo(decl.node, () => deploymentOutputs(scope, decl));
  return value && moveTo(value, site);
}

function deploymentOutputs(scope: TemplateScope, decl: { node: JsonNode; name: Val }): Val | undefined {
  const site = nodeLoc(scope.file, decl.node);
  const body = evaluateNode(decl.node, scope, (key, depth) => (depth === 0 ? key.toLowerCase() === 'resources' : depth === 1 && key.toLowerCase() === 'template'));
  const child = childTemplate(decl.node, body, decl.name, scope, scope.target);
  if (!child) return undefined;
  const outputs: Prop[] = entries(prop(child.template, 'outputs')).map(([k, v]) => {
    const key = k.value as string;
    const valueNode = prop(v, 'value');
    const value = valueNode && !prop(v, 'copy') ? evaluateNode(valueNode, child.scope) : unknown(`output '${key}' is built by a copy loop`, nodeLoc(child.scope.file, v));
    const fromOutput = moveTo(value, value.loc, { kind: 'module-output', name: `${displayText(decl.name)}.outputs.${key}` });
    return { key, value: obj([{ key: 'value', value: fromOutput }], site) };
  });
  const known = DEPLOYMENT_PROPERTIES.map((key) => ({ key, value: unknown(`${key} of a deployment is known only after deployment`, site) }));
  return obj([...known, { key: 'outputs', value: obj(outputs, site) }], site);
}

/** The deployment declaration (without a copy loop) that `target` names in this template. */
function findDeployment(scope: TemplateScope, target: Val): { node: JsonNode; name: Val } | undefined {
  const text = idText(target)?.toLowerCase();
  if (text === undefined) return undefined;
  const byId = /\/providers\/microsoft\.resources\/deployments\/([^/]+)$/.exec(text)?.[1];
  if (text.includes('/') && byId === undefined) return undefined;
  const wanted = byId ?? text;
  const resources = prop(scope.template, 'resources');
  const keyed = resources?.type === 'object' ? entries(resources).map(([k, v]): [string | undefined, JsonNode] => [k.value as string, v]) : (resources?.children ?? []).map((v): [string | undefined, JsonNode] => [undefined, v]);
  for (const [symbolic, node] of keyed) {
    const type = prop(node, 'type');
    if (type?.type !== 'string' || (type.value as string).toLowerCase() !== DEPLOYMENT_TYPE || prop(node, 'copy')) continue;
    const nameNode = prop(node, 'name');
    if (!nameNode) continue;
    const name = evaluateNode(nameNode, scope);
    if ((byId === undefined && symbolic?.toLowerCase() === wanted) || idText(name)?.toLowerCase() === wanted) return { node, name };
  }
  return undefined;
}
