import type { Rule, RuleMeta } from './api.js';
import { lookupWindowsTimeZone } from '../src/azure/data/time-zones.js';
import { checkString } from './lib/check.js';
import { isVmPolicy } from './lib/policy.js';
import { cite } from './lib/report.js';

const id = 'policy-time-zone-dst';
const meta: RuleMeta = {
  description: 'Azure Backup does not adjust a policy schedule for daylight saving time.',
  severity: 'warn',
  matrixRow:
    "Automatic clock adjustment: Not supported. Azure Backup doesn't automatically adjust for daylight saving time changes when backing up a VM.",
};

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const policy of model.policies) {
      if (!isVmPolicy(policy)) continue;
      checkString(ctx, policy.timeZone, policy.at, (zone) =>
        lookupWindowsTimeZone(zone)?.observesDst
          ? `Time zone '${zone}' observes daylight saving time, and Azure Backup does not adjust the schedule for it: backups run an hour off for part of the year (${cite(ctx, id, meta)})`
          : undefined,
      );
    }
  },
};
export default rule;
