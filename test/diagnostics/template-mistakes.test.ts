// Template mistakes become rule-less warnings at the mistaken expression, once, when their value
// reaches what the linter reads; errors that try()/can()/coalesce() or an untaken if() branch
// absorb are not reported, and a mistaken value never makes a finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintHits, pos, template, type Hit } from '../helpers/lint.js';

/** The rule-less messages, as `line:column severity message`. */
function diagnostics(hits: readonly Hit[], file: string): string[] {
  return hits.filter((h) => h.rule === null && h.file === file).map((h) => `${h.line}:${h.column} ${h.raw.severity === 2 ? 'error' : 'warn'} ${h.message}`);
}

/** One VM whose hardware profile, priority and OS disk come from the given expressions. */
function armVm(props: { size?: string; priority?: string; diskType?: string } = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'Microsoft.Compute/virtualMachines',
    apiVersion: '2023-09-01',
    name: 'vm1',
    location: 'westeurope',
    properties: {
      hardwareProfile: { vmSize: props.size ?? 'Standard_D2s_v5' },
      ...(props.priority ? { priority: props.priority } : {}),
      storageProfile: { osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: props.diskType ?? 'Premium_LRS' } } },
    },
    ...extra,
  };
}

const ARM_BODY = {
  parameters: { list: { type: 'array', defaultValue: ['a', 'b'] } },
  functions: [{ namespace: 'ns', members: { twice: { parameters: [{ name: 'x', type: 'string' }], output: { type: 'string', value: "[concat(parameters('x'), parameters('x'))]" } } } }],
};

describe('ARM template mistakes', () => {
  const cases: [string, string, string][] = [
    ['an undeclared parameter', "[parameters('skuu')]", "parameter 'skuu' is not declared"],
    ['an undeclared variable', "[variables('nope')]", "variable 'nope' is not declared"],
    ['an undefined user function', "[ns.missing('a')]", "the user-defined function 'ns.missing' is not defined"],
    ['an unknown function', '[unknownFn()]', "'unknownFn' is not a template function"],
    ['a wrong argument count', "[substring('abc', 1, 2, 3)]", 'substring() takes 1 to 3 argument(s), not 4'],
    ['a wrong argument type', '[toUpper(1)]', 'toUpper() argument 1 must be a string, not Integer'],
    ['an index out of range', "[parameters('list')[5]]", "The language expression array index '5' is out of bounds (the array has 2 items)."],
    ['a missing property', "[resourceGroup().nope]", "The language expression property 'nope' doesn't exist, available properties are 'id, name, type, location, managedBy, tags, properties'."],
    ['an expression syntax error', "[concat('a']", "invalid expression [concat('a']: missing ')' to close 'concat(' (at character 12)"],
  ];
  for (const [what, expression, message] of cases) {
    it(`reports ${what} at the expression, and makes no finding of it`, () => {
      const text = template({ ...ARM_BODY, resources: [armVm({ size: expression })] });
      const hits = lintHits({ 'azuredeploy.json': text }, { rules: { 'min-vm-size': 'error' } });
      assert.deepEqual(diagnostics(hits, 'azuredeploy.json'), [`${pos(text, JSON.stringify(expression))} warn ${message}`]);
      assert.deepEqual(hits.filter((h) => h.rule === 'min-vm-size'), []);
    });
  }

  it('reports a mistake once however many copies, scenarios and properties reach it', () => {
    const text = template({
      variables: { size: "[parameters('skuu')]" },
      resources: [armVm({ size: "[variables('size')]", priority: "[variables('size')]" }, { copy: { name: 'vms', count: 3 } })],
    });
    const hits = lintHits({ 'azuredeploy.json': text });
    assert.deepEqual(diagnostics(hits, 'azuredeploy.json'), [`${pos(text, `"[parameters('skuu')]"`)} warn parameter 'skuu' is not declared`]);
  });

  it('reports mistakes in a name, a condition and a copy count', () => {
    const text = template({
      resources: [
        armVm({}, { name: "[concat('vm', parameters('n1'))]" }),
        armVm({}, { name: 'vm2', condition: "[equals(parameters('n2'), 'x')]" }),
        armVm({}, { name: "[concat('vm3', copyIndex())]", copy: { name: 'c', count: "[length(parameters('n3'))]" } }),
      ],
    });
    assert.deepEqual(diagnostics(lintHits({ 'azuredeploy.json': text }), 'azuredeploy.json'), [
      `${pos(text, `"[concat('vm', parameters('n1'))]"`)} warn parameter 'n1' is not declared`,
      `${pos(text, `"[equals(parameters('n2'), 'x')]"`)} warn parameter 'n2' is not declared`,
      `${pos(text, `"[length(parameters('n3'))]"`)} warn parameter 'n3' is not declared`,
    ]);
  });

  it('reports a variable that refers to itself where it is defined', () => {
    const text = template({ variables: { a: "[concat('x', variables('a'))]" }, resources: [armVm({ size: "[variables('a')]" })] });
    assert.deepEqual(diagnostics(lintHits({ 'azuredeploy.json': text }), 'azuredeploy.json'), [
      `${pos(text, `"[concat('x', variables('a'))]"`)} warn variable 'a' refers to itself`,
    ]);
  });

  it('keeps reporting copy counts over the limit and refused links as before', () => {
    const link = (relativePath: string) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: relativePath.replace(/\W/g, ''),
      properties: { mode: 'Incremental', templateLink: { relativePath } },
    });
    const text = template({
      resources: [armVm({}, { copy: { name: 'c', count: 801 }, name: "[concat('vm', copyIndex())]" }), link('../outside.json'), link('azuredeploy.json')],
    });
    const hits = lintHits({ 'azuredeploy.json': text, '../outside.json': template({ resources: [] }) }, { cwd: '/project/arm' });
    assert.deepEqual(diagnostics(hits, 'arm/azuredeploy.json'), [
      `${pos(text, '801')} error Copy count 801 is outside ARM's limit of 0 to 800; the deployment would fail`,
      `${pos(text, '"../outside.json"')} error Linked template '../outside.json' is outside the linted root; it is not read`,
      `${pos(text, '"azuredeploy.json"')} error Linked template 'azuredeploy.json' links back to itself (cycle); it is not evaluated again`,
    ]);
  });

  it('does not report what if(), coalesce() or an unread variable absorb', () => {
    const text = template({
      variables: { unread: "[parameters('nope1')]" },
      resources: [armVm({ size: "[if(true(), 'Standard_D2s_v5', parameters('nope2'))]", priority: "[coalesce('Regular', parameters('nope3'))]" })],
    });
    assert.deepEqual(diagnostics(lintHits({ 'azuredeploy.json': text }), 'azuredeploy.json'), []);
  });
});

