import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Val } from '../../src/kernel/value.js';
import { model, plain } from './helpers.js';

/** Evaluates `expr` as the `name` of a resource group and returns that value. */
function value(expr: string, extra: Record<string, string> = {}): Val {
  const m = model({ 'main.tf': `resource "azurerm_recovery_services_vault" "v" {\n  name = ${expr}\n}\n`, ...extra });
  return m.vaults[0]!.name;
}

function known(expr: string, extra: Record<string, string> = {}): unknown {
  const v = value(expr, extra);
  assert.notEqual(v.kind, 'unknown', `${expr} is unknown: ${v.kind === 'unknown' ? v.reason : ''}`);
  return plain(v);
}

function isUnknown(expr: string): string {
  const v = value(expr);
  assert.equal(v.kind, 'unknown', `${expr} should be unknown`);
  return v.kind === 'unknown' ? v.reason : '';
}

describe('terraform expressions', () => {
  it('evaluates operators, conditionals and templates', () => {
    assert.equal(known('1 + 2 * 3'), 7);
    assert.equal(known('(7 % 4) - 10 / 4'), 0.5);
    assert.equal(known('"a" == "a" && !(1 > 2) || false'), true);
    assert.equal(known('1 == "1"'), false);
    assert.equal(known('true ? "x" : "y"'), 'x');
    assert.equal(known('"vm-${1 + 1}-${"a"}"'), 'vm-2-a');
    assert.equal(known('"%{ if true }yes%{ else }no%{ endif }"'), 'yes');
    assert.equal(known('"%{ for i, v in ["a", "b"] }${i}${v},%{ endfor }"'), '0a,1b,');
    assert.deepEqual(known('"${[1, 2]}"'), [1, 2]);
  });

  it('evaluates for expressions with filters and grouping, and splats', () => {
    assert.deepEqual(known('[for x in [1, 2, 3] : x * 2 if x != 2]'), [2, 6]);
    assert.deepEqual(known('{ for k, v in { b = 1, a = 2 } : v => k }'), { 2: 'a', 1: 'b' });
    assert.deepEqual(known('{ for s in ["ab", "ac", "bd"] : substr(s, 0, 1) => s... }'), { a: ['ab', 'ac'], b: ['bd'] });
    assert.deepEqual(known('[{ n = 1 }, { n = 2 }][*].n'), [1, 2]);
    assert.deepEqual(known('{ n = 3 }[*].n'), [3]);
    assert.equal(known('[[1, 2], [3]][0][1]'), 2);
    assert.equal(known('{ a = { b = "c" } }.a.b'), 'c');
  });

  it('implements the string functions real modules use', () => {
    assert.equal(known('format("%s-%03d-%v", "vm", 7, true)'), 'vm-007-true');
    assert.deepEqual(known('formatlist("%s-%s", ["a", "b"], "x")'), ['a-x', 'b-x']);
    assert.equal(known('join("-", split(",", "a,b,c"))'), 'a-b-c');
    assert.equal(known('upper(lower(title("hello world")))'), 'HELLO WORLD');
    assert.equal(known('title("hello world")'), 'Hello World');
    assert.equal(known('replace("a-b-c", "-", "_")'), 'a_b_c');
    assert.equal(known('replace("disk01", "/[0-9]+/", "N")'), 'diskN');
    assert.equal(known('substr("Standard_LRS", 0, 8)'), 'Standard');
    assert.equal(known('trimspace("  x ")'), 'x');
    assert.equal(known('trimprefix(trimsuffix("rg-app-prod", "-prod"), "rg-")'), 'app');
    assert.equal(known('startswith("UltraSSD_LRS", "Ultra") && endswith("a.tf", ".tf")'), true);
    assert.equal(known('regex("^(?P<tier>[A-Za-z]+)_", "Premium_LRS").tier'), 'Premium');
    assert.deepEqual(known('regex("(\\\\d+)-(\\\\d+)", "10-20")'), ['10', '20']);
    assert.equal(known('tostring(5)'), '5');
    assert.equal(known('tonumber("12") + 1'), 13);
    assert.equal(known('tobool("true")'), true);
  });

  it('implements the collection functions', () => {
    assert.equal(known('lookup({ a = "x" }, "b", "d")'), 'd');
    assert.deepEqual(known('merge({ a = 1, b = 1 }, { b = 2 })'), { a: 1, b: 2 });
    assert.deepEqual(known('concat([1], [2, 3])'), [1, 2, 3]);
    assert.equal(known('length({ a = 1 }) + length([1, 2]) + length("abc")'), 6);
    assert.equal(known('coalesce("", null, "z")'), 'z');
    assert.deepEqual(known('coalescelist([], ["a"])'), ['a']);
    assert.equal(known('contains(["a", "b"], "b")'), true);
    assert.deepEqual(known('keys({ b = 1, a = 2 })'), ['a', 'b']);
    assert.deepEqual(known('values({ b = 1, a = 2 })'), [2, 1]);
    assert.deepEqual(known('toset(["b", "a", "b"])'), ['a', 'b']);
    assert.deepEqual(known('flatten([[1, [2]], 3])'), [1, 2, 3]);
    assert.deepEqual(known('distinct([1, 1, 2])'), [1, 2]);
    assert.deepEqual(known('range(3)'), [0, 1, 2]);
    assert.deepEqual(known('range(1, 10, 4)'), [1, 5, 9]);
    assert.equal(known('element(["a", "b"], 3)'), 'b');
    assert.equal(known('index(["a", "b"], "b")'), 1);
    assert.deepEqual(known('zipmap(["a", "b"], [1, 2])'), { a: 1, b: 2 });
    assert.equal(known('min(3, 1, 2) + max(1, 5) + abs(-1) + ceil(1.2) + floor(1.8) + sum([1, 2])'), 1 + 5 + 1 + 2 + 1 + 3);
    assert.equal(known('one(["x"])'), 'x');
    assert.equal(known('one([])'), null);
    assert.deepEqual(known('compact(["a", "", null, "b"])'), ['a', 'b']);
    assert.deepEqual(known('reverse([1, 2])'), [2, 1]);
    assert.deepEqual(known('slice([1, 2, 3], 1, 3)'), [2, 3]);
    assert.deepEqual(known('tolist(["a"])'), ['a']);
    assert.deepEqual(known('tomap({ a = 1 })'), { a: 1 });
  });

  it('implements encoding, network and error-handling functions', () => {
    assert.equal(known('jsonencode({ a = [1, "x"] })'), '{"a":[1,"x"]}');
    assert.equal(known('jsondecode("{\\"sku\\": \\"Premium_LRS\\"}").sku'), 'Premium_LRS');
    assert.equal(known('base64decode(base64encode("héllo"))'), 'héllo');
    assert.equal(known('cidrsubnet("10.0.0.0/16", 8, 2)'), '10.0.2.0/24');
    assert.equal(known('cidrhost("10.0.1.0/24", 5)'), '10.0.1.5');
    assert.equal(known('try(lookup({}, "a"), "fallback")'), 'fallback');
    assert.equal(known('try({ a = 1 }.b, "no b")'), 'no b');
    assert.equal(known('can(tonumber("x"))'), false);
    assert.equal(known('can(tonumber("1"))'), true);
  });

  it('makes values unknown instead of guessing', () => {
    assert.match(isUnknown('uuid()'), /uuid\(\) is computed when Terraform runs/);
    assert.match(isUnknown('md5("x")'), /md5/);
    assert.match(isUnknown('timestamp()'), /timestamp/);
    assert.match(isUnknown('yamlencode({})'), /yamlencode/);
    assert.match(isUnknown('terraform.workspace'), /terraform.workspace/);
    assert.match(isUnknown('provider::azurerm::normalise_resource_id("x")'), /not evaluated/);
    assert.match(isUnknown('"${uuid()}-x"'), /uuid/);
    assert.match(isUnknown('cidrsubnet("fd00::/8", 8, 1)'), /IPv6/);
  });

  it('keeps an unknown condition unknown unless both branches agree, with the branches as candidates', () => {
    assert.equal(known('timestamp() == "x" ? "same" : "same"'), 'same');
    const v = value('timestamp() == "x" ? "UltraSSD_LRS" : "Premium_LRS"');
    assert.equal(v.kind, 'unknown');
    assert.deepEqual(v.kind === 'unknown' ? v.candidates?.map(plain) : [], ['UltraSSD_LRS', 'Premium_LRS']);
  });

  it('stops runaway input: huge ranges, deep nesting, evaluation errors', () => {
    assert.match(isUnknown('range(2000000)'), /over the limit of 1024000/);
    assert.equal(known('length(range(500000))'), 500000);
    assert.match(isUnknown('sum([for i in range(20) : length(range(500000))])'), /needs more work than the linter allows/);
    assert.match(isUnknown(`${'('.repeat(300)}1${')'.repeat(300)}`), /nested deeper than the linter allows/);
    assert.match(isUnknown('1 / 0'), /division by zero/);
    assert.match(isUnknown('{ a = 1 }.b'), /no attribute "b"/);
    assert.match(isUnknown('[1][5]'), /out of range/);
  });

  it('reads files only inside the project root', () => {
    const extra = { 'scripts/init.sh': 'echo hi\n' };
    assert.equal(known('file("${path.module}/scripts/init.sh")', extra), 'echo hi\n');
    assert.equal(known('fileexists("scripts/missing.sh")', extra), false);
    assert.match(isUnknown('file("../outside.txt")'), /outside the project root/);
    assert.match(isUnknown('file("/etc/passwd")'), /outside the project root/);
    assert.match(isUnknown('file("~/.ssh/id_rsa.pub")'), /home directory/);
    assert.equal(known('templatefile("t/cloud-init.tpl", { name = "web", disks = ["a", "b"] })', { 't/cloud-init.tpl': 'host: ${name}\n%{ for d in disks ~}\n- ${d}\n%{ endfor ~}\n' }), 'host: web\n- a\n- b\n');
    assert.equal(known('basename("a/b/c.tf")'), 'c.tf');
    assert.equal(known('dirname("a/b/c.tf")'), 'a/b');
  });

  it('reads one attribute of a resource or a bound object as reading it from the whole value does', () => {
    // `(x).attr` takes the whole value first; `x.attr` reads the attribute alone: the same value and history.
    const group = { 'rg.tf': 'resource "azurerm_resource_group" "rg" {\n  name = "rg-${var.env}"\n  tags = { a = var.env }\n}\nvariable "env" {\n  default = "prod"\n}\n' };
    const same = (direct: string, whole: string, extra: Record<string, string>): void => {
      const [a, b] = [value(direct, extra), value(whole, extra)];
      assert.deepEqual({ ...a, loc: undefined }, { ...b, loc: undefined }, `${direct} and ${whole}`);
    };
    same('azurerm_resource_group.rg.name', '(azurerm_resource_group.rg).name', group);
    same('azurerm_resource_group.rg.id', '(azurerm_resource_group.rg).id', group);
    same('azurerm_resource_group.rg.tags.a', '(azurerm_resource_group.rg).tags.a', group);
    same('azurerm_resource_group.rg.location', '(azurerm_resource_group.rg).location', group);
    const each = (read: string): Val =>
      model({ 'main.tf': `resource "azurerm_recovery_services_vault" "v" {\n  for_each = { a = { n = "x" } }\n  name = ${read}\n}\n` }).vaults[0]!.name;
    assert.deepEqual({ ...each('each.value.n'), loc: undefined }, { ...each('(each.value).n'), loc: undefined });
    assert.deepEqual({ ...each('each.key'), loc: undefined }, { ...each('(each).key'), loc: undefined });
  });
});
