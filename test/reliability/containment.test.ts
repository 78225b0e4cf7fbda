// Nothing outside the project root is read, whichever way a path leads there: a symbolic link
// on the way is resolved before a file is opened.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch } from '../helpers/cli.js';
import { template, vm } from '../helpers/lint.js';
import { SMALL_VM, SMALL_VM_TF } from './helpers.js';

const SECRET = 'TOPSECRET-7f3a';

/** A directory outside every project: a template and a text file that must never be read. */
function outsideDir(): string {
  return scratch({
    'disk.json': template({ resources: [vm(SECRET, {}, { properties: { hardwareProfile: { vmSize: 'Standard_A0' } } })] }),
    'secret.txt': SECRET,
    'main.tf': `resource "azurerm_linux_virtual_machine" "vm" {\n  name = "${SECRET}"\n  size = "Standard_A0"\n}\n`,
  });
}

/** Every output a CI job would keep: JSON results, SARIF, stylish, inventory, stderr. */
async function allOutput(dir: string): Promise<{ code: number; text: string; json: { filePath: string; messages: { ruleId: string | null; message: string; line: number; column: number }[] }[] }> {
  const lint = await cli(['.', '--format', 'json', '--output-file', 'out.json', '--format', 'sarif', '--output-file', 'out.sarif', '--format', 'stylish'], dir);
  const inventory = await cli(['inventory', '.', '--format', 'json'], dir);
  const { readFileSync } = await import('node:fs');
  const json = readFileSync(path.join(dir, 'out.json'), 'utf8');
  const sarif = readFileSync(path.join(dir, 'out.sarif'), 'utf8');
  return { code: lint.code, text: [lint.stdout, lint.stderr, json, sarif, inventory.stdout, inventory.stderr].join('\n'), json: JSON.parse(json) };
}

function link(dir: string, name: string, target: string): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  symlinkSync(target, path.join(dir, name));
}

const linking = (relativePath: string) =>
  template({
    resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'nested', properties: { mode: 'Incremental', templateLink: { relativePath } } }],
  });

describe('symbolic links out of the project', () => {
  it('a linked template whose folder links outside is refused at the link, and its neighbour still linted', async () => {
    const outside = outsideDir();
    const dir = scratch({ 'app/azuredeploy.json': linking('nested/disk.json'), 'other/small.json': SMALL_VM });
    link(dir, 'app/nested', outside);
    const { code, text, json } = await allOutput(dir);
    assert.equal(code, 1);
    assert.doesNotMatch(text, new RegExp(SECRET));
    const app = json.find((r) => r.filePath.endsWith(path.join('app', 'azuredeploy.json')))!;
    assert.deepEqual(app.messages.map((m) => [m.line, m.message]), [[12, "Linked template 'nested/disk.json' cannot be read: outside the project root (through a symbolic link)"]]);
    assert.ok(json.some((r) => r.filePath.endsWith('small.json') && r.messages.some((m) => m.ruleId === 'azure-backup/min-vm-size')));
  });

  it('a linked template that is itself a link outside is refused', async () => {
    const outside = outsideDir();
    const dir = scratch({ 'app/azuredeploy.json': linking('disk.json') });
    link(dir, 'app/disk.json', path.join(outside, 'disk.json'));
    const { text } = await allOutput(dir);
    assert.doesNotMatch(text, new RegExp(SECRET));
    assert.match(text, /Linked template 'disk\.json' cannot be read: outside the project root \(through a symbolic link\)/);
  });

  it('a Terraform module directory that links outside is not read', async () => {
    const outside = outsideDir();
    const dir = scratch({ 'tf/main.tf': 'module "vm" {\n  source = "./modules/vm"\n}\n', 'tf/small/main.tf': SMALL_VM_TF });
    link(dir, 'tf/modules/vm', outside);
    const { code, text } = await allOutput(dir);
    assert.equal(code, 1);
    assert.doesNotMatch(text, new RegExp(SECRET));
  });

  it('file(), templatefile() and fileexists() do not read through a link outside', async () => {
    const outside = outsideDir();
    const dir = scratch({
      'tf/main.tf': [
        'resource "azurerm_linux_virtual_machine" "a" {',
        '  name = file("${path.module}/secret.txt")',
        '  size = "Standard_D4s_v5"',
        '}',
        'resource "azurerm_linux_virtual_machine" "b" {',
        '  name = templatefile("${path.module}/secret.txt", {})',
        '  size = fileexists("${path.module}/secret.txt") ? "Standard_A0" : "Standard_D4s_v5"',
        '}',
        '',
      ].join('\n'),
    });
    link(dir, 'tf/secret.txt', path.join(outside, 'secret.txt'));
    const { text, json } = await allOutput(dir);
    assert.doesNotMatch(text, new RegExp(SECRET));
    // fileexists() is false for a file the run may not read: the small size is never chosen.
    assert.ok(!json.some((r) => r.messages.some((m) => m.ruleId === 'azure-backup/min-vm-size')));
  });

  it('a link that stays inside the project is followed', async () => {
    const dir = scratch({ 'shared/disk.json': SMALL_VM, 'app/azuredeploy.json': linking('nested/disk.json') });
    link(dir, 'app/nested', path.join(dir, 'shared'));
    const { json } = await allOutput(dir);
    const findings = json.flatMap((r) => r.messages.filter((m) => m.ruleId === 'azure-backup/min-vm-size').map(() => path.relative(dir, r.filePath)));
    assert.ok(findings.length >= 1, JSON.stringify(json));
  });

  it('a file named on the command line that links outside is not read', async () => {
    const outside = outsideDir();
    const dir = scratch({ 'ok.json': SMALL_VM });
    writeFileSync(path.join(dir, 'README.md'), 'x');
    link(dir, 'evil.json', path.join(outside, 'disk.json'));
    const lint = await cli(['evil.json', 'ok.json', '--format', 'json'], dir);
    assert.doesNotMatch(lint.stdout + lint.stderr, new RegExp(SECRET));
  });
});
