import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBicep, VISITOR_KEYS } from '../../../src/syntax/bicep/index.js';
import { errors, first, nodes, outline, parse, textOf } from './helpers.js';

const MAIN = `targetScope = 'resourceGroup'
metadata author = 'me'
extension microsoftGraphV1
import { vmSize, tags as defaultTags } from 'shared.bicep'
import * as ns from 'br/public:avm/x:1.0'

@description('Size')
@allowed([
  'Standard_D2s_v5'
  'Standard_D4s_v5'
])
param size string = 'Standard_D2s_v5'
param count int
param opts { name: string, zones: ('1' | '2' | '3')[]?, *: int }
param vault resource 'Microsoft.RecoveryServices/vaults@2023-04-01'

type zone = '1' | '2' | '3'
@export()
func prefixed(name string) string => 'p-\${name}'

var names = [for (n, i) in range(0, count): '\${n}-\${i}']
var merged = { ...tags, extra: true }
var last = names[^1]
var maybe = opts.?name ?? opts[?'zones']![0]
var pick = count > 1
  ? 'many'
  : 'one'

resource vnet 'Microsoft.Network/virtualNetworks@2023-05-01' existing = {
  name: 'vnet'
  resource subnet 'subnets' existing = {
    name: 'default'
  }
}

@batchSize(2)
resource vms 'Microsoft.Compute/virtualMachines@2023-09-01' = [for i in range(0, count): if (i > 0) {
  name: 'vm\${i}'
  properties: {
    networkProfile: { subnetId: vnet::subnet.id }
    zones: filter(['1', '2'], z => z != '3')
  }
}]

resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (count > 0) {
  scope: vms[0]
  name: 'lock'
  parent: vault
}

module web './web.bicep' = {
  name: 'web'
  params: { size: size }
}

output ids array = [for (vm, i) in vms: vm.id]
output text string = '''
multi \${not} interpolated
'''
assert positive = count >= 0
`;