/** A Linux VM with the given attribute lines added to its body. */
function tfVm(lines: string, meta = ''): string {
  return `resource "azurerm_linux_virtual_machine" "vm" {
${meta}  name                  = "vm1"
  resource_group_name   = "rg"
  location              = "westeurope"
  network_interface_ids = []
${lines}
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}
`;
}

const TF_PRELUDE = `locals {
  sizes = ["Standard_D2s_v5", "Standard_D4s_v5"]
}
variable "by_name" {
  default = {}
}
`;

describe('Terraform mistakes', () => {
  const cases: [string, string, string][] = [
    ['an undeclared variable', 'var.skuu', 'reference to undeclared input variable "skuu"'],
    ['an undeclared local', 'local.nope', 'reference to undeclared local value "nope"'],
    ['an undeclared resource', 'azurerm_thing.x.size', 'reference to undeclared resource azurerm_thing.x'],
    ['an unknown function', 'frobnicate("x")', 'there is no function named "frobnicate"'],
    ['a wrong argument count', 'lower("A", "B")', 'lower() takes 1 arguments, got 2'],
    ['a wrong argument type', 'upper(local.sizes)', 'upper: argument must be a string, got list'],
    ['an index out of range', 'local.sizes[5]', 'index 5 out of range for a list of 2'],
    ['a missing key', 'var.by_name.web', 'object has no attribute "web"'],
    ['a failing operator', '"Standard_" + 1', 'left operand of + must be a number, got string'],
  ];
  for (const [what, expression, message] of cases) {
    it(`reports ${what} at the expression, and makes no finding of it`, () => {
      const text = TF_PRELUDE + tfVm(`  size                  = ${expression}`);
      const hits = lintHits({ 'main.tf': text }, { rules: { 'min-vm-size': 'error' } });
      const at = what === 'a failing operator' ? pos(text, '"Standard_"') : pos(text, expression);
      assert.deepEqual(diagnostics(hits, 'main.tf'), [`${at} warn ${message}`]);
      assert.deepEqual(hits.filter((h) => h.rule === 'min-vm-size'), []);
    });
  }

  it('reports mistakes in count and for_each', () => {
    const counted = TF_PRELUDE + tfVm('  size = "Standard_D2s_v5"', '  count = length(var.nope1)\n');
    const each = tfVm('  size = "Standard_D2s_v5"', '  for_each = local.nope2\n').replace('"vm"', '"each"');
    assert.deepEqual(diagnostics(lintHits({ 'main.tf': counted + each }), 'main.tf'), [
      `${pos(counted, 'var.nope1')} warn reference to undeclared input variable "nope1"`,
      `${pos(counted + each, 'local.nope2')} warn reference to undeclared local value "nope2"`,
    ]);
  });

  it('keeps reporting cycles and counts over the limit as before', () => {
    const text = `locals {\n  a = local.b\n  b = local.a\n}\n${tfVm('  size = local.a', '  count = 20000\n')}`;
    assert.deepEqual(diagnostics(lintHits({ 'main.tf': text }), 'main.tf'), [
      `${pos(text, '20000')} error count of 20000 is over the linter's limit of 10000 instances`,
    ]);
    const cyclic = `locals {\n  a = local.b\n  b = local.a\n}\n${tfVm('  size = local.a')}`;
    assert.deepEqual(diagnostics(lintHits({ 'main.tf': cyclic }), 'main.tf'), [`${pos(cyclic, 'local.a', 'b =')} error Cycle: local.a → local.b → local.a`]);
  });

  it('does not report what try() and can() absorb, nor an unread local', () => {
    const text = `${TF_PRELUDE}locals {\n  unread = var.nope1\n}\n${tfVm(
      '  size = try(var.by_name.web, "Standard_D2s_v5")\n  provision_vm_agent = can(var.nope2) ? false : true',
    )}`;
    assert.deepEqual(diagnostics(lintHits({ 'main.tf': text }), 'main.tf'), []);
  });

  it('reports try() when every argument fails', () => {
    const text = TF_PRELUDE + tfVm('  size = try(var.nope1, local.nope2)');
    assert.deepEqual(diagnostics(lintHits({ 'main.tf': text }), 'main.tf'), [`${pos(text, 'try(')} warn reference to undeclared local value "nope2"`]);
  });
});
