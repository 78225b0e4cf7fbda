// The ARM fixtures written as `.bicep` source, for the RuleTester tables of the Bicep language.
import { bicepNeedle, bicepString, bicepTemplate } from '../rules/bicep-source.js';
import { ARM, type Fixture } from './fixtures-arm.js';

/**
 * A JSON needle as it reads in the Bicep written from the same template: a key (`"dataDisks":`,
 * or a property copy's name) becomes `dataDisks:`, a string `'…'`, a resource type the start of
 * the declaration's `'type@version'`.
 */
function needle(json: string, jsonText: string, bicepText: string): string {
  const asKey = bicepNeedle(json, true);
  const asValue = bicepNeedle(json, false);
  const asType = json.startsWith('"') ? `${bicepString(JSON.parse(json) as string).slice(0, -1)}@` : json;
  const candidates = jsonText.includes(`${json}:`) ? [asKey, asValue] : [asValue, asKey, asType];
  return candidates.find((c) => bicepText.includes(c)) ?? asValue;
}

export const BICEP: Readonly<Record<string, Fixture>> = Object.fromEntries(
  Object.entries(ARM).map(([id, f]) => {
    const invalid = bicepTemplate(f.invalid);
    const at = needle(f.at, f.invalid, invalid);
    return [id, { invalid, valid: bicepTemplate(f.valid), at, ...(f.after ? { after: needle(f.after, f.invalid, invalid) } : {}) }];
  }),
);