describe('Bicep parser: constructs', () => {
  const r = parse(MAIN);

  it('parses a file that uses most of the language with no diagnostic', () => {
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(outline(r.ast), [
      'TargetScope', 'MetadataDeclaration author', 'ExtensionDeclaration', 'CompileTimeImportDeclaration', 'CompileTimeImportDeclaration',
      'ParameterDeclaration size', 'ParameterDeclaration count', 'ParameterDeclaration opts', 'ParameterDeclaration vault',
      'TypeDeclaration zone', 'FunctionDeclaration prefixed',
      'VariableDeclaration names', 'VariableDeclaration merged', 'VariableDeclaration last', 'VariableDeclaration maybe', 'VariableDeclaration pick',
      'ResourceDeclaration vnet', 'ResourceDeclaration vms', 'ResourceDeclaration lock', 'ModuleDeclaration web',
      'OutputDeclaration ids', 'OutputDeclaration text', 'AssertDeclaration positive',
    ]);
  });

  it('gives Program the whole file and every node a range inside its parent', () => {
    assert.deepEqual(r.ast.range, [0, MAIN.length]);
    const check = (node: { range: [number, number]; type: string }, parent: [number, number]) => {
      assert.ok(node.range[0] >= parent[0] && node.range[1] <= parent[1] && node.range[0] <= node.range[1], `${node.type} ${node.range} in ${parent}`);
      for (const key of VISITOR_KEYS[node.type as keyof typeof VISITOR_KEYS]) {
        const v = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(v) ? v : v ? [v] : []) check(c as typeof node, node.range);
      }
    };
    check(r.ast, r.ast.range);
  });

  it('ranges a declaration from its first decorator to its value', () => {
    const size = r.ast.body.find((s) => s.type === 'ParameterDeclaration')!;
    assert.equal(textOf(MAIN, size).split('\n')[0], "@description('Size')");
    assert.ok(textOf(MAIN, size).endsWith("param size string = 'Standard_D2s_v5'"));
    assert.equal(size.decorators.length, 2);
  });

  it('keeps existing, nesting, loops, conditions and resource access', () => {
    const vnet = r.ast.body.find((s) => s.type === 'ResourceDeclaration' && s.name.name === 'vnet');
    assert.ok(vnet?.type === 'ResourceDeclaration' && vnet.existing);
    const nested = nodes(r.ast, 'ResourceDeclaration').map((d) => d.name.name);
    assert.deepEqual(nested, ['vnet', 'subnet', 'vms', 'lock']);
    const vms = nodes(r.ast, 'ResourceDeclaration')[2]!;
    assert.equal(vms.value.type, 'For');
    assert.equal(vms.value.type === 'For' && vms.value.body.type, 'IfCondition');
    assert.equal(textOf(MAIN, first(r.ast, 'ResourceAccess')), 'vnet::subnet');
    assert.equal(nodes(r.ast, 'ResourceDeclaration')[3]!.value.type, 'IfCondition');
  });

  it('parses safe access, index from end, non-null assertion and ??', () => {
    const last = first(r.ast, 'ArrayAccess');
    assert.equal(last.fromEnd, true);
    assert.equal(textOf(MAIN, last), 'names[^1]');
    const maybe = nodes(r.ast, 'VariableDeclaration')[3]!.value;
    assert.equal(maybe.type === 'BinaryOperation' && maybe.operator, '??');
    const safe = nodes(r.ast, 'PropertyAccess').find((p) => p.safe);
    assert.equal(safe && textOf(MAIN, safe), 'opts.?name');
    const bang = first(r.ast, 'NonNullAssertion');
    assert.equal(textOf(MAIN, bang), "opts[?'zones']!");
  });

  it('parses a ternary broken before ? and :', () => {
    const pick = nodes(r.ast, 'VariableDeclaration')[4]!;
    assert.equal(pick.value.type, 'TernaryOperation');
    assert.equal(textOf(MAIN, pick.value), "count > 1\n  ? 'many'\n  : 'one'");
  });

  it('parses lambdas, spread, typed functions and imports', () => {
    assert.equal(textOf(MAIN, first(r.ast, 'Lambda')), "z => z != '3'");
    assert.equal(textOf(MAIN, first(r.ast, 'SpreadExpression')), '...tags');
    const fn = first(r.ast, 'FunctionDeclaration');
    assert.equal(fn.lambda.type, 'TypedLambda');
    const items = first(r.ast, 'ImportedSymbolsList').items;
    assert.deepEqual(items.map((i) => (i.type === 'ImportedSymbolsListItem' ? [i.originalSymbolName.type === 'Identifier' && i.originalSymbolName.name, i.alias?.alias.name] : [])), [['vmSize', undefined], ['tags', 'defaultTags']]);
    assert.equal(first(r.ast, 'WildcardImport').alias.alias.name, 'ns');
  });

  it('parses types: object, union, nullable, array, resource', () => {
    assert.equal(textOf(MAIN, first(r.ast, 'ObjectType')), "{ name: string, zones: ('1' | '2' | '3')[]?, *: int }");
    assert.equal(nodes(r.ast, 'UnionType').length, 2);
    assert.equal(first(r.ast, 'ObjectTypeAdditionalProperties').value.type, 'TypeVariableAccess');
    assert.equal(textOf(MAIN, first(r.ast, 'NullableType')), "('1' | '2' | '3')[]?");
    assert.equal(first(r.ast, 'ResourceType').resourceType?.type, 'String');
  });

  it('resolves string segments, escapes and multi-line strings', () => {
    const { ast } = parse("var a = 'x\\'\\n\\u{1F600}${b}\\${c}'\nvar m = '''\nline\\n'''\n");
    const strings = nodes(ast, 'String');
    assert.deepEqual(strings[0]!.segments, ["x'\n\u{1F600}", '${c}']);
    assert.deepEqual(strings[1]!.segments, ['line\\n']);
  });

  it('parses integers beyond 2^53 and reports those beyond 64 bits', () => {
    assert.equal(first(parse('var a = 9007199254740993').ast, 'IntegerLiteral').raw, '9007199254740993');
    assert.deepEqual(errors('var a = 18446744073709551616'), ['1:9 BCP010']);
  });

  it('reads property names that are keywords, and resource as a property', () => {
    const { ast, diagnostics } = parse("var a = { resource: 1, if: 2, for: 3, 'x-y': 4 }\n");
    assert.deepEqual(diagnostics, []);
    assert.equal(nodes(ast, 'ObjectProperty').length, 4);
  });

  it('accepts commas between properties on one line and newlines after function commas', () => {
    assert.deepEqual(errors('var a = { a: 1, b: 2 }\nvar b = concat(\n  a,\n  b\n)\n'), []);
  });

  it('parses a .bicepparam file', () => {
    const text = "using './main.bicep'\nextends 'base.bicepparam'\nimport { a } from 'x.bicep'\nparam size = 'Standard_D2s_v5'\nvar base = 2\nparam count = base * 2\n";
    const p = parse(text, true);
    assert.deepEqual(p.diagnostics, []);
    assert.deepEqual(outline(p.ast), ['UsingDeclaration', 'ExtendsDeclaration', 'CompileTimeImportDeclaration', 'ParameterAssignment size', 'VariableDeclaration base', 'ParameterAssignment count']);
    assert.equal(first(parse('using none\n', true).ast, 'UsingDeclaration').path.type, 'NoneLiteral');
    const using = first(parse("using './m.bicep' with {\n  mode: 'stack'\n}\n", true).ast, 'UsingDeclaration');
    assert.equal(using.withClause.type, 'UsingWithClause');
    assert.deepEqual(errors('resource r', true), ['1:1 BCP337']);
  });

  it('records comments with their ranges', () => {
    const { comments } = parse('// a\nvar x = 1 /* b */\n');
    assert.deepEqual(comments, [
      { type: 'Line', value: ' a', range: [0, 4] },
      { type: 'Block', value: ' b ', range: [15, 22] },
    ]);
  });

  it('drops a BOM: offsets count from after it', () => {
    const r2 = parse('\ufeffvar a = 1\n');
    assert.deepEqual(r2.ast.range, [0, 10]);
    assert.deepEqual(first(r2.ast, 'VariableDeclaration').range, [0, 9]);
  });

  it('treats CRLF, CR and LF line ends alike', () => {
    for (const nl of ['\n', '\r\n']) assert.deepEqual(outline(parse(`var a = 1${nl}var b = {${nl}  x: 1${nl}}${nl}`).ast), ['VariableDeclaration a', 'VariableDeclaration b']);
  });
});

