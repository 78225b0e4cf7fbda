import type { Loc } from '../../kernel/location.js';
import { errorVal, mergeOrigins } from '../../kernel/value-ops.js';
import { moveTo, nul, obj, str, unknown, type Val } from '../../kernel/value.js';
import type * as B from '../../syntax/bicep/index.js';
import { joinName, resourceIdValue, type DeploymentTarget } from '../arm/target.js';
import { moduleInfo, propertyNode, resourceInfo, type ModuleInfo, type ResourceInfo } from './declarations.js';
import { argumentsOf, evaluate, rootEnv, withLocals, type Env } from './expr.js';
import type { FileScope } from './file-scope.js';
import { scopeTarget } from './functions.js';
import { indexKey, instanceFor, instanceKey, instancesOf, PerInstance, type Instance } from './instances.js';
import { ModuleInstance } from './modules.js';

/** One instance of a resource as its symbol reads: what is known before deployment. */
export interface ResourceHead {
  readonly info: ResourceInfo;
  readonly type: string | undefined;
  /** Full name (`parent/child` for a child). */
  readonly name: Val;
  /** The id, case kept: known text and deployment-time parts; undefined when it cannot be built. */
  readonly id: Val | undefined;
  readonly target: DeploymentTarget;
  /** The resource an extension resource (`scope: vm`) applies to: its id. */
  readonly scope?: Val;
  readonly instance: Instance;
}

type Ref = { readonly kind: 'resource'; readonly head: ResourceHead; readonly shown: string } | { readonly kind: 'module'; readonly module: ModuleInstance; readonly shown: string };

/** Bounds recursion between user-defined functions. */
const MAX_CALL_DEPTH = 32;

/** The file's resource and module symbols and its functions, as expressions read them. */
export class Symbols {
  readonly resources: ResourceInfo[] = [];
  readonly modules: ModuleInfo[] = [];
  private readonly resourceByName = new Map<string, ResourceInfo>();
  private readonly nestedByName = new Map<string, ResourceInfo[]>();
  private readonly moduleByName = new Map<string, ModuleInfo>();
  private readonly heads = new PerInstance<ResourceInfo, ResourceHead>();
  private readonly moduleInstances = new PerInstance<ModuleInfo, ModuleInstance>();
  private callDepth = 0;

  constructor(private readonly scope: FileScope) {
    // Indexed, as in FileScope: made for every module instance.
    const body = scope.program.body;
    for (let i = 0; i < body.length; i++) {
      const s = body[i]!;
      if (s.type === 'ResourceDeclaration') {
        const info = resourceInfo(s);
        this.resources.push(info);
        this.resourceByName.set(s.name.name, info);
        this.indexNested(info.children);
      } else if (s.type === 'ModuleDeclaration') {
        const info = moduleInfo(s);
        this.modules.push(info);
        this.moduleByName.set(s.name.name, info);
      }
    }
  }

  private indexNested(children: readonly ResourceInfo[]): void {
    for (const c of children) {
      const list = this.nestedByName.get(c.decl.name.name) ?? [];
      list.push(c);
      this.nestedByName.set(c.decl.name.name, list);
      this.indexNested(c.children);
    }
  }

  /** A name's value: a parameter or variable, else a resource's or module's symbol object. */
  valueOf(name: string, site: Loc): Val | undefined {
    const v = this.scope.value(name, site);
    if (v) return v;
    const ref = this.refByName(name, site);
    return ref && refValue(ref, site);
  }

  /** `vms[i]`, `vault::policy`: a resource's or module's symbol object; undefined for other expressions. */
  referenceValue(node: B.ArrayAccess | B.ResourceAccess, env: Env, site: Loc): Val | undefined {
    const ref = this.refOf(node, env);
    return ref && refValue(ref, site);
  }

  /**
   * `r.id`, `r.name`, `m.outputs.x`: what a resource's or module's symbol says. Only the id,
   * name, type and API version of a resource are known; the rest is known after deployment.
   */
  propertyOf(node: B.PropertyAccess, env: Env, site: Loc): Val | undefined {
    const prop = node.propertyName.name;
    const base = node.baseExpression;
    if (base.type === 'PropertyAccess' && base.propertyName.name === 'outputs') {
      const ref = this.refOf(base.baseExpression, env);
      if (ref?.kind === 'module') return ref.module.output(prop, site) ?? (node.safe ? nul(site) : errorVal(site, `module '${ref.shown}' has no output '${prop}'`));
    }
    if (base.type === 'VariableAccess' && !env.locals?.has(base.name.name) && this.scope.isNamespace(base.name.name)) return this.scope.importedValue(base.name.name, site, prop);
    const ref = this.refOf(base, env);
    if (!ref) return undefined;
    if (ref.kind === 'module') {
      if (prop === 'outputs') return ref.module.outputs(site);
      if (prop === 'name') return moveTo(ref.module.deploymentName, site);
      return unknown(`${ref.shown}.${prop} is known only after deployment`, site);
    }
    return headProperty(ref.head, prop, ref.shown, site);
  }

