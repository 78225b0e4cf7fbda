// ARM resources as `.bicep` source: the rule tables describe where a value sits once, as ARM JSON,
// and the `.bicep` rows are written from the same description, as an author would write them.
// ARM expressions become Bicep expressions (`parameters('p')` → `p`, `copyIndex()` → the loop's
// index), `copy` becomes a `for` loop, `condition` an `if`, `scope` a resource symbol.
import { isSyntaxError, parseExpression, type ExpressionNode } from '../../src/lang/arm/expression/index.js';

type Json = unknown;
type Resource = Record<string, unknown>;

/** Index variables of the `copy` loops around what is being written: '' for the resource's own. */
type Loops = ReadonlyMap<string, string>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATORS: Readonly<Record<string, string>> = { equals: '==', less: '<', lessorequals: '<=', greater: '>', greaterorequals: '>=', and: '&&', or: '||', add: '+', sub: '-', mul: '*', div: '/', mod: '%' };

/** A Bicep string literal. */
export function bicepString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

/** An ARM expression (the text inside `[…]`) as a Bicep expression. */
export function bicepExpression(text: string, loops: Loops = new Map()): string {
  const parsed = parseExpression(text);
  if (isSyntaxError(parsed)) throw new Error(`not an ARM expression: ${text}`);
  return expression(parsed, loops);
}

function expression(node: ExpressionNode, loops: Loops): string {
  switch (node.kind) {
    case 'string':
      return bicepString(node.value);
    case 'number':
      return String(node.value);
    case 'property':
      return `${expression(node.object, loops)}${node.safe ? '.?' : '.'}${node.name}`;
    case 'index':
      return `${expression(node.object, loops)}[${node.safe ? '?' : ''}${expression(node.index, loops)}]`;
    case 'call': {
      const name = node.name.toLowerCase();
      const args = node.args.map((a) => expression(a, loops));
      const first = node.args[0];
      if ((name === 'parameters' || name === 'variables') && first?.kind === 'string') return first.value;
      if (name === 'copyindex') {
        const loopName = first?.kind === 'string' ? first.value : '';
        const index = loops.get(loopName);
        if (!index) throw new Error(`copyIndex('${loopName}') outside its loop`);
        const offset = node.args.find((a) => a.kind !== 'string');
        return offset ? `(${index} + ${expression(offset, loops)})` : index;
      }
      if (name === 'true' || name === 'false' || name === 'null') return name;
      if (name === 'if') return `(${args[0]} ? ${args[1]} : ${args[2]})`;
      if (name === 'not') return `!(${args[0]})`;
      const operator = OPERATORS[name];
      if (operator) return `(${args.join(` ${operator} `)})`;
      return `${node.name}(${args.join(', ')})`;
    }
  }
}

