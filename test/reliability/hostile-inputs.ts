/**
 * Hostile inputs for the per-unit bounds (work and nesting), the known expensive paths, plan
 * JSON, .gitignore rules and Terraform regular expressions, large ones generated here. Shared by
 * test/reliability/hostile.test.ts (what each one gives) and bench/hostile.ts (`npm run hostile`:
 * time and peak memory of each in a fresh process).
 */
import { template } from '../helpers/lint.js';
import { HOSTILE_REGEXES } from './regex-cases.js';

export interface HostileInput {
  readonly name: string;
  /** Which promise of issue 12 it tests. */
  readonly kind: 'work' | 'nesting' | 'expensive path' | 'plan' | 'gitignore' | 'regex';
  /** The files, relative to the project root. */
  readonly files: () => Readonly<Record<string, string>>;
  /** The input's own positioned diagnostic: its file and a pattern of its message. */
  readonly diagnostic?: { readonly file: string; readonly message: RegExp };
}

const WORK = /^Evaluation stopped: this unit needs more work than the linter allows/;
const NESTING = /^Evaluation nested deeper than the linter allows/;

const vmResource = (name: string, size: string, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Compute/virtualMachines',
  apiVersion: '2023-09-01',
  name,
  location: 'westeurope',
  ...extra,
  properties: { hardwareProfile: { vmSize: size } },
});

