import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Expression, TemplateExpression } from '../../../src/syntax/hcl/ast.js';
import { parseHcl } from '../../../src/syntax/hcl/index.js';
import { attribute, block, parseOk, spanOf, textOf, valueOf } from './helpers.js';

function template(e: Expression): TemplateExpression {
  assert.equal(e.type, 'Template');
  return e as TemplateExpression;
}

/** Literal values of a template's parts, with interpolations shown as their source. */
function parts(text: string, e: Expression): string[] {
  return template(e).parts.map((p) => (p.type === 'TemplateLiteral' ? p.value : `<${textOf(text, p)}>`));
}

describe('HCL structure', () => {
  it('parses attributes and labelled blocks with exact spans', () => {
    const text = 'resource "azurerm_managed_disk" data {\n  disk_size_gb = 128\n}\nlocation = "westeurope"\n';
    const file = parseOk(text);
    assert.deepEqual([file.start, file.end], [0, text.length]);
    const b = block(file, 0);
    assert.equal(b.blockType.name, 'resource');
    assert.deepEqual(
      b.labels.map((l) => [l.value, l.quoted, textOf(text, l)]),
      [
        ['azurerm_managed_disk', true, '"azurerm_managed_disk"'],
        ['data', false, 'data'],
      ],
    );
    assert.deepEqual([b.start, b.end], [0, text.indexOf('}') + 1]);
    assert.deepEqual([b.body.start, b.body.end], [text.indexOf('{'), text.indexOf('}') + 1]);
    const size = b.body.items[0]!;
    assert.equal(size.type, 'Attribute');
    assert.deepEqual({ start: size.start, end: size.end }, spanOf(text, 'disk_size_gb = 128'));
    const loc = attribute(file, 1);
    assert.deepEqual({ start: loc.name.start, end: loc.name.end }, spanOf(text, 'location'));
    assert.deepEqual(parts(text, loc.value), ['westeurope']);
    assert.deepEqual({ start: loc.value.start, end: loc.value.end }, spanOf(text, '"westeurope"'));
  });

  it('parses one-line and empty blocks', () => {
    const file = parseOk('identity { type = "SystemAssigned" }\nboot_diagnostics {}\n');
    assert.equal(block(file, 0).body.items.length, 1);
    assert.equal(block(file, 1).body.items.length, 0);
  });

  it('collects all three comment styles with their text', () => {
    const text = '# hash\na = 1 // slash\n/* block\n */ b = 2\n';
    const file = parseOk(text);
    assert.deepEqual(
      file.comments.map((c) => [c.style, c.value, textOf(text, c)]),
      [
        ['hash', ' hash', '# hash'],
        ['slash', ' slash', '// slash'],
        ['block', ' block\n ', '/* block\n */'],
      ],
    );
    assert.equal(file.body.items.length, 2);
  });

  it('accepts CRLF line endings and keeps offsets into the original text', () => {
    const text = 'a = 1\r\nb {\r\n  c = "x"\r\n}\r\n';
    const file = parseOk(text);
    const c = block(file, 1).body.items[0]!;
    assert.deepEqual({ start: c.start, end: c.end }, spanOf(text, 'c = "x"'));
  });

  it('tolerates a leading BOM without shifting offsets', () => {
    const text = '\ufeffa = 1\n';
    const file = parseOk(text);
    assert.deepEqual({ start: attribute(file, 0).start, end: attribute(file, 0).end }, { start: 1, end: 6 });
  });
});

