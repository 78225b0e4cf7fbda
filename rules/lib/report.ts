import type { Loc } from '../../src/kernel/location.js';
import type { Val } from '../../src/kernel/value.js';

/** The value when it has a use site, else the fallback place (e.g. the resource). */
export function at(value: Val, fallback: Loc): Val | Loc {
  return value.loc ? value : fallback;
}
