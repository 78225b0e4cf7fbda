// The ARM fixtures written as `.bicep` source, for the RuleTester tables of the Bicep language.
import { bicepNeedle, bicepTemplate } from '../rules/bicep-source.js';
import { ARM, type Fixture } from './fixtures-arm.js';

/** A JSON needle as Bicep: a key (`"dataDisks":` in the JSON) becomes `dataDisks:`, a string value `'…'`. */
function needle(json: string, templateText: string): string {
  return bicepNeedle(json, templateText.includes(`${json}:`));
}

export const BICEP: Readonly<Record<string, Fixture>> = Object.fromEntries(
  Object.entries(ARM).map(([id, f]) => [
    id,
    { invalid: bicepTemplate(f.invalid), valid: bicepTemplate(f.valid), at: needle(f.at, f.invalid), ...(f.after ? { after: needle(f.after, f.invalid) } : {}) },
  ]),
);
