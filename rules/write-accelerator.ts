import { defineRule, type Problem } from './api.js';
import { checkBoolean } from './lib/check.js';
import { normalizeRegion } from './lib/values.js';
import { disksOf } from './lib/vm.js';

function regionsOption(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((r) => typeof r === 'string') ? (value as string[]) : undefined;
}

export default defineRule({
  id: 'write-accelerator',
  meta: {
    description:
      'Write Accelerator disks are backed up only in some regions; elsewhere the VM needs internet connectivity (2025 edition: all regions).',
    category: 'backup-blocker',
    severity: 'warn',
    messages: {
      region: "Write Accelerator disk in '{{region}}', where Azure Backup needs the VM to reach the internet to take snapshots",
      unknownRegion: 'Write Accelerator disk, region unknown: Azure Backup needs internet access from the VM except in {{regions}}',
    },
    defaultOptions: { regions: ['koreacentral', 'southafricanorth'] },
  },
  check(model, ctx) {
    // The edition decides whether any region is limited; the option says which ones are not.
    if (ctx.matrix.writeAcceleratorRegions === null) return;
    const regions = (regionsOption(ctx.options['regions']) ?? ctx.matrix.writeAcceleratorRegions).map(normalizeRegion);
    for (const vm of model.vms) {
      const location = vm.location;
      if (location.kind !== 'string' && location.kind !== 'unknown') continue;
      if (location.kind === 'string' && regions.includes(normalizeRegion(location.value))) continue;
      const problem: Problem<'region' | 'unknownRegion'> =
        location.kind === 'string'
          ? { messageId: 'region', data: { region: location.value } }
          : { messageId: 'unknownRegion', data: { regions: regions.join(', ') } };
      for (const disk of disksOf(vm)) {
        // A region that is not known may be one of the listed ones: a "may be" finding.
        checkBoolean(ctx, disk.writeAccelerator, disk.at, (on) => (on ? problem : undefined), location.kind === 'string' ? {} : { certainty: 'maybe' });
      }
    }
  },
});
