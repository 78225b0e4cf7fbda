import { stoppedVal, WorkBudget } from '../../kernel/work.js';
import { getNodeValue } from 'jsonc-parser';
import type { Diagnostic } from '../../kernel/diagnostic.js';
import type { Loc } from '../../kernel/location.js';
import { arr, obj, str, unknown, type ObjectVal, type Val } from '../../kernel/value.js';
import { childValue, type JsonDocument, type JsonNode } from '../../syntax/json/parse.js';
import { jsonToVal } from '../json-values.js';
import { declarationOf, modulePrefix, type ProviderConfig, type ResourceInstance } from './resource.js';

export interface PlanRead {
  readonly resources: readonly ResourceInstance[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Planned {
  readonly node: JsonNode;
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index: number | string | undefined;
  readonly addressLoc: Loc;
}

function strValue(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

function loc(file: string, node: JsonNode): Loc {
  return { file, start: node.offset, end: node.offset + node.length };
}

/** Recognises plan and state JSON from `terraform show -json` by its top-level keys, without evaluating it. */
export function looksLikePlan(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  return childValue(root, 'format_version') !== undefined && ['planned_values', 'values', 'resource_changes'].some((key) => childValue(root, key) !== undefined);
}

/** Resources of `planned_values` (a plan) or `values` (state), child modules included. */
function plannedResources(file: string, moduleNode: JsonNode | undefined, out: Planned[]): void {
  if (moduleNode?.type !== 'object') return;
  for (const r of childValue(moduleNode, 'resources')?.children ?? []) {
    const addressNode = childValue(r, 'address');
    const address = strValue(addressNode);
    const type = strValue(childValue(r, 'type'));
    const name = strValue(childValue(r, 'name'));
    if (!addressNode || !address || !type || !name) continue;
    const index = childValue(r, 'index')?.value as number | string | undefined;
    const mode = strValue(childValue(r, 'mode')) === 'data' ? 'data' : 'managed';
    out.push({ node: r, address, mode, type, name, index, addressLoc: loc(file, addressNode) });
  }
  for (const child of childValue(moduleNode, 'child_modules')?.children ?? []) plannedResources(file, child, out);
}

/** Configuration resources keyed by module path without instance keys + relative address. */
function configResources(moduleNode: JsonNode | undefined, prefix: string, out: Map<string, JsonNode>): void {
  if (moduleNode?.type !== 'object') return;
  for (const r of childValue(moduleNode, 'resources')?.children ?? []) {
    const address = strValue(childValue(r, 'address'));
    if (address) out.set(prefix + address, r);
  }
  for (const call of childValue(moduleNode, 'module_calls')?.children ?? []) {
    const [k, v] = call.children ?? [];
    if (k && v) configResources(childValue(v, 'module'), `${prefix}module.${k.value as string}.`, out);
  }
}

/** Marks the parts of `values` that `after_unknown` says are computed at apply time. */
function overlayUnknown(v: Val, au: unknown, reason: string): Val {
  if (au === true) return unknown(reason, v.loc);
  if (Array.isArray(au) && v.kind === 'array') return { ...v, items: v.items.map((item, i) => overlayUnknown(item, au[i], reason)) };
  if (au && typeof au === 'object' && !Array.isArray(au) && v.kind === 'object') {
    const props = new Map(v.props);
    for (const [k, sub] of Object.entries(au as Record<string, unknown>)) {
      const prop = props.get(k);
      if (prop) props.set(k, { ...prop, value: overlayUnknown(prop.value, sub, reason) });
      else if (sub === true) props.set(k, { key: k, value: unknown(`${reason.replace(/ is known only after apply$/, '')}.${k} is known only after apply`, v.loc) });
    }
    return { ...v, props };
  }
  return v;
}

const REFERENCE = /^((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)(\[[^\]]+\])?/;

/**
 * The instance a configuration reference names, e.g. `azurerm_managed_disk.data` with
 * `count.index` from attachment `[3]` → `azurerm_managed_disk.data[3]`.
 */
function resolveReference(refs: readonly string[], self: Planned, addresses: ReadonlySet<string>, instancesOf: ReadonlyMap<string, string[]>): string | undefined {
  const prefix = modulePrefix(self.address);
  const ownKey = self.address.slice(declarationOf(self.address).length);
  const perInstance = refs.some((r) => r === 'count.index' || r.startsWith('each.'));
  for (const ref of refs) {
    const m = REFERENCE.exec(ref);
    if (!m || m[1]!.startsWith('var.') || m[1]!.startsWith('local.') || m[1]!.startsWith('module.')) continue;
    const decl = prefix + m[1]!;
    if (m[2] && addresses.has(decl + m[2])) return decl + m[2];
    if (addresses.has(decl)) return decl;
    const instances = instancesOf.get(decl) ?? [];
    if (perInstance && ownKey && addresses.has(decl + ownKey)) return decl + ownKey;
    if (instances.length === 1) return instances[0];
  }
  return undefined;
}

function expansionText(configNode: JsonNode | undefined): string | undefined {
  for (const key of ['count_expression', 'for_each_expression']) {
    const e = childValue(configNode, key);
    if (!e) continue;
    const refs = (childValue(e, 'references')?.children ?? []).map(strValue).filter((s): s is string => !!s);
    const constant = childValue(e, 'constant_value');
    const what = key === 'count_expression' ? 'count' : 'for_each';
    if (constant) return `${what} = ${JSON.stringify(getNodeValue(constant))}`;
    return refs.length ? `${what} = ${refs[0]}` : what;
  }
  return undefined;
}

/**
 * The provider configurations of the plan's configuration (`azurerm`, `azurerm.backup`,
 * `module.m:azurerm`), each with the arguments it sets to a constant or a root variable.
 */
function providerConfigs(file: string, root: JsonNode): Map<string, ProviderConfig> {
  const variables = childValue(root, 'variables');
  const out = new Map<string, ProviderConfig>();
  for (const entry of childValue(childValue(root, 'configuration'), 'provider_config')?.children ?? []) {
    const [k, v] = entry.children ?? [];
    const key = k?.value as string | undefined;
    if (!key || !v) continue;
    const props = [];
    for (const e of childValue(v, 'expressions')?.children ?? []) {
      const [name, expr] = e.children ?? [];
      const constant = childValue(expr, 'constant_value');
      const refs = (childValue(expr, 'references')?.children ?? []).map(strValue);
      const variable = refs.length === 1 && refs[0]?.startsWith('var.') ? childValue(childValue(variables, refs[0].slice(4)), 'value') : undefined;
      const value = constant ?? variable;
      if (name && value) props.push({ key: name.value as string, value: jsonToVal(file, value) });
    }
    out.set(key, { address: `provider.${key}`, body: obj(props, loc(file, v)) });
  }
  return out;
}

/** Reads `terraform show -json` output (plan or state); undefined when the document is not one. */
export function readPlan(file: string, doc: JsonDocument): PlanRead | undefined {
  const root = doc.root;
  if (!looksLikePlan(root) || !root) return undefined;
  const rootModule = childValue(childValue(root, 'planned_values'), 'root_module') ?? childValue(childValue(root, 'values'), 'root_module');
  if (!rootModule && !childValue(root, 'resource_changes') && !childValue(root, 'configuration')) return undefined;
  const diagnostics = doc.errors;

  const planned: Planned[] = [];
  plannedResources(file, rootModule, planned);
  const afterUnknown = new Map<string, unknown>();
  for (const rc of childValue(root, 'resource_changes')?.children ?? []) {
    const address = strValue(childValue(rc, 'address'));
    const au = childValue(childValue(rc, 'change'), 'after_unknown');
    if (address && au) afterUnknown.set(address, getNodeValue(au));
  }
  const config = new Map<string, JsonNode>();
  configResources(childValue(childValue(root, 'configuration'), 'root_module'), '', config);
  const addresses = new Set(planned.map((p) => p.address));
  const instancesOf = new Map<string, string[]>();
  for (const p of planned) {
    const d = declarationOf(p.address);
    const instances = instancesOf.get(d);
    if (instances) instances.push(p.address);
    else instancesOf.set(d, [p.address]);
  }
  const positions = new Map<string, number>();
  const providers = providerConfigs(file, root);
  // Every instance resolves its declaration's references again: many instances of one resource
  // times many references is the one product here that the file's size does not bound.
  const work = new WorkBudget();

  const resources = planned.map((p): ResourceInstance => {
    const valuesNode = childValue(p.node, 'values');
    const reason = `${p.address} is known only after apply`;
    let body = valuesNode ? jsonToVal(file, valuesNode) : obj([], p.addressLoc);
    if (body.kind !== 'object') body = obj([], p.addressLoc);
    body = overlayUnknown(body, afterUnknown.get(p.address), reason) as ObjectVal;
    const configKey = declarationOf(p.address).replace(/\[[^\]]*\]\./g, '.');
    const configNode = config.get(configKey);
    // Ids of resources created by this plan are unknown; the configuration's references say which resource they name.
    const props = new Map(body.props);
    for (const e of childValue(configNode, 'expressions')?.children ?? []) {
      const [k, v] = e.children ?? [];
      const key = k?.value as string | undefined;
      const refsNode = childValue(v, 'references');
      if (!key || !refsNode) continue;
      const current = props.get(key)?.value;
      if (current && current.kind !== 'unknown' && current.kind !== 'null') continue;
      const at = loc(file, refsNode);
      if (!work.charge(1 + (refsNode.children?.length ?? 0), at)) {
        props.set(key, { key, value: stoppedVal(at) });
        continue;
      }
      const refs = (refsNode.children ?? []).map(strValue).filter((s): s is string => !!s);
      if (key.endsWith('_ids')) {
        // A list of ids (`network_interface_ids = [a.id, b.id]`): each reference names one element.
        const targets = [...new Set(refs.map((r) => resolveReference([r], p, addresses, instancesOf)).filter((t): t is string => !!t))];
        if (targets.length) {
          props.set(key, { key, value: arr(targets.map((t) => str(t, at)), at) });
          continue;
        }
      }
      const target = resolveReference(refs, p, addresses, instancesOf);
      if (target) props.set(key, { key, value: str(target, at) });
      else if (!current) props.set(key, { key, value: unknown(`${p.address}.${key} is known only after apply`, at) });
    }
    const id = props.get('id')?.value;
    const decl = declarationOf(p.address);
    const position = positions.get(decl) ?? 0;
    positions.set(decl, position + 1);
    return {
      mode: p.mode,
      type: p.type,
      name: p.name,
      address: p.address,
      declaration: decl,
      at: p.addressLoc,
      body: { ...body, props },
      ...(p.index !== undefined ? { index: position } : {}),
      ...(p.index !== undefined ? { expansion: expansionText(configNode) } : {}),
      ...(id?.kind === 'string' ? { cloudId: id.value.toLowerCase() } : {}),
      provider: providers.get(strValue(childValue(configNode, 'provider_config_key')) ?? ''),
    };
  });
  return { resources, diagnostics: [...diagnostics, ...work.diagnostics({ file, start: 0, end: 0 })] };
}

