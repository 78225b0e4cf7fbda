import type { Loc } from '../../src/kernel/location.js';
import type { RuleContext, RuleMeta } from '../api.js';
import type { Val } from '../../src/kernel/value.js';

/** The value when it has a use site, else the fallback place (e.g. the resource). */
export function at(value: Val, fallback: Loc): Val | Loc {
  return value.loc ? value : fallback;
}

/** `support matrix <edition>: "<row>"`, quoting the selected edition where its wording differs. */
export function cite(context: RuleContext, id: string, meta: RuleMeta): string {
  const row = context.matrix.rows[id];
  return row !== undefined ? `support matrix ${context.matrix.edition}: "${row}"` : `support matrix 2021: "${meta.matrixRow}"`;
}
