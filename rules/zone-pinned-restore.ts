import type { Rule, RuleMeta } from './api.js';
import { asBoolean, type Val } from '../src/kernel/value.js';
import { at, cite } from './lib/report.js';
import { eqi } from './lib/values.js';

const id = 'zone-pinned-restore';
const meta: RuleMeta = {
  description: 'A zone-pinned VM cannot be restored while its zone is down unless a vault can restore to another region.',
  severity: 'off',
  allSeverity: 'warn',
  matrixRow:
    "Restore of Zone-pinned VMs: Supported (for a VM that's backed-up after Jan 2019 and where availability zones are available). We currently support restoring to the same zone that's pinned in VMs. However, if the zone is unavailable due to an outage, the restore will fail.",
};

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

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    const restore = model.vaults.map((v) => crossRegionRestore(v.crossRegionRestore));
    // Any vault with Cross Region Restore, or one that may have it, leaves a way out.
    if (restore.some((r) => r !== false)) return;
    for (const vm of model.vms) {
      const zones = zoneNames(vm.zones);
      if (zones.length === 0) continue;
      ctx.report({
        at: at(vm.zones, vm.at),
        message: `The VM is pinned to zone ${zones.join(', ')} and no vault in this configuration has Cross Region Restore: if the zone is unavailable due to an outage, the restore fails (${cite(ctx, id, meta)})`,
      });
    }
  },
};
export default rule;
