import type { Model } from '../../src/azure/model.js';
import type { Report } from '../api.js';

/**
 * While a unit uses modules the linter does not read (registry modules, template specs, remote
 * links), what they deploy is not known: a finding that rests on something being absent from
 * the unit ("no protected item", "no vault with Cross Region Restore") is then only a "may be",
 * naming the module that may hold it.
 */
export function unlessOpaque(model: Model): Pick<Report, 'certainty' | 'premise'> {
  const first = model.opaque[0];
  if (!first) return {};
  const more = model.opaque.length > 1 ? ` (and ${model.opaque.length - 1} more module${model.opaque.length > 2 ? 's' : ''} not read)` : '';
  // Not capitalized: it follows "May be: ", and `module.x` is Terraform's own spelling.
  return { certainty: 'maybe', premise: `${first.what}${more}` };
}
