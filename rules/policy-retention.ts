import { defineRule } from './api.js';
import { RETENTION_MAX } from '../src/azure/data/policy-limits.js';
import { checkNumber } from './lib/check.js';
import { isVmPolicy } from './lib/policy.js';

const label = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', yearly: 'Yearly' } as const;

export default defineRule({
  id: 'policy-retention',
  meta: {
    description: 'Retention counts of a VM backup policy must stay within what Azure Backup can keep.',
    category: 'backup-blocker',
    severity: 'error',
    messages: {
      tooLong: "{{label}} retention of {{count}} {{unit}} is over Azure Backup's limit of {{max}} {{unit}}, so the policy is rejected",
    },
  },
  check(model, ctx) {
    for (const policy of model.policies) {
      if (!isVmPolicy(policy)) continue;
      for (const retention of policy.retention) {
        const { max, unit } = RETENTION_MAX[retention.unit];
        checkNumber(ctx, retention.count, policy.at, (count) =>
          count > max ? { messageId: 'tooLong', data: { label: label[retention.unit], count, unit, max } } : undefined,
        );
      }
    }
  },
});
