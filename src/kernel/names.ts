import { partsText } from './partial-string.js';
import type { Val } from './value.js';

/** Text of a name or id part: the value, deployment-time parts as `{symbol}`. */
export function idText(v: Val): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind !== 'unknown') return undefined;
  // A partially known string's symbol is its parts' text already (partialString): not built again per read.
  if (v.parts) return v.symbol ?? partsText(v.parts);
  return v.symbol ? `{${v.symbol}}` : undefined;
}

/** A name for people: deployment-time parts shown as `{expression}`. */
export function displayText(v: Val): string {
  return idText(v) ?? '<unknown>';
}