  /** A `func` of this file, called: its body sees only its parameters (and the file's other functions). */
  functionCall(name: string, args: readonly (B.FunctionArgument | B.SkippedTrivia)[], env: Env, site: Loc, member?: string): Val | undefined {
    const own = member === undefined ? this.scope.function(name) : undefined;
    const imported = own ? undefined : this.scope.importedFunction(name, member);
    const decl = own ?? imported?.decl;
    const home = imported?.scope ?? this.scope;
    if (!decl || decl.lambda.type === 'SkippedTrivia') return undefined;
    if (this.callDepth >= MAX_CALL_DEPTH) return errorVal(site, `function ${name}() calls itself too deeply`);
    const lambda = decl.lambda;
    const values = argumentsOf(args, env);
    const bound: [string, Val][] = [];
    lambda.variableSection.arguments.forEach((p, i) => {
      const v = values[i];
      if (p.type === 'TypedLocalVariable' && v && v.kind !== 'lambda') bound.push([p.name.name, v]);
    });
    this.callDepth++;
    try {
      const v = evaluate(lambda.body, withLocals(rootEnv(home), bound));
      return moveTo(v, site);
    } finally {
      this.callDepth--;
    }
  }

  /** `ns.f()` for an imported namespace; undefined when `ns` is no namespace. */
  namespaceCall(ns: string, fn: string, args: readonly (B.FunctionArgument | B.SkippedTrivia)[], env: Env, site: Loc): Val | undefined {
    if (env.locals?.has(ns) || !this.scope.isNamespace(ns)) return undefined;
    return this.functionCall(ns, args, env, site, fn) ?? unknown(`${ns}.${fn}() is not evaluated by the linter`, site, { origins: mergeOrigins(argumentsOf(args, env)) });
  }

  /** What an expression names, when it is a resource or module symbol (one instance of it). */
  refOf(node: B.Expression | B.SkippedTrivia, env: Env): Ref | undefined {
    switch (node.type) {
      case 'ParenthesizedExpression':
      case 'NonNullAssertion':
        return this.refOf(node.type === 'ParenthesizedExpression' ? node.expression : node.baseExpression, env);
      case 'VariableAccess': {
        const name = node.name.name;
        // Most names read are parameters and variables: no Loc for them.
        return env.locals?.has(name) || this.scope.declaresValue(name) ? undefined : this.refByName(name, this.scope.loc(node));
      }
      case 'ArrayAccess': {
        const base = node.baseExpression;
        if (base.type !== 'VariableAccess' || node.fromEnd || env.locals?.has(base.name.name)) return undefined;
        const name = base.name.name;
        const resource = this.resourceByName.get(name);
        const module = resource ? undefined : this.moduleByName.get(name);
        if (!resource?.parts.loop && !module?.parts.loop) return undefined;
        const index = evaluate(node.indexExpression, env);
        const at = this.scope.loc(node);
        if (resource) return { kind: 'resource', head: this.head(resource, index, at), shown: `${name}[${index.kind === 'number' ? index.value : '?'}]` };
        return { kind: 'module', module: this.moduleInstance(module!, index, at), shown: `${name}[${index.kind === 'number' ? index.value : '?'}]` };
      }
      case 'ResourceAccess': {
        const parent = this.refOf(node.baseExpression, env);
        if (parent?.kind !== 'resource') return undefined;
        const child = parent.head.info.children.find((c) => c.decl.name.name === node.resourceName.name);
        return child && { kind: 'resource', head: this.head(child, undefined, this.scope.loc(node)), shown: `${parent.shown}::${child.decl.name.name}` };
      }
      default:
        return undefined;
    }
  }

  /** The resource or module a name declares (not a loop of them: `vms` alone is no one resource). */
  private refByName(name: string, at: Loc): Ref | undefined {
    const resource = this.resourceByName.get(name) ?? uniqueNested(this.nestedByName.get(name));
    if (resource && !resource.parts.loop) return { kind: 'resource', head: this.head(resource, undefined, at), shown: name };
    const module = this.moduleByName.get(name);
    if (module && !module.parts.loop) return { kind: 'module', module: this.moduleInstance(module, undefined, at), shown: name };
    return undefined;
  }

  /** A resource instance's type, name, id and target, computed once per instance. */
  head(info: ResourceInfo, index: Val | undefined, at: Loc): ResourceHead {
    const key = indexKey(index);
    // Looked up before the closure is made: most reads find the head made.
    return this.heads.find(info, key) ?? this.heads.get(info, key, () => {
      const env = info.parent ? this.head(info.parent, undefined, at).instance.env : rootEnv(this.scope);
      return this.computeHead(info, instanceFor(info.parts, env, index, at));
    });
  }

