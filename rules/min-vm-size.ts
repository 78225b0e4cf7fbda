import { defineRule, type RuleContext } from './api.js';
import { lookupVmSize } from '../src/azure/data/vm-size-info.js';
import type { Val } from '../src/kernel/value.js';
import type { Loc } from '../src/kernel/location.js';
import { checkString } from './lib/check.js';

const messages = {
  tooSmall: "VM size '{{name}}' has {{lacks}}; Azure Backup needs at least {{minVCPUs}} CPU cores and {{minMemoryGiB}} GB of RAM",
  constrainedCores:
    "VM size '{{name}}' runs {{activeVCPUs}} of its {{vCPUs}}: if Azure Backup's minimum of {{minVCPUs}} CPU cores counts active ones, it is too small",
};

const vcpus = (n: number): string => `${n} vCPU${n === 1 ? '' : 's'}`;

function checkSize(ctx: RuleContext<keyof typeof messages>, size: Val, fallback: Loc): void {
  const { minVCPUs, minMemoryGiB } = ctx.matrix.limits;
  // Hard limits first, then the constrained-core case as a warning of its own.
  checkString(ctx, size, fallback, (name) => {
    const info = lookupVmSize(name);
    if (!info) return undefined;
    const lacks: string[] = [];
    if (info.vCPUs < minVCPUs) lacks.push(vcpus(info.vCPUs));
    if (info.memoryGiB !== undefined && info.memoryGiB < minMemoryGiB) lacks.push(`${info.memoryGiB} GiB of memory`);
    if (lacks.length === 0) return undefined;
    return { messageId: 'tooSmall', data: { name, lacks: lacks.join(' and '), minVCPUs, minMemoryGiB } };
  });
  checkString(
    ctx,
    size,
    fallback,
    (name) => {
      const info = lookupVmSize(name);
      if (!info || info.vCPUs < minVCPUs || info.activeVCPUs === undefined || info.activeVCPUs >= minVCPUs) return undefined;
      if (info.memoryGiB !== undefined && info.memoryGiB < minMemoryGiB) return undefined;
      return { messageId: 'constrainedCores', data: { name, vCPUs: vcpus(info.vCPUs), activeVCPUs: info.activeVCPUs, minVCPUs } };
    },
    { severity: 'warn' },
  );
}

export default defineRule({
  id: 'min-vm-size',
  meta: {
    description: 'Azure Backup needs a VM size with at least 2 CPU cores and 1 GB of RAM.',
    category: 'backup-blocker',
    severity: 'error',
    messages,
  },
  check(model, ctx) {
    for (const vm of model.vms) checkSize(ctx, vm.size, vm.at);
  },
});
