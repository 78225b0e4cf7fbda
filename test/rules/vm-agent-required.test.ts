import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/vm-agent-required.js';
import { b, model, param, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armVm, tfVm } from './sources.js';

test('provisionVMAgent false and allowExtensionOperations false are errors at the flags', () => {
  const v = vm({ provisionVMAgent: [b(false)], allowExtensionOperations: [s('false')] });
  const { reports } = run(rule, model({ vms: [v] }));
  assert.equal(reports.length, 2);
  assert.equal(reports[0]!.at, v.provisionVMAgent[0]);
  assert.equal(reports[0]!.message, 'The VM agent is not provisioned; Azure Backup takes backups through an extension of the VM agent');
  assert.equal(reports[1]!.at, v.allowExtensionOperations[0]);
  assert.equal(reports[1]!.message, 'Extension operations are disabled; Azure Backup installs an extension on the VM to take backups');
});

test('true, absent and unknown flags pass', () => {
  const v = vm({ provisionVMAgent: [b(true), param('agent')], allowExtensionOperations: [] });
  assert.deepEqual(run(rule, model({ vms: [v] })), { reports: [], maybes: [] });
});

const osProfile = (config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ osProfile: { computerName: 'vm1', adminUsername: 'azureuser', ...extra, ...config } });

formatSuite('vm-agent-required', [
  ...valueCases({
    bad: false,
    good: true,
    arm: (v) => [armVm('vm1', osProfile({ linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: v } }))],
    tf: (expr, loop) => tfVm({ meta: loop.meta, attrs: `  provision_vm_agent    = ${expr}\n` }),
    tfBad: 'false',
    tfGood: 'true',
  }),
  armCase('ARM: Windows provisionVMAgent false', { resources: [armVm('vm1', osProfile({ windowsConfiguration: { provisionVMAgent: false } }))] }, ['false']),
  armCase('ARM: allowExtensionOperations false', { resources: [armVm('vm1', osProfile({}, { allowExtensionOperations: false }))] }, ['false']),
  tfCase('Terraform: allow_extension_operations = false', tfVm({ attrs: '  allow_extension_operations = false\n' }), ['false']),
]);
