import type { Rule, RuleMeta } from './api.js';
import { checkDiskType } from './lib/disk-type.js';
import { eqi } from './lib/values.js';
import { disksOf } from './lib/vm.js';

const id = 'no-ultra-ssd';
const meta: RuleMeta = {
  description: 'Ultra SSD disks cannot be backed up by Azure Backup (2025 edition: only with an Enhanced policy).',
  severity: 'error',
  matrixRow: 'Ultra SSD disks: Not supported.',
};

const PREMIUM = [
  {
    message: "Use Premium SSD ('Premium_LRS'), which Azure Backup supports; check its IOPS and throughput, which are lower than Ultra Disk's and set by disk size",
    text: '"Premium_LRS"',
  },
];

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) {
      for (const disk of disksOf(vm)) checkDiskType(ctx, id, meta, vm, disk, (type) => eqi(type, 'UltraSSD_LRS'), PREMIUM);
    }
  },
};
export default rule;
