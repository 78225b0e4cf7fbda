import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/encrypted-vm-restore.js';
import { loc, model, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, valueCases } from './formats.js';
import { armExtension, armVm, tfExtension, tfVm } from './sources.js';

test('is a restore limitation: off in recommended, warn in all', () => {
  assert.equal(rule.meta.category, 'restore-limitation');
});

test('the Azure Disk Encryption extension warns at its type', () => {
  const ext = { at: loc(), publisher: s('Microsoft.Azure.Security'), type: s('AzureDiskEncryptionForLinux') };
  const { reports } = run(rule, model({ vms: [vm({ extensions: [ext, { at: loc(), publisher: s('Microsoft.Azure.Security'), type: s('IaaSAntimalware') }] })] }));
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, ext.type);
  assert.match(reports[0]!.message, /^Azure Disk Encryption \('AzureDiskEncryptionForLinux'\): Azure Backup can't restore this VM file by file or with Replace existing$/);
});

const ADE = 'Microsoft.Azure.Security';

formatSuite('encrypted-vm-restore', [
  ...valueCases({
    bad: 'AzureDiskEncryptionForLinux',
    good: 'CustomScript',
    arm: (v) => [armVm('vm1'), armExtension(ADE, v)],
    tf: (expr, loop) => tfVm() + tfExtension(ADE, expr, loop.meta),
    tfBad: '"AzureDiskEncryptionForLinux"',
    tfGood: '"CustomScript"',
    options: { preset: 'all' },
  }),
  armCase('ARM: off in the recommended preset', { resources: [armVm('vm1'), armExtension(ADE, 'AzureDiskEncryption')] }, []),
  armCase('ARM: Windows AzureDiskEncryption', { resources: [armVm('vm1'), armExtension(ADE, 'AzureDiskEncryption')] }, ['"AzureDiskEncryption"'], { preset: 'all' }),
]);
