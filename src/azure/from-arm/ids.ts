import type { Val } from '../../kernel/value.js';
import { idText } from '../../kernel/names.js';

/** A resource id value as a lower-cased key; undefined when not known. */
export function idOf(v: Val | undefined): string | undefined {
  if (!v) return undefined;
  const text = idText(v);
  return text?.startsWith('/') ? text.toLowerCase() : undefined;
}

/** The id of the parent of a child resource: `…/vaults/v/backuppolicies/p` → `…/vaults/v`. */
export function parentId(id: string | undefined, childSegment: string): string | undefined {
  if (!id) return undefined;
  const at = id.lastIndexOf(`/${childSegment.toLowerCase()}/`);
  return at > 0 ? id.slice(0, at) : undefined;
}

/** What an extension resource (lock, diagnostic setting) applies to: the id before its last `/providers/`. */
export function scopeOf(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const at = id.lastIndexOf('/providers/');
  return at > 0 ? id.slice(0, at) : undefined;
}
