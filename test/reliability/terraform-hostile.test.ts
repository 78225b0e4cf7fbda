import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkCallsDuring } from './no-network.js';
import { lintVirtual, SMALL_VM_TF, SMALL_VM_TF_AT } from './helpers.js';

const vmNamed = (name: string) => `resource "azurerm_linux_virtual_machine" "x" {\n  name = ${name}\n  size = "Standard_A0"\n}\n`;

/** Lints with a healthy neighbouring module and checks that it still got its finding. */
function lintWithNeighbour(files: Record<string, string>, budgetMs = 5000): Record<string, string[]> {
  const started = performance.now();
  const out = lintVirtual({ ...files, 'neighbour/main.tf': SMALL_VM_TF });
  assert.ok(performance.now() - started < budgetMs, 'bounded time');
  assert.deepEqual(out['neighbour/main.tf'], [SMALL_VM_TF_AT]);
  delete out['neighbour/main.tf'];
  return out;
}

/** `locals { v0 = seed; v1 = step(v0); … v60 = step(v59) }`. */
function doubling(seed: string, step: (previous: string) => string): string {
  const lines = ['locals {', `  v0 = ${seed}`];
  for (let i = 1; i <= 60; i++) lines.push(`  v${i} = ${step(`local.v${i - 1}`)}`);
  return `${lines.join('\n')}\n}\n`;
}

describe('broken HCL', () => {
  it('reports truncated and invalid files at the break and still lints the rest of the module tree', () => {
    assert.deepEqual(
      lintWithNeighbour({
        'cut/main.tf': 'resource "azurerm_linux_virtual_machine" "x" {\n  name = "a"\n',
        'value/main.tf': 'resource "azurerm_linux_virtual_machine" "x" {\n  name = "a"\n  size = ',
        'string/main.tf': 'locals {\n  a = "abc\n}\n',
        'token/main.tf': 'locals {\n  a = 1 +* 2\n}\n',
        'interp/main.tf': 'locals {\n  a = "${foo"\n}\n',
        'json/main.tf.json': '{"resource": {"azurerm_linux_virtual_machine": {"x": {"size": "Standard_A0"',
      }),
      {
        'cut/main.tf': ['1:46-1:47 Missing "}" to close the block "resource" opened here'],
        'interp/main.tf': ['2:13-2:14 Expected "}" to close the interpolation, found a string'],
        'json/main.tf.json': ['1:63-1:76 azure-backup/min-vm-size', '1:76-1:76 Invalid JSON: CloseBraceExpected'],
        'string/main.tf': ['2:7-2:8 Unterminated string: a quoted string must end on the same line'],
        'token/main.tf': ['2:10-2:11 Expected an expression, found "*"'],
        'value/main.tf': ['3:10-3:10 Expected an expression, found end of file'],
      },
    );
  });

  it('survives 20,000 levels of nesting in expressions, blocks, templates and JSON', () => {
    const n = 20_000;
    assert.deepEqual(
      lintWithNeighbour({
        'list/main.tf': `locals {\n  x = ${'['.repeat(n)}${']'.repeat(n)}\n}\n`,
        'paren/main.tf': `locals {\n  x = ${'('.repeat(n)}1${')'.repeat(n)}\n}\n`,
        'object/main.tf': `locals {\n  x = ${'{a = '.repeat(n)}1${'}'.repeat(n)}\n}\n`,
        'template/main.tf': `locals {\n  x = "${'${"'.repeat(n)}${'"}'.repeat(n)}"\n}\n`,
        'blocks/main.tf': `${'a {\n'.repeat(n)}${'}\n'.repeat(n)}`,
        'json/main.tf.json': `${'['.repeat(n)}${']'.repeat(n)}`,
      }),
      {
        'blocks/main.tf': ['501:3-501:4 Block nesting is too deep (more than 500 levels)'],
        'json/main.tf.json': ['1:1001-1:1002 JSON nested deeper than 1000 levels'],
        'list/main.tf': ['2:506-2:507 Expression nesting is too deep (more than 500 levels)'],
        'object/main.tf': ['2:2498-2:2499 Expression nesting is too deep (more than 500 levels)'],
        'paren/main.tf': ['2:506-2:507 Expression nesting is too deep (more than 500 levels)'],
        'template/main.tf': ['2:1504-2:1505 Expression nesting is too deep (more than 500 levels)'],
      },
    );
  });
});

