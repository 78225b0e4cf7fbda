import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors, nodes, outline, parse } from './helpers.js';

/**
 * Half-typed and broken input: [text, diagnostics as `line:column code`, statements after
 * recovery, .bicepparam]. Each broken declaration is reported on its own line, and the
 * declarations after it are still there, except where Bicep itself lets an unclosed bracket
 * swallow them.
 */
const CASES: [string, string[], string[], boolean?][] = [
  ["param\nvar a = 1", ["1:6 BCP013"], ["ParameterDeclaration ", "VariableDeclaration a"]],
  ["param x\nvar a = 1", ["1:8 BCP279"], ["ParameterDeclaration x", "VariableDeclaration a"]],
  ["param x string =\nvar a = 1", ["1:17 BCP009"], ["ParameterDeclaration x", "VariableDeclaration a"]],
  ["param x string = = 1\nvar a = 1", ["1:18 BCP009"], ["ParameterDeclaration x", "VariableDeclaration a"]],
  ["var\nvar b = 1", ["1:4 BCP015"], ["VariableDeclaration ", "VariableDeclaration b"]],
  ["var a\nvar b = 1", ["1:6 BCP018"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["var a =\nvar b = 1", ["1:8 BCP009"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["var a = 1 +\nvar b = 1", ["1:12 BCP009"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["var a = (1\nvar b = 1", ["1:10 BCP243", "2:1 BCP018"], ["VariableDeclaration a"]],
  ["var a = foo(1, 2\nvar b = 1", ["1:17 BCP237", "2:5 BCP236", "2:7 BCP236", "2:7 BCP009", "2:10 BCP018"], ["VariableDeclaration a"]],
  ["var a = foo(1,)\nvar b = 1", ["1:15 BCP009"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["var a = [1, 2\nvar b = 1", ["2:10 BCP018"], ["VariableDeclaration a"]],
  ["var a = { x: 1, y: 2\nvar b = 1", ["2:10 BCP018"], ["VariableDeclaration a"]],
  ["var a = {\n  x: 1,\n  y: 2\n}\nvar b = 1", ["2:8 BCP238"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["var a = {\n  x:\n  y: 2\n}\nvar b = 1", ["2:5 BCP009"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["var a = { x: 1 y: 2 }\nvar b = 1", ["1:16 BCP236"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["var a = 'abc${b\nvar c = 1", ["1:16 BCP004"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = 'abc\nvar c = 1", ["1:9 BCP004"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = x ? 1\nvar c = 1", ["1:14 BCP018"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = x ? : 2\nvar c = 1", ["1:13 BCP009"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = x.\nvar c = 1", ["1:11 BCP020"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = x[]\nvar c = 1", ["1:11 BCP117"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = x[1\nvar c = 1", ["1:12 BCP018"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = {}.b\nvar c = 1", [], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = 1 2\nvar c = 1", ["1:11 BCP019"], ["VariableDeclaration a", "~", "VariableDeclaration c"]],
  ["foo\nvar c = 1", ["1:1 BCP007"], ["~", "VariableDeclaration c"]],
  ["@description('x')", ["1:18 BCP019"], ["MissingDeclaration"]],
  ["@description('x')\nvar a = 1\n@\nvar b = 2", ["3:2 BCP123"], ["VariableDeclaration a", "VariableDeclaration b"]],
  ["resource\nvar c = 1", ["1:9 BCP017"], ["ResourceDeclaration ", "VariableDeclaration c"]],
  ["resource r\nvar c = 1", ["1:11 BCP068"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["resource r 'A/b@1'\nvar c = 1", ["1:19 BCP018"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["resource r 'A/b@1' =\nvar c = 1", ["1:21 BCP118"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["resource r 'A/b@1' = {\n  name: 'n'\n  properties: {\n    ultraSSDEnabled:\n  }\n}\nvar c = 1", ["4:21 BCP009"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["resource r 'A/b@1' = {\n  name: 'n'\nvar c = 1", ["3:10 BCP018"], ["ResourceDeclaration r"]],
  ["resource r 'A/b@1' = if {\n}\nvar c = 1", ["1:25 BCP018"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["resource r 'A/b@1' = [for x in : {}]\nvar c = 1", ["1:32 BCP009"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["resource r 'A/b@1' = [for x y: {}]\nvar c = 1", ["1:29 BCP012", "1:34 BCP009"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["resource r 'A/b@1' = [for (x, i, j) in y: {}]\nvar c = 1", ["1:27 BCP249"], ["ResourceDeclaration r", "VariableDeclaration c"]],
  ["module m\nvar c = 1", ["1:9 BCP097"], ["ModuleDeclaration m", "VariableDeclaration c"]],
  ["module m 'x.bicep' = {\n  params: {\n    a: \n  }\n}\nvar c = 1", ["3:8 BCP009"], ["ModuleDeclaration m", "VariableDeclaration c"]],
  ["output o\nvar c = 1", ["1:9 BCP279"], ["OutputDeclaration o", "VariableDeclaration c"]],
  ["output o string\nvar c = 1", ["1:16 BCP018"], ["OutputDeclaration o", "VariableDeclaration c"]],
  ["output o string = \nvar c = 1", ["1:19 BCP009"], ["OutputDeclaration o", "VariableDeclaration c"]],
  ["type t =\nvar c = 1", ["1:9 BCP279"], ["TypeDeclaration t", "VariableDeclaration c"]],
  ["type t = 'a' |\nvar c = 1", ["1:15 BCP300"], ["TypeDeclaration t", "VariableDeclaration c"]],
  ["func f() string\nvar c = 1", ["1:16 BCP009", "1:16 BCP018"], ["FunctionDeclaration f", "VariableDeclaration c"]],
  ["import\nvar c = 1", ["1:7 BCP354", "1:7 BCP012"], ["CompileTimeImportDeclaration", "VariableDeclaration c"]],
  ["import {a} from\nvar c = 1", ["1:16 BCP097"], ["CompileTimeImportDeclaration", "VariableDeclaration c"]],
  ["import * from 'x'\nvar c = 1", ["1:10 BCP012", "1:18 BCP012"], ["CompileTimeImportDeclaration", "VariableDeclaration c"]],
  ["targetScope =\nvar c = 1", ["1:14 BCP009"], ["TargetScope", "VariableDeclaration c"]],
  ["metadata =\nvar c = 1", ["1:10 BCP266", "1:11 BCP009"], ["MetadataDeclaration ", "VariableDeclaration c"]],
  ["var a = 1 = 2\nvar c = 1", ["1:11 BCP019"], ["VariableDeclaration a", "~", "VariableDeclaration c"]],
  ["var a = x => \nvar c = 1", ["1:14 BCP009"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = [for x in y]\nvar c = 1", ["1:20 BCP018"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["var a = { ...\n}\nvar c = 1", ["1:14 BCP009"], ["VariableDeclaration a", "VariableDeclaration c"]],
  ["using\nparam a = 1", ["1:6 BCP354"], ["UsingDeclaration", "ParameterAssignment a"], true],
  ["using './x.bicep' with\nparam a = 1", ["1:23 BCP018"], ["UsingDeclaration", "ParameterAssignment a"], true],
  ["param a =\nparam b = 1", ["1:10 BCP009"], ["ParameterAssignment a", "ParameterAssignment b"], true],
  ["param\nparam b = 1", ["1:6 BCP013"], ["ParameterAssignment ", "ParameterAssignment b"], true],
  ["var a = 1 /* unterminated\n", ["1:11 BCP002"], ["VariableDeclaration a"]],
];

describe('Bicep parser: recovery', () => {
  for (const [text, expectedErrors, expectedOutline, params] of CASES) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(errors(text, params), expectedErrors);
      assert.deepEqual(outline(parse(text, params).ast), expectedOutline);
    });
  }

  it('gives a half-typed property one diagnostic and keeps the other properties', () => {
    const text = "resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {\n  name: 'vm'\n  properties: {\n    additionalCapabilities: {\n      ultraSSDEnabled: \n    }\n    hardwareProfile: { vmSize: 'Standard_D2s_v5' }\n  }\n}\n";
    assert.deepEqual(errors(text), ['5:24 BCP009']);
    const keys = nodes(parse(text).ast, 'ObjectProperty').map((p) => (p.key.type === 'Identifier' ? p.key.name : ''));
    assert.deepEqual(keys, ['name', 'properties', 'additionalCapabilities', 'ultraSSDEnabled', 'hardwareProfile', 'vmSize']);
    const broken = nodes(parse(text).ast, 'ObjectProperty')[3]!;
    assert.equal(broken.value.type, 'SkippedTrivia');
  });

  it('skips a body cut off by the end of the file with one diagnostic', () => {
    assert.deepEqual(errors("var a = 1\nresource r 'A/b@1' = {\n  name: 'x'\n  properties: {\n"), ['5:1 BCP018']);
  });
});
