import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/marketplace-plan-restore.js';
import { loc, model, run, vm } from './model-builder.js';
import { formatSuite, tfCase, valueCases } from './formats.js';
import { armVm, tfVm } from './sources.js';

test('a VM with a plan warns at the plan key', () => {
  const plan = loc();
  const { reports } = run(rule, model({ vms: [vm({ plan })] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, plan);
  assert.equal(
    reports[0]!.message,
    "The VM has a Marketplace plan: Azure Backup restores it only as disks, since a new VM needs the plan's purchase information",
  );
});

test('no plan, no finding', () => {
  assert.deepEqual(run(rule, model({ vms: [vm()] })), { reports: [], maybes: [] });
});

const PLAN = { name: 'byol', product: 'vendor-appliance', publisher: 'vendor' };
const TF_PLAN = '  plan {\n    name      = "byol"\n    product   = "vendor-appliance"\n    publisher = "vendor"\n  }\n';
const module = (body: string) => ({ 'modules/x/main.tf': body });

formatSuite('marketplace-plan-restore', [
  ...valueCases({ bad: PLAN, good: null, arm: (v) => [armVm('vm1', {}, { plan: v })], armAt: '"plan"' }),
  tfCase('Terraform: a plan block', tfVm({ attrs: TF_PLAN }), ['plan {']),
  tfCase('Terraform: no plan block passes', tfVm(), []),
  tfCase('Terraform: for_each VMs share one plan block: one finding', tfVm({ meta: '  for_each = toset(["a", "b"])\n', attrs: TF_PLAN }), ['plan {']),
  tfCase('Terraform: count = 0 deploys nothing', tfVm({ meta: '  count = 0\n', attrs: TF_PLAN }), []),
  tfCase(
    'Terraform: a plan in a local child module',
    'module "x" {\n  source = "./modules/x"\n}\n',
    [['modules/x/main.tf', 'plan {', '']],
    {},
    module(tfVm({ attrs: TF_PLAN })),
  ),
]);
