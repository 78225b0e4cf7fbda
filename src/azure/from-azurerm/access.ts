import { nul, str, unknown, type ObjectVal, type Val } from '../../kernel/value.js';
import type { TfResource } from './resource.js';

/** An argument of a resource or block; `null` (no location) when the configuration does not set it. */
export function attr(body: ObjectVal | undefined, name: string): Val {
  return body?.props.get(name)?.value ?? nul();
}

/** True when the configuration sets the argument (even to an unknown value). */
export function has(body: ObjectVal | undefined, name: string): boolean {
  const v = body?.props.get(name)?.value;
  return v !== undefined && v.kind !== 'null';
}

/**
 * An extension's `settings.EncryptionOperation`: `settings` is JSON text (`jsonencode({…})`);
 * null when it does not say, unknown when the text is not known.
 */
export function encryptionOperation(extension: ObjectVal | undefined): Val {
  const settings = attr(extension, 'settings');
  if (settings.kind !== 'string') return settings.kind === 'unknown' ? settings : nul();
  try {
    const operation = (JSON.parse(settings.value) as { EncryptionOperation?: unknown } | null)?.EncryptionOperation;
    return typeof operation === 'string' ? str(operation, settings.loc, settings.origins) : nul();
  } catch {
    return nul();
  }
}

/** The nested blocks of one type, in order. */
export function blockList(body: ObjectVal | undefined, name: string): ObjectVal[] {
  const v = body?.props.get(name)?.value;
  if (v?.kind === 'array') return v.items.filter((i): i is ObjectVal => i.kind === 'object');
  // Plans and JSON configuration may write a single nested block as an object.
  return v?.kind === 'object' ? [v] : [];
}

export function firstBlock(body: ObjectVal | undefined, name: string): ObjectVal | undefined {
  return blockList(body, name)[0];
}

/**
 * The subscription a resource is managed in: its provider configuration's `subscription_id`;
 * when that is not known, an unknown that is the same for every resource of that configuration
 * (a plan names none: one for all).
 */
export function providerSubscription(r: TfResource): Val {
  const id = attr(r.provider?.body, 'subscription_id');
  if (id.kind === 'string') return id;
  return unknown('the subscription is chosen by the provider configuration', undefined, { symbol: `terraform:provider-subscription:${r.provider?.address ?? ''}` });
}
