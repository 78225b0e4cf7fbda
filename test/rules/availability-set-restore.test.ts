import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/availability-set-restore.js';
import { absent, model, param, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armVm, tfResource, tfVm } from './sources.js';

test('a VM in an availability set warns at the set reference', () => {
  const v = vm({ availabilitySet: s('/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/availabilitySets/as1') });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, v.availabilitySet);
  assert.match(reports[0]!.message, /^The VM is in an availability set: Azure Backup cannot restore it with the quick Create VM option, only from its disks$/);
  assert.equal(rule.meta.category, 'restore-limitation');
});

test('no set, null or unknown passes', () => {
  const vms = [vm(), vm({ availabilitySet: absent() }), vm({ availabilitySet: param('set') })];
  assert.deepEqual(run(rule, model({ vms })), { reports: [], maybes: [] });
});

const SET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/availabilitySets/as1';
const inSet = (id: unknown) => armVm('vm1', { availabilitySet: { id } });

formatSuite('availability-set-restore', [
  ...valueCases({
    bad: SET,
    good: '',
    arm: (v) => [inSet(v)],
    tf: (expr, loop) => tfVm({ meta: loop.meta, attrs: `  availability_set_id   = ${expr}\n` }),
    tfBad: `"${SET}"`,
    tfGood: 'null',
    options: { preset: 'all' },
  }),
  armCase(
    'ARM: an availability set of the template, by resourceId',
    {
      resources: [
        { type: 'Microsoft.Compute/availabilitySets', apiVersion: '2023-09-01', name: 'as1', location: 'westeurope', sku: { name: 'Aligned' }, properties: { platformFaultDomainCount: 2 } },
        inSet("[resourceId('Microsoft.Compute/availabilitySets', 'as1')]"),
      ],
    },
    [`"[resourceId('Microsoft.Compute/availabilitySets', 'as1')]"`],
    { preset: 'all' },
  ),
  armCase('ARM: off in the recommended preset', { resources: [inSet(SET)] }, []),
  tfCase(
    'Terraform: an availability set of the configuration, by its id (known only after apply)',
    tfResource('azurerm_availability_set', 'as', '  name                = "as1"\n  location            = "westeurope"\n  resource_group_name = "rg"\n') +
      tfVm({ attrs: '  availability_set_id   = azurerm_availability_set.as.id\n' }),
    ['azurerm_availability_set.as.id'],
    { preset: 'all' },
  ),
]);
