import type { Rule, RuleContext, RuleMeta } from './api.js';
import type { BackupPolicy } from '../src/azure/model.js';
import { checkNumber, checkString } from './lib/check.js';
import { isVmPolicy } from './lib/policy.js';
import { cite } from './lib/report.js';
import { eqi, inList, quoteList } from './lib/values.js';
import { policyTier } from './lib/vm.js';

const id = 'policy-schedule';
const meta: RuleMeta = {
  description: 'A VM backup policy runs once a day, daily or weekly (2025 edition: hourly with an Enhanced policy).',
  severity: 'error',
  matrixRow:
    'Backups per day (via the Azure VM extension): One scheduled backup per day. Monthly/yearly backup: Not supported when backing up with Azure VM extension. Only daily and weekly is supported.',
};

function checkPolicy(ctx: RuleContext, policy: BackupPolicy): void {
  const { matrix } = ctx;
  const source = `(${cite(ctx, id, meta)})`;
  const { schedule } = policy;
  const tier = policyTier(policy);
  const standard = matrix.scheduleFrequencies.V1;
  const enhanced = matrix.scheduleFrequencies.V2;
  // An Enhanced-only frequency in a policy whose type is not known is a "may be" finding.
  const frequencyCtx =
    tier === undefined && schedule.frequency.kind === 'string' && inList(schedule.frequency.value, enhanced)
      ? { ...ctx, report: ctx.reportMaybe.bind(ctx) }
      : ctx;
  checkString(frequencyCtx, schedule.frequency, policy.at, (frequency) => {
    if (inList(frequency, tier === 'V2' ? enhanced : standard)) return undefined;
    if (inList(frequency, enhanced)) {
      const kind = tier === undefined ? 'the policy type is not known' : 'this policy is a Standard (V1) policy';
      return `Schedule frequency '${frequency}' needs an Enhanced (V2) policy, and ${kind} ${source}`;
    }
    return `Schedule frequency '${frequency}' is not supported: Azure Backup schedules VM backups ${quoteList(tier === 'V2' ? enhanced : standard)} ${source}`;
  });
  const frequency = schedule.frequency.kind === 'string' ? schedule.frequency.value : undefined;
  if (frequency === undefined) return;
  if (eqi(frequency, 'Hourly')) {
    if (!inList(frequency, enhanced) || tier === 'V1') return;
    const intervals = matrix.hourlyIntervals;
    const { min, max } = matrix.hourlyWindowHours;
    checkNumber(ctx, schedule.hourlyInterval, policy.at, (n) =>
      intervals.includes(n) ? undefined : `Hourly interval of ${n} hours is not supported: Azure Backup runs hourly backups every ${quoteList(intervals)} hours ${source}`,
    );
    checkNumber(ctx, schedule.hourlyWindowHours, policy.at, (n) =>
      n >= min && n <= max ? undefined : `Hourly backup window of ${n} hours is not supported: it must be ${min} to ${max} hours ${source}`,
    );
    return;
  }
  if (schedule.runTimes.length > 1) {
    const second = schedule.runTimes[1]!;
    ctx.report({
      at: schedule.runTimesAt ?? (second.loc ? second : policy.at),
      message: `The schedule has ${schedule.runTimes.length} run times a day; Azure Backup takes one scheduled VM backup per day ${source}`,
    });
  }
}

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const policy of model.policies) if (isVmPolicy(policy)) checkPolicy(ctx, policy);
  },
};
export default rule;
