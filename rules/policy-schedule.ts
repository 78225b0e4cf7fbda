import { defineRule, type Problem, type RuleContext } from './api.js';
import type { BackupPolicy } from '../src/azure/model.js';
import { checkNumber, checkString } from './lib/check.js';
import { isVmPolicy } from './lib/policy.js';
import { eqi, inList, quoteList } from './lib/values.js';
import { policyTier } from './lib/vm.js';

const messages = {
  needsEnhanced: "Schedule frequency '{{frequency}}' needs an Enhanced (V2) policy, and {{why}}",
  frequency: "Schedule frequency '{{frequency}}' is not supported: Azure Backup schedules VM backups {{allowed}}",
  hourlyInterval: 'Hourly interval of {{hours}} hours is not supported: Azure Backup runs hourly backups every {{allowed}} hours',
  hourlyWindow: 'Hourly backup window of {{hours}} hours is not supported: it must be {{min}} to {{max}} hours',
  runTimes: 'The schedule has {{count}} run times a day; Azure Backup takes one scheduled VM backup per day',
};

function checkPolicy(ctx: RuleContext<keyof typeof messages>, policy: BackupPolicy): void {
  const { matrix } = ctx;
  const { schedule } = policy;
  const tier = policyTier(policy);
  const standard = matrix.scheduleFrequencies.V1;
  const enhanced = matrix.scheduleFrequencies.V2;
  // An Enhanced-only frequency in a policy whose type is not known is a "may be" finding.
  const maybe = tier === undefined && schedule.frequency.kind === 'string' && inList(schedule.frequency.value, enhanced);
  checkString(
    ctx,
    schedule.frequency,
    policy.at,
    (frequency): Problem<keyof typeof messages> | undefined => {
      if (inList(frequency, tier === 'V2' ? enhanced : standard)) return undefined;
      if (inList(frequency, enhanced)) {
        const why = tier === undefined ? 'the policy type is not known' : 'this policy is a Standard (V1) policy';
        return { messageId: 'needsEnhanced', data: { frequency, why } };
      }
      return { messageId: 'frequency', data: { frequency, allowed: quoteList(tier === 'V2' ? enhanced : standard) } };
    },
    maybe ? { certainty: 'maybe' } : {},
  );
  const frequency = schedule.frequency.kind === 'string' ? schedule.frequency.value : undefined;
  if (frequency === undefined) return;
  if (eqi(frequency, 'Hourly')) {
    if (!inList(frequency, enhanced) || tier === 'V1') return;
    const intervals = matrix.hourlyIntervals;
    const { min, max } = matrix.hourlyWindowHours;
    checkNumber(ctx, schedule.hourlyInterval, policy.at, (hours) =>
      intervals.includes(hours) ? undefined : { messageId: 'hourlyInterval', data: { hours, allowed: quoteList(intervals) } },
    );
    checkNumber(ctx, schedule.hourlyWindowHours, policy.at, (hours) =>
      hours >= min && hours <= max ? undefined : { messageId: 'hourlyWindow', data: { hours, min, max } },
    );
    return;
  }
  if (schedule.runTimes.length > 1) {
    const second = schedule.runTimes[1]!;
    ctx.report({
      at: schedule.runTimesAt ?? (second.loc ? second : policy.at),
      messageId: 'runTimes',
      data: { count: schedule.runTimes.length },
    });
  }
}

export default defineRule({
  id: 'policy-schedule',
  meta: {
    description: 'A VM backup policy runs once a day, daily or weekly (2025 edition: hourly with an Enhanced policy).',
    category: 'backup-blocker',
    severity: 'error',
    messages,
  },
  check(model, ctx) {
    for (const policy of model.policies) if (isVmPolicy(policy)) checkPolicy(ctx, policy);
  },
});