  /** The head of an instance being deployed, shared with references to the same index. */
  headOf(info: ResourceInfo, instance: Instance): ResourceHead {
    return this.heads.get(info, instanceKey(info.parts, instance), () => this.computeHead(info, instance));
  }

  /** The head of one instance (the instance's own loop bindings already in `instance`). */
  computeHead(info: ResourceInfo, instance: Instance): ResourceHead {
    const env = instance.env;
    const body = info.parts.body;
    const nameNode = propertyNode(body, 'name');
    const rawName = nameNode ? evaluate(nameNode, env) : unknown('the resource has no name', this.scope.loc(info.decl.name));
    let name = rawName;
    let target = this.scope.target;
    if (info.parent) {
      const parent = this.head(info.parent, undefined, this.scope.loc(info.decl));
      name = joinName(parent.name, rawName);
      target = parent.target;
    } else {
      const parentNode = propertyNode(body, 'parent');
      const parentRef = parentNode && this.refOf(parentNode, env);
      if (parentRef?.kind === 'resource') {
        name = joinName(parentRef.head.name, rawName);
        target = parentRef.head.target;
      }
    }
    let scopeVal: Val | undefined;
    const scopeNode = propertyNode(body, 'scope');
    if (scopeNode) {
      const ref = this.refOf(scopeNode, env);
      if (ref?.kind === 'resource') scopeVal = ref.head.id ?? unknown('the scope resource id is not known', this.scope.loc(scopeNode));
      else target = this.targetOf(scopeNode, env) ?? target;
    }
    const id = info.type ? resourceIdValue(info.type, name, target, this.scope.loc(info.decl), scopeVal) : undefined;
    return { info, type: info.type, name, id, target, ...(scopeVal ? { scope: scopeVal } : {}), instance };
  }

  /** The deployment target a `scope:` names: `resourceGroup('rg')`, `subscription('id')`, or a resource group symbol. */
  targetOf(node: B.Expression | B.SkippedTrivia, env: Env): DeploymentTarget | undefined {
    const inner = node.type === 'ParenthesizedExpression' ? node.expression : node;
    const call = inner.type === 'FunctionCall' ? inner : inner.type === 'InstanceFunctionCall' && inner.baseExpression.type === 'VariableAccess' && inner.baseExpression.name.name === 'az' ? inner : undefined;
    if (call) return scopeTarget(call.name.name, argumentsOf(call.arguments, env), this.scope.target);
    const ref = this.refOf(inner, env);
    if (ref?.kind === 'resource' && ref.head.type?.toLowerCase() === 'microsoft.resources/resourcegroups') return { ...this.scope.target, resourceGroup: ref.head.name };
    return undefined;
  }

  moduleInstance(info: ModuleInfo, index: Val | undefined, at: Loc): ModuleInstance {
    const key = indexKey(index);
    return this.moduleInstances.find(info, key) ?? this.moduleInstances.get(info, key, () => new ModuleInstance(this.scope, info, instanceFor(info.parts, rootEnv(this.scope), index, at)));
  }

  /** Every instance of a module declaration, in loop order (for deploying them). */
  moduleInstancesOf(info: ModuleInfo): { readonly list: ModuleInstance[]; readonly count: number } {
    const all = instancesOf(info.parts, rootEnv(this.scope), this.scope.loc(info.decl.name));
    const list = all.list.map((instance) => this.moduleInstances.get(info, instanceKey(info.parts, instance), () => new ModuleInstance(this.scope, info, instance)));
    return { list, count: all.count };
  }
}

function uniqueNested(list: readonly ResourceInfo[] | undefined): ResourceInfo | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

function headProperty(head: ResourceHead, prop: string, shown: string, site: Loc): Val {
  switch (prop) {
    case 'id':
      return head.id ? moveTo(head.id, site) : unknown(`the id of ${shown} is not known`, site, { origins: head.name.origins });
    case 'name':
      return moveTo(head.name, site);
    case 'type':
      return head.type ? str(head.type, site) : unknown(`the type of ${shown} is not known`, site);
    case 'apiVersion':
      return head.info.apiVersion ? str(head.info.apiVersion, site) : unknown(`the API version of ${shown} is not known`, site);
    default:
      return unknown(`${shown}.${prop} is known only after deployment`, site);
  }
}

function refValue(ref: Ref, site: Loc): Val {
  if (ref.kind === 'module') return obj([{ key: 'name', value: moveTo(ref.module.deploymentName, site) }, { key: 'outputs', value: ref.module.outputs(site) }], site);
  const h = ref.head;
  return obj(['id', 'name', 'type', 'apiVersion'].map((key) => ({ key, value: headProperty(h, key, ref.shown, site) })), site);
}
