import type { Loc } from '../../../kernel/location.js';
import { arr, obj, objectOf, type ObjectVal, type Prop, type Val } from '../../../kernel/value.js';
import type { Block, Body } from '../../../syntax/hcl/ast.js';
import { attribute, blocks } from '../config.js';
import { withBindings, type Env } from './env.js';
import { evaluateSafe, iterate, locOf } from './expr.js';
import { LIMITS } from './support.js';

/** Resource-level meta blocks and arguments: Terraform's, not the provider's settings. */
export const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);

const SKIP_NOTHING: ReadonlySet<string> = new Set();

/**
 * Evaluates a block body into an object: attributes become properties, nested blocks become
 * lists of objects under their type (`os_disk` → `[{…}]`), `dynamic` blocks are expanded.
 * Each nested block object is located at its type keyword (or the dynamic block's label).
 */
export function evaluateBody(body: Body, env: Env, loc: Loc, skip: ReadonlySet<string> = SKIP_NOTHING): ObjectVal {
  const props = new Map<string, Prop>();
  // Made at the first nested block: most bodies (nested ones, module inputs) have none.
  let blockLists: BlockLists | undefined;
  // Indexed, as in `attribute`: this loop runs for every body of every instance.
  const items = body.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === 'Attribute') {
      if (skip.has(item.name.name)) continue;
      props.set(item.name.name, { key: item.name.name, keyLoc: locOf(env, item.name), value: evaluateSafe(item.value, env) });
      continue;
    }
    const type = item.blockType.name;
    if (skip.has(type)) continue;
    blockLists ??= new Map();
    if (type === 'dynamic') {
      expandDynamic(item, env, blockLists);
      continue;
    }
    const at = locOf(env, item.blockType);
    addBlock(blockLists, type, at, evaluateBody(item.body, env, at));
  }
  if (blockLists) for (const [type, list] of blockLists) props.set(type, { key: type, keyLoc: list.keyLoc, value: arr(list.items, list.keyLoc) });
  return objectOf(props, loc);
}

/** Nested blocks by type, in order, each list located at its first block. */
type BlockLists = Map<string, { keyLoc: Loc; items: Val[] }>;

function addBlock(lists: BlockLists, type: string, keyLoc: Loc, value: Val): void {
  const list = lists.get(type);
  if (list) list.items.push(value);
  else lists.set(type, { keyLoc, items: [value] });
}

function expandDynamic(block: Block, env: Env, lists: BlockLists): void {
  const label = block.labels[0];
  const forEach = attribute(block.body, 'for_each');
  const [content] = blocks(block.body, 'content');
  if (!label || !forEach || !content) return;
  const at = locOf(env, label);
  const iter = attribute(block.body, 'iterator')?.value;
  const name = iter?.type === 'Variable' ? iter.name : label.value;
  const coll = evaluateSafe(forEach.value, env);
  // An unknown collection makes an unknown number of blocks: none is more honest than a guess.
  if (coll.kind !== 'array' && coll.kind !== 'object') return;
  const all = iterate(coll, at);
  if (!Array.isArray(all)) return;
  const entries = all.slice(0, LIMITS.instances);
  for (const [k, v] of entries) {
    const iterator = obj([
      { key: 'key', value: k },
      { key: 'value', value: v },
    ], at);
    const inner = withBindings(env, [[name, iterator]]);
    addBlock(lists, label.value, at, evaluateBody(content.body, inner, at));
  }
}
