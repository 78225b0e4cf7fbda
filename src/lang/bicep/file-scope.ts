import path from 'node:path';
import type { Loc } from '../../kernel/location.js';
import { errorVal } from '../../kernel/value-ops.js';
import { moveTo, unknown, type Val } from '../../kernel/value.js';
import type * as B from '../../syntax/bicep/index.js';
import type { ExpressionScope } from '../arm/expression/scope.js';
import type { ParamSource } from '../arm/template/scope.js';
import { deploymentObject, type DeploymentTarget } from '../arm/target.js';
import { isRegistryPath } from './declarations.js';
import { readBicep } from './deploy.js';
import { evaluate, locOf, rootEnv, type Env } from './expr.js';
import type { BicepRun } from './run.js';
import { Symbols } from './symbols.js';

type ValueDecl = B.ParameterDeclaration | B.VariableDeclaration | B.ParameterAssignment;

/**
 * One evaluation of one Bicep file: the entry, or one instance of a module. Parameters,
 * variables and outputs are evaluated once, in the file's root scope, on first use.
 */
export class FileScope {
  readonly symbols: Symbols;
  /** What the ARM function library asks of its caller's scope. */
  readonly expressionScope: ExpressionScope;
  // By kind of name, each keyed by the name as written: every variable read looks one up, and a
  // key made of kind and name was a new string to hash on each.
  private readonly values = new Map<string, ValueDecl>();
  private readonly functions = new Map<string, B.FunctionDeclaration>();
  private readonly outputs = new Map<string, B.OutputDeclaration>();
  private readonly valueCache = new Map<string, Val>();
  private readonly outputCache = new Map<string, Val>();
  private readonly evaluating = new Set<string>();
  /** `import {a as b} from './x.bicep'`: b → the file and the name there. */
  private readonly imports = new Map<string, { readonly path: string; readonly name: string }>();
  /** `import * as ns from './x.bicep'`: ns → the file. */
  private readonly namespaces = new Map<string, string>();

  constructor(
    readonly run: BicepRun,
    readonly file: string,
    readonly program: B.Program,
    /** Values from outside (a scenario, the calling module), keyed lower-case. */
    readonly supplied: ReadonlyMap<string, ParamSource>,
    readonly target: DeploymentTarget,
    readonly depth: number,
    /** Files from the entry down to this one, to stop module cycles. */
    readonly chain: readonly string[],
    /** In a `.bicepparam` that extends another: `base`, the values it inherits. */
    private readonly base?: Val,
  ) {
    // Indexed: a FileScope is made for every module instance, and a for…of makes an iterator result per declaration.
    const body = program.body;
    for (let i = 0; i < body.length; i++) {
      const s = body[i]!;
      if (s.type === 'ParameterDeclaration' || s.type === 'VariableDeclaration' || s.type === 'ParameterAssignment') this.values.set(s.name.name, s);
      else if (s.type === 'FunctionDeclaration') this.functions.set(s.name.name, s);
      else if (s.type === 'OutputDeclaration') this.outputs.set(s.name.name, s);
      else if (s.type === 'CompileTimeImportDeclaration') this.addImport(s);
    }
    this.symbols = new Symbols(this);
    this.expressionScope = {
      work: run.work,
      parameter: () => undefined,
      variable: () => undefined,
      copyIndex: () => undefined,
      deploymentFunction: (name, site) => deploymentObject(this.target, name, site),
      reference: (_target, site) => unknown('reference() is known only after deployment', site),
    };
  }

  loc(node: { readonly range: B.Range }): Loc {
    return locOf(this.file, node);
  }

