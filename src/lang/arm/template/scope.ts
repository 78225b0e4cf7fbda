import { tooDeepVal, type WorkBudget } from '../../../kernel/work.js';
import { errorVal } from '../../../kernel/value-ops.js';
import type { Loc } from '../../../kernel/location.js';
import { moveTo, nul, unknown, type OriginKind, type Val } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { evaluateNode, expandCopy } from './evaluate-node.js';
import { jsonToVal, nodeLoc, prop } from './json-val.js';
import { callUserFunction } from './user-functions.js';
import { deploymentReference } from './deployments.js';
import type { RunContext, TemplateEnv } from './context.js';
import type { DeploymentFunctionName } from '../expression/scope.js';
import { deploymentObject, type DeploymentTarget } from '../target.js';

/** A parameter's value and how it got it, before any use site. */
export interface ParamSource {
  readonly value: Val;
  readonly origin: OriginKind;
  /** The deployment that passed it, for messages: `deployment 'vm' in main.json`. */
  readonly caller?: string;
}

/** Nesting levels one variable or parameter reference counts (see WorkBudget.enter). */
const REFERENCE_NESTING = 4;

/** Per template instance: parameter and variable values, evaluated once and cached. */
class TemplateState {
  /** Parameter and variable values by lower-case name, resolved on first use and then reused. */
  readonly paramCache = new Map<string, Val>();
  readonly varCache = new Map<string, Val>();
  readonly evaluating = new Set<string>();
  /** What `reference()` of a deployment declared here gives; undefined while it is computed (a cycle). */
  readonly references = new Map<JsonNode, Val | undefined>();
  /**
   * The template's parameters and variables by lower-case name, made on first reference: a
   * template references most of them, and each first reference scanned the whole section. Held
   * here, not in a weak map keyed by the section node: while JSON trees had parent links, through
   * which the values reached their key, that cost ~0.15 s of CPU and 15 MB more over
   * ../shared/corpus (measured).
   */
  parameterIndex: Map<string, JsonNode | undefined> | undefined;
  variableIndex: Map<string, JsonNode | undefined> | undefined;

  constructor(
    readonly ctx: RunContext,
    readonly file: string,
    readonly template: JsonNode,
    /** Values supplied from outside (parameter file, parent deployment), keyed lower-case. */
    readonly supplied: ReadonlyMap<string, ParamSource>,
    readonly target: DeploymentTarget,
    readonly depth: number,
    /** Linked template files from the root down to this one, to stop cycles. */
    readonly chain: readonly string[],
  ) {}
}

interface Loop {
  readonly name: string | undefined;
  /** Undefined when the loop's count is unknown and one representative instance stands for all. */
  readonly index: number | undefined;
}

/** An expression scope: a template's state plus the copy loops around the expression. */
export class TemplateScope implements TemplateEnv {
  // Fields, not getters: every JSON node and every function call evaluated reads them, mostly
  // before V8 optimizes the evaluator, and a getter is a call each time.
  readonly ctx: RunContext;
  readonly work: WorkBudget;
  readonly file: string;

  private constructor(
    private readonly state: TemplateState,
    private readonly loops: readonly Loop[],
  ) {
    this.ctx = state.ctx;
    this.work = state.ctx.work;
    this.file = state.file;
  }

  static create(
    ctx: RunContext,
    file: string,
    template: JsonNode,
    supplied: ReadonlyMap<string, ParamSource>,
    target: DeploymentTarget,
    depth: number,
    chain: readonly string[],
  ): TemplateScope {
    return new TemplateScope(new TemplateState(ctx, file, template, supplied, target, depth, chain), []);
  }

  get template(): JsonNode {
    return this.state.template;
  }
  get target(): DeploymentTarget {
    return this.state.target;
  }
  get depth(): number {
    return this.state.depth;
  }
  get chain(): readonly string[] {
    return this.state.chain;
  }

