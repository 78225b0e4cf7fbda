import type { Rule, RuleContext, RuleMeta } from './api.js';
import { lookupVmSize } from '../src/azure/data/vm-size-info.js';
import type { Val } from '../src/kernel/value.js';
import type { Loc } from '../src/kernel/location.js';
import { checkString } from './lib/check.js';
import { cite } from './lib/report.js';

const id = 'min-vm-size';
const meta: RuleMeta = {
  description: 'Azure Backup needs a VM size with at least 2 CPU cores and 1 GB of RAM.',
  severity: 'error',
  matrixRow: 'VM size: Any Azure VM size with at least 2 CPU cores and 1-GB RAM.',
};

const vcpus = (n: number): string => `${n} vCPU${n === 1 ? '' : 's'}`;

function checkSize(ctx: RuleContext, size: Val, fallback: Loc): void {
  const { minVCPUs, minMemoryGiB } = ctx.matrix.limits;
  const source = `(${cite(ctx, id, meta)})`;
  // Hard limits first, then the constrained-core case as a warning of its own.
  checkString(ctx, size, fallback, (name) => {
    const info = lookupVmSize(name);
    if (!info) return undefined;
    const lacks: string[] = [];
    if (info.vCPUs < minVCPUs) lacks.push(vcpus(info.vCPUs));
    if (info.memoryGiB !== undefined && info.memoryGiB < minMemoryGiB) lacks.push(`${info.memoryGiB} GiB of memory`);
    if (lacks.length === 0) return undefined;
    return `VM size '${name}' has ${lacks.join(' and ')}; Azure Backup needs at least ${minVCPUs} CPU cores and ${minMemoryGiB} GB of RAM ${source}`;
  });
  checkString(
    ctx,
    size,
    fallback,
    (name) => {
      const info = lookupVmSize(name);
      if (!info || info.vCPUs < minVCPUs || info.activeVCPUs === undefined || info.activeVCPUs >= minVCPUs) return undefined;
      if (info.memoryGiB !== undefined && info.memoryGiB < minMemoryGiB) return undefined;
      return `VM size '${name}' is a constrained-core size with ${vcpus(info.vCPUs)} but only ${info.activeVCPUs} active; the matrix does not say which count its minimum of ${minVCPUs} CPU cores means ${source}`;
    },
    'warn',
  );
}

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) checkSize(ctx, vm.size, vm.at);
  },
};
export default rule;
