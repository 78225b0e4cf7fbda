import type { Loc } from '../kernel/location.js';
import type { Val } from '../kernel/value.js';

/**
 * One ARM resource instance, the form the ARM mapper reads: what an ARM template evaluates to,
 * and what an `azapi_resource` body describes. Each front end produces it its own way.
 */
export interface ArmResource {
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
