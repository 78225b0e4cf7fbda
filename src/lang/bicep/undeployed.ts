import path from 'node:path';
import type { Loc } from '../../kernel/location.js';
import { idText } from '../../kernel/names.js';
import { ARM_LIMITS } from '../arm/template/context.js';
import { readLinked } from '../arm/template/deployments.js';
import { TemplateScope } from '../arm/template/scope.js';
import { recordUndeployedTemplate } from '../arm/template/undeployed.js';
import { isRegistryPath, type ModuleInfo, type ResourceInfo } from './declarations.js';
import { readBicep } from './deploy.js';
import { rootEnv } from './expr.js';
import { FileScope } from './file-scope.js';
import { instanceFor, type Instance } from './instances.js';
import type { ModuleInstance } from './modules.js';

/*
 * Declarations that make no instance — a false condition, a loop over an empty list — and
 * everything declared inside them (nested resources; a module's file and the modules it calls,
 * at any depth): declared, never deployed. Those of wanted types go to `run.inactive`, as the
 * JSON path records them in the compiled template, so the inventory lists them with 0
 * instances. Only names are evaluated; nothing is deployed, and a registry module that only an
 * undeployed call reaches is not opaque.
 */

/** A resource instance that is not deployed, and the resources nested in it. */
export function recordUndeployedResource(scope: FileScope, info: ResourceInfo, instance: Instance): void {
  const run = scope.run;
  if (!info.decl.existing && info.type && run.wants(info.type)) {
    const at = scope.loc(info.decl.resourceType);
    if (!run.inactive.some((d) => sameStart(d.at, at))) run.inactive.push({ type: info.type, at, name: idText(scope.symbols.headOf(info, instance).name) ?? '?' });
  }
  for (const child of info.children) recordUndeployedResource(scope, child, instanceFor(child.parts, instance.env, undefined, scope.loc(child.decl.name)));
}

/** A module instance that is not deployed: what its file declares, read as the call would pass it. */
export function recordUndeployedModule(module: ModuleInstance): void {
  const { parent, info } = module;
  const written = info.path;
  // A registry module or template spec is not read; only a deployed call makes it opaque.
  if (written === undefined || isRegistryPath(written)) return;
  const run = parent.run;
  const file = path.resolve(path.dirname(parent.file), written);
  const depth = parent.depth + 1;
  if (!run.fs.contains(file) || parent.chain.includes(file) || depth > ARM_LIMITS.nestedDepth) return;
  const chain = [...parent.chain, file];
  if (/\.jsonc?$/i.test(written)) {
    const root = readLinked(run, file, written, parent.loc(info.decl.path), parent.chain, undefined);
    if (root) recordUndeployedTemplate(TemplateScope.create(run, file, root, module.parameters(), module.target(), depth, chain), root);
    return;
  }
  const parsed = readBicep(run, file);
  if (parsed) recordUndeployedFile(new FileScope(run, file, parsed.ast, module.parameters(), module.target(), depth, chain));
}

/** A module call that makes no instance (its loop runs over an empty list): one representative instance, index unknown. */
export function recordUndeployedModuleCall(scope: FileScope, info: ModuleInfo): void {
  recordUndeployedModule(scope.symbols.moduleInstance(info, undefined, scope.loc(info.decl.name)));
}

/** Everything a file declares, none of it deployed. */
function recordUndeployedFile(scope: FileScope): void {
  for (const info of scope.symbols.resources) recordUndeployedResource(scope, info, instanceFor(info.parts, rootEnv(scope), undefined, scope.loc(info.decl.name)));
  for (const info of scope.symbols.modules) recordUndeployedModuleCall(scope, info);
}

function sameStart(a: Loc, b: Loc): boolean {
  return a.file === b.file && a.start === b.start;
}