/** A JSON value of a template (strings `[…]` are expressions) as Bicep, indented by `indent`. */
export function bicepValue(value: Json, indent = '', loops: Loops = new Map()): string {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return bicepString(value.slice(1));
    if (value.startsWith('[') && value.endsWith(']')) return bicepExpression(value.slice(1, -1), loops);
    return bicepString(value);
  }
  if (value === null || typeof value !== 'object') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => `${inner}${bicepValue(v, inner, loops)}\n`).join('')}${indent}]` : '[]';
  const lines: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    // A property copy: `copy: [{ name, count, input }]` becomes `name: [for i in range(0, count): input]`.
    if (key === 'copy' && Array.isArray(v)) {
      for (const c of v as { name: string; count: Json; input: Json }[]) {
        const index = `i_${c.name}`;
        const nested = new Map([...loops, [c.name, index]]);
        lines.push(`${inner}${propertyName(c.name)}: [for ${index} in range(0, ${bicepValue(c.count, inner, loops)}): ${bicepValue(c.input, inner, nested)}]`);
      }
      continue;
    }
    lines.push(`${inner}${propertyName(key)}: ${bicepValue(v, inner, loops)}`);
  }
  return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : '{}';
}

function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : bicepString(key);
}

/** Resources as Bicep declarations; `existing` ones (Bicep 2.0's `existing: true`) are references. */
export function bicepResources(resources: readonly Resource[], symbol = (i: number) => `res${i}`): string {
  const symbols = new Map<string, string>();
  resources.forEach((r, i) => symbols.set(`${String(r['type'])}|${String(r['name'])}`.toLowerCase(), symbol(i)));
  const scopes: string[] = [];
  const declarations = resources.map((r, i) => declaration(r, symbol(i), symbols, scopes));
  return [...scopes, ...declarations].join('\n');
}

function declaration(r: Resource, symbol: string, symbols: Map<string, string>, scopes: string[]): string {
  const { type, apiVersion, copy, condition, dependsOn: _dependsOn, comments: _comments, existing, scope, ...body } = r;
  const head = `resource ${symbol} '${String(type)}@${String(apiVersion)}'${existing ? ' existing' : ''} =`;
  if (existing) return `${head} {\n  name: ${bicepValue(body['name'])}\n}\n`;
  const resourceCopy = copy as { name: string; count: Json } | undefined;
  const loops: Loops = resourceCopy ? new Map([['', 'i'], [resourceCopy.name, 'i']]) : new Map();
  const withScope = scope === undefined ? body : { ...body, scope: `@@scope:${scopeSymbol(String(scope), symbols, scopes)}` };
  const object = bicepValue(withScope, '', loops).replace(/'@@scope:(\w+)'/, '$1');
  const guarded = condition === undefined ? object : `if (${bicepValue(condition, '', loops)}) ${object}`;
  if (resourceCopy) return `${head} [for i in range(0, ${bicepValue(resourceCopy.count)}): ${guarded}]\n`;
  return `${head} ${guarded}\n`;
}

/** `scope: "[resourceId('T', 'n')]"` as the symbol of that resource, declared `existing` when the template has none. */
function scopeSymbol(scope: string, symbols: Map<string, string>, scopes: string[]): string {
  const call = parseExpression(scope.slice(1, -1));
  if (isSyntaxError(call) || call.kind !== 'call' || call.name.toLowerCase() !== 'resourceid' || !call.args.every((a) => a.kind === 'string')) {
    throw new Error(`a scope the Bicep writer cannot express: ${scope}`);
  }
  const [type, ...names] = call.args.map((a) => (a as { value: string }).value);
  const key = `${type}|${names.join('/')}`.toLowerCase();
  let symbol = symbols.get(key);
  if (!symbol) {
    symbol = `scope${scopes.length}`;
    symbols.set(key, symbol);
    scopes.push(`resource ${symbol} '${type}@2023-09-01' existing = {\n  name: ${bicepString(names.join('/'))}\n}\n`);
  }
  return symbol;
}

/** A parameter declaration with Bicep's type for a value. */
export function bicepParam(name: string, sample: Json, defaultValue?: Json): string {
  const type = typeof sample === 'number' ? 'int' : typeof sample === 'boolean' ? 'bool' : Array.isArray(sample) ? 'array' : typeof sample === 'object' && sample !== null ? 'object' : 'string';
  return `param ${name} ${type}${defaultValue === undefined ? '' : ` = ${bicepValue(defaultValue)}`}\n`;
}

/**
 * Where a JSON needle is in the Bicep written from the same template: a key (`"dataDisks"` →
 * `dataDisks:`), a string (`"UltraSSD_LRS"` → `'UltraSSD_LRS'`), an expression (`"[resourceId(…)]"`);
 * other needles (`2`, `[`) are the same text in both. `key` tells a key from a string value.
 */
export function bicepNeedle(jsonNeedle: string, key = true): string {
  if (!jsonNeedle.startsWith('"')) return jsonNeedle;
  const text = JSON.parse(jsonNeedle) as string;
  if (text.startsWith('[') && text.endsWith(']')) return bicepExpression(text.slice(1, -1));
  return key && IDENTIFIER.test(text) ? `${text}:` : bicepString(text);
}

/** An ARM template's text as `.bicep` source: its parameters, variables and resources. */
export function bicepTemplate(templateText: string): string {
  const t = JSON.parse(templateText) as { parameters?: Record<string, { type: string; defaultValue?: Json }>; variables?: Record<string, Json>; resources: Resource[] };
  const params = Object.entries(t.parameters ?? {}).map(([name, p]) => `param ${name} ${p.type.toLowerCase()}${p.defaultValue === undefined ? '' : ` = ${bicepValue(p.defaultValue)}`}\n`);
  const vars = Object.entries(t.variables ?? {}).map(([name, v]) => `var ${name} = ${bicepValue(v)}\n`);
  const head = [...params, ...vars].join('');
  return `${head}${head ? '\n' : ''}${bicepResources(t.resources)}`;
}
