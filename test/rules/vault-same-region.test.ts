import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/vault-same-region.js';
import { model, param, protect, run, s, symbol, vault, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armPolicy, armProtected, armVault, armVm, tfPolicy, tfProtected, tfVault, tfVm } from './sources.js';

test('a vault in another region is an error at the protected item source VM reference', () => {
  const v = vm({ location: s('westeurope') });
  const item = protect(v, vault({ location: s('North Europe') }));
  const { reports } = run(rule, model({ vms: [v], protectedItems: [item] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, item.sourceVm);
  assert.equal(
    reports[0]!.message,
    "The VM is in 'westeurope' but its vault is in 'North Europe': Azure Backup backs a VM up only to a vault in its own region",
  );
});

test('same region in another spelling, or the same deployment symbol, passes', () => {
  const a = vm({ location: s('West Europe') });
  const b = vm({ location: symbol('resourceGroup().location') }, 'vm2');
  const items = [protect(a, vault({ location: s('westeurope') })), protect(b, vault({ location: symbol('resourceGroup().location') }))];
  assert.deepEqual(run(rule, model({ vms: [a, b], protectedItems: items })), { reports: [], maybes: [] });
});

test('explicit different subscriptions fail; unknown ones pass', () => {
  const a = vm({ subscription: s('1111') });
  const item = protect(a, vault({ subscription: s('2222') }));
  const { reports } = run(rule, model({ vms: [a], protectedItems: [item] }));
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.message, /^The VM and its vault are in different subscriptions:/);
  const b = vm({ location: param('location') });
  const other = protect(b, vault());
  assert.deepEqual(run(rule, model({ vms: [b], protectedItems: [other] })), { reports: [], maybes: [] });
});

const SOURCE = `"[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]"`;
const armBackup = (vaultLocation: unknown) => [armVm('vm1'), armVault('rsv', vaultLocation), armPolicy('rsv', 'daily'), armProtected('rsv', 'vm1', 'daily')];

formatSuite('vault-same-region', [
  ...valueCases({
    bad: 'northeurope',
    good: 'westeurope',
    arm: armBackup,
    armAt: SOURCE,
    tf: (expr) => tfVm() + tfVault('', expr) + tfPolicy() + tfProtected(),
    tfBad: '"northeurope"',
    tfGood: '"westeurope"',
    tfAt: 'azurerm_linux_virtual_machine.web.id',
    skip: ['arm-copy', 'tf-for-each', 'tf-count'],
  }),
  armCase("ARM: 'West Europe' and 'westeurope' are one region", { resources: armBackup('West Europe') }, []),
  tfCase(
    'Terraform: for_each VMs in two regions, each protected: the other region fails',
    tfVm({ meta: '  for_each = {\n    we = "westeurope"\n    ne = "northeurope"\n  }\n', location: 'each.value' }) +
      tfVault() +
      tfPolicy() +
      tfProtected('each.value.id', '  for_each = azurerm_linux_virtual_machine.web\n'),
    ['each.value.id'],
  ),
]);
