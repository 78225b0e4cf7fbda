// Symbolic links inside the project are followed as Terraform follows them: modules share `.tf`
// files and module folders that way (Azure/az-hop tf/network, microsoft/AzureTRE guacamole VMs).
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../src/api/lint.js';
import { discoverFiles } from '../../src/engine/discover.js';
import { scratch } from '../helpers/cli.js';
import { pos } from '../helpers/lint.js';

const LOCALS = 'locals {\n  vm_size = "Standard_B1ls"\n}\n';

const VM = `resource "azurerm_linux_virtual_machine" "vm" {
  name                  = "vm"
  location              = "westeurope"
  resource_group_name   = "rg"
  size                  = local.vm_size
  admin_username        = "a"
  network_interface_ids = ["nic"]
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}
`;

function link(dir: string, name: string, target: string): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  symlinkSync(target, path.join(dir, name));
}

const relative = (dir: string, files: readonly string[]) => files.map((f) => path.relative(dir, f));

describe('symbolic links in the project', () => {
  it('discovers linked files, walks each real folder once under its own path, and ends link loops', () => {
    const outside = scratch({ 'secret.tf': 'x' });
    const dir = scratch({ 'mod/main.tf': VM, 'shared/locals.tf': LOCALS, 'modules/vm/main.tf': VM });
    link(dir, 'mod/locals.tf', '../shared/locals.tf');
    link(dir, 'app/vm', '../modules/vm');
    link(dir, 'mod/loop', '..');
    link(dir, 'mod/self', '.');
    link(dir, 'mod/out.tf', path.join(outside, 'secret.tf'));
    link(dir, 'mod/outdir', outside);
    link(dir, 'mod/broken.tf', 'nowhere.tf');
    const everything = () => true;
    assert.deepEqual(relative(dir, discoverFiles(['.'], dir, everything).files), [
      'mod/locals.tf',
      'mod/main.tf',
      'modules/vm/main.tf',
      'shared/locals.tf',
    ]);
    // A linked folder the walk does not reach otherwise is walked under the link's path.
    assert.deepEqual(relative(dir, discoverFiles(['app'], dir, everything).files), ['app/vm/main.tf']);
  });

  it('lints a module whose .tf file is a link to a shared one', async () => {
    const dir = scratch({ 'mod/main.tf': VM, 'shared/locals.tf': LOCALS });
    link(dir, 'mod/locals.tf', '../shared/locals.tf');
    const report = await lint(['mod'], { cwd: dir });
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'diagnostic'}`));
    assert.deepEqual(messages, [`mod/main.tf:${pos(VM, 'local.vm_size')} azure-backup/min-vm-size`]);
  });

  it('a .tf link out of the project is reported, not read', async () => {
    const outside = scratch({ 'secret.tf': 'locals {\n  vm_size = "TOPSECRET"\n}\n' });
    const dir = scratch({ 'mod/main.tf': VM });
    link(dir, 'mod/locals.tf', path.join(outside, 'secret.tf'));
    const report = await lint(['.'], { cwd: dir });
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.message}`));
    assert.deepEqual(messages, [
      'mod/locals.tf:1:1 Cannot read file: outside the project root (through a symbolic link)',
      `mod/main.tf:${pos(VM, 'local.vm_size')} reference to undeclared local value "vm_size"`,
    ]);
  });

  it('lists a module reached through a linked folder once in the inventory, under its own path', async () => {
    const call = 'module "vm" {\n  source = "./vm"\n}\n';
    const dir = scratch({ 'a/main.tf': call, 'b/main.tf': call, 'b/vm/main.tf': VM, 'b/vm/locals.tf': LOCALS });
    link(dir, 'a/vm', '../b/vm');
    const report = await lint(['.'], { cwd: dir });
    assert.deepEqual(
      report.inventory.map((e) => `${path.relative(dir, e.filePath)}:${e.line}:${e.column} ${e.size}`),
      [`b/vm/main.tf:${pos(VM, '"azurerm_linux')} Standard_B1ls`],
    );
  });
});