/** A template whose VM size depends on `variables('r')`, computed from `variables`. */
function armWith(variables: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, string> {
  return { 'bad.json': template({ variables, ...extra, resources: [vmResource('vm', "[if(equals(length(string(variables('r'))), -1), 'x', 'Standard_D4s_v5')]")] }) };
}

const arm = (name: string, variables: Record<string, unknown>, message = WORK, extra: Record<string, unknown> = {}): HostileInput => ({
  name: `ARM: ${name}`,
  kind: message === NESTING ? 'nesting' : 'work',
  files: () => armWith(variables, extra),
  diagnostic: { file: 'bad.json', message },
});

const BIG_STRINGS = "[map(range(0, 10000), lambda('i', string(lambdaVariables('i'))))]";
const BIG_OBJECT = "[toObject(range(0, 10000), lambda('i', string(lambdaVariables('i'))))]";
const X100 = 'x'.repeat(100);

/** `v0` … `vN`, each twice the one before: shared structure that unfolds exponentially. */
function doubling(n: number, wrap: (prev: string) => string): Record<string, string> {
  const v: Record<string, string> = { v0: '[range(0, 10)]' };
  for (let i = 1; i <= n; i++) v[`v${i}`] = `[${wrap(`variables('v${i - 1}')`)}]`;
  return v;
}

function chain(n: number, link: (prev: string) => unknown, first: unknown = 'Standard_A0'): Record<string, unknown> {
  const v: Record<string, unknown> = { c0: first };
  for (let i = 1; i <= n; i++) v[`c${i}`] = link(`variables('c${i - 1}')`);
  return { ...v, r: `[variables('c${n}')]` };
}

function nestedArray(depth: number, inner: unknown): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const ARM_INPUTS: HostileInput[] = [
  arm('split by 10,000 delimiters, 100 times', { s: "[string(range(0, 10000))]", d: BIG_STRINGS, r: "[map(range(0, 100), lambda('i', length(split(variables('s'), variables('d')))))]" }),
  arm('intersection of two 10,000-key objects, 1,000 times', { o: BIG_OBJECT, r: "[map(range(0, 1000), lambda('j', length(intersection(variables('o'), variables('o')))))]" }),
  arm('union of two 10,000-key objects, 1,000 times', { o: BIG_OBJECT, r: "[map(range(0, 1000), lambda('j', length(union(variables('o'), variables('o')))))]" }),
  arm('union of 10,000-item arrays, 1,000 times', { a: BIG_STRINGS, r: "[map(range(0, 1000), lambda('j', length(union(variables('a'), variables('a')))))]" }),
  arm('equals on a 80,000-node shared structure, 10,000 times', { ...doubling(13, (p) => `createArray(${p}, ${p})`), r: "[map(range(0, 10000), lambda('j', equals(variables('v13'), variables('v13'))))]" }),
  arm('contains over a shared structure, 10,000 times', { ...doubling(12, (p) => `createArray(${p}, ${p})`), r: "[map(range(0, 10000), lambda('j', contains(variables('v12'), lambdaVariables('j'))))]" }),
  arm('string() of a shared structure, 10,000 times', { ...doubling(12, (p) => `createArray(${p}, ${p})`), r: "[map(range(0, 10000), lambda('j', length(string(variables('v12')))))]" }),
  arm('map inside map, 10,000 × 10,000', { r: "[map(range(0, 10000), lambda('i', map(range(0, 10000), lambda('j', concat(string(lambdaVariables('i')), string(lambdaVariables('j')))))))]" }),
  arm('filter inside map, 10,000 × 10,000', { r: "[map(range(0, 10000), lambda('i', length(filter(range(0, 10000), lambda('j', equals(lambdaVariables('i'), lambdaVariables('j')))))))]" }),
  arm('sort of 10,000 items inside map', { a: BIG_STRINGS, r: "[map(range(0, 1000), lambda('i', first(sort(variables('a'), lambda('x', 'y', less(lambdaVariables('x'), lambdaVariables('y')))))))]" }),
  arm('reduce growing a string by 100 characters 10,000 times, 100 times', { r: `[map(range(0, 100), lambda('k', length(reduce(range(0, 10000), '', lambda('acc', 'i', concat(lambdaVariables('acc'), '${X100}'))))))]` }),
  arm('reduce growing an array one item at a time', { r: "[reduce(range(0, 10000), createArray(), lambda('acc', 'i', concat(lambdaVariables('acc'), createArray(lambdaVariables('i')))))]" }),
  arm('lambdaVariables nested ten lambdas deep over 10 items each', { r: `[${'map(range(0, 10), lambda(\'a\', '.repeat(7)}length(range(0, 1000))${'))'.repeat(7)}]` }),
  arm('toObject of 10,000 keys from 10,000-key objects', { o: BIG_OBJECT, r: "[map(range(0, 1000), lambda('i', length(toObject(items(variables('o')), lambda('e', lambdaVariables('e').key)))))]" }),
  arm('join of 10,000 strings of 100 characters, 1,000 times', { a: `[map(range(0, 10000), lambda('i', '${X100}'))]`, r: "[map(range(0, 1000), lambda('i', length(join(variables('a'), ','))))]" }),
  arm('replace multiplying a string, 1,000 times', { s: `[string(range(0, 10000))]`, r: "[map(range(0, 1000), lambda('i', length(replace(variables('s'), ',', ',,,,,,,,,,'))))]" }),
  arm('format with 9,999,999-wide alignment, 1,000 times', { r: "[map(range(0, 1000), lambda('i', length(format('{0,999999}', lambdaVariables('i')))))]" }),
  arm('padLeft to a million characters, 1,000 times', { r: "[map(range(0, 1000), lambda('i', length(padLeft('a', 1000000, 'x'))))]" }),
  arm('indexOf in long strings, 10,000 times', { s: `[string(range(0, 10000))]`, r: "[map(range(0, 10000), lambda('i', indexOf(variables('s'), 'zz')))]" }),
  arm('variable chain of 5,000 references', chain(5000, (p) => `[${p}]`), NESTING),
  arm('variable chain through 300 levels of JSON each', chain(20, (p) => nestedArray(300, `[${p}]`)), NESTING),
  arm('variable chain through 120 nested calls each', chain(20, (p) => `[${'first(createArray('.repeat(60)}${p}${'))'.repeat(60)}]`), NESTING),
  arm('variable chain through property access, 1,000 links', chain(1000, (p) => ({ a: `[${p}]` }), {}), NESTING),
  arm('a value nested 9,000 levels deep by reduce', { r: "[reduce(range(0, 9000), createArray(), lambda('a', 'i', createArray(lambdaVariables('a'))))]" }, NESTING),
  arm('JSON nested 990 levels in a variable', { r: nestedArray(990, 'x') }, NESTING),
  {
    name: 'ARM: parameter defaults chained 3,000 deep',
    kind: 'nesting',
    files: () => {
      const parameters: Record<string, unknown> = { p0: { type: 'string', defaultValue: 'Standard_A0' } };
      for (let i = 1; i <= 3000; i++) parameters[`p${i}`] = { type: 'string', defaultValue: `[parameters('p${i - 1}')]` };
      return { 'bad.json': template({ parameters, resources: [vmResource('vm', "[parameters('p3000')]")] }) };
    },
    diagnostic: { file: 'bad.json', message: NESTING },
  },
  {
    name: 'ARM: user-defined functions calling each other 16 times, 8 deep',
    kind: 'work',
    files: () => {
      const members: Record<string, unknown> = { f0: { parameters: [{ name: 'x', type: 'string' }], output: { type: 'string', value: `[concat(parameters('x'), '${X100}')]` } } };
      for (let i = 1; i <= 8; i++)
        members[`f${i}`] = { parameters: [{ name: 'x', type: 'string' }], output: { type: 'string', value: `[concat(${Array.from({ length: 16 }, () => `u.f${i - 1}(parameters('x'))`).join(', ')})]` } };
      return armWith({ r: "[u.f8('a')]" }, { functions: [{ namespace: 'u', members }] });
    },
    diagnostic: { file: 'bad.json', message: WORK },
  },
  {
    name: 'ARM: 800 copies each mapping a 10,000-item variable',
    kind: 'work',
    files: () => ({
      'bad.json': template({
        variables: { big: BIG_STRINGS },
        // In the location, which the model reads: a property nothing reads (tags) is not evaluated.
        resources: [
          { ...vmResource("[concat('vm', copyIndex())]", 'Standard_D4s_v5'), copy: { name: 'c', count: 800 }, location: "[string(length(map(variables('big'), lambda('i', concat(lambdaVariables('i'), 'x')))))]" },
        ],
      }),
    }),
    diagnostic: { file: 'bad.json', message: WORK },
  },
  {
    name: 'ARM: property copy of 800 inside a resource copy of 800',
    kind: 'work',
    files: () => ({
      'bad.json': template({
        resources: [
          {
            ...vmResource("[concat('vm', copyIndex())]", 'Standard_D4s_v5'),
            copy: { name: 'outer', count: 800 },
            properties: {
              hardwareProfile: { vmSize: 'Standard_D4s_v5' },
              storageProfile: { copy: [{ name: 'dataDisks', count: 800, input: { lun: "[copyIndex('dataDisks')]", createOption: 'Empty', diskSizeGB: "[length(string(range(0, 300)))]" } }] },
            },
          },
        ],
      }),
    }),
    diagnostic: { file: 'bad.json', message: WORK },
  },
  {
    name: 'ARM: 40 parameter files of one expensive template (every scenario draws on one budget)',
    kind: 'work',
    files: () => {
      const files: Record<string, string> = {
        'bad.json': template({
          parameters: { n: { type: 'int' } },
          variables: { r: "[map(range(0, 300), lambda('i', length(string(range(0, add(1000, parameters('n')))))))]" },
          resources: [vmResource('vm', "[if(equals(length(variables('r')), -1), 'x', 'Standard_D4s_v5')]")],
        }),
      };
      for (let i = 0; i < 40; i++) files[`bad.parameters.s${i}.json`] = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { n: { value: i } } });
      return files;
    },
    diagnostic: { file: 'bad.json', message: WORK },
  },
  {
    name: 'ARM: inline nested deployments 20 deep, each with a copy of 800',
    kind: 'work',
    files: () => {
      let inner: Record<string, unknown> = {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [{ ...vmResource("[concat('vm', copyIndex())]", 'Standard_D4s_v5'), copy: { name: 'c', count: 800 }, location: "[string(range(0, 500))]" }],
      };
      for (let d = 0; d < 19; d++) {
        inner = {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: `[concat('d${d}-', copyIndex())]`, copy: { name: `c${d}`, count: 3 }, properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: inner } }],
        };
      }
      return { 'bad.json': template({ resources: (inner.resources as unknown[]) }) };
    },
    diagnostic: { file: 'bad.json', message: WORK },
  },
];

