import { partsOf, partialString } from '../../kernel/partial-string.js';
import type { ObjectVal, Val } from '../../kernel/value.js';
import { attr, configuredSubscription } from './access.js';
import { azapiId } from './azapi.js';
import type { TfResource } from './resource.js';

type Provider = TfResource['provider'];

/** `/subscriptions/<subscription>`: the data source's `subscription_id`, else its provider's. */
function subscriptionId(sub: Val): Val | undefined {
  const parts = partsOf(sub);
  return parts && partialString(['/subscriptions/', ...parts], undefined, sub.origins, 'a subscription id is known at deployment');
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
  const subscription = configuredSubscription(provider);
  if (type === 'azurerm_subscription' && mode === 'data') {
    const own = attr(body, 'subscription_id');
    return subscriptionId(own.kind === 'null' ? subscription : own);
  }
  if (type === 'azurerm_resource_group') {
    const name = partsOf(attr(body, 'name'));
    const sub = partsOf(subscription);
    return name && sub && partialString(['/subscriptions/', ...sub, '/resourceGroups/', ...name], undefined, [], 'a resource group id is known at deployment');
  }
  return undefined;
}
