import type { Val } from '../../kernel/value.js';
import { idText } from '../../kernel/names.js';
import { isPartialString } from '../../kernel/partial-string.js';
import type { TfResource } from './resource.js';
import { attr } from './access.js';
import { BY_ARM_TYPE } from './ids.js';
import { groupBy } from '../../kernel/group-by.js';


/**
 * `/subscriptions/<id>/resourceGroups/<rg>/providers/<ns>/<type>/<name>`, deployment-time parts
 * as `{symbol}` (resource group and subscription ids are built so: see `azureInstanceId`).
 */
const ARM_ID = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)$/i;

/** A configured name and a name read from an id: the same text, deployment-time parts by symbol. */
function sameText(a: Val, b: string): boolean {
  return idText(a)?.toLowerCase() === b.toLowerCase();
}

/**
 * Finds the resource an evaluated reference names: the symbolic id of a configured resource
 * (its address), the cloud id a plan knows, or an ARM id composed from a configured resource
 * group and name. Never matches by searching text.
 */
export class Links {
  private readonly byAddress: ReadonlyMap<string, TfResource>;
  // Built when first asked: most configurations link through symbolic ids alone, and hashing
  // every lower-cased address and id again showed in the mapping of small modules. Many modules
  // (variables, a vault, a network) resolve no reference at all: not even the ids are indexed.
  #byIdText: Map<string, TfResource[]> | undefined;
  #byLowerAddress: Map<string, TfResource> | undefined;
  #byCloudId: Map<string, TfResource> | undefined;

  constructor(private readonly resources: readonly TfResource[]) {
    this.byAddress = new Map(resources.map((r) => [r.address, r]));
  }

  /** By the text of the symbolic id references see (lower-cased). */
  private get byIdText(): ReadonlyMap<string, readonly TfResource[]> {
    return (this.#byIdText ??= groupBy(this.resources, (r) => (r.id && idText(r.id)?.toLowerCase()) || undefined));
  }

  private get byLowerAddress(): ReadonlyMap<string, TfResource> {
    return (this.#byLowerAddress ??= new Map(this.resources.map((r) => [r.address.toLowerCase(), r])));
  }

  private get byCloudId(): ReadonlyMap<string, TfResource> {
    return (this.#byCloudId ??= new Map(this.resources.flatMap((r) => (r.cloudId ? [[r.cloudId, r] as const] : []))));
  }

  resolve(v: Val | undefined): TfResource | undefined {
    // A plan names its references by address; a configuration's text never stands for one.
    const planned = v?.kind === 'string' ? this.byAddress.get(v.value) : undefined;
    if (planned && !planned.id) return planned;
    if (v?.kind !== 'string' && v?.kind !== 'unknown') return undefined;
    const text = idText(v);
    if (text === undefined) return undefined;
    // A symbolic id is the resource whose id it is (`azurerm_managed_disk.d.id`), and an id with
    // deployment-time parts (`${var.rg}`) names a configured resource through them.
    const own = this.withId(text.toLowerCase(), v) ?? (v.kind === 'unknown' && !v.parts && v.symbol ? this.byCloudId.get(v.symbol.toLowerCase()) : undefined);
    if (own) return own;
    if (v.kind === 'string') return this.byCloudId.get(v.value.toLowerCase()) ?? this.byArmId(v.value);
    return isPartialString(v) ? this.byArmId(text) : undefined;
  }

  /**
   * The resource a lower-cased id of the ARM model names: an azapi body's reference to an azurerm
   * resource reads as its symbolic id (`{<address>}`; in a plan `/<address>`, see `azapiId`), or a
   * cloud or ARM id.
   */
  resolveId(id: string | undefined): TfResource | undefined {
    if (!id) return undefined;
    const planned = this.byLowerAddress.get(id.replace(/^\//, ''));
    return this.withId(id) ?? (planned && !planned.id ? planned : undefined) ?? this.byCloudId.get(id) ?? this.byArmId(id);
  }

  /**
   * The resource whose id has this text. Instances that share a name also share an id (a count
   * without `count.index` in the name); then the reference's own instance, when it was read from one.
   */
  private withId(text: string, v?: Val): TfResource | undefined {
    const all = this.byIdText.get(text) ?? [];
    if (all.length <= 1) return all[0];
    const read = all.filter((r) => v?.origins.some((o) => o.kind === 'resource-attribute' && o.name === r.address));
    return read.length === 1 ? read[0] : undefined;
  }

  private byArmId(id: string): TfResource | undefined {
    const m = ARM_ID.exec(id);
    if (!m) return undefined;
    const types = BY_ARM_TYPE[m[2]!.toLowerCase()];
    if (!types) return undefined;
    const matches = this.resources.filter(
      (r) => r.mode === 'managed' && types.includes(r.type) && sameText(attr(r.body, 'name'), m[3]!) && sameText(attr(r.body, 'resource_group_name'), m[1]!),
    );
    // Two resources with the same name and group cannot both exist: ambiguity means "don't know".
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** The resource a value was read from (`azurerm_recovery_services_vault.v.name` → the vault). */
  sourceOf(v: Val | undefined): TfResource | undefined {
    for (const o of v?.origins ?? []) {
      if (o.kind !== 'resource-attribute') continue;
      const r = this.byAddress.get(o.name);
      if (r) return r;
    }
    return undefined;
  }
}