/** A Terraform root module whose VM size is computed from `locals`. */
function tf(name: string, locals: string, message: RegExp | null = WORK, extra = ''): HostileInput {
  return {
    name: `Terraform: ${name}`,
    kind: message === NESTING ? 'nesting' : message === WORK ? 'work' : 'expensive path',
    files: () => ({
      'bad/main.tf': `resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = length(jsonencode(local.r)) < 0 ? "x" : "Standard_D4s_v5"\n}\n\nlocals {\n${locals}\n}\n${extra}`,
    }),
    ...(message ? { diagnostic: { file: 'bad/main.tf', message } } : {}),
  };
}

const TF_INPUTS: HostileInput[] = [
  tf('setsubtract of 20,000 strings, 200 times', '  a = [for i in range(20000) : tostring(i)]\n  r = [for j in range(200) : length(setsubtract(local.a, local.a))]'),
  tf('setintersection of 20,000 strings, 200 times', '  a = [for i in range(20000) : tostring(i)]\n  r = [for j in range(200) : length(setintersection(local.a, local.a, local.a))]'),
  tf('setunion of 20,000 strings, 200 times', '  a = [for i in range(20000) : tostring(i)]\n  r = [for j in range(200) : length(setunion(local.a, local.a))]'),
  tf('matchkeys over 20,000 keys, 100 times', '  a = [for i in range(20000) : tostring(i)]\n  r = [for j in range(100) : length(matchkeys(local.a, local.a, local.a))]'),
  tf('distinct of 20,000 lists, 100 times', '  a = [for i in range(20000) : [i, i]]\n  r = [for j in range(100) : length(distinct(local.a))]'),
  tf('contains in a 10,000-item list for each of 10,000 items', '  a = range(10000)\n  r = [for x in local.a : contains(local.a, x)]'),
  tf('chunklist with size 0.0001', '  r = chunklist(range(1000), 0.0001)', /^chunklist: size must be a whole number$/),
  tf('format with a 4,000,000-wide field, 2,000 times', '  r = [for i in range(2000) : format("%4000000d", i)]'),
  tf('formatlist over 90,000 items, 100 times', '  a = range(90000)\n  r = [for j in range(100) : length(formatlist("%d-%d", local.a, local.a))]'),
  tf('for inside for, 3,000 × 3,000', '  r = [for i in range(3000) : [for j in range(3000) : "${i}-${j}"]]'),
  tf('three nested for-expressions of 300', '  r = [for i in range(300) : [for j in range(300) : [for k in range(300) : i + j + k]]]'),
  tf('template string growing a 1,000,000-character local, 2,000 times', '  s = join("", [for i in range(1000000) : "x"])\n  r = [for i in range(2000) : "${local.s}${i}"]'),
  tf('split of a 600,000-character string, 1,000 times', '  s = join(",", [for i in range(100000) : tostring(i)])\n  r = [for i in range(1000) : length(split(",", local.s))]'),
  tf('replace in a long string, 1,000 times', '  s = join(",", [for i in range(100000) : tostring(i)])\n  r = [for i in range(1000) : length(replace(local.s, ",", ",,,,"))]'),
  tf('jsonencode of a 90,000-item list, 1,000 times', '  a = range(90000)\n  r = [for i in range(1000) : length(jsonencode(local.a))]'),
  tf('flatten of a setproduct, 100 times', '  a = range(1000)\n  r = [for i in range(100) : length(flatten(setproduct(local.a, local.a)))]'),
  tf('merge of 10,000-key maps, 1,000 times', '  m = { for i in range(10000) : tostring(i) => i }\n  r = [for i in range(1000) : length(merge(local.m, local.m))]'),
  tf('keys and values of a 10,000-key map, 1,000 times', '  m = { for i in range(10000) : tostring(i) => i }\n  r = [for i in range(1000) : length(concat(keys(local.m), values(local.m)))]'),
  tf('local chain of 5,000 references', `  l0 = 1\n${Array.from({ length: 5000 }, (_, i) => `  l${i + 1} = local.l${i}`).join('\n')}\n  r = local.l5000`, NESTING),
  tf('parentheses 450 deep', `  r = ${'('.repeat(450)}1${')'.repeat(450)}`, NESTING),
  tf('local chain each nesting its value four lists deeper', `  l0 = 1\n${Array.from({ length: 300 }, (_, i) => `  l${i + 1} = [[[[local.l${i}]]]]`).join('\n')}\n  r = local.l300`, NESTING),
  {
    name: 'Terraform: module with count 100 calling a module with count 100, each doing work',
    kind: 'work',
    files: () => ({
      'bad/main.tf': 'module "outer" {\n  source = "./outer"\n  count  = 100\n}\n\nresource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = length(module.outer) < 0 ? "x" : "Standard_D4s_v5"\n}\n',
      'bad/outer/main.tf': 'module "inner" {\n  source = "../inner"\n  count  = 100\n}\n\noutput "n" {\n  value = length(module.inner)\n}\n',
      'bad/inner/main.tf': 'locals {\n  r = [for i in range(1000) : tostring(i)]\n}\n\noutput "n" {\n  value = length(jsonencode(local.r))\n}\n\nresource "azurerm_managed_disk" "d" {\n  name                 = "d${length(local.r)}"\n  storage_account_type = "Standard_LRS"\n  create_option        = "Empty"\n}\n',
    }),
    diagnostic: { file: 'bad/inner/main.tf', message: WORK },
  },
  {
    name: 'Terraform: format with a 999,999,999-wide field',
    kind: 'expensive path',
    files: () => ({ 'bad/main.tf': 'resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = format("%999999999d", 1)\n}\n' }),
    diagnostic: { file: 'bad/main.tf', message: /^Not evaluated: format: width 999999999 is over the limit/ },
  },
  {
    name: 'Terraform: for_each over 10,000 instances, each with an expensive attribute',
    kind: 'work',
    files: () => ({
      'bad/main.tf':
        'locals {\n  names = toset([for i in range(10000) : "d${i}"])\n  all = [for i in range(2000) : tostring(i)]\n}\n\nresource "azurerm_managed_disk" "d" {\n  for_each             = local.names\n  name                 = "${each.key}-${length(jsonencode(local.all))}"\n  storage_account_type = "Standard_LRS"\n  create_option        = "Empty"\n}\n\nresource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = "Standard_D4s_v5"\n}\n',
    }),
    diagnostic: { file: 'bad/main.tf', message: WORK },
  },
];

