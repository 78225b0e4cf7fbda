import type { Rule, RuleMeta } from './api.js';
import { checkBoolean } from './lib/check.js';
import { cite } from './lib/report.js';
import { normalizeRegion } from './lib/values.js';
import { disksOf } from './lib/vm.js';

const id = 'write-accelerator';
const meta: RuleMeta = {
  description:
    'Write Accelerator disks are backed up only in some regions; elsewhere the VM needs internet connectivity (2025 edition: all regions).',
  severity: 'warn',
  matrixRow:
    'Disks with Write Accelerator enabled: As of November 23, 2020, supported only in the Korea Central (KRC) and South Africa North (SAN) regions for a limited number of subscriptions. For the unsupported regions, internet connectivity is required on the VM to take snapshots of Virtual Machines with WA enabled.',
  defaultOptions: { regions: ['koreacentral', 'southafricanorth'] },
};

function regionsOption(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((r) => typeof r === 'string') ? (value as string[]) : undefined;
}

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    // The edition decides whether any region is limited; the option says which ones are not.
    if (ctx.matrix.writeAcceleratorRegions === null) return;
    const regions = (regionsOption(ctx.options['regions']) ?? ctx.matrix.writeAcceleratorRegions).map(normalizeRegion);
    const list = regions.join(', ');
    for (const vm of model.vms) {
      const location = vm.location;
      if (location.kind !== 'string' && location.kind !== 'unknown') continue;
      if (location.kind === 'string' && regions.includes(normalizeRegion(location.value))) continue;
      const where = location.kind === 'string' ? `the VM is in '${location.value}'` : "the VM's region is not known";
      const message = `Write Accelerator is enabled on this disk and ${where}; Azure Backup backs such disks up only in ${list}; elsewhere the VM needs internet connectivity to take snapshots (${cite(ctx, id, meta)})`;
      // A region that is not known may be one of the listed ones: a "may be" finding.
      const target = location.kind === 'string' ? ctx : { ...ctx, report: ctx.reportMaybe.bind(ctx) };
      for (const disk of disksOf(vm)) {
        checkBoolean(target, disk.writeAccelerator, disk.at, (on) => (on ? message : undefined));
      }
    }
  },
};
export default rule;
