import path from 'node:path';
import type { ProjectFs, ReadResult } from '../../kernel/project-fs.js';
import type { Loc } from '../../kernel/location.js';
import { arr, MAX_VALUE_NODES, moveTo, obj, objectOf, str, unknown, unknownAt, valueNodes, type ObjectVal, type OriginKind, type Prop, type Val } from '../../kernel/value.js';
import type { Attribute, Expression } from '../../syntax/hcl/ast.js';
import { attribute, literalText, type AttrDecl, type ModuleCallDecl, type ModuleConfig, type ResourceDecl } from './config.js';
import type { DiagnosticSink } from '../../kernel/diagnostic.js';
import { evaluateBody, RESOURCE_META } from './eval/body.js';
import { convert, parseType } from './eval/convert.js';
import { NO_BINDINGS, type Env, type EvalState, type FileAccess, type Scope } from './eval/env.js';
import { evaluateSafe, getAttr, locOf } from './eval/expr.js';
import { errorVal } from '../../kernel/value-ops.js';
import { idText } from '../../kernel/names.js';
import { symbolicString } from '../../kernel/partial-string.js';
import { LIMITS } from './eval/support.js';
import type { ProviderConfig, ResourceIds, ResourceInstance, UndeployedDecl } from './resource.js';
import { computeExpansion, instanceBindings, instanceKeys, keySuffix, type Expansion, type InstanceKey } from './expansion.js';

/** State shared by every module instance of one evaluation. */
export interface Session {
  readonly fs: ProjectFs;
  /** The root module's directory. */
  readonly rootDir: string;
  readonly diagnostics: DiagnosticSink;
  /** The ids providers build (see ModuleOptions.ids). */
  readonly ids: ResourceIds;
  readonly state: EvalState;
  /** Keys of values being evaluated, innermost last: a repeat is a cycle. */
  readonly active: string[];
  readonly filesRead: Set<string>;
  /** Remote module calls, by place (instances of one call are one), whose resources are not seen. */
  readonly opaque: Map<string, { readonly at: Loc; readonly what: string }>;
  /** Source text of a parsed file (for messages quoting an expression). */
  text(file: string): string;
  /** Loads a local module directory; undefined (with a diagnostic at `site`) when it has no configuration. */
  loadModule(dir: string, site: Loc): ModuleConfig | undefined;
  /** Where `terraform init` installed the module call with this key (`net.subnets`), per its manifest. */
  installedModule(key: string): string | undefined;
}

export type Inputs =
  | { readonly kind: 'root'; readonly values: ReadonlyMap<string, { readonly value: Val; readonly origin: 'tfvars' | 'var-file' }> }
  | { readonly kind: 'call'; readonly call: string; value(name: string): Val | undefined };

type ChildSource = { readonly config: ModuleConfig } | { readonly reason: string };

/** Arguments of a provider block that configure nothing in Azure. */
const PROVIDER_META = new Set(['alias', 'version']);

/** The key of a module instance that stands for instances not known or not made (see `child`). */
const ANY_INSTANCE = Symbol('any instance');
/** Its expansion: `count.index` and `each` are unknown. */
const ANY_EXPANSION: Expansion = { kind: 'unknown', reason: 'no instance in particular', text: 'any instance' };

/** A value on a cycle: an error, but one `guard` has reported already (hence no subject). */
const CYCLE = { cause: 'error' } as const;

/** An instance's value before it is moved to a reference, and whether it is over the size bound a move allows. */
interface InstanceValue {
  readonly value: ObjectVal;
  readonly tooLarge: boolean;
}

function copyProp(this: Map<string, Prop>, p: Prop, key: string): void {
  this.set(key, p);
}

