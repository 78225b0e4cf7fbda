import type { Loc } from '../../../kernel/location.js';
import type { Val } from '../../../kernel/value.js';
import type { WorkBudget } from '../../../kernel/work.js';

export type DeploymentFunctionName = 'deployment' | 'resourceGroup' | 'subscription' | 'tenant' | 'managementGroup' | 'environment';

/** What an expression can see of its template; the template evaluator implements it. */
export interface ExpressionScope {
  /** The unit's work so far: every expression of the unit, in every scenario and instance, draws on it. */
  readonly work: WorkBudget;
  /** Value of parameter `name` as seen from `site` (already moved there with its origins); undefined if no such parameter. */
  parameter(name: string, site: Loc | undefined): Val | undefined;
  variable(name: string, site: Loc | undefined): Val | undefined;
  /**
   * copyIndex(): current index of the named loop (or innermost when name undefined); undefined
   * when not in a loop; null inside a loop whose count is unknown (one instance stands for all).
   */
  copyIndex(loopName: string | undefined): number | null | undefined;
  /** Deployment-time objects: deployment(), resourceGroup(), subscription(), tenant(), managementGroup(), environment(). */
  deploymentFunction(name: DeploymentFunctionName, site: Loc | undefined): Val;
  /** reference(symbolicName or id) in languageVersion 2.0 and classic; the evaluator decides (usually unknown). */
  reference(target: Val, site: Loc | undefined): Val;
  /**
   * A user-defined function (`namespace.name(...)`, from the template's `functions` section).
   * Optional: without it such calls are unknown. Return undefined when no such function exists.
   */
  userFunction?(name: string, args: readonly Val[], site: Loc | undefined): Val | undefined;
}
