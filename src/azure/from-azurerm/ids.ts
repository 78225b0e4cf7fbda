import { partsOf, partialString } from '../../kernel/partial-string.js';
import type { ObjectVal, Val } from '../../kernel/value.js';
import { attr, configuredSubscription } from './access.js';
import { azapiId } from './azapi.js';
import type { TfResource } from './resource.js';

type Provider = TfResource['provider'];

/** azurerm resource types by the ARM type of the resources they create (lower-cased). */
export const BY_ARM_TYPE: Readonly<Record<string, readonly string[]>> = {
  'microsoft.compute/virtualmachines': ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'],
  'microsoft.compute/virtualmachinescalesets': [
    'azurerm_linux_virtual_machine_scale_set',
    'azurerm_windows_virtual_machine_scale_set',
    'azurerm_orchestrated_virtual_machine_scale_set',
    'azurerm_virtual_machine_scale_set',
  ],
  'microsoft.compute/disks': ['azurerm_managed_disk'],
  'microsoft.compute/availabilitysets': ['azurerm_availability_set'],
  'microsoft.network/networkinterfaces': ['azurerm_network_interface'],
  'microsoft.recoveryservices/vaults': ['azurerm_recovery_services_vault'],
};

/** The ARM type an azurerm resource type creates, as Azure spells it in ids. */
const ARM_TYPE_OF: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'Microsoft.Compute/virtualMachines': BY_ARM_TYPE['microsoft.compute/virtualmachines']!,
    'Microsoft.Compute/virtualMachineScaleSets': BY_ARM_TYPE['microsoft.compute/virtualmachinescalesets']!,
    'Microsoft.Compute/disks': BY_ARM_TYPE['microsoft.compute/disks']!,
    'Microsoft.Compute/availabilitySets': BY_ARM_TYPE['microsoft.compute/availabilitysets']!,
    'Microsoft.Network/networkInterfaces': BY_ARM_TYPE['microsoft.network/networkinterfaces']!,
    'Microsoft.RecoveryServices/vaults': BY_ARM_TYPE['microsoft.recoveryservices/vaults']!,
  }).flatMap(([arm, types]) => types.map((t) => [t, arm] as const)),
);

/** `/subscriptions/<subscription>`: the data source's `subscription_id`, else its provider's. */
function subscriptionId(sub: Val): Val | undefined {
  const parts = partsOf(sub);
  return parts && partialString(['/subscriptions/', ...parts], undefined, sub.origins, 'a subscription id is known only after apply');
}

/**
 * The ids azurerm and azapi build from a resource's arguments, in the form Azure gives them, with
 * the deployment-time parts as symbols: so `split("/", azurerm_resource_group.rg.id)[4]` is the
 * group's name when the configuration sets it, and ids composed from them name configured
 * resources. Other resources' ids are their addresses' symbols (see `ResourceIds`).
 */
export function azureInstanceId(mode: 'managed' | 'data', type: string, body: ObjectVal, provider: Provider): Val | undefined {
  if (type === 'azapi_resource' && mode === 'managed') {
    return azapiId(body);
  }
  // The subscription is asked for only by the types whose id holds it: most resources have none.
  if (type === 'azurerm_subscription' && mode === 'data') {
    const own = attr(body, 'subscription_id');
    return subscriptionId(own.kind === 'null' ? configuredSubscription(provider) : own);
  }
  if (type === 'azurerm_resource_group') {
    const name = partsOf(attr(body, 'name'));
    const sub = name && partsOf(configuredSubscription(provider));
    return name && sub && partialString(['/subscriptions/', ...sub, '/resourceGroups/', ...name], undefined, [], 'a resource group id is known only after apply');
  }
  // A data source reads an existing resource by the same arguments.
  const armType = ARM_TYPE_OF.get(type);
  if (armType) {
    const name = partsOf(attr(body, 'name'));
    const group = name && partsOf(attr(body, 'resource_group_name'));
    const sub = group && partsOf(configuredSubscription(provider));
    return name && group && sub && partialString(['/subscriptions/', ...sub, '/resourceGroups/', ...group, `/providers/${armType}/`, ...name], undefined, [], 'a resource id is known only after apply');
  }
  return undefined;
}
