import type { Loc } from '../../kernel/location.js';
import { errorVal } from '../../kernel/value-ops.js';
import { moveTo, unknown, type Val } from '../../kernel/value.js';
import type * as B from '../../syntax/bicep/index.js';
import type { ExpressionScope } from '../arm/expression/scope.js';
import type { ParamSource } from '../arm/template/scope.js';
import { deploymentObject, type DeploymentTarget } from '../arm/target.js';
import { evaluate, locOf, rootEnv, type Env } from './expr.js';
import type { BicepRun } from './run.js';
import { Symbols } from './symbols.js';

type Named = B.ParameterDeclaration | B.VariableDeclaration | B.OutputDeclaration | B.FunctionDeclaration | B.ParameterAssignment;

/**
 * One evaluation of one Bicep file: the entry, or one instance of a module. Parameters,
 * variables and outputs are evaluated once, in the file's root scope, on first use.
 */
export class FileScope {
  readonly symbols: Symbols;
  /** What the ARM function library asks of its caller's scope. */
  readonly expressionScope: ExpressionScope;
  private readonly named = new Map<string, Named>();
  private readonly cache = new Map<string, Val>();
  private readonly evaluating = new Set<string>();

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
  ) {
    for (const s of program.body) {
      if (s.type === 'ParameterDeclaration' || s.type === 'VariableDeclaration' || s.type === 'FunctionDeclaration' || s.type === 'ParameterAssignment') {
        this.named.set(`${s.type === 'FunctionDeclaration' ? 'func' : 'value'}:${s.name.name}`, s);
      } else if (s.type === 'OutputDeclaration') this.named.set(`output:${s.name.name}`, s);
    }
    this.symbols = new Symbols(this);
    this.expressionScope = {
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

  /** A parameter's or variable's value at `site`, with the origin that set it; undefined when the file declares no such name. */
  value(name: string, site: Loc): Val | undefined {
    const decl = this.named.get(`value:${name}`);
    const supplied = decl ? undefined : this.supplied.get(name.toLowerCase());
    if (!decl && !supplied) return undefined;
    const v = this.cached(`value:${name}`, () => (decl?.type === 'VariableDeclaration' ? this.variable(decl) : this.parameter(name, decl)));
    return decl?.type === 'VariableDeclaration' ? moveTo(v, site, { kind: 'variable', name }) : moveTo(v, site);
  }

  /** Whether a name is a parameter or variable here (which hides a resource of the same name). */
  declaresValue(name: string): boolean {
    return this.named.has(`value:${name}`) || this.supplied.has(name.toLowerCase());
  }

  function(name: string): B.FunctionDeclaration | undefined {
    const f = this.named.get(`func:${name}`);
    return f?.type === 'FunctionDeclaration' ? f : undefined;
  }

  /** An output's value, evaluated where the file declares it; undefined when there is no such output. */
  output(name: string): Val | undefined {
    const decl = this.named.get(`output:${name}`);
    if (decl?.type !== 'OutputDeclaration') return undefined;
    return this.cached(`output:${name}`, () => this.atRoot(`output:${name}`, `output '${name}'`, decl, (env) => evaluate(decl.value, env)));
  }

  outputNames(): string[] {
    return [...this.named.keys()].filter((k) => k.startsWith('output:')).map((k) => k.slice(7));
  }

  private cached(key: string, compute: () => Val): Val {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const v = compute();
    this.cache.set(key, v);
    return v;
  }

  private variable(decl: B.VariableDeclaration): Val {
    return this.atRoot(`value:${decl.name.name}`, `variable '${decl.name.name}'`, decl, (env) => evaluate(decl.value, env));
  }

  /** The parameter's value where it stands: supplied, its default, or unknown; `@allowed` values are its candidates. */
  private parameter(name: string, decl: Named | undefined): Val {
    const supplied = this.supplied.get(name.toLowerCase());
    const declared = decl?.type === 'ParameterDeclaration' ? decl : undefined;
    const allowed = declared && this.allowedValues(declared);
    const hasDefault = declared?.modifier !== undefined && declared.modifier.type !== 'SkippedTrivia';
    // A null passed for a parameter with a default leaves the default in place (modules pass `x.?y`).
    if (supplied && !(supplied.value.kind === 'null' && hasDefault)) {
      const v = supplied.value;
      return v.kind === 'unknown' && allowed ? withCandidates(v, allowed) : moveTo(v, v.loc, { kind: supplied.origin, name, by: supplied.by });
    }
    // In a `.bicepparam` file: the value as written; the entry it is passed to adds its origin.
    if (decl?.type === 'ParameterAssignment') return this.atRoot(`value:${name}`, `parameter '${name}'`, decl, (env) => evaluate(decl.value, env));
    const modifier = declared?.modifier;
    if (!declared || !modifier || modifier.type === 'SkippedTrivia') {
      const reason = `parameter '${name}' has no default value and no parameter file sets it`;
      // The symbol keeps ids built from it comparable, as in the compiled template.
      const at = decl ? this.loc(decl.name) : undefined;
      const u = unknown(reason, at, { symbol: `parameters('${name}')`, origins: [{ kind: 'parameter', name, loc: at }] });
      return allowed ? withCandidates(u, allowed) : u;
    }
    return this.atRoot(`value:${name}`, `parameter '${name}'`, declared, (env) => {
      const v = evaluate(modifier.value, env);
      return moveTo(v, v.loc, { kind: 'parameter-default', name });
    });
  }

  private allowedValues(decl: B.ParameterDeclaration): readonly Val[] | undefined {
    for (const d of decl.decorators) {
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