describe('HCL expressions', () => {
  it('parses literals, numbers with exponents and negation', () => {
    const text = 'a = 1.5e3\nb = true\nc = null\nd = -2\ne = 2.5E-2\n';
    const file = parseOk(text);
    assert.deepEqual(valueOf(file, 'a'), { type: 'Literal', value: 1500, raw: '1.5e3', start: 4, end: 9 });
    assert.equal((valueOf(file, 'b') as { value: unknown }).value, true);
    assert.equal((valueOf(file, 'c') as { value: unknown }).value, null);
    const d = valueOf(file, 'd');
    assert.equal(d.type, 'Unary');
    assert.equal((valueOf(file, 'e') as { value: unknown }).value, 0.025);
  });

  it('applies the spec precedence and left associativity', () => {
    const text = 'x = a || b && c == d + e * f - g\n';
    const e = valueOf(parseOk(text), 'x');
    const shape = (n: Expression): unknown => (n.type === 'Binary' ? [shape(n.left), n.operator, shape(n.right)] : textOf(text, n));
    assert.deepEqual(shape(e), ['a', '||', ['b', '&&', ['c', '==', [['d', '+', ['e', '*', 'f']], '-', 'g']]]]);
  });

  it('binds unary operators to the whole traversal', () => {
    const text = 'x = !var.enabled == false\n';
    const e = valueOf(parseOk(text), 'x');
    assert.equal(e.type, 'Binary');
    if (e.type !== 'Binary') return;
    assert.equal(e.left.type, 'Unary');
    assert.equal(textOf(text, e.left), '!var.enabled');
  });

  it('parses conditionals, parentheses and nested conditionals', () => {
    const text = 'x = a ? (b + 1) : c ? 2 : 3\n';
    const e = valueOf(parseOk(text), 'x');
    assert.equal(e.type, 'Conditional');
    if (e.type !== 'Conditional') return;
    assert.equal(e.then.type, 'Parentheses');
    assert.equal(textOf(text, e.then), '(b + 1)');
    assert.equal(e.else.type, 'Conditional');
    assert.equal(textOf(text, e), 'a ? (b + 1) : c ? 2 : 3');
  });

  it('parses traversals, indexes and the legacy .0 index', () => {
    const text = 'x = azurerm_network_interface.nic[0].ip_configuration.0.name\n';
    const e = valueOf(parseOk(text), 'x');
    assert.equal(e.type, 'GetAttr');
    if (e.type !== 'GetAttr') return;
    assert.equal(e.name.name, 'name');
    const legacy = e.object;
    assert.equal(legacy.type, 'Index');
    if (legacy.type !== 'Index') return;
    assert.deepEqual(legacy.key, { type: 'Literal', value: 0, raw: '0', ...spanOf(text, '0', 1) });
    assert.equal(textOf(text, legacy), 'azurerm_network_interface.nic[0].ip_configuration.0');
  });

  it('parses full and attribute-only splats', () => {
    const text = 'a = var.vms[*].disks[0].id\nb = var.vms.*.id[0]\n';
    const file = parseOk(text);
    const a = valueOf(file, 'a');
    assert.equal(a.type, 'Splat');
    if (a.type !== 'Splat') return;
    assert.equal(a.full, true);
    assert.equal(textOf(text, a.object), 'var.vms');
    assert.equal(a.each.type, 'GetAttr');
    assert.equal(textOf(text, a), 'var.vms[*].disks[0].id');
    // The trailing [0] of an attribute splat indexes the resulting list.
    const b = valueOf(file, 'b');
    assert.equal(b.type, 'Index');
    if (b.type !== 'Index') return;
    assert.equal(b.object.type, 'Splat');
    assert.equal(textOf(text, b.object), 'var.vms.*.id');
  });

  it('parses function calls with expansion and provider namespaces', () => {
    const text = 'a = max(var.sizes...)\nb = provider::azurerm::parse_resource_id(var.id)\nc = merge(\n  var.a,\n  var.b,\n)\n';
    const file = parseOk(text);
    const a = valueOf(file, 'a');
    assert.equal(a.type, 'FunctionCall');
    if (a.type === 'FunctionCall') assert.equal(a.expandFinal, true);
    const b = valueOf(file, 'b');
    assert.equal(b.type, 'FunctionCall');
    if (b.type === 'FunctionCall') {
      assert.equal(b.name.name, 'provider::azurerm::parse_resource_id');
      assert.deepEqual({ start: b.name.start, end: b.name.end }, spanOf(text, 'provider::azurerm::parse_resource_id'));
    }
    const c = valueOf(file, 'c');
    assert.equal(c.type === 'FunctionCall' && c.args.length, 2);
  });

  it('parses tuples and objects with every key and separator form', () => {
    const text = 'x = {\n  a = 1\n  "b": 2, (var.k) = 3\n  c = [1,\n    2,]\n}\n';
    const e = valueOf(parseOk(text), 'x');
    assert.equal(e.type, 'Object');
    if (e.type !== 'Object') return;
    assert.deepEqual(
      e.items.map((i) => [i.key.type, textOf(text, i.key)]),
      [
        ['Variable', 'a'],
        ['Template', '"b"'],
        ['Parentheses', '(var.k)'],
        ['Variable', 'c'],
      ],
    );
    const list = e.items[3]!.value;
    assert.equal(list.type === 'Tuple' && list.elements.length, 2);
  });

  it('parses tuple and object for expressions', () => {
    const text = 'a = [for k, v in var.m : v if k != "x"]\nb = {for d in var.disks : d.sku => d.size...}\n';
    const file = parseOk(text);
    const a = valueOf(file, 'a');
    assert.equal(a.type, 'For');
    if (a.type === 'For') {
      assert.deepEqual([a.keyVar, a.valueVar, a.grouping, a.keyExpr], ['k', 'v', false, undefined]);
      assert.equal(textOf(text, a.condition!), 'k != "x"');
    }
    const b = valueOf(file, 'b');
    assert.equal(b.type, 'For');
    if (b.type === 'For') {
      assert.deepEqual([b.keyVar, b.valueVar, b.grouping], [undefined, 'd', true]);
      assert.equal(textOf(text, b.keyExpr!), 'd.sku');
      assert.equal(textOf(text, b), '{for d in var.disks : d.sku => d.size...}');
    }
  });

  it('ignores newlines inside brackets and parentheses but not in objects', () => {
    const text = 'a = (1 +\n 2)\nb = [\n1\n,\n2\n]\nc = { x = 1\n y = 2 }\n';
    const file = parseOk(text);
    assert.equal(valueOf(file, 'a').type, 'Parentheses');
    const c = valueOf(file, 'c');
    assert.equal(c.type === 'Object' && c.items.length, 2);
  });
});