  private addImport(s: B.CompileTimeImportDeclaration): void {
    const from = s.fromClause.type === 'CompileTimeImportFromClause' ? s.fromClause.path : undefined;
    const written = from?.type === 'String' && from.expressions.length === 0 ? from.segments[0] : undefined;
    // Registry imports hold types only; a path that is not literal cannot be read.
    if (!written || isRegistryPath(written)) return;
    const file = path.resolve(path.dirname(this.file), written);
    const list = s.importExpression;
    if (list.type === 'WildcardImport') this.namespaces.set(list.alias.alias.name, file);
    else if (list.type === 'ImportedSymbolsList') {
      for (const item of list.items) {
        if (item.type !== 'ImportedSymbolsListItem') continue;
        const original = item.originalSymbolName.type === 'Identifier' ? item.originalSymbolName.name : item.originalSymbolName.type === 'String' ? item.originalSymbolName.segments.join('') : undefined;
        if (original !== undefined) this.imports.set(item.alias?.alias.name ?? original, { path: file, name: original });
      }
    }
  }

  /** The scope of an imported file (its exported variables and functions), read once per run; undefined when it cannot be. */
  private importedScope(file: string): FileScope | undefined {
    const run = this.run;
    if (run.imported.has(file)) return run.imported.get(file);
    run.imported.set(file, undefined);
    const parsed = this.chain.includes(file) || !run.fs.contains(file) ? undefined : readBicep(run, file);
    const scope = parsed && new FileScope(run, file, parsed.ast, new Map(), this.target, this.depth, [...this.chain, file]);
    run.imported.set(file, scope);
    return scope;
  }

  /** An imported variable (`import {a}`, or `ns.a` with `member`), at `site`; undefined when the name is no imported value. */
  importedValue(name: string, site: Loc, member?: string): Val | undefined {
    const ref = member === undefined ? this.imports.get(name) : this.namespaces.has(name) ? { path: this.namespaces.get(name)!, name: member } : undefined;
    if (!ref) return undefined;
    const scope = this.importedScope(ref.path);
    return scope?.values.has(ref.name) ? scope.value(ref.name, site) : undefined;
  }

  /** An imported function (`import {f}`, or `ns.f` with `member`) and the scope it runs in. */
  importedFunction(name: string, member?: string): { readonly scope: FileScope; readonly decl: B.FunctionDeclaration } | undefined {
    const ref = member === undefined ? this.imports.get(name) : this.namespaces.has(name) ? { path: this.namespaces.get(name)!, name: member } : undefined;
    const scope = ref && this.importedScope(ref.path);
    const decl = scope?.function(ref!.name);
    return decl && scope && { scope, decl };
  }

  /** Whether `name` is an imported namespace (`import * as name`). */
  isNamespace(name: string): boolean {
    return this.namespaces.has(name);
  }

  /** A parameter's or variable's value at `site`, with the origin that set it; undefined when the file declares no such name. */
  value(name: string, site: Loc): Val | undefined {
    const decl = this.values.get(name);
    if (!decl && this.imports.has(name)) return this.importedValue(name, site);
    if (!decl && this.base && name === 'base') return moveTo(this.base, site);
    if (!decl && !this.isSupplied(name)) return undefined;
    let v = this.valueCache.get(name);
    if (!v) this.valueCache.set(name, (v = decl?.type === 'VariableDeclaration' ? this.variable(decl) : this.parameter(name, decl)));
    return decl?.type === 'VariableDeclaration' ? moveTo(v, site, { kind: 'variable', name }) : moveTo(v, site);
  }

  /** Whether a name is a parameter or variable here (which hides a resource of the same name). */
  declaresValue(name: string): boolean {
    return this.values.has(name) || this.isSupplied(name) || this.imports.has(name) || this.namespaces.has(name);
  }

  /** Whether the scenario or caller supplies a value for `name` (most files have none: no lower-cased copy of each name read). */
  private isSupplied(name: string): boolean {
    return this.supplied.size > 0 && this.supplied.has(name.toLowerCase());
  }

  function(name: string): B.FunctionDeclaration | undefined {
    return this.functions.get(name);
  }

  /** An output's value, evaluated where the file declares it; undefined when there is no such output. */
  output(name: string): Val | undefined {
    const decl = this.outputs.get(name);
    if (!decl) return undefined;
    let v = this.outputCache.get(name);
    if (!v) this.outputCache.set(name, (v = this.atRoot(`output:${name}`, `output '${name}'`, decl, (env) => evaluate(decl.value, env))));
    return v;
  }

