import type { Loc } from '../../model/location.js';
import { arr, bool, nul, num, obj, str, unknown, type Prop, type Val } from '../../model/value.js';
import type { JsonNode } from '../../syntax/json/parse.js';

export function nodeLoc(file: string, node: JsonNode): Loc {
  return { file, start: node.offset, end: node.offset + node.length };
}

/** A JSON value as it stands, without evaluating expressions (parameter files hold plain values). */
export function jsonToVal(file: string, node: JsonNode): Val {
  const loc = nodeLoc(file, node);
  switch (node.type) {
    case 'string':
      return str(node.value as string, loc);
    case 'number':
      return num(node.value as number, loc);
    case 'boolean':
      return bool(node.value as boolean, loc);
    case 'null':
      return nul(loc);
    case 'array':
      return arr((node.children ?? []).map((c) => jsonToVal(file, c)), loc);
    case 'object': {
      const props: Prop[] = [];
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) props.push({ key: k.value as string, keyLoc: nodeLoc(file, k), value: jsonToVal(file, v) });
      }
      return obj(props, loc);
    }
    default:
      return unknown('invalid JSON', loc);
  }
}

/** Property nodes of an object node as [key node, value node] pairs. */
export function entries(node: JsonNode | undefined): [JsonNode, JsonNode][] {
  const out: [JsonNode, JsonNode][] = [];
  if (!node || node.type !== 'object') return out;
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v) out.push([k, v]);
  }
  return out;
}

/** Case-insensitive property lookup on an object node (ARM property names are case-insensitive). */
export function prop(node: JsonNode | undefined, key: string): JsonNode | undefined {
  const k = propKey(node, key);
  return k?.parent?.children?.[1];
}

export function propKey(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  let lower: string | undefined;
  for (const p of node.children) {
    const k = p.children?.[0];
    const name = k?.value;
    // Most lookups match exactly; lower-case only names of the right length.
    if (typeof name !== 'string' || name.length !== key.length) continue;
    if (name === key || name.toLowerCase() === (lower ??= key.toLowerCase())) return k;
  }
  return undefined;
}
