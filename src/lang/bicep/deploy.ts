import { reportTemplateErrors } from '../../kernel/diagnostic.js';
import { idText } from '../../kernel/names.js';
import type { Loc } from '../../kernel/location.js';
import { asBoolean, objectOf, str, type Prop } from '../../kernel/value.js';
import type { BicepParseResult } from '../../syntax/bicep/index.js';
import { ARM_LIMITS, type TemplateResource } from '../arm/template/context.js';
import type { ResourceInfo } from './declarations.js';
import type { ResourceHead } from './symbols.js';
import { propertiesInto, rootEnv, type Env } from './expr.js';
import type { FileScope } from './file-scope.js';
import { conditionOf, instanceFor, instancesOf } from './instances.js';
import type { BicepRun } from './run.js';
import { recordUndeployedModule, recordUndeployedModuleCall, recordUndeployedResource } from './undeployed.js';

/** A Bicep file's parse, read once per run; its syntax errors are reported once. */
export function readBicep(run: BicepRun, file: string): BicepParseResult | undefined {
  const parsed = run.services.bicep(file);
  if (!parsed) return undefined;
  run.files.add(file);
  if (!run.parsedReported.has(file)) {
    run.parsedReported.add(file);
    for (const d of parsed.diagnostics) run.diagnostics.add({ ...d, subject: { ...d.subject, file } });
  }
  return parsed;
}

/** Body keys that are not part of what gets deployed, or that the resource's head already says. */
const NOT_DEPLOYED = new Set(['name', 'parent', 'dependsOn', 'scope']);
const notDeployed = (key: string) => NOT_DEPLOYED.has(key);

/** Deploys a file's resources and modules into the run, in declaration order. */
export function deployFile(scope: FileScope): void {
  // Indexed loops: this runs for every module instance, over every declaration of its file, before
  // V8 optimizes it, and a for…of there makes an iterator result per step. `symbols.modules` is in declaration order.
  const { resources, modules } = scope.symbols;
  for (let i = 0; i < resources.length; i++) deployResource(scope, resources[i]!);
  for (let i = 0; i < modules.length; i++) {
    const info = modules[i]!;
    const { list } = scope.symbols.moduleInstancesOf(info);
    if (list.length === 0) recordUndeployedModuleCall(scope, info);
    for (let j = 0; j < list.length; j++) {
      const m = list[j]!;
      const condition = conditionOf(info.parts, m.instance);
      if (condition && asBoolean(condition) === false) recordUndeployedModule(m);
      else m.deploy();
    }
  }
}

/** What the head says (type, API version, name, scope), then the body's own properties when the type is wanted. */
function resourceBody(head: ResourceHead, type: string, info: ResourceInfo, env: Env, typeLoc: Loc, wanted: boolean): Map<string, Prop> {
  const props = new Map<string, Prop>();
  props.set('type', { key: 'type', value: str(type, typeLoc) });
  if (info.apiVersion) props.set('apiVersion', { key: 'apiVersion', value: str(info.apiVersion, typeLoc) });
  props.set('name', { key: 'name', value: head.name });
  if (head.scope) props.set('scope', { key: 'scope', value: head.scope });
  // A spread that is no object makes the body unknown: the resource keeps what its head says.
  if (info.parts.body && wanted && propertiesInto(props, info.parts.body, env, notDeployed)) return resourceBody(head, type, info, env, typeLoc, false);
  return props;
}

function deployResource(scope: FileScope, info: ResourceInfo, parentEnv = rootEnv(scope)): void {
  // An existing resource is not deployed, but a child declared in it is.
  if (info.decl.existing) {
    for (let i = 0; i < info.children.length; i++) deployResource(scope, info.children[i]!, parentEnv);
    return;
  }
  const run = scope.run;
  // Asked once per declaration: every instance's head has the declaration's type.
  const wanted = info.type !== undefined && run.wants(info.type);
  // A type the caller does not want, with no child declared in it: nothing to deploy, and
  // whatever refers to it reads its name when it does.
  if (info.type && !wanted && info.children.length === 0) return;
  const at = scope.loc(info.decl.name);
  const all = instancesOf(info.parts, parentEnv, at);
  if (all.list.length === 0) recordUndeployedResource(scope, info, instanceFor(info.parts, parentEnv, undefined, at));
  for (let i = 0; i < all.list.length; i++) {
    const instance = all.list[i]!;
    const condition = conditionOf(info.parts, instance);
    if (condition && asBoolean(condition) === false) {
      recordUndeployedResource(scope, info, instance);
      continue;
    }
    if (++run.instances > ARM_LIMITS.resourceInstances) {
      if (run.instances === ARM_LIMITS.resourceInstances + 1)
        run.diagnostics.add({ severity: 'error', summary: `More than ${ARM_LIMITS.resourceInstances} resource instances; the rest of this template is not evaluated`, subject: at });
      return;
    }
    const head = scope.symbols.headOf(info, instance);
    if (!head.type) continue;
    reportTemplateErrors(run.diagnostics, head.name);
    const typeLoc = scope.loc(info.decl.resourceType);
    const declLoc = scope.loc(info.decl);
    const body = objectOf(resourceBody(head, head.type, info, instance.env, typeLoc, wanted), declLoc);
    const resource: TemplateResource = {
      file: scope.file,
      type: head.type,
      typeLoc,
      name: head.name,
      // The head's id is the same id with its case kept: lower-casing it saves building it again.
      id: head.id && idText(head.id)?.toLowerCase(),
      body,
      resourceGroup: head.target.resourceGroup,
      subscription: head.target.subscription,
      ...(instance.index !== undefined ? { copyIndex: instance.index } : {}),
      instances: all.count,
      declLoc,
    };
    run.resources.push(resource);
    // Nested resources cannot sit in a looped parent (BCP160): each follows its parent's one instance.
    for (let c = 0; c < info.children.length; c++) deployResource(scope, info.children[c]!, instance.env);
  }
}