describe('Terraform limits', () => {
  it('refuses huge count and for_each at the expression, and leaves huge range() unknown', () => {
    assert.deepEqual(
      lintWithNeighbour({
        'count/main.tf': 'resource "azurerm_managed_disk" "x" {\n  count = 100000000\n  storage_account_type = "UltraSSD_LRS"\n}\n',
        'foreach/main.tf': 'resource "azurerm_managed_disk" "x" {\n  for_each = toset([for i in range(100000) : tostring(i)])\n  storage_account_type = "UltraSSD_LRS"\n}\n',
        'range/main.tf': `locals {\n  r = range(100000000)\n}\n${vmNamed('"vm-${length(local.r)}"')}`,
      }),
      {
        'count/main.tf': ["2:11-2:20 count of 100000000 is over the linter's limit of 10000 instances"],
        'foreach/main.tf': ["2:14-2:59 for_each over 100000 elements is over the linter's limit of 10000 instances"],
        'range/main.tf': ['2:7-2:23 Not evaluated: range() of 100000000 elements is over the limit of 1024000', '6:10-6:23 azure-backup/min-vm-size'],
      },
    );
  });

  it('stops locals that double each other 60 times: lists, strings, objects, for-expressions', () => {
    const out = lintWithNeighbour(
      {
        'lists/main.tf': doubling('["ab"]', (p) => `concat(${p}, ${p})`) + vmNamed('"vm-${length(local.v60)}"'),
        'strings/main.tf': doubling('"ab"', (p) => `"\${${p}}\${${p}}"`) + vmNamed('local.v60'),
        'objects/main.tf': doubling('{ a = 1 }', (p) => `{ l = ${p}, r = ${p} }`) + vmNamed('jsonencode(local.v60)'),
        'fors/main.tf': doubling('[1, 2]', (p) => `[for a in ${p} : [for b in ${p} : a]]`) + vmNamed('"vm-${length(local.v60)}"'),
      },
      15_000,
    );
    assert.deepEqual(out, {
      'fors/main.tf': ['18:19-18:28 Not evaluated: a value of more than 100000 elements is not evaluated', '66:10-66:23 azure-backup/min-vm-size'],
      'lists/main.tf': ['20:16-20:25 Not evaluated: a value of more than 100000 elements is not evaluated', '66:10-66:23 azure-backup/min-vm-size'],
      'objects/main.tf': ['51:15-51:24 Not evaluated: a value of more than 100000 elements is not evaluated', '66:10-66:23 azure-backup/min-vm-size'],
      'strings/main.tf': ['24:9-24:35 Not evaluated: string longer than 4194304 characters', '66:10-66:23 azure-backup/min-vm-size'],
    });
  });
});

describe('cycles', () => {
  it('reports locals and variables that refer to themselves, once, where the cycle closes', () => {
    assert.deepEqual(
      lintWithNeighbour({
        'locals/main.tf': `locals {\n  a = local.b\n  b = local.a\n}\n${vmNamed('local.a')}`,
        'self/main.tf': `locals {\n  a = local.a\n}\n${vmNamed('local.a')}`,
        'variables/main.tf': `variable "a" {\n  default = var.a\n}\nlocals {\n  b = var.a\n}\n${vmNamed('local.b')}`,
      }),
      {
        'locals/main.tf': ['3:7-3:14 Cycle: local.a → local.b → local.a', '7:10-7:23 azure-backup/min-vm-size'],
        'self/main.tf': ['2:7-2:14 Cycle: local.a → local.a', '6:10-6:23 azure-backup/min-vm-size'],
        'variables/main.tf': ['2:13-2:18 Cycle: var.a → var.a', '9:10-9:23 azure-backup/min-vm-size'],
      },
    );
  });

  it('reports module cycles a → b → a and a module calling itself', () => {
    assert.deepEqual(
      lintWithNeighbour({
        'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
        'b/main.tf': `module "a" {\n  source = "../a"\n}\n${vmNamed('"b"')}`,
        'self/main.tf': 'module "me" {\n  source = "./"\n}\n',
      }),
      {
        'a/main.tf': ['2:12-2:18 Module cycle: "../b" calls a module that is already being evaluated'],
        'b/main.tf': ['2:12-2:18 Module cycle: "../a" calls a module that is already being evaluated', '6:10-6:23 azure-backup/min-vm-size'],
        'self/main.tf': ['2:12-2:16 Module cycle: "./" calls a module that is already being evaluated'],
      },
    );
  });
});

describe('module sources', () => {
  it('never reads outside the root and never fetches remote modules', () => {
    const main = [
      'module "up" {\n  source = "../../../etc"\n}',
      'module "abs" {\n  source = "/etc"\n}',
      'module "url" {\n  source = "https://example.com/m.zip"\n}',
      'module "git" {\n  source = "git::https://example.com/m.git"\n}',
      'module "registry" {\n  source  = "Azure/compute/azurerm"\n  version = "5.0.0"\n}',
    ].join('\n');
    let out: Record<string, string[]> = {};
    const calls = networkCallsDuring(() => (out = lintWithNeighbour({ 'root/main.tf': `${main}\n` })));
    assert.deepEqual(calls, []);
    assert.deepEqual(out, { 'root/main.tf': ['2:12-2:26 Module source "../../../etc" is outside the project root; module.up is not evaluated'] });
  });
});
