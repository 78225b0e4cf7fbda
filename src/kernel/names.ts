import type { Val } from './value.js';

/** Text of a name or id part: the value, or `{symbol}` for a deployment-time value. */
export function idText(v: Val): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.symbol) return `{${v.symbol}}`;
  return undefined;
}

/** A name for people: deployment-time parts shown as `{expression}`, once. */
export function displayText(v: Val): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.symbol) return v.symbol.includes('{') ? v.symbol : `{${v.symbol}}`;
  return '<unknown>';
}
