import type { TrackedResource } from '@azure/arm-compute';
import { ARM_TYPES as MODELLED } from '../from-arm/modelled-types.js';
import type { ArmResource } from '../arm-resource.js';
import { fromPlain, obj, str, unknown, type ObjectVal, type Prop, type Val } from '../../kernel/value.js';
import type { TfResource } from './resource.js';
import { attr, providerSubscription } from './access.js';
import type { Links } from './links.js';

/** The ARM types whose `azapi_resource` bodies the ARM model builder maps. */
const ARM_TYPES = [
  'microsoft.compute/virtualmachines',
  'microsoft.compute/virtualmachinescalesets',
  'microsoft.compute/disks',
  'microsoft.network/networkinterfaces',
  'microsoft.recoveryservices/vaults',
  'microsoft.recoveryservices/vaults/backuppolicies',
  'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems',
  'microsoft.compute/virtualmachines/extensions',
  'microsoft.authorization/locks',
  'microsoft.insights/diagnosticsettings',
];

/** `Microsoft.Compute/disks@2023-04-02` → `Microsoft.Compute/disks`. */
export function azapiType(body: ObjectVal): string | undefined {
  const t = attr(body, 'type');
  return t.kind === 'string' ? t.value.split('@')[0] : undefined;
}

/**
 * A resource id for an `azapi_resource`, built the way ARM builds it from the parent id, so
 * references between azapi resources link like ARM ids (`…/vaults/v/backupPolicies/p`).
 * A parent that is itself a symbolic id gets a leading `/` to read as an id.
 */
export function azapiInstanceId(type: string, body: ObjectVal): string | undefined {
  return type === 'azapi_resource' ? azapiId(body) : undefined;
}

function azapiId(body: ObjectVal): string | undefined {
  const type = azapiType(body);
  const parent = attr(body, 'parent_id');
  const name = attr(body, 'name');
  if (!type || parent.kind !== 'string' || name.kind !== 'string') return undefined;
  const base = parent.value.startsWith('/') ? parent.value : `/${parent.value}`;
  const segments = type.split('/');
  return segments.length === 2 ? `${base}/providers/${type}/${name.value}` : `${base}/${segments[segments.length - 1]}/${name.value}`;
}

/**
 * ARM resource keys azapi takes as attributes of its own rather than in `body`; typed as the
 * SDK's tracked resource so that a misspelt key does not compile.
 */
const FROM_DECLARATION = ['name', 'location'] as const satisfies readonly (keyof TrackedResource)[];

/** The ARM resource object an azapi body describes (`body` as an object or as a JSON string). */
function armBody(r: TfResource): Val {
  let body = attr(r.body, 'body');
  if (body.kind === 'string') {
    try {
      body = fromPlain(JSON.parse(body.value) as Parameters<typeof fromPlain>[0], body.loc, body.origins);
    } catch {
      return obj([], r.at);
    }
  }
  const props = new Map<string, Prop>(body.kind === 'object' ? body.props : []);
  for (const key of FROM_DECLARATION) {
    const p = r.body.props.get(key);
    if (p && !props.has(key)) props.set(key, p);
  }
  return obj(props.values(), body.loc ?? r.at);
}

/** The azapi resource types that can put an ARM resource in place (see `putsResource`). */
const AZAPI_PUTS = new Set(['azapi_resource', 'azapi_resource_action', 'azapi_update_resource']);

/**
 * Whether an azapi declaration puts a resource of `type` in place: any `azapi_resource`; and for a
 * protected item, which backup modules (Azure Verified Modules among them) create with a PUT
 * `azapi_resource_action` and then manage with `azapi_update_resource`, those two as well. A
 * PUT that runs only at destroy, or an action whose method is known not to be PUT, creates nothing.
 */
function putsResource(r: TfResource, type: string): boolean {
  if (r.type === 'azapi_resource') return true;
  if (type.toLowerCase() !== MODELLED.protectedItem) return false;
  if (r.type === 'azapi_update_resource') return true;
  const when = attr(r.body, 'when');
  const method = attr(r.body, 'method');
  if (when.kind === 'string' && when.value.toLowerCase() === 'destroy') return false;
  // The provider's default method is POST: only a PUT, or a method not known yet, may create it.
  return method.kind === 'unknown' || (method.kind === 'string' && method.value.toUpperCase() === 'PUT');
}

/** The ARM id and name of what an azapi declaration puts: from `parent_id` and `name`, or `resource_id`. */
function identity(r: TfResource): { id: string | undefined; name: Val } {
  if (r.type === 'azapi_resource') return { id: azapiId(r.body), name: attr(r.body, 'name') };
  const resourceId = attr(r.body, 'resource_id');
  if (resourceId.kind !== 'string') return { id: undefined, name: resourceId };
  return { id: resourceId.value, name: str(resourceId.value.split('/').at(-1)!, resourceId.loc, resourceId.origins) };
}

/** Most parents an azapi resource's subscription is looked up through (a chain of children). */
const MAX_PARENTS = 16;

/**
 * The subscription an azapi resource goes to: that of the configured resource its `parent_id`
 * (or `resource_id`) names, or the `/subscriptions/<id>` its id starts with.
 */
function azapiSubscription(r: TfResource, links: Links, depth: number): Val {
  const ref = attr(r.body, r.type === 'azapi_resource' ? 'parent_id' : 'resource_id');
  const parent = links.resolve(ref);
  if (parent && parent !== r && depth < MAX_PARENTS) return AZAPI_PUTS.has(parent.type) ? azapiSubscription(parent, links, depth + 1) : providerSubscription(parent);
  const m = ref.kind === 'string' ? /^\/subscriptions\/([^/]+)/i.exec(ref.value) : null;
  if (m) return str(m[1]!, ref.loc, ref.origins);
  return unknown('the subscription of the parent resource is not known', ref.loc);
}

/** azapi declarations of the types the model knows, as ARM resources; one per resource id. */
export function azapiResources(resources: readonly TfResource[], links: Links): ArmResource[] {
  const out: ArmResource[] = [];
  const ids = new Set<string>();
  for (const r of resources) {
    if (r.mode !== 'managed' || !AZAPI_PUTS.has(r.type)) continue;
    const type = azapiType(r.body);
    if (!type || !ARM_TYPES.some((t) => type.toLowerCase() === t) || !putsResource(r, type)) continue;
    const { id, name } = identity(r);
    // A protected item created by an action and managed by an update is one protected item.
    if (id !== undefined) {
      if (ids.has(id.toLowerCase())) continue;
      ids.add(id.toLowerCase());
    }
    const parent = links.resolve(attr(r.body, 'parent_id'));
    out.push({
      file: r.at.file,
      type,
      typeLoc: attr(r.body, 'type').loc ?? r.at,
      name,
      id: id?.toLowerCase(),
      body: armBody(r),
      resourceGroup: parent?.type === 'azurerm_resource_group' ? attr(parent.body, 'name') : attr(r.body, r.type === 'azapi_resource' ? 'parent_id' : 'resource_id'),
      subscription: azapiSubscription(r, links, 0),
      ...(r.index !== undefined ? { copyIndex: r.index } : {}),
      instances: 1,
      declLoc: r.at,
    });
  }
  return out;
}
