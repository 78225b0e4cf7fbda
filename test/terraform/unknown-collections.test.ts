import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintHits } from '../helpers/lint.js';
import { model } from './helpers.js';

/** A value known only when Terraform runs: `yamldecode()` is not evaluated here. */
const UNKNOWN = 'yamldecode(var.text)';

/** Every collection function, with a wholly unknown value in each collection position. */
const CALLS = [
  'toset(U)', 'tolist(U)', 'tomap(U)', 'length(U)', 'keys(U)', 'values(U)', 'flatten(U)', 'distinct(U)',
  'concat(U, ["a"])', 'concat(["a"], U)', 'merge(U, { a = 1 })', 'merge({ a = 1 }, U)', 'lookup(U, "a")', 'lookup(U, "a", "b")',
  'contains(U, "a")', 'contains(["a"], U)', 'setunion(U, ["a"])', 'setintersection(["a"], U)', 'setsubtract(U, ["a"])',
  'setproduct(U, ["a"])', 'element(U, 0)', 'index(U, "a")', 'zipmap(U, ["a"])', 'zipmap(["a"], U)', 'one(U)', 'compact(U)',
  'reverse(U)', 'slice(U, 0, 1)', 'sort(U)', 'chunklist(U, 1)', 'coalescelist(U, ["a"])', 'matchkeys(U, ["a"], ["a"])',
  'transpose(U)', 'alltrue(U)', 'anytrue(U)', 'sum(U)', 'toset(U.names)', 'length([for x in U : x])',
];

describe('terraform collection functions of an unknown value', () => {
  it('give an unknown result, never a template error', () => {
    for (const call of CALLS) {
      const expr = call.replaceAll('U', UNKNOWN);
      const files = { 'main.tf': `variable "text" {}\nresource "azurerm_recovery_services_vault" "v" {\n  name = ${expr}\n}\n` };
      const v = model(files).vaults[0]!.name;
      assert.equal(v.kind, 'unknown', call);
      assert.notEqual(v.kind === 'unknown' && v.cause, 'error', `${call}: ${v.kind === 'unknown' ? v.reason : ''}`);
    }
  });

  it('leave the instances of a for_each over toset() of an unknown list unknown, without a diagnostic', () => {
    const main = `variable "config_file" {
  type = string
}
locals {
  config = yamldecode(file(var.config_file))
}
resource "azurerm_application_security_group" "asg" {
  for_each            = toset(local.config.asg_names)
  name                = each.key
  location            = "westeurope"
  resource_group_name = "rg"
}
`;
    assert.deepEqual(lintHits({ 'main.tf': main }), []);
  });
});
