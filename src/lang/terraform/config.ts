import type { Attribute, Block, Body, Expression, HclFile } from '../../syntax/hcl/ast.js';

/** One parsed `.tf` / `.tf.json` file of a module. */
export interface ParsedFile {
  readonly file: string;
  readonly ast: HclFile;
}

export interface VariableDecl {
  readonly file: string;
  readonly block: Block;
  readonly name: string;
  readonly default?: Expression | undefined;
  readonly type?: Expression | undefined;
  /** `validation { condition = … }` expressions. */
  readonly conditions: readonly Expression[];
  readonly nullable: boolean;
}

export interface ResourceDecl {
  /** `type.name`, `data.type.name`: its key among the module's resources, the address within the module. */
  readonly key: string;
  readonly file: string;
  readonly block: Block;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly count?: Attribute | undefined;
  readonly forEach?: Attribute | undefined;
  /** The `provider` meta-argument: a provider configuration's key (`azurerm.backup`). */
  readonly provider?: string | undefined;
}

/** A `provider` block, keyed `name` or `name.alias`. */
export interface ProviderDecl {
  readonly file: string;
  readonly block: Block;
}

export interface ModuleCallDecl {
  readonly file: string;
  readonly block: Block;
  readonly name: string;
  readonly source?: Attribute | undefined;
  readonly count?: Attribute | undefined;
  readonly forEach?: Attribute | undefined;
  /** The module block's other attributes: the child's input variables. */
  readonly inputs: ReadonlyMap<string, Attribute>;
  /** `providers = { azurerm = azurerm.backup }`: the child's provider key → the caller's. */
  readonly providers: ReadonlyMap<string, string>;
}

export interface AttrDecl {
  readonly file: string;
  readonly attr: Attribute;
}

/** The declarations of one module directory, merged over its files. */
export interface ModuleConfig {
  readonly dir: string;
  readonly files: readonly string[];
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, AttrDecl>;
  /** Keyed `type.name` for managed resources and `data.type.name` for data sources. */
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  /** The same by mode, type and name: a reference finds its declaration without joining a key. */
  readonly resourcesByType: Readonly<Record<ResourceDecl['mode'], ReadonlyMap<string, ReadonlyMap<string, ResourceDecl>>>>;
  readonly modules: ReadonlyMap<string, ModuleCallDecl>;
  readonly outputs: ReadonlyMap<string, AttrDecl>;
  readonly providers: ReadonlyMap<string, ProviderDecl>;
  /** Duplicate declarations, reported by the caller. */
  readonly duplicates: readonly { file: string; start: number; end: number; what: string }[];
}

/** Meta-arguments of resources and module calls: not part of the resource's own settings. */
export const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export function attribute(body: Body, name: string): Attribute | undefined {
  // Indexed: run mostly by V8's interpreter, `for…of` makes an iterator result per item, and
  // every declaration of every module is searched here for its meta-arguments.
  const items = body.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === 'Attribute' && item.name.name === name) return item;
  }
  return undefined;
}

export function blocks(body: Body, type: string): Block[] {
  return body.items.filter((i): i is Block => i.type === 'Block' && i.blockType.name === type);
}

/** A provider configuration reference, `azurerm` or `azurerm.backup`, as its key. */
export function providerKey(e: Expression | undefined): string | undefined {
  if (e?.type === 'Variable') return e.name;
  if (e?.type === 'GetAttr' && e.object.type === 'Variable') return `${e.object.name}.${e.name.name}`;
  // Quoted keys in a `providers` map (`"azurerm.x" = …`).
  return literalText(e);
}

/** The text of a string written without interpolation (`"./net"`), else undefined. */
export function literalText(e: Expression | undefined): string | undefined {
  return e?.type === 'Template' && e.parts.length === 1 && e.parts[0]!.type === 'TemplateLiteral' ? e.parts[0]!.value : undefined;
}

function providerMap(a: Attribute | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (a?.value.type !== 'Object') return map;
  for (const item of a.value.items) {
    const [child, parent] = [providerKey(item.key), providerKey(item.value)];
    if (child && parent) map.set(child, parent);
  }
  return map;
}

