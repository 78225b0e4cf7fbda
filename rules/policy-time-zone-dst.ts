import { defineRule } from './api.js';
import { lookupWindowsTimeZone } from '../src/azure/data/time-zones.js';
import { checkString } from './lib/check.js';
import { isVmPolicy } from './lib/policy.js';

export default defineRule({
  id: 'policy-time-zone-dst',
  meta: {
    description: 'Azure Backup does not adjust a policy schedule for daylight saving time.',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      dst: "Azure Backup ignores daylight saving time in '{{zone}}': backups run an hour off for part of the year",
    },
  },
  check(model, ctx) {
    for (const policy of model.policies) {
      if (!isVmPolicy(policy)) continue;
      checkString(ctx, policy.timeZone, policy.at, (zone) => (lookupWindowsTimeZone(zone)?.observesDst ? { messageId: 'dst', data: { zone } } : undefined));
    }
  },
});
