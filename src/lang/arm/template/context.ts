import type { Loc } from '../../../kernel/location.js';
import type { Val } from '../../../kernel/value.js';
import type { ProjectFs } from '../../../kernel/project-fs.js';
import type { DiagnosticSink } from '../../../kernel/diagnostic.js';
import type { WorkBudget } from '../../../kernel/work.js';
import type { JsonDocument, JsonNode } from '../../../syntax/json/parse.js';
import type { ExpressionScope } from '../expression/scope.js';

/** ARM's own limits, which are also ours: a template over them would fail to deploy anyway. */
export const ARM_LIMITS = {
  copyCount: 800,
  nestedDepth: 20,
  /** Not an ARM limit: bounds the work of one unit whatever its loops multiply to. */
  resourceInstances: 20_000,
} as const;

/** The type whose resources hold further templates; the evaluator reads them whatever is wanted. */
export const DEPLOYMENT_TYPE = 'microsoft.resources/deployments';

/** One resource instance after evaluation: the whole resource object as a value. */
export interface TemplateResource {
  readonly file: string;
  /** Full type, e.g. `Microsoft.Compute/virtualMachines/extensions`. */
  readonly type: string;
  /** The `type` value (or the resource object when the type was composed for a child). */
  readonly typeLoc: Loc;
  /** Full name (`vault/policy` for child types). */
  readonly name: Val;
  /** Lower-cased resource id with deployment-time parts as `{symbol}`; undefined when not computable. */
  readonly id: string | undefined;
  readonly body: Val;
  readonly resourceGroup: Val;
  readonly subscription: Val;
  /** Copy loop instance, for the inventory. */
  readonly copyIndex?: number;
  /** The resource-level `copy` count, when the resource is a copy loop. */
  readonly instances: number;
  /** Resource object's location; lists of the declaration for dedup across instances. */
  readonly declLoc: Loc;
}

/** Shared by every scope of one evaluation: where results and problems go. */
export interface RunContext {
  readonly fs: ProjectFs;
  /** Types whose resources' properties are evaluated; the bodies of others are skipped. */
  readonly wants: (type: string) => boolean;
  readonly resources: TemplateResource[];
  readonly diagnostics: DiagnosticSink;
  readonly files: Set<string>;
  /** Parsed documents by path, so a linked template read twice is parsed once. */
  readonly parse: (file: string) => JsonDocument | undefined;
  instances: number;
  /** The unit's work: shared by its scenarios, so create one per unit, not per run. */
  readonly work: WorkBudget;
  /** Deployments whose template is not read (a URI, a template spec, an unreadable file): they may deploy anything. */
  readonly opaque: { readonly at: Loc; readonly what: string }[];
  /** Declarations of wanted types that make no instance (condition false, copy count 0, inside such a deployment). */
  readonly inactive: { readonly type: string; readonly at: Loc; readonly name: string }[];
}

/**
 * What evaluating a template's JSON needs of its scope. `TemplateScope` implements it; the node
 * evaluator and user functions see only this, since the class itself calls them.
 */
export interface TemplateEnv extends ExpressionScope {
  readonly ctx: RunContext;
  readonly file: string;
  readonly template: JsonNode;
  /** The same template inside one more copy loop (`index` undefined when its count is unknown). */
  withLoop(name: string | undefined, index: number | undefined): TemplateEnv;
}