  /** A deployment's template in a scope of its own (inner scope, linked template), one level deeper. */
  nested(file: string, template: JsonNode, supplied: ReadonlyMap<string, ParamSource>, target: DeploymentTarget, chain: readonly string[]): TemplateScope {
    return TemplateScope.create(this.ctx, file, template, supplied, target, this.depth + 1, chain);
  }

  /** Computes a value about a node of this template once per template instance; undefined inside its own computation. */
  memo(node: JsonNode, compute: () => Val | undefined): Val | undefined {
    const cache = this.state.references;
    if (cache.has(node)) return cache.get(node);
    cache.set(node, undefined);
    const value = compute();
    cache.set(node, value);
    return value;
  }

  withLoop(name: string | undefined, index: number | undefined): TemplateScope {
    return new TemplateScope(this.state, [...this.loops, { name, index }]);
  }

  copyIndex(loopName: string | undefined): number | null | undefined {
    const lower = loopName?.toLowerCase();
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const loop = this.loops[i]!;
      if (lower === undefined || loop.name?.toLowerCase() === lower) return loop.index ?? null;
    }
    return undefined;
  }

  parameter(name: string, site: Loc | undefined): Val | undefined {
    const key = name.toLowerCase();
    const cache = this.state.paramCache;
    let value = cache.get(key);
    if (!value && (value = this.resolveParameter(key, name))) cache.set(key, value);
    return value && moveTo(value, site);
  }

  /** The parameter's value where it stands, with the origin that set it. */
  private resolveParameter(key: string, name: string): Val | undefined {
    const decl = (this.state.parameterIndex ??= sectionIndex(prop(this.state.template, 'parameters'))).get(key);
    const supplied = this.state.supplied.get(key);
    if (!decl && !supplied) return undefined;
    // The artifacts-location convention: where the deployment's files are staged (and the SAS
    // token to read them) is chosen by the tool that deploys, whatever the default says; linked
    // templates built from it stay readable as paths beside the template.
    if (ARTIFACTS.has(key)) return unknown(`parameter '${name}' is set by the deployment tooling`, decl ? nodeLoc(this.file, decl) : undefined, { symbol: `parameters('${name}')` });
    const allowed = decl ? prop(decl, 'allowedValues') : undefined;
    const defaultNode = decl ? prop(decl, 'defaultValue') : undefined;
    // ARM takes an explicit null as no value, so the default applies: Bicep compiles an optional
    // module parameter passed as null into `{ "value": null }` and relies on it (Azure/bicep#11532).
    if (supplied && !(supplied.value.kind === 'null' && defaultNode)) {
      return supplied.value.kind === 'unknown' && allowed
        ? withCandidates(supplied.value, this.file, allowed)
        : moveTo(supplied.value, supplied.value.loc, { kind: supplied.origin, name, caller: supplied.caller });
    }
    const declared = decl!;
    // Bicep's nullable parameters (`string?`): one the calling deployment does not pass is null.
    // At the root, whoever deploys may still pass it.
    if (!defaultNode && this.state.depth > 0 && prop(declared, 'nullable')?.value === true) return nul(nodeLoc(this.file, declared));
    if (!defaultNode) {
      const reason = `parameter '${name}' has no default value and no parameter file sets it`;
      // The symbol keeps ids built from it comparable: resourceId(…, parameters('vmName')) links.
      const u = unknown(reason, nodeLoc(this.file, declared), { symbol: `parameters('${name}')` });
      return allowed ? withCandidates(u, this.file, allowed) : u;
    }
    return this.evaluateAtRoot(`param:${key}`, `parameter '${name}'`, defaultNode, (root) => {
      const value = evaluateNode(defaultNode, root);
      return moveTo(value, value.loc, { kind: 'parameter-default', name });
    });
  }

  variable(name: string, site: Loc | undefined): Val | undefined {
    const key = name.toLowerCase();
    const cache = this.state.varCache;
    let value = cache.get(key);
    if (!value && (value = this.resolveVariable(key, name))) cache.set(key, value);
    return value && moveTo(value, site, { kind: 'variable', name });
  }

  private resolveVariable(key: string, name: string): Val | undefined {
    const variables = prop(this.state.template, 'variables');
    const node = (this.state.variableIndex ??= sectionIndex(variables)).get(key);
    if (node) return this.evaluateAtRoot(`var:${key}`, `variable '${name}'`, node, (root) => evaluateNode(node, root));
    const copyEntry = findVariableCopy(variables, key);
    return copyEntry && this.evaluateAtRoot(`var:${key}`, `variable '${name}'`, copyEntry, (root) => expandCopy(copyEntry, root));
  }

  /**
   * Evaluates a parameter default or a variable in the template's root scope; while it is being
   * evaluated, a reference back to it is an error (`what` refers to itself) rather than a loop.
   */
  private evaluateAtRoot(cycleKey: string, what: string, at: JsonNode, evaluate: (root: TemplateScope) => Val): Val {
    if (this.state.evaluating.has(cycleKey)) return errorVal(nodeLoc(this.file, at), `${what} refers to itself`);
    // A reference costs a dozen frames between the two expressions: weighted accordingly.
    if (!this.work.enter(REFERENCE_NESTING, nodeLoc(this.file, at))) return tooDeepVal(nodeLoc(this.file, at));
    this.state.evaluating.add(cycleKey);
    try {
      return evaluate(new TemplateScope(this.state, []));
    } finally {
      this.state.evaluating.delete(cycleKey);
      this.work.leave(REFERENCE_NESTING);
    }
  }

  deploymentFunction(name: DeploymentFunctionName, site: Loc | undefined): Val {
    return deploymentObject(this.state.target, name, site);
  }


  userFunction(name: string, args: readonly Val[], site: Loc | undefined): Val | undefined {
    return callUserFunction(this, name, args, site, 0);
  }

  reference(target: Val, site: Loc | undefined): Val {
    const deployment = deploymentReference(this, target, site);
    if (deployment) return deployment;
    const what = target.kind === 'string' ? `'${target.value}'` : 'a resource';
    return unknown(`reference(${what}) is known only after deployment`, site);
  }
}