/** One instance of a module (the root, or one count/for_each instance of a call): the scope of its expressions. */
export class ModuleInstance implements Scope {
  private readonly vars = new Map<string, { raw: Val; origin?: { kind: OriginKind; name: string } | undefined }>();
  private readonly localValues = new Map<string, Val>();
  private readonly outputValues = new Map<string, Val>();
  private readonly expansions = new Map<string, Expansion>();
  private readonly bodies = new Map<string, ObjectVal | undefined>();
  private readonly addresses = new Map<ResourceDecl, Map<InstanceKey, string>>();
  private readonly instanceValues = new Map<string, InstanceValue>();
  private readonly providerIds = new Map<string, Val | undefined>();
  private readonly sources = new Map<string, ChildSource>();
  private readonly children = new Map<string, ModuleInstance>();
  private readonly providerConfigs = new Map<string, ProviderConfig | undefined>();
  readonly files: FileAccess;

  constructor(
    private readonly session: Session,
    readonly config: ModuleConfig,
    /** `''` for the root, else e.g. `module.vm.` or `module.vm[0].`. */
    readonly prefix: string,
    private readonly inputs: Inputs,
    /** Directories of the calling modules, to stop module cycles. */
    private readonly dirStack: readonly string[],
    /** Provider configurations the caller passes (`providers = {…}`), or inherits (its default ones). */
    private readonly passedProviders: (key: string) => ProviderConfig | undefined = () => undefined,
    /** An instance that stands for calls making none: read for its declarations, it deploys nothing. */
    private readonly makesNothing = false,
  ) {
    const rootDir = session.rootDir;
    this.files = {
      rootDir,
      // Relative paths start from the working directory, the root module's, as in Terraform
      // (`path.module` is relative to it); a child module may read beside itself, anywhere in the project.
      read: (p, site) => {
        const abs = path.resolve(rootDir, p);
        const r: ReadResult = p.startsWith('~')
          ? { ok: false, reason: 'it is in a home directory, which the linter does not read' }
          : session.fs.contains(abs)
            ? session.fs.read(abs)
            : { ok: false, reason: 'outside the project root' };
        if (!r.ok) {
          // Only the project's bound is the linter's doing. A file missing from the checkout may be
          // made before deployment, one in a home directory (an SSH key) is the deploying machine's,
          // and `file("")` is often in a try(): all unknown, like any deployment-time value.
          if (r.reason.startsWith('outside the project root')) {
            session.diagnostics.add({ severity: 'warn', summary: `File "${p}" is not read: ${r.reason}; what depends on it is unknown`, subject: site, code: 'file-not-read' });
          }
          return r;
        }
        session.filesRead.add(abs);
        return { ok: true, text: r.text, file: abs };
      },
    };
  }

  env(file: string, bindings: ReadonlyMap<string, Val> = NO_BINDINGS): Env {
    return { file, scope: this, bindings, state: this.session.state };
  }

  /** Runs `compute` unless `key` is already being computed, in which case the cycle is reported at `site`. */
  private guard<T>(key: string, site: Loc, compute: () => T, onCycle: () => T): T {
    const active = this.session.active;
    const at = active.indexOf(key);
    if (at >= 0) {
      this.session.diagnostics.add({ severity: 'error', summary: `Cycle: ${[...active.slice(at), key].join(' → ')}`, subject: site });
      return onCycle();
    }
    active.push(key);
    try {
      return compute();
    } finally {
      active.pop();
    }
  }

  // variable, local, output and body read their caches before any closure is made: a closure
  // over a parameter makes V8 allocate a context at each call, and most calls find the value cached.

  variable(name: string, site: Loc): Val {
    const decl = this.config.variables.get(name);
    if (!decl) return errorVal(site, `reference to undeclared input variable "${name}"`);
    const entry = this.vars.get(name) ?? this.firstVariable(name, site);
    if (entry.raw.kind === 'unknown') return moveTo(entry.raw, site);
    return moveTo(entry.raw, site, entry.origin);
  }

