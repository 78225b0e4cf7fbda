import type { Val } from '../../kernel/value.js';
import { idText } from '../../kernel/names.js';
import { isPartialString } from '../../kernel/partial-string.js';
import type { TfResource } from './resource.js';
import { attr } from './access.js';

/** azurerm resource types by the ARM type of the resources they create (lower-cased). */
const BY_ARM_TYPE: Readonly<Record<string, readonly string[]>> = {
  'microsoft.compute/virtualmachines': ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'],
  'microsoft.compute/virtualmachinescalesets': [
    'azurerm_linux_virtual_machine_scale_set',
    'azurerm_windows_virtual_machine_scale_set',
    'azurerm_orchestrated_virtual_machine_scale_set',
    'azurerm_virtual_machine_scale_set',
  ],
  'microsoft.compute/disks': ['azurerm_managed_disk'],
  'microsoft.network/networkinterfaces': ['azurerm_network_interface'],
  'microsoft.recoveryservices/vaults': ['azurerm_recovery_services_vault'],
};

/** A configured resource's address, as its symbolic id reads: `module.m["k"].data.azurerm_subscription.s`. */
const ADDRESS_PREFIX = String.raw`(?:module\.[^./[]+(?:\[[^\]]*\])?\.)*(?:data\.)?`;

/**
 * `/subscriptions/<id>/resourceGroups/<rg>` (the subscription possibly a subscription data
 * source's symbolic id, as `"${data.azurerm_subscription.s.id}/resourceGroups/…"` gives it) or a
 * resource group's symbolic id, then `/providers/<ns>/<type>/<name>`.
 */
const ARM_ID = new RegExp(
  String.raw`^(?:(?:\/subscriptions\/[^/]+|${ADDRESS_PREFIX}azurerm_subscription\.[^/]+)\/resourcegroups\/([^/]+)|(${ADDRESS_PREFIX}azurerm_resource_group\.[^/]+))\/providers\/([^/]+\/[^/]+)\/([^/]+)$`,
  'i',
);

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
  private readonly byAddress = new Map<string, TfResource>();
  private readonly byLowerAddress = new Map<string, TfResource>();
  private readonly byCloudId = new Map<string, TfResource>();

  constructor(private readonly resources: readonly TfResource[]) {
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      this.byLowerAddress.set(r.address.toLowerCase(), r);
      if (r.cloudId) this.byCloudId.set(r.cloudId, r);
    }
  }

  resolve(v: Val | undefined): TfResource | undefined {
    if (v?.kind === 'string') return this.byAddress.get(v.value) ?? this.byCloudId.get(v.value.toLowerCase()) ?? this.byArmId(v.value);
    // An id with deployment-time parts (`${var.rg}`) names a configured resource through them.
    return v && isPartialString(v) ? this.byArmId(idText(v)!) : undefined;
  }

  /**
   * The resource a lower-cased id of the ARM model names: an azapi body's reference to an azurerm
   * resource reads `/<address>` (see `azapiInstanceId`), or a cloud or ARM id.
   */
  resolveId(id: string | undefined): TfResource | undefined {
    if (!id) return undefined;
    return this.byLowerAddress.get(id.replace(/^\//, '')) ?? this.byCloudId.get(id) ?? this.byArmId(id);
  }

  private byArmId(id: string): TfResource | undefined {
    const m = ARM_ID.exec(id);
    if (!m) return undefined;
    const types = BY_ARM_TYPE[m[3]!.toLowerCase()];
    if (!types) return undefined;
    const groupVal = m[2] ? this.byAddress.get(m[2])?.body.props.get('name')?.value : undefined;
    const groupName: string | undefined = m[1] ?? (groupVal?.kind === 'string' ? groupVal.value : undefined);
    if (groupName === undefined) return undefined;
    const matches = this.resources.filter(
      (r) => r.mode === 'managed' && types.includes(r.type) && sameText(attr(r.body, 'name'), m[4]!) && sameText(attr(r.body, 'resource_group_name'), groupName),
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
