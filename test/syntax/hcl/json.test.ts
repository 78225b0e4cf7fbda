import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/kernel/diagnostic.js';
import { LineIndex } from '../../../src/kernel/location.js';
import type { Block, Body, Expression } from '../../../src/syntax/hcl/ast.js';
import { parseTfJson } from '../../../src/syntax/hcl/index.js';
import { spanOf, textOf } from './helpers.js';

function outline(body: Body): string {
  return body.items.map((i) => (i.type === 'Block' ? `${[i.blockType.name, ...i.labels.map((l) => l.value)].join(' ')}{${outline(i.body)}}` : i.name.name)).join(',');
}

function attr(body: Body, name: string): Expression {
  const item = body.items.find((i) => i.type === 'Attribute' && i.name.name === name);
  assert.ok(item?.type === 'Attribute', `no attribute ${name}`);
  return item.value;
}

const text = `{
  "//": "Terraform ignores this",
  "terraform": { "required_providers": { "azurerm": { "source": "hashicorp/azurerm" } } },
  "provider": { "azurerm": [{ "features": {} }, { "alias": "b", "features": {} }] },
  "variable": { "vm_size": { "default": "Standard_D2s_v5", "validation": { "condition": "\${length(var.vm_size) > 0}", "error_message": "empty" } } },
  "locals": { "name": "vm-\${var.env}-01", "disks": [1, 2.5e1, true, null], "tags": { "env": "prod" } },
  "resource": {
    "azurerm_linux_virtual_machine": {
      "vm": {
        "size": "\${var.vm_size}",
        "tags": { "role": "app" },
        "os_disk": { "caching": "ReadWrite" },
        "quoted": "say \\"hi\\" \${var.x}",
        "dynamic": { "data_disk": { "for_each": "\${var.disks}", "content": { "lun": "\${data_disk.key}" } } }
      }
    }
  }
}
`;

describe('Terraform JSON syntax', () => {
  const file = parseTfJson(text);

  it('maps block types and labels to blocks', () => {
    assert.deepEqual(file.errors, []);
    assert.equal(
      outline(file.body),
      'terraform{required_providers{azurerm}},provider azurerm{features{}},provider azurerm{alias,features{}},' +
        'variable vm_size{default,validation{condition,error_message}},locals{name,disks,tags},' +
        'resource azurerm_linux_virtual_machine vm{size,tags,os_disk{caching},quoted,dynamic data_disk{for_each,content{lun}}}',
    );
  });

  it('gives blocks and labels the spans of their JSON keys', () => {
    const vm = file.body.items.find((i): i is Block => i.type === 'Block' && i.blockType.name === 'resource')!;
    assert.deepEqual({ start: vm.blockType.start, end: vm.blockType.end }, spanOf(text, '"resource"'));
    assert.deepEqual(
      vm.labels.map((l) => textOf(text, l)),
      ['"azurerm_linux_virtual_machine"', '"vm"'],
    );
  });

  it('parses string values as templates with exact offsets', () => {
    const locals = file.body.items.find((i): i is Block => i.type === 'Block' && i.blockType.name === 'locals')!;
    const name = attr(locals.body, 'name');
    assert.equal(name.type, 'Template');
    if (name.type !== 'Template') return;
    assert.equal(textOf(text, name), '"vm-${var.env}-01"');
    assert.deepEqual(
      name.parts.map((p) => textOf(text, p)),
      ['vm-', '${var.env}', '-01'],
    );
    const interp = name.parts[1]!;
    assert.equal(interp.type === 'TemplateInterpolation' && textOf(text, interp.expression), 'var.env');
    const disks = attr(locals.body, 'disks');
    assert.deepEqual(disks.type === 'Tuple' && disks.elements.map((e) => (e.type === 'Literal' ? e.value : e.type)), [1, 25, true, null]);
  });

  it('decodes JSON escapes before parsing the template', () => {
    const vm = file.body.items.find((i): i is Block => i.type === 'Block' && i.blockType.name === 'resource')!;
    const quoted = attr(vm.body, 'quoted');
    assert.equal(quoted.type === 'Template' && quoted.parts[0]?.type === 'TemplateLiteral' && quoted.parts[0].value, 'say "hi" ');
    assert.equal(textOf(text, quoted), '"say \\"hi\\" ${var.x}"');
  });

  it('reports invalid JSON and template errors with line and column', () => {
    const text = '{\n  "locals": { "a": "${var.x" }\n}';
    const at = (t: string, e: Diagnostic) => [...Object.values(new LineIndex(t).position(e.subject.start)), e.summary];
    assert.deepEqual(
      parseTfJson(text).errors.map((e) => at(text, e)),
      [[2, 28, 'Expected "}" to close the interpolation, found the end of the string']],
    );
    assert.deepEqual(parseTfJson('{ "a": 1,, }').errors.map((e) => at('{ "a": 1,, }', e)), [[1, 10, 'Invalid JSON: PropertyNameExpected']]);
  });
});