  private firstVariable(name: string, site: Loc): { raw: Val; origin?: { kind: OriginKind; name: string } | undefined } {
    const entry = this.guard(`${this.prefix}var.${name}`, site, () => this.resolveVariable(name), () => ({ raw: unknown(`var.${name} depends on itself`, undefined, CYCLE) }));
    this.vars.set(name, entry);
    return entry;
  }

  private resolveVariable(name: string): { raw: Val; origin?: { kind: OriginKind; name: string } | undefined } {
    const decl = this.config.variables.get(name)!;
    const env = this.env(decl.file);
    const type = parseType(decl.type);
    let given: Val | undefined;
    let origin: { kind: OriginKind; name: string } | undefined;
    if (this.inputs.kind === 'root') {
      const input = this.inputs.values.get(name);
      if (input) [given, origin] = [input.value, { kind: input.origin, name }];
    } else {
      given = this.inputs.value(name);
      origin = { kind: 'module-input', name: this.inputs.call };
    }
    if (given && !(given.kind === 'null' && !decl.nullable && decl.default)) return { raw: convert(given, type, env), origin };
    if (decl.default) return { raw: convert(evaluateSafe(decl.default, env), type, env), origin: { kind: 'tf-variable-default', name } };
    const candidates = this.validationCandidates(decl.conditions, name, env);
    // The symbol keeps names and ids built from it comparable: `"${var.rg}-vm"` is the same name twice.
    return { raw: unknown(`variable "${name}" has no value`, undefined, { symbol: `${this.prefix}var.${name}`, ...(candidates ? { candidates } : {}) }) };
  }

  /** `contains([…], var.x)` in a validation condition lists the values the variable may take. */
  private validationCandidates(conditions: readonly Expression[], name: string, env: Env): readonly Val[] | undefined {
    const isVar = (e: Expression | undefined): boolean =>
      e?.type === 'GetAttr' && e.name.name === name && e.object.type === 'Variable' && e.object.name === 'var';
    const visit = (e: Expression): readonly Val[] | undefined => {
      if (e.type === 'FunctionCall' && e.name.name === 'contains' && isVar(e.args[1])) {
        const list = evaluateSafe(e.args[0]!, env);
        return list.kind === 'array' ? list.items : undefined;
      }
      if (e.type === 'Binary') return visit(e.left) ?? visit(e.right);
      if (e.type === 'Parentheses') return visit(e.expression);
      return undefined;
    };
    for (const c of conditions) {
      const found = visit(c);
      if (found) return found;
    }
    return undefined;
  }

  local(name: string, site: Loc): Val {
    const decl = this.config.locals.get(name);
    if (!decl) return errorVal(site, `reference to undeclared local value "${name}"`);
    const raw = this.localValues.get(name) ?? this.firstLocal(name, decl, site);
    if (raw.kind === 'unknown') return moveTo(raw, site);
    return moveTo(raw, site, { kind: 'local', name });
  }

  private firstLocal(name: string, decl: AttrDecl, site: Loc): Val {
    const raw = this.guard(
      `${this.prefix}local.${name}`,
      site,
      () => evaluateSafe(decl.attr.value, this.env(decl.file)),
      () => unknown(`local.${name} depends on itself`, undefined, CYCLE),
    );
    this.localValues.set(name, raw);
    return raw;
  }

  path(name: string, site: Loc): Val {
    if (name === 'module') return str(path.relative(this.session.rootDir, this.config.dir).split(path.sep).join('/') || '.', site);
    if (name === 'root' || name === 'cwd') return str('.', site);
    return errorVal(site, `unknown path attribute "${name}"`);
  }

  mayContain(symbol: string, text: string): boolean {
    return this.session.ids.mayContain(symbol, text);
  }

