import path from 'node:path';
import type { Loc } from '../../kernel/location.js';
import { moveTo, obj, unknown, type Val } from '../../kernel/value.js';
import { ARM_LIMITS } from '../arm/template/context.js';
import { evaluateArmTemplate } from '../arm/template/resources.js';
import type { ParamSource } from '../arm/template/scope.js';
import type { DeploymentTarget } from '../arm/target.js';
import { isRegistryPath, propertyNode, type ModuleInfo } from './declarations.js';
import { evaluate, propertyKey } from './expr.js';
import { FileScope } from './file-scope.js';
import type { Instance } from './instances.js';
import { deployFile, readBicep } from './deploy.js';

/** What a module's path leads to, once read. */
type Source =
  | { readonly kind: 'bicep'; readonly scope: FileScope }
  | { readonly kind: 'json'; readonly outputs: () => Val }
  /** Not read: a registry module, a template spec, or a file that cannot be evaluated (with its diagnostic). */
  | { readonly kind: 'unread'; readonly reason: string };

/**
 * One instance of a module declaration: its parameters in, its outputs out. A local `.bicep`
 * module is a file scope of its own, deployed to the target its `scope:` names; a `.json`
 * one is an ARM template; a registry module or template spec is opaque.
 */
export class ModuleInstance {
  readonly deploymentName: Val;
  private source: Source | undefined;
  private outputsCache: Val | undefined;

  constructor(
    readonly parent: FileScope,
    readonly info: ModuleInfo,
    readonly instance: Instance,
  ) {
    const nameNode = propertyNode(info.parts.body, 'name');
    this.deploymentName = nameNode ? evaluate(nameNode, instance.env) : unknown(`module '${info.decl.name.name}' has a generated deployment name`, parent.loc(info.decl.name));
  }

  private get symbol(): string {
    return this.info.decl.name.name;
  }

  /** An output's value at `site`; undefined when the module's file declares no such output. */
  output(name: string, site: Loc): Val | undefined {
    const src = this.read();
    switch (src.kind) {
      case 'bicep': {
        const v = src.scope.output(name);
        return v && moveTo(v, site);
      }
      case 'json': {
        const all = src.outputs();
        const entry = all.kind === 'object' ? [...all.props.values()].find((p) => p.key.toLowerCase() === name.toLowerCase()) : undefined;
        return entry && moveTo(entry.value, site);
      }
      case 'unread':
        return unknown(src.reason, site, { symbol: `${this.symbol}.outputs.${name}` });
    }
  }

  /** `m.outputs` as a whole. */
  outputs(site: Loc): Val {
    const src = this.read();
    if (src.kind === 'unread') return unknown(src.reason, site, { symbol: `${this.symbol}.outputs` });
    if (src.kind === 'json') return moveTo(src.outputs(), site);
    this.outputsCache ??= obj(
      src.scope.outputNames().map((key) => ({ key, value: src.scope.output(key)! })),
      site,
    );
    return moveTo(this.outputsCache, site);
  }

  /** Deploys the module's resources into the run (once per instance). */
  deploy(): void {
    const src = this.read();
    if (src.kind === 'bicep') deployFile(src.scope);
  }

  private read(): Source {
    return (this.source ??= this.resolve());
  }

  private resolve(): Source {
    const run = this.parent.run;
    const written = this.info.path;
    const at = this.parent.loc(this.info.decl.path);
    if (written === undefined) return { kind: 'unread', reason: `module '${this.symbol}' has no literal path` };
    if (isRegistryPath(written)) {
      const what = `module '${this.symbol}' comes from ${written}, which the linter does not fetch`;
      // One entry per declaration, however many instances its loop makes.
      if (!run.opaque.some((o) => o.at.file === at.file && o.at.start === at.start)) run.opaque.push({ at, what });
      run.diagnostics.add({ severity: 'info', summary: what, subject: at, code: 'opaque-module' });
      return { kind: 'unread', reason: what };
    }
    const file = path.resolve(path.dirname(this.parent.file), written);
    const target = this.target();
    const supplied = this.parameters();
    const link = { at, shown: written, depth: this.parent.depth + 1, chain: this.parent.chain };
    if (/\.jsonc?$/i.test(written)) {
      const evaluated = evaluateArmTemplate(run, file, supplied, target, link);
      return evaluated ? { kind: 'json', outputs: evaluated.outputs } : { kind: 'unread', reason: `module '${this.symbol}' is not evaluated` };
    }
    const problem = (what: string, opaque = true): Source => {
      run.diagnostics.add({ severity: 'error', summary: `Module '${written}' ${what}`, subject: at });
      if (opaque) run.opaque.push({ at, what: `module '${this.symbol}' (${written}) is not read` });
      return { kind: 'unread', reason: `module '${this.symbol}' is not evaluated` };
    };
    if (!run.fs.contains(file)) return problem('is outside the linted root; it is not read');
    if (this.parent.chain.includes(file)) return problem('refers back to a module that is being evaluated (cycle); it is not evaluated again', false);
    if (link.depth > ARM_LIMITS.nestedDepth) return problem(`is nested deeper than ${ARM_LIMITS.nestedDepth} levels; it is not evaluated`);
    const parsed = readBicep(run, file);
    if (!parsed) {
      const read = run.fs.read(file);
      return problem(`cannot be read${read.ok ? '' : `: ${read.reason}`}`);
    }
    return { kind: 'bicep', scope: new FileScope(run, file, parsed.ast, supplied, target, link.depth, [...this.parent.chain, file]) };
  }

  /** Where the module deploys: its `scope:`, else where its caller deploys. */
  target(): DeploymentTarget {
    const scopeNode = propertyNode(this.info.parts.body, 'scope');
    return (scopeNode && this.parent.symbols.targetOf(scopeNode, this.instance.env)) ?? this.parent.target;
  }

  /** `params: {…}`: each value is "parameter 'x' passed by module 'm'" inside the module. */
  parameters(): Map<string, ParamSource> {
    const out = new Map<string, ParamSource>();
    const params = propertyNode(this.info.parts.body, 'params');
    if (params?.type !== 'Object') {
      if (params) {
        // `params: someObject`: its properties are the parameters.
        const v = evaluate(params, this.instance.env);
        if (v.kind === 'object') for (const p of v.props.values()) out.set(p.key.toLowerCase(), { value: p.value, origin: 'module-parameter', caller: `module '${this.symbol}'` });
      }
      return out;
    }
    const children = params.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.type === 'ObjectProperty') {
        const key = propertyKey(c.key, this.instance.env);
        if (key !== undefined) out.set(key.toLowerCase(), { value: evaluate(c.value, this.instance.env), origin: 'module-parameter', caller: `module '${this.symbol}'` });
      } else if (c.type === 'SpreadExpression') {
        const v = evaluate(c.expression, this.instance.env);
        if (v.kind === 'object') for (const p of v.props.values()) out.set(p.key.toLowerCase(), { value: p.value, origin: 'module-parameter', caller: `module '${this.symbol}'` });
      }
    }
    return out;
  }
}
