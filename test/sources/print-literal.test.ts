import assert from 'node:assert/strict';
import { test } from 'node:test';
import { armJson } from '../../src/sources/arm-json.js';
import { terraformDir } from '../../src/sources/terraform-dir.js';

test('suggested values are written as JSON literals, which HCL reads too', () => {
  assert.equal(armJson.printLiteral('Premium_LRS', 'main.json'), '"Premium_LRS"');
  assert.equal(terraformDir.printLiteral('Premium_LRS', 'main.tf'), '"Premium_LRS"');
  assert.equal(terraformDir.printLiteral(true, 'main.tf.json'), 'true');
  assert.equal(terraformDir.printLiteral(['1', 2], 'main.tfvars'), '["1",2]');
});

test('a string stays a string: ARM expressions and Terraform template sequences are escaped', () => {
  assert.equal(armJson.printLiteral('[variables(1)]', 'azuredeploy.json'), '"[[variables(1)]"');
  assert.equal(terraformDir.printLiteral(['a${b}%{c}'], 'main.tf'), '["a$${b}%%{c}"]');
  assert.equal(terraformDir.printLiteral('a${b}', 'main.tf.json'), '"a$${b}"');
  assert.equal(terraformDir.printLiteral('a${b}', 'prod.tfvars.json'), '"a${b}"');
});
