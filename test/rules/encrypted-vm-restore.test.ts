import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/encrypted-vm-restore.js';
import { loc, model, run, s, vm } from './model-builder.js';
import { nul } from '../../src/kernel/value.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armExtension, armVm, tfExtension, tfVm } from './sources.js';

test('is a restore limitation: off in recommended, warn in all', () => {
  assert.equal(rule.meta.category, 'restore-limitation');
});

test('the Azure Disk Encryption extension warns at its type', () => {
  const ext = { at: loc(), publisher: s('Microsoft.Azure.Security'), type: s('AzureDiskEncryptionForLinux'), encryptionOperation: nul() };
  const { reports } = run(rule, model({ vms: [vm({ extensions: [ext, { at: loc(), publisher: s('Microsoft.Azure.Security'), type: s('IaaSAntimalware'), encryptionOperation: nul() }] })] }));
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
  // The quickstart decrypt templates: the same extension, told to decrypt.
  armCase('ARM: the extension enabling encryption fails', { resources: [armVm('vm1'), withSettings(armExtension(ADE, 'AzureDiskEncryption'), 'EnableEncryption')] }, ['"AzureDiskEncryption"'], { preset: 'all' }),
  armCase('ARM: the extension disabling encryption passes', { resources: [armVm('vm1'), withSettings(armExtension(ADE, 'AzureDiskEncryption'), 'DisableEncryption')] }, [], { preset: 'all' }),
  tfCase(
    'Terraform: jsonencode settings disabling encryption pass',
    tfVm() + tfExtension(ADE, '"AzureDiskEncryptionForLinux"').replace('  type_handler_version', '  settings             = jsonencode({ EncryptionOperation = "DisableEncryption" })\n  type_handler_version'),
    [],
    { preset: 'all' },
  ),
  tfCase(
    'Terraform: settings enabling encryption fail',
    tfVm() + tfExtension(ADE, '"AzureDiskEncryptionForLinux"').replace('  type_handler_version', '  settings             = jsonencode({ EncryptionOperation = "EnableEncryption" })\n  type_handler_version'),
    ['"AzureDiskEncryptionForLinux"'],
    { preset: 'all' },
  ),
]);

function withSettings(extension: Record<string, unknown>, operation: string): Record<string, unknown> {
  return { ...extension, properties: { ...(extension['properties'] as object), settings: { EncryptionOperation: operation, VolumeType: 'All' } } };
}