describe('Bicep parser: more statements', () => {
  it('parses extension declarations with and without with/as clauses', () => {
    const text = "extension az\nextension 'br:mcr.microsoft.com/bicep/extensions/k8s:1.0' with {\n  namespace: 'x'\n} as k8s\nimport 'az@1.0.0'\n";
    const r = parse(text);
    assert.deepEqual(r.diagnostics, []);
    const [az, k8s, old] = nodes(r.ast, 'ExtensionDeclaration');
    assert.equal(az!.specification.type, 'Identifier');
    assert.deepEqual([az!.withClause.type, az!.withClause.range], ['SkippedTrivia', [12, 12]]);
    assert.equal(k8s!.withClause.type, 'ExtensionWithClause');
    assert.equal(k8s!.asClause.type === 'AliasAsClause' && k8s!.asClause.alias.name, 'k8s');
    assert.equal(old!.specification.type, 'String');
  });

  it('parses namespaced decorators and decorators on nested resources', () => {
    const text = "resource p 'A/b@1' = {\n  name: 'p'\n  @sys.description('child')\n  resource c 'c' = {\n    name: 'c'\n  }\n}\n";
    const r = parse(text);
    assert.deepEqual(r.diagnostics, []);
    const child = nodes(r.ast, 'ResourceDeclaration')[1]!;
    assert.equal(child.decorators[0]!.type === 'Decorator' && child.decorators[0]!.expression.type, 'InstanceFunctionCall');
    assert.equal(textOf(text, child).split('\n')[0], "@sys.description('child')");
  });

  it('parses test and assert declarations, and user-defined function calls through namespaces', () => {
    const text = "test t 'x.bicep' = {\n  params: {}\n}\nassert a = ns.f(1) == 2\n";
    assert.deepEqual(outline(parse(text).ast), ['TestDeclaration t', 'AssertDeclaration a']);
  });

  it('records pragmas and gives diagnostics the file name', () => {
    const r = parseBicep('#disable-next-line no-ultra-ssd BCP081\nvar a = \n', { file: 'main.bicep' });
    assert.deepEqual(r.pragmas.map((p) => [p.kind, p.codes.map((c) => c.code)]), [['disable-next-line', ['no-ultra-ssd', 'BCP081']]]);
    assert.deepEqual(r.diagnostics.map((d) => [d.subject.file, d.code, d.severity]), [['main.bicep', 'BCP009', 'error']]);
  });

  it('parses .bicepparam extension configs, types and imports', () => {
    const text = "using 'main.bicep'\nimport * as shared from 'shared.bicep'\ntype t = { a: int }\nextensionConfig k8s with {\n  namespace: 'x'\n}\nparam p = shared.value\n";
    const r = parse(text, true);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(outline(r.ast), ['UsingDeclaration', 'CompileTimeImportDeclaration', 'TypeDeclaration t', 'ExtensionConfigAssignment', 'ParameterAssignment p']);
  });

  it('parses resource-derived and parameterized types', () => {
    const text = "param p resourceInput<'Microsoft.Compute/virtualMachines@2023-09-01'>.properties\ntype t = sys.resourceOutput<'A/b@1'>\nparam q t.a[*].b[0]\noutput r resource = x\n";
    const r = parse(text);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(first(r.ast, 'ParameterizedTypeInstantiation').name.name, 'resourceInput');
    assert.equal(first(r.ast, 'InstanceParameterizedTypeInstantiation').name.name, 'resourceOutput');
    assert.equal(textOf(text, first(r.ast, 'TypeItemsAccess')), 't.a[*]');
    assert.equal(first(r.ast, 'ResourceType').resourceType, undefined);
  });
});