/** Plan JSON with `n` instances of one resource whose ids are lists of `refs` references. */
function plan(n: number, refs: number): string {
  const resources = Array.from({ length: n }, (_, i) => ({ address: `azurerm_managed_disk.d[${i}]`, mode: 'managed', type: 'azurerm_managed_disk', name: 'd', index: i, values: { name: `d${i}`, storage_account_type: 'Standard_LRS' } }));
  const vm = { address: 'azurerm_linux_virtual_machine.vm', mode: 'managed', type: 'azurerm_linux_virtual_machine', name: 'vm', values: { name: 'vm', size: 'Standard_D4s_v5', network_interface_ids: null } };
  const references = Array.from({ length: refs }, (_, i) => `azurerm_network_interface.n${i}.id`);
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { resources: [...resources, vm] } },
    configuration: {
      root_module: {
        resources: [
          { address: 'azurerm_managed_disk.d', mode: 'managed', type: 'azurerm_managed_disk', name: 'd', expressions: { network_interface_ids: { references } }, count_expression: { constant_value: n } },
          { address: 'azurerm_linux_virtual_machine.vm', mode: 'managed', type: 'azurerm_linux_virtual_machine', name: 'vm', expressions: { network_interface_ids: { references } } },
        ],
      },
    },
  });
}

