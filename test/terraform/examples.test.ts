import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ProjectFs } from '../../src/kernel/project-fs.js';
import { LineIndex, type Loc } from '../../src/kernel/location.js';
import { toPlain } from '../../src/kernel/value.js';
import { evaluateTerraformModule } from '../../src/sources/terraform-dir.js';
import { evaluateTerraformPlan } from '../../src/sources/terraform-plan.js';

// dist/test/terraform → the repository root.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DIR = path.join(REPO, 'examples/terraform');

function where(loc: Loc | undefined): string {
  if (!loc) return 'nowhere';
  const p = new LineIndex(readFileSync(loc.file, 'utf8')).position(loc.start);
  return `${path.relative(DIR, loc.file)}:${p.line}:${p.column}`;
}

describe('examples/terraform', () => {
  it('evaluates the module from disk with its child module and tfvars', () => {
    const ev = evaluateTerraformModule(DIR, new ProjectFs(REPO), {});
    assert.deepEqual(ev.diagnostics, []);
    assert.deepEqual(ev.files.map((f) => path.relative(DIR, f)).sort(), [
      'main.tf',
      'modules/vm/main.tf',
      'modules/vm/outputs.tf',
      'modules/vm/variables.tf',
      'terraform.tfvars',
      'variables.tf',
    ]);
    const m = ev.models[0]!;
    assert.equal(m.scenario.name, 'terraform.tfvars');
    const vms = Object.fromEntries(m.vms.map((vm) => [vm.address, vm]));
    const db = vms['module.db.azurerm_linux_virtual_machine.this']!;
    assert.equal(db.dataDisks.length, 33);
    assert.equal(db.dataDisksOrigin, '33 attachments from count = var.data_disk_count');
    assert.equal(where(db.dataDisksAt), 'modules/vm/main.tf:14:10');
    assert.equal(toPlain(db.networkInterfaces[0]!.ipConfigurations[0]!.allocation), 'Static');
    const analytics = vms['module.analytics.azurerm_linux_virtual_machine.this']!;
    assert.deepEqual(analytics.dataDisks.map((d) => `${toPlain(d.storageType)} ${toPlain(d.maxShares)} ${where(d.storageType.loc)}`), [
      'Premium_LRS 2 main.tf:66:26',
      'UltraSSD_LRS null main.tf:56:26',
    ]);
    const web = vms['module.web.azurerm_linux_virtual_machine.this']!;
    assert.equal(web.dataDisks.length, 1);
    assert.equal(toPlain(web.size), 'Standard_B1s');
    assert.deepEqual(web.size.origins.map((o) => `${o.kind} ${o.name}`), ['module-input module.web']);
    assert.deepEqual(m.vms.map((vm) => vm.protectedBy.map((p) => p.policy?.address)), [
      ['azurerm_backup_policy_vm.daily'],
      ['azurerm_backup_policy_vm.daily'],
      ['azurerm_backup_policy_vm.daily'],
    ]);
    assert.ok(m.disks.every((d) => d.attached));
  });

  it('maps the example plan', () => {
    const file = path.join(DIR, 'plan.json');
    const ev = evaluateTerraformPlan(file, readFileSync(file, 'utf8'))!;
    const vm = ev.models[0]!.vms[0]!;
    assert.equal(vm.address, 'azurerm_windows_virtual_machine.app');
    assert.deepEqual(vm.dataDisks.map((d) => toPlain(d.storageType)), ['UltraSSD_LRS', 'Premium_LRS']);
    assert.equal(toPlain(vm.networkInterfaces[0]!.ipConfigurations[0]!.allocation), 'Static');
    assert.equal(vm.protectedBy[0]?.vault?.address, 'azurerm_recovery_services_vault.main');
  });
});
