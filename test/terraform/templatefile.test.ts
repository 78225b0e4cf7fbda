import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintHits } from '../helpers/lint.js';
import { model, show } from './helpers.js';

/** A vault's `name`, rendered from `t/name.tpl`, and where it is. */
function rendered(template: string): string {
  const files = {
    'main.tf': 'resource "azurerm_recovery_services_vault" "v" {\n  name = templatefile("t/name.tpl", { env = "prod", n = 3 })\n}\n',
    't/name.tpl': template,
  };
  return show(files, model(files).vaults[0]!.name);
}

describe('templatefile', () => {
  it('renders the file as one template, final newline and backslashes as written', () => {
    assert.equal(rendered('rsv-${env}\n'), '"rsv-prod\\n" @ main.tf:2:10');
    assert.equal(rendered('rsv-${env}'), '"rsv-prod" @ main.tf:2:10');
    // No heredoc marker can end the template early, and `\` is no escape in a template file.
    assert.equal(rendered('TEMPLATEFILE\n%{ if n > 2 }C:\\${env}%{ endif }$${env}'), '"TEMPLATEFILE\\nC:\\\\prod${env}" @ main.tf:2:10');
  });

  it('yields the value itself, at its place in the template file, when the file is one interpolation', () => {
    assert.equal(rendered('${n * 2}'), '6 @ t/name.tpl:1:1');
    assert.equal(rendered('${ [env, n] }'), '["prod",3] @ t/name.tpl:1:1');
  });

  it('names the line and column of a syntax error in the template file', () => {
    // The value stays at the call: an unknown is never a finding, and the reason says where.
    assert.equal(rendered('rsv\n  -${env)}-x\n'), 'unknown(template t/name.tpl:2:9 has a syntax error: Expected "}" to close the interpolation, found ")") @ main.tf:2:10');
  });

  it('reports a finding on a value from a template at its place in the template file', () => {
    const template = '${{\n  properties = {\n    hardwareProfile = { vmSize = "Standard_D2s_v5" }\n    priority        = priority\n  }\n}}';
    const hits = lintHits({
      'main.tf': `resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm"
  parent_id = "/subscriptions/s/resourceGroups/rg"
  location  = "westeurope"
  body      = templatefile("\${path.module}/templates/vm.tpl", { priority = "Spot" })
}
`,
      'templates/vm.tpl': template,
    });
    const spot = hits.filter((h) => h.rule === 'no-spot-vm').map((h) => `${h.file}:${h.line}:${h.column}-${h.raw.endLine}:${h.raw.endColumn}`);
    assert.deepEqual(spot, ['templates/vm.tpl:1:1-6:3']);
  });
});