  outputNames(): string[] {
    return [...this.outputs.keys()];
  }

  private variable(decl: B.VariableDeclaration): Val {
    return this.atRoot(`value:${decl.name.name}`, `variable '${decl.name.name}'`, decl, (env) => evaluate(decl.value, env));
  }

  /** The parameter's value where it stands: supplied, its default, or unknown; `@allowed` values are its candidates. */
  private parameter(name: string, decl: ValueDecl | undefined): Val {
    const supplied = this.supplied.get(name.toLowerCase());
    const declared = decl?.type === 'ParameterDeclaration' ? decl : undefined;
    const hasDefault = declared?.modifier !== undefined && declared.modifier.type !== 'SkippedTrivia';
    // A null passed for a parameter with a default leaves the default in place (modules pass `x.?y`).
    if (supplied && !(supplied.value.kind === 'null' && hasDefault)) {
      const v = supplied.value;
      const allowed = v.kind === 'unknown' && declared ? this.allowedValues(declared) : undefined;
      return allowed ? withCandidates(v, allowed) : moveTo(v, v.loc, { kind: supplied.origin, name, caller: supplied.caller });
    }
    // In a `.bicepparam` file: the value as written; the entry it is passed to adds its origin.
    if (decl?.type === 'ParameterAssignment') return this.atRoot(`value:${name}`, `parameter '${name}'`, decl, (env) => evaluate(decl.value, env));
    const modifier = declared?.modifier;
    if (!declared || !modifier || modifier.type === 'SkippedTrivia') {
      const reason = `parameter '${name}' has no default value and no parameter file sets it`;
      // The symbol keeps ids built from it comparable, as in the compiled template.
      const at = decl ? this.loc(decl.name) : undefined;
      const u = unknown(reason, at, { symbol: `parameters('${name}')`, origins: [{ kind: 'parameter', name, loc: at }] });
      // Only an unknown value takes `@allowed` as its candidates: the list is evaluated for those alone.
      const allowed = declared && this.allowedValues(declared);
      return allowed ? withCandidates(u, allowed) : u;
    }
    return this.atRoot(`value:${name}`, `parameter '${name}'`, declared, (env) => {
      const v = evaluate(modifier.value, env);
      return moveTo(v, v.loc, { kind: 'parameter-default', name });
    });
  }

  private allowedValues(decl: B.ParameterDeclaration): readonly Val[] | undefined {
    for (let i = 0; i < decl.decorators.length; i++) {
      const d = decl.decorators[i]!;
      if (d.type !== 'Decorator') continue;
      const e = d.expression;
      const call = e.type === 'FunctionCall' ? e : e.type === 'InstanceFunctionCall' ? e : undefined;
      if (!call || call.name.name !== 'allowed') continue;
      const arg = call.arguments[0];
      if (arg?.type !== 'FunctionArgument') return undefined;
      const v = evaluate(arg.expression, rootEnv(this));
      return v.kind === 'array' ? v.items : undefined;
    }
    return undefined;
  }

  /**
   * Evaluates a declaration in the file's root scope; while it is being evaluated, a reference
   * back to it is an error (`what` refers to itself) rather than a loop.
   */
  private atRoot(key: string, what: string, at: { readonly range: B.Range }, compute: (env: Env) => Val): Val {
    if (this.evaluating.has(key)) return errorVal(this.loc(at), `${what} refers to itself`);
    this.evaluating.add(key);
    try {
      return compute(rootEnv(this));
    } finally {
      this.evaluating.delete(key);
    }
  }
}

function withCandidates(u: Val, candidates: readonly Val[]): Val {
  if (u.kind !== 'unknown') return u;
  return unknown(u.reason, u.loc, { candidates, origins: u.origins, symbol: u.symbol, cause: u.cause, subject: u.subject });
}