  /** The module names from the root to this instance: its key in `terraform init`'s manifest. */
  private callPath(): string[] {
    return [...this.prefix.matchAll(/module\.([^.[]+)/g)].map((m) => m[1]!);
  }

  // ---- provider configurations -----------------------------------------------------------

  /**
   * The provider configuration a key names in this module: the module's own `provider` block,
   * else what the caller passes, else (for a default configuration) the caller's own. A
   * default configuration no module declares is the provider's implicit empty one.
   */
  provider(key: string): ProviderConfig | undefined {
    if (this.providerConfigs.has(key)) return this.providerConfigs.get(key);
    const decl = this.config.providers.get(key);
    let config: ProviderConfig | undefined;
    if (decl) {
      const at = this.labelLoc(decl);
      config = { address: `${this.prefix}provider.${key}`, body: evaluateBody(decl.block.body, this.env(decl.file), at, PROVIDER_META) };
    } else config = this.passedProviders(key) ?? (this.prefix === '' && !key.includes('.') ? { address: `provider.${key}` } : undefined);
    this.providerConfigs.set(key, config);
    return config;
  }

  /** A resource's provider configuration: its `provider` argument, else the default one of its type's provider. */
  private resourceProvider(decl: ResourceDecl): ProviderConfig | undefined {
    if (decl.provider) return this.provider(decl.provider);
    const cut = decl.type.indexOf('_');
    return this.provider(cut < 0 ? decl.type : decl.type.slice(0, cut));
  }

  // ---- count / for_each ------------------------------------------------------------------

  private expansion(key: string, file: string, count: Attribute | undefined, forEach: Attribute | undefined): Expansion {
    const cached = this.expansions.get(key);
    if (cached) return cached;
    const env = this.env(file);
    const exp = computeExpansion(env, this.session.text(file), this.session.diagnostics, count, forEach);
    this.expansions.set(key, exp);
    return exp;
  }

  // ---- resources -------------------------------------------------------------------------

  /** An instance's address, joined once: it keys the instance's body, value and id, looked up at every reference. */
  private address(decl: ResourceDecl, key: InstanceKey): string {
    let byKey = this.addresses.get(decl);
    if (!byKey) this.addresses.set(decl, (byKey = new Map()));
    let address = byKey.get(key);
    if (address === undefined) byKey.set(key, (address = this.prefix + decl.key + keySuffix(key)));
    return address;
  }

  private labelLoc(decl: { file: string; block: ResourceDecl['block'] }): Loc {
    const labels = decl.block.labels;
    const first = labels[0] ?? decl.block.blockType;
    const last = labels[labels.length - 1] ?? first;
    return { file: decl.file, start: first.start, end: last.end };
  }

  private resourceExpansion(decl: ResourceDecl): Expansion {
    return this.expansion(decl.key, decl.file, decl.count, decl.forEach);
  }

  private body(decl: ResourceDecl, key: InstanceKey, site: Loc): ObjectVal | undefined {
    const address = this.address(decl, key);
    const known = this.bodies.get(address);
    if (known !== undefined || this.bodies.has(address)) return known;
    return this.firstBody(decl, key, address, site);
  }

  private firstBody(decl: ResourceDecl, key: InstanceKey, address: string, site: Loc): ObjectVal | undefined {
    const exp = this.resourceExpansion(decl);
    const body = this.guard<ObjectVal | undefined>(
      address,
      site,
      () => {
        const env = this.env(decl.file, instanceBindings(exp, key, this.env(decl.file), decl.count ?? decl.forEach));
        return evaluateBody(decl.block.body, env, this.labelLoc(decl), RESOURCE_META);
      },
      () => undefined,
    );
    this.bodies.set(address, body);
    return body;
  }

  /** The value a reference to one instance sees: its configured arguments, `id`, the rest unknown. */
  private instanceObject(decl: ResourceDecl, key: InstanceKey, site: Loc): Val {
    const address = this.address(decl, key);
    const instance = this.instanceValue(decl, key, address, site);
    if (!instance) return unknown(`${address} depends on itself`, site, CYCLE);
    return moveTo(instance.value, site, { kind: 'resource-attribute', name: address });
  }

  resourceAttribute(type: string, name: string, attr: string, site: Loc, loc: Loc): Val | undefined {
    const decl = this.config.resourcesByType.managed.get(type)?.get(name);
    if (!decl || this.resourceExpansion(decl).kind !== 'single') return undefined;
    const address = this.address(decl, undefined);
    const instance = this.instanceValue(decl, undefined, address, site);
    if (!instance) return getAttr(unknown(`${address} depends on itself`, site, CYCLE), attr, loc);
    const origin = { kind: 'resource-attribute', name: address } as const;
    const p = instance.value.props.get(attr);
    // An attribute the configuration does not set, or an instance over the size bound: as the
    // whole instance moved gives it. Else the attribute with the step the instance's move adds to it.
    if (!p || instance.tooLarge) return getAttr(moveTo(instance.value, site, origin), attr, loc);
    return moveTo(p.value, loc, origin);
  }

  /**
   * An instance's value before it is moved to a reference, built once: a resource group or a VM
   * is referenced by most resources of its module, and each reference used to rebuild it and its id.
   * Undefined on a cycle, and then not kept (the body being evaluated ends the cycle).
   */
  private instanceValue(decl: ResourceDecl, key: InstanceKey, address: string, site: Loc): InstanceValue | undefined {
    const known = this.instanceValues.get(address);
    if (known) return known;
    const body = this.body(decl, key, site);
    if (!body) return undefined;
    const at = this.labelLoc(decl);
    // A copy of the body's map, by forEach: `new Map(map)` steps an iterator, an entry array per property.
    const props = new Map<string, Prop>();
    body.props.forEach(copyProp, props);
    if (!props.has('id')) props.set('id', { key: 'id', value: this.instanceId(decl, body, address, at) });
    const value = objectOf(props, at);
    // Measured once: `type.name.attr` reads the attribute alone only from an instance within the bound.
    const instance = { value, tooLarge: valueNodes(value) > MAX_VALUE_NODES };
    this.instanceValues.set(address, instance);
    return instance;
  }

  /**
   * The id Terraform knows only after apply, as a symbol: the provider's id format with the parts
   * the configuration gives (a resource group's name), else the address alone. Attachments, locks
   * and protected items link to their targets by it; it never equals another resource's text.
   */
  private instanceId(decl: ResourceDecl, body: ObjectVal, address: string, at: Loc): Val {
    return this.providerId(decl, body, address) ?? symbolicString(address, at, `${address}.id is known only after apply`);
  }

  /** Built once per instance: both references and the resource list ask for it. */
  private providerId(decl: ResourceDecl, body: ObjectVal, address: string): Val | undefined {
    if (this.providerIds.has(address)) return this.providerIds.get(address);
    const id = this.session.ids.id(decl.mode, decl.type, body, this.resourceProvider(decl));
    this.providerIds.set(address, id);
    return id;
  }

  resource(mode: 'managed' | 'data', type: string, name: string, site: Loc): Val | undefined {
    const decl = this.config.resourcesByType[mode].get(type)?.get(name);
    if (!decl) return undefined;
    const exp = this.resourceExpansion(decl);
    switch (exp.kind) {
      case 'single':
        return this.instanceObject(decl, undefined, site);
      case 'count':
        return arr(
          instanceKeys(exp).map((k) => this.instanceObject(decl, k, site)),
          site,
        );
      case 'for_each':
        return obj(exp.entries.map(([k]) => ({ key: k, value: this.instanceObject(decl, k, site) })), site);
      case 'unknown':
        return unknown(`the instances of ${this.prefix}${decl.key} are not known (${exp.text}: ${exp.reason})`, site);
    }
  }

  resourceInstance(mode: 'managed' | 'data', type: string, name: string, key: Val, site: Loc): Val | undefined {
    const decl = this.config.resourcesByType[mode].get(type)?.get(name);
    if (!decl) return undefined;
    const exp = this.resourceExpansion(decl);
    if (exp.kind === 'single') return undefined;
    if (exp.kind === 'unknown') return this.resource(mode, type, name, site);
    if (key.kind === 'unknown') return unknownAt(key, site, key.origins);
    if (exp.kind === 'count') {
      const i = key.kind === 'number' ? key.value : key.kind === 'string' ? Number(key.value) : NaN;
      if (!Number.isInteger(i) || i < 0 || i >= exp.n) return errorVal(site, `index ${key.kind === 'number' || key.kind === 'string' ? key.value : key.kind} out of range for ${decl.key} (count ${exp.n})`);
      return this.instanceObject(decl, i, site);
    }
    if (key.kind !== 'string' || !exp.entries.some(([k]) => k === key.value)) return errorVal(site, `${decl.key} has no instance ${key.kind === 'string' ? `"${key.value}"` : key.kind}`);
    return this.instanceObject(decl, key.value, site);
  }

  // ---- module calls ----------------------------------------------------------------------

  private source(decl: ModuleCallDecl): ChildSource {
    const cached = this.sources.get(decl.name);
    if (cached) return cached;
    const result = this.resolveSource(decl);
    this.sources.set(decl.name, result);
    return result;
  }

  private resolveSource(decl: ModuleCallDecl): ChildSource {
    const attr = decl.source;
    const src = literalText(attr?.value);
    if (!attr || src === undefined) return { reason: `module.${decl.name} has no literal source` };
    const site = locOf(this.env(decl.file), attr.value);
    const local = src.startsWith('./') || src.startsWith('../');
    // What `terraform init` downloaded is read where it put it; the rest stays unread.
    const installed = local ? undefined : this.session.installedModule([...this.callPath(), decl.name].join('.'));
    if (!local && installed === undefined) {
      const what = `module.${decl.name} comes from "${src}", which the linter does not fetch`;
      // A module no instance calls deploys nothing, read or not.
      if (!this.makesNothing) this.session.opaque.set(`${site.file}:${site.start}`, { at: site, what });
      return { reason: what };
    }
    const dir = installed ?? path.resolve(this.config.dir, src);
    if (!this.session.fs.contains(dir)) {
      this.session.diagnostics.add({ severity: 'error', summary: `Module source "${src}" is outside the project root; module.${decl.name} is not evaluated`, subject: site });
      return { reason: `module.${decl.name} is outside the project root` };
    }
    if (dir === this.config.dir || this.dirStack.includes(dir)) {
      this.session.diagnostics.add({ severity: 'error', summary: `Module cycle: "${src}" calls a module that is already being evaluated`, subject: site });
      return { reason: `module.${decl.name} is part of a module cycle` };
    }
    if (this.dirStack.length >= LIMITS.moduleDepth) {
      this.session.diagnostics.add({ severity: 'error', summary: `Modules nested deeper than ${LIMITS.moduleDepth} levels`, subject: site });
      return { reason: `module.${decl.name} is nested too deep` };
    }
    const config = this.session.loadModule(dir, site);
    return config ? { config } : { reason: `module.${decl.name} has no Terraform configuration` };
  }

  /**
   * One instance of a module call. `key` is an instance key, or `ANY_INSTANCE`: one representative
   * of instances not known (an unknown count) or not made (count 0), whose `count.index` and
   * `each` are unknown.
   */
  private child(decl: ModuleCallDecl, config: ModuleConfig, key: InstanceKey | typeof ANY_INSTANCE, makesNothing = false): ModuleInstance {
    const call = `${this.prefix}module.${decl.name}`;
    const prefix = key === ANY_INSTANCE ? `${call}[?].` : `${call}${keySuffix(key)}.`;
    let inst = this.children.get(prefix);
    if (inst) return inst;
    const exp: Expansion = key === ANY_INSTANCE ? ANY_EXPANSION : this.expansion(`module.${decl.name}`, decl.file, decl.count, decl.forEach);
    const env = this.env(decl.file, instanceBindings(exp, key === ANY_INSTANCE ? undefined : key, this.env(decl.file), decl.count ?? decl.forEach));
    const cache = new Map<string, Val | undefined>();
    inst = new ModuleInstance(
      this.session,
      config,
      prefix,
      {
        kind: 'call',
        call: `${this.prefix}module.${decl.name}`,
        value: (name) => {
          if (cache.has(name)) return cache.get(name);
          const attr = decl.inputs.get(name);
          // The child's variable() guards this evaluation against cycles.
          const v = attr ? evaluateSafe(attr.value, env) : undefined;
          cache.set(name, v);
          return v;
        },
      },
      [...this.dirStack, this.config.dir],
      (key) => {
        // A `providers` map replaces inheritance; without one, the default configurations pass down.
        if (decl.providers.size > 0) {
          const passed = decl.providers.get(key);
          return passed === undefined ? undefined : this.provider(passed);
        }
        return key.includes('.') ? undefined : this.provider(key);
      },
      makesNothing || this.makesNothing,
    );
    this.children.set(prefix, inst);
    return inst;
  }

  private outputsObject(inst: ModuleInstance, site: Loc): Val {
    return obj([...inst.config.outputs.keys()].map((k) => ({ key: k, value: inst.output(k, site) })), site);
  }

  moduleCall(name: string, site: Loc): Val {
    const decl = this.config.modules.get(name);
    if (!decl) return errorVal(site, `reference to undeclared module "${name}"`);
    const src = this.source(decl);
    if ('reason' in src) return unknown(`the outputs of ${src.reason}`, site);
    const exp = this.expansion(`module.${name}`, decl.file, decl.count, decl.forEach);
    switch (exp.kind) {
      case 'single':
        return this.outputsObject(this.child(decl, src.config, undefined), site);
      case 'count':
        return arr(
          instanceKeys(exp).map((k) => this.outputsObject(this.child(decl, src.config, k), site)),
          site,
        );
      case 'for_each':
        return obj(exp.entries.map(([k]) => ({ key: k, value: this.outputsObject(this.child(decl, src.config, k), site) })), site);
      case 'unknown':
        return unknown(`the instances of module.${name} are not known (${exp.text}: ${exp.reason})`, site);
    }
  }

  moduleOutput(name: string, output: string, site: Loc): Val | undefined {
    const decl = this.config.modules.get(name);
    if (!decl) return errorVal(site, `reference to undeclared module "${name}"`);
    const src = this.source(decl);
    if ('reason' in src) return unknown(`${src.reason} (module.${name}.${output})`, site);
    if (decl.count || decl.forEach) return undefined;
    return this.child(decl, src.config, undefined).output(output, site);
  }

  output(name: string, site: Loc): Val {
    const decl = this.config.outputs.get(name);
    if (!decl) return errorVal(site, `module has no output "${name}"`);
    const raw = this.outputValues.get(name) ?? this.firstOutput(name, decl, site);
    if (raw.kind === 'unknown') return moveTo(raw, site);
    return moveTo(raw, site, { kind: 'module-output', name: `${this.prefix}${name}` });
  }

  private firstOutput(name: string, decl: AttrDecl, site: Loc): Val {
    const raw = this.guard(
      `${this.prefix}output.${name}`,
      site,
      () => evaluateSafe(decl.attr.value, this.env(decl.file)),
      () => unknown(`output ${name} depends on itself`, undefined, CYCLE),
    );
    this.outputValues.set(name, raw);
    return raw;
  }

  // ---- the model's input -----------------------------------------------------------------

  /**
   * Every resource and data instance of this module and its local child modules; `undeployed`
   * gets the managed resources declared without making an instance (count 0, an empty for_each,
   * in a module call that makes none).
   */
  collect(out: ResourceInstance[], undeployed: UndeployedDecl[]): void {
    for (const decl of this.config.resources.values()) {
      const exp = this.resourceExpansion(decl);
      const at = this.labelLoc(decl);
      // With an unknown count, one representative instance keeps the block's literal settings linted.
      const keys: InstanceKey[] = exp.kind === 'unknown' ? ['?'] : instanceKeys(exp);
      if (decl.mode === 'managed' && keys.length === 0) undeployed.push(this.undeployed(decl));
      for (let index = 0; index < keys.length; index++) this.collectInstance(out, decl, exp, at, keys[index], index);
    }
    for (const decl of this.config.modules.values()) {
      const src = this.source(decl);
      if ('reason' in src) continue;
      const exp = this.expansion(`module.${decl.name}`, decl.file, decl.count, decl.forEach);
      // As for a resource, one representative instance stands for instances not known.
      if (exp.kind === 'unknown') this.child(decl, src.config, ANY_INSTANCE).collect(out, undeployed);
      const keys = instanceKeys(exp);
      for (const key of keys) this.child(decl, src.config, key).collect(out, undeployed);
      if (keys.length === 0 && exp.kind !== 'unknown') this.child(decl, src.config, ANY_INSTANCE, true).collectUndeployed(undeployed);
    }
  }

  /**
   * One instance's entry in `collect`: a method rather than a closure per declaration, which made
   * V8 allocate a block context for each (in the runtime, while `collect` is not optimized).
   */
  private collectInstance(out: ResourceInstance[], decl: ResourceDecl, exp: Expansion, at: Loc, key: InstanceKey, index: number): void {
    const body = exp.kind === 'unknown' ? this.representativeBody(decl, exp, at) : this.body(decl, key, at);
    if (!body) return;
    const address = exp.kind === 'unknown' ? `${this.prefix}${decl.key}[?]` : this.address(decl, key);
    const built = this.providerId(decl, body, address);
    const id = body.props.get('id')?.value ?? built ?? this.instanceId(decl, body, address, at);
    const cloudId = (built && idText(built))?.toLowerCase();
    const provider = this.resourceProvider(decl);
    const single = exp.kind === 'single';
    out.push({ mode: decl.mode, type: decl.type, name: decl.name, address, declaration: this.prefix + decl.key, at, body, index: single ? undefined : index, expansion: single ? undefined : exp.text, cloudId, id, provider });
  }

  /** Every managed resource of a module instance that is never made, and of its local child modules. */
  private collectUndeployed(undeployed: UndeployedDecl[]): void {
    for (const decl of this.config.resources.values()) if (decl.mode === 'managed') undeployed.push(this.undeployed(decl));
    for (const decl of this.config.modules.values()) {
      const src = this.source(decl);
      if (!('reason' in src)) this.child(decl, src.config, ANY_INSTANCE, true).collectUndeployed(undeployed);
    }
  }

  /** A declaration without instances, named by its `name` argument when that is known whatever the instance. */
  private undeployed(decl: ResourceDecl): UndeployedDecl {
    const at = this.labelLoc(decl);
    const nameAttr = attribute(decl.block.body, 'name');
    const env = this.env(decl.file, instanceBindings(ANY_EXPANSION, undefined, this.env(decl.file), decl.count ?? decl.forEach));
    const name = nameAttr ? evaluateSafe(nameAttr.value, env) : undefined;
    return { type: decl.type, at, name: name?.kind === 'string' ? name.value : this.prefix.replace(/\[\?\]\./g, '.') + decl.key };
  }

  private representativeBody(decl: ResourceDecl, exp: Expansion, at: Loc): ObjectVal {
    const env = this.env(decl.file, instanceBindings(exp, undefined, this.env(decl.file), decl.count ?? decl.forEach));
    return evaluateBody(decl.block.body, env, at, RESOURCE_META);
  }
}