const PLAN_INPUTS: HostileInput[] = [
  { name: 'plan: 50,000 instances of one resource', kind: 'plan', files: () => ({ 'plan.json': plan(50_000, 0) }) },
  { name: 'plan: 20,000 instances × 2,000 references each', kind: 'plan', files: () => ({ 'plan.json': plan(20_000, 2_000) }), diagnostic: { file: 'plan.json', message: WORK } },
];

const deepPath = (depth: number) => Array.from({ length: depth }, () => 'a').join('/');

const GITIGNORE_INPUTS: HostileInput[] = [
  { name: '.gitignore **/a/**/z against a path 1,000 directories deep', kind: 'gitignore', files: () => ({ '.gitignore': '**/a/**/z\n', [`${deepPath(1000)}/t.json`]: '{}' }) },
  { name: '.gitignore with four ** runs against a path 500 deep', kind: 'gitignore', files: () => ({ '.gitignore': '**/a/**/a/**/a/**/a/**/z\n', [`${deepPath(500)}/t.json`]: '{}' }) },
  { name: 'nested .gitignore a/** (rebased to two runs) against a path 1,000 deep', kind: 'gitignore', files: () => ({ 'a/.gitignore': 'b/**/z\n', [`${deepPath(1000)}/t.json`]: '{}' }) },
];

const REGEX_INPUTS: HostileInput[] = HOSTILE_REGEXES.map(({ name, expr }) => ({
  name: `Terraform regex: ${name}`,
  kind: 'regex',
  files: () => ({ 'bad/main.tf': `locals {\n  r = ${expr}\n}\n\nresource "azurerm_recovery_services_vault" "v" {\n  name = jsonencode(local.r)\n}\n` }),
}));

export const HOSTILE_INPUTS: readonly HostileInput[] = [...ARM_INPUTS, ...TF_INPUTS, ...PLAN_INPUTS, ...GITIGNORE_INPUTS, ...REGEX_INPUTS];
