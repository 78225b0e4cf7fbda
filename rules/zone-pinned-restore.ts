import { defineRule } from './api.js';
import { asBoolean, type Val } from '../src/kernel/value.js';
import { at } from './lib/report.js';
import { eqi } from './lib/values.js';
import { unlessOpaque } from './lib/opaque.js';

/** The known zone names of a `zones` value (`["1"]`, `"1"`, `[1]`). */
function zoneNames(zones: Val): string[] {
  const items = zones.kind === 'array' ? zones.items : [zones];
  const out: string[] = [];
  for (const z of items) if (z.kind === 'string' || z.kind === 'number') out.push(String(z.value));
  return out.filter((z) => z.trim() !== '');
}

/** Cross Region Restore: ARM says `Enabled`/`Disabled`, Terraform `true`/`false`; undefined when unknown. */
function crossRegionRestore(v: Val): boolean | undefined {
  if (v.kind === 'unknown') return undefined;
  if (v.kind === 'string' && (eqi(v.value, 'Enabled') || eqi(v.value, 'Disabled'))) return eqi(v.value, 'Enabled');
  return asBoolean(v) === true;
}

export default defineRule({
  id: 'zone-pinned-restore',
  meta: {
    description: 'A zone-pinned VM cannot be restored while its zone is down unless a vault can restore to another region.',
    category: 'restore-limitation',
    messages: {
      pinned:
        'The VM is pinned to zone {{zones}} and no vault in this configuration has Cross Region Restore: in a zone outage, its restore fails',
    },
  },
  check(model, ctx) {
    const restore = model.vaults.map((v) => crossRegionRestore(v.crossRegionRestore));
    // Any vault with Cross Region Restore, or one that may have it, leaves a way out.
    if (restore.some((r) => r !== false)) return;
    const opaque = unlessOpaque(model);
    for (const vm of model.vms) {
      const zones = zoneNames(vm.zones);
      if (zones.length === 0) continue;
      ctx.report({ at: at(vm.zones, vm.at), messageId: 'pinned', data: { zones: zones.join(', ') }, ...opaque });
    }
  },
});
