import type { ArmResource } from '../../arm/template/context.js';
import { fromPlain, obj, type ObjectVal, type Prop, type Val } from '../../model/value.js';
import type { TfResource } from '../resource.js';
import { attr, SUBSCRIPTION } from './access.js';
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
export function azapiId(body: ObjectVal): string | undefined {
  const type = azapiType(body);
  const parent = attr(body, 'parent_id');
  const name = attr(body, 'name');
  if (!type || parent.kind !== 'string' || name.kind !== 'string') return undefined;
  const base = parent.value.startsWith('/') ? parent.value : `/${parent.value}`;
  const segments = type.split('/');
  return segments.length === 2 ? `${base}/providers/${type}/${name.value}` : `${base}/${segments[segments.length - 1]}/${name.value}`;
}

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
  for (const key of ['name', 'location']) {
    const p = r.body.props.get(key);
    if (p && !props.has(key)) props.set(key, p);
  }
  return obj(props.values(), body.loc ?? r.at);
}

/** `azapi_resource` instances of the types the model knows, as ARM resources. */
export function azapiResources(resources: readonly TfResource[], links: Links): ArmResource[] {
  const out: ArmResource[] = [];
  for (const r of resources) {
    if (r.mode !== 'managed' || r.type !== 'azapi_resource') continue;
    const type = azapiType(r.body);
    if (!type || !ARM_TYPES.some((t) => type.toLowerCase() === t)) continue;
    const parent = links.resolve(attr(r.body, 'parent_id'));
    const id = azapiId(r.body);
    out.push({
      file: r.at.file,
      type,
      typeLoc: attr(r.body, 'type').loc ?? r.at,
      name: attr(r.body, 'name'),
      id: id?.toLowerCase(),
      body: armBody(r),
      resourceGroup: parent?.type === 'azurerm_resource_group' ? attr(parent.body, 'name') : attr(r.body, 'parent_id'),
      subscription: SUBSCRIPTION,
      ...(r.index !== undefined ? { copyIndex: r.index } : {}),
      instances: 1,
      declLoc: r.at,
    });
  }
  return out;
}
