import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/no-spot-vm.js';
import { model, param, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, valueCases } from './formats.js';
import { armVm, tfVm } from './sources.js';

test("priority 'Spot' and 'Low' warn at the priority literal", () => {
  for (const p of ['Spot', 'low']) {
    const v = vm({ priority: s(p) });
    const { reports } = run(rule, model({ vms: [v] }));
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.at, v.priority);
    assert.equal(
      reports[0]!.message,
      `VM priority '${p}' makes a Spot VM, which Azure Backup does not support; a restore brings it back as a regular VM`,
    );
  }
});

test("'Regular', no priority and unknown priority pass", () => {
  const vms = [vm({ priority: s('Regular') }), vm(), vm({ priority: param('priority') })];
  assert.deepEqual(run(rule, model({ vms })), { reports: [], maybes: [] });
});

const prioritized = (v: unknown) => armVm('vm1', { priority: v, evictionPolicy: 'Deallocate' });

formatSuite('no-spot-vm', [
  ...valueCases({
    bad: 'Spot',
    good: 'Regular',
    arm: (v) => [prioritized(v)],
    tf: (expr, loop) => tfVm({ meta: loop.meta, attrs: `  priority              = ${expr}\n  eviction_policy       = "Deallocate"\n` }),
    tfBad: '"Spot"',
    tfGood: '"Regular"',
  }),
  armCase("ARM: the legacy 'Low' priority fails", { resources: [prioritized('Low')] }, ['"Low"']),
]);