describe('HCL templates', () => {
  it('decodes escapes in quoted strings', () => {
    const text = 'x = "a\\n\\"b\\\\ \\u00e9 \\U0001F600 $${x} %%{y}"\n';
    assert.deepEqual(parts(text, valueOf(parseOk(text), 'x')), ['a\n"b\\ é 😀 ${x} %{y}']);
  });

  it('splits literals and interpolations with exact spans', () => {
    const text = 'x = "vm-${var.env}-01"\n';
    const t = template(valueOf(parseOk(text), 'x'));
    assert.deepEqual(
      t.parts.map((p) => [p.type, textOf(text, p)]),
      [
        ['TemplateLiteral', 'vm-'],
        ['TemplateInterpolation', '${var.env}'],
        ['TemplateLiteral', '-01'],
      ],
    );
    const interp = t.parts[1]!;
    assert.equal(interp.type === 'TemplateInterpolation' && textOf(text, interp.expression), 'var.env');
  });

  it('applies strip markers to the adjacent literals', () => {
    const text = 'x = "a ${~ var.m ~} b"\n';
    const t = template(valueOf(parseOk(text), 'x'));
    assert.deepEqual(parts(text, t), ['a', '<${~ var.m ~}>', 'b']);
    const interp = t.parts[1]!;
    assert.equal(interp.type === 'TemplateInterpolation' && interp.stripLeft && interp.stripRight, true);
  });

  it('nests if/else and for directives', () => {
    const text = 'x = "%{ if var.on }yes%{ else }no%{ endif }%{ for i, n in var.l }${n},%{ endfor }"\n';
    const t = template(valueOf(parseOk(text), 'x'));
    const [cond, loop] = t.parts;
    assert.equal(cond?.type, 'TemplateIf');
    if (cond?.type === 'TemplateIf') {
      assert.equal(textOf(text, cond.condition), 'var.on');
      assert.deepEqual(parts(text, { ...t, parts: cond.then }), ['yes']);
      assert.deepEqual(parts(text, { ...t, parts: cond.else! }), ['no']);
      assert.equal(textOf(text, cond), '%{ if var.on }yes%{ else }no%{ endif }');
    }
    assert.equal(loop?.type, 'TemplateFor');
    if (loop?.type === 'TemplateFor') {
      assert.deepEqual([loop.keyVar, loop.valueVar, textOf(text, loop.collection)], ['i', 'n', 'var.l']);
      assert.deepEqual(parts(text, { ...t, parts: loop.body }), ['<${n}>', ',']);
    }
  });

  it('parses heredocs and removes indentation of <<- heredocs', () => {
    const text = 'a = <<EOT\n  keep ${x}\nEOT\nb = <<-EOT\n    one\n      two\n    EOT\n';
    const file = parseOk(text);
    const a = template(valueOf(file, 'a'));
    assert.deepEqual(a.heredoc, { marker: 'EOT', indented: false });
    assert.deepEqual(parts(text, a), ['  keep ', '<${x}>', '\n']);
    assert.equal(textOf(text, a), '<<EOT\n  keep ${x}\nEOT');
    const b = template(valueOf(file, 'b'));
    assert.deepEqual(b.heredoc, { marker: 'EOT', indented: true });
    assert.deepEqual(parts(text, b), ['one\n  two\n']);
  });

  it('strips only up to the end of the line after ~} in heredocs', () => {
    const text = 'a = <<EOT\n%{ for x in l ~}\n  - ${x}\n%{ endfor ~}\nEOT\n';
    const a = template(valueOf(parseOk(text), 'a'));
    const loop = a.parts[0]!;
    assert.equal(loop.type, 'TemplateFor');
    if (loop.type === 'TemplateFor') assert.deepEqual(parts(text, { ...a, parts: loop.body }), ['  - ', '<${x}>', '\n']);
  });

  it('keeps an empty string as one empty literal', () => {
    const text = 'a = ""\n';
    const t = template(valueOf(parseOk(text), 'a'));
    assert.deepEqual(t.parts, [{ type: 'TemplateLiteral', value: '', start: 5, end: 5 }]);
  });

  it('does not treat a heredoc marker at the end of the file without a newline as closing', () => {
    assert.equal(parseHcl('a = <<EOT\nx\nEOT').errors.length, 1);
  });
});