const ARTIFACTS = new Set(['_artifactslocation', '_artifactslocationsastoken']);

/**
 * The members of a `parameters` or `variables` section by lower-cased name: each gives what
 * `prop(section, lowerKey)` would (the first member whose name matches ignoring case).
 */
function sectionIndex(section: JsonNode | undefined): Map<string, JsonNode | undefined> {
  const index = new Map<string, JsonNode | undefined>();
  if (section?.type === 'object' && section.children) {
    const members = section.children;
    for (let i = 0; i < members.length; i++) {
      const name = members[i]!.children?.[0]?.value;
      if (typeof name !== 'string') continue;
      const lower = name.toLowerCase();
      // prop() compares names of the key's length only (a few letters change length in lower case).
      if (lower.length === name.length && !index.has(lower)) index.set(lower, members[i]!.children![1]);
    }
  }
  return index;
}

/** The `copy` entry of the `variables` section that defines variable `lowerKey`. */
function findVariableCopy(variables: JsonNode | undefined, lowerKey: string): JsonNode | undefined {
  const copy = prop(variables, 'copy');
  if (copy?.type !== 'array') return undefined;
  return copy.children?.find((entry) => {
    const n = prop(entry, 'name');
    return n?.type === 'string' && (n.value as string).toLowerCase() === lowerKey;
  });
}

function withCandidates(u: Val, file: string, allowed: JsonNode): Val {
  if (u.kind !== 'unknown' || allowed.type !== 'array') return u;
  const candidates = (allowed.children ?? []).map((c) => jsonToVal(file, c));
  return unknown(u.reason, u.loc, { candidates, origins: u.origins, symbol: u.symbol, cause: u.cause, subject: u.subject });
}
