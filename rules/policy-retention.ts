import type { Rule, RuleMeta } from './api.js';
import { RETENTION_MAX } from '../src/azure/data/policy-limits.js';
import { checkNumber } from './lib/check.js';
import { isVmPolicy } from './lib/policy.js';
import { cite } from './lib/report.js';

const id = 'policy-retention';
const meta: RuleMeta = {
  description: 'Retention counts of a VM backup policy must stay within what Azure Backup can keep.',
  severity: 'error',
  matrixRow:
    'Maximum recovery points per protected instance (machine/workload): 9999. Maximum expiry time for a recovery point: No limit (99 years).',
};

const label = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', yearly: 'Yearly' } as const;

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const policy of model.policies) {
      if (!isVmPolicy(policy)) continue;
      for (const retention of policy.retention) {
        const { max, unit } = RETENTION_MAX[retention.unit];
        checkNumber(ctx, retention.count, policy.at, (n) =>
          n > max
            ? `${label[retention.unit]} retention of ${n} ${unit} is over the ${max} ${unit} a protected instance can keep (${cite(ctx, id, meta)})`
            : undefined,
        );
      }
    }
  },
};
export default rule;
