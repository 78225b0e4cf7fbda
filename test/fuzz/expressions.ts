import fc from 'fast-check';

/** Numbers that probe limits: huge, negative, fractional, not-a-number spellings. */
const edgyNumber = fc.constantFrom('0', '1', '-1', '2', '800', '801', '10000', '1e308', '-1e308', '0.5', '9007199254740993', '4294967296');

const armString = fc.constantFrom("'a'", "''", "'Standard_A0'", "'UltraSSD_LRS'", "'[x]'", "'{0}-{1}'", "'\"'", "''''", "'" + 'x'.repeat(300) + "'");
const armRef = fc.constantFrom("variables('v')", "parameters('p')", "variables('missing')", 'copyIndex()', "copyIndex('c')", 'resourceGroup().location', 'deployment().name', "reference('x').id", 'subscription().subscriptionId');

const ARM_FUNCTIONS = ['concat', 'string', 'int', 'length', 'range', 'createArray', 'createObject', 'union', 'intersection', 'if', 'coalesce', 'format', 'padLeft', 'replace', 'json', 'base64', 'split', 'join', 'first', 'last', 'take', 'skip', 'add', 'mul', 'div', 'mod', 'equals', 'not', 'and', 'or', 'toLower', 'resourceId', 'uniqueString', 'guid', 'items', 'flatten', 'min', 'max', 'empty', 'contains', 'indexOf', 'substring', 'unknownFn'];

/** ARM template expressions (without the brackets), including wrong arities and types. */
export const armExpression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    armString,
    edgyNumber,
    armRef,
    fc.constantFrom('true()', 'false()', 'null()'),
    fc.tuple(fc.constantFrom(...ARM_FUNCTIONS), fc.array(tie('e'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), fc.constantFrom('.a', "['k']", '[0]', '[99]', '.properties')).map(([a, b]) => `${a}${b}`),
    fc.tuple(fc.constantFrom('map', 'filter', 'reduce', 'sort'), tie('e'), tie('e')).map(([f, a, b]) => `${f}(${a}, lambda('x', ${b}))`),
  ),
})).e;

/** What goes into a JSON string value: an expression, an escaped bracket, or plain text. */
export const armStringValue: fc.Arbitrary<string> = fc.oneof(
  armExpression.map((e) => `[${e}]`),
  armExpression.map((e) => `[[${e}]`),
  fc.string({ maxLength: 20 }),
);

const hclLiteral = fc.constantFrom('"a"', '""', '"Standard_A0"', '"UltraSSD_LRS"', '0', '-1', '1e308', '100000000', 'true', 'null', '"${"', '"%{ if true }x%{ endif }"', '<<EOT\nx\nEOT\n');
const hclRef = fc.constantFrom('var.x', 'local.y', 'each.key', 'each.value', 'count.index', 'module.m.out', 'azurerm_managed_disk.d.id', 'azurerm_managed_disk.d[*].id', 'data.x.y.z', 'path.module', 'self.id', 'terraform.workspace');
const HCL_FUNCTIONS = ['concat', 'length', 'range', 'toset', 'tolist', 'tomap', 'lookup', 'merge', 'jsonencode', 'jsondecode', 'format', 'try', 'can', 'coalesce', 'flatten', 'distinct', 'keys', 'values', 'zipmap', 'element', 'slice', 'upper', 'replace', 'split', 'join', 'cidrsubnet', 'max', 'min', 'abs', 'file', 'templatefile', 'unknownfn'];

/** Terraform native-syntax expressions, including wrong arities and types. */
export const hclExpression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hclLiteral,
    hclRef,
    fc.array(tie('e'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', '"c d"', '(var.k)'), tie('e')), { maxLength: 3 }).map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc.tuple(fc.constantFrom(...HCL_FUNCTIONS), fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '&&', '||'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([c, b]) => `[for x in ${c} : ${b}]`),
    fc.tuple(tie('e'), tie('e')).map(([c, b]) => `{ for k, v in ${c} : k => ${b}... }`),
    tie('e').map((e) => `"pre-\${${e}}-post"`),
    fc.tuple(tie('e'), fc.constantFrom('.a', '[0]', '["k"]', '[*]', '.*.id')).map(([a, b]) => `${a}${b}`),
  ),
})).e;