export function collectModule(dir: string, files: readonly ParsedFile[]): ModuleConfig {
  const variables = new Map<string, VariableDecl>();
  const locals = new Map<string, AttrDecl>();
  const resources = new Map<string, ResourceDecl>();
  const modules = new Map<string, ModuleCallDecl>();
  const outputs = new Map<string, AttrDecl>();
  const providers = new Map<string, ProviderDecl>();
  const duplicates: { file: string; start: number; end: number; what: string }[] = [];
  const add = <T>(map: Map<string, T>, key: string, value: T, file: string, at: { start: number; end: number }, what: string): void => {
    if (map.has(key)) duplicates.push({ file, start: at.start, end: at.end, what });
    else map.set(key, value);
  };

  for (const { file, ast } of files) {
    for (const item of ast.body.items) {
      if (item.type !== 'Block') continue;
      const [l0, l1] = item.labels;
      switch (item.blockType.name) {
        case 'variable':
          if (l0) {
            const nullable = attribute(item.body, 'nullable')?.value;
            add(variables, l0.value, {
              file,
              block: item,
              name: l0.value,
              default: attribute(item.body, 'default')?.value,
              type: attribute(item.body, 'type')?.value,
              conditions: blocks(item.body, 'validation').flatMap((v) => attribute(v.body, 'condition')?.value ?? []),
              nullable: !(nullable?.type === 'Literal' && nullable.value === false),
            }, file, l0, `variable "${l0.value}"`);
          }
          break;
        case 'locals':
          for (const a of item.body.items) if (a.type === 'Attribute') add(locals, a.name.name, { file, attr: a }, file, a.name, `local.${a.name.name}`);
          break;
        case 'resource':
        case 'data':
          if (l0 && l1) {
            const mode = item.blockType.name === 'data' ? 'data' : 'managed';
            const key = `${mode === 'data' ? 'data.' : ''}${l0.value}.${l1.value}`;
            add(resources, key, {
              key,
              file,
              block: item,
              mode,
              type: l0.value,
              name: l1.value,
              count: attribute(item.body, 'count'),
              forEach: attribute(item.body, 'for_each'),
              provider: providerKey(attribute(item.body, 'provider')?.value),
            }, file, l1, key);
          }
          break;
        case 'module':
          if (l0) {
            const inputs = new Map<string, Attribute>();
            for (const a of item.body.items) if (a.type === 'Attribute' && !MODULE_META.has(a.name.name)) inputs.set(a.name.name, a);
            add(modules, l0.value, {
              file,
              block: item,
              name: l0.value,
              source: attribute(item.body, 'source'),
              count: attribute(item.body, 'count'),
              forEach: attribute(item.body, 'for_each'),
              inputs,
              providers: providerMap(attribute(item.body, 'providers')),
            }, file, l0, `module.${l0.value}`);
          }
          break;
        case 'provider':
          if (l0) {
            const aliasName = literalText(attribute(item.body, 'alias')?.value);
            const key = aliasName ? `${l0.value}.${aliasName}` : l0.value;
            add(providers, key, { file, block: item }, file, l0, `provider "${key}"`);
          }
          break;
        case 'output': {
          const value = attribute(item.body, 'value');
          if (l0 && value) add(outputs, l0.value, { file, attr: value }, file, l0, `output "${l0.value}"`);
          break;
        }
      }
    }
  }
  const resourcesByType = { managed: new Map<string, Map<string, ResourceDecl>>(), data: new Map<string, Map<string, ResourceDecl>>() };
  for (const decl of resources.values()) {
    const byType = resourcesByType[decl.mode];
    const byName = byType.get(decl.type) ?? new Map<string, ResourceDecl>();
    byType.set(decl.type, byName.set(decl.name, decl));
  }
  return { dir, files: files.map((f) => f.file), variables, locals, resources, resourcesByType, modules, outputs, providers, duplicates };
}
