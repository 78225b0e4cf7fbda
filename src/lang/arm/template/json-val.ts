import type { JsonNode } from '../../../syntax/json/parse.js';

export { jsonToVal, nodeLoc } from '../../json-values.js';

/** Property nodes of an object node as [key node, value node] pairs. */
export function entries(node: JsonNode | undefined): [JsonNode, JsonNode][] {
  const out: [JsonNode, JsonNode][] = [];
  if (!node || node.type !== 'object' || !node.children) return out;
  // Indexed, not destructured: an unoptimized for…of or destructuring allocates per step.
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const k = children[i]!.children?.[0];
    const v = children[i]!.children?.[1];
    if (k && v) out.push([k, v]);
  }
  return out;
}

/** Case-insensitive property lookup on an object node (ARM property names are case-insensitive). */
export function prop(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  let lower: string | undefined;
  // Indexed: an unoptimized for…of allocates per step, and this runs for every property looked up.
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const p = children[i]!;
    const name = p.children?.[0]?.value;
    // Most lookups match exactly; lower-case only names of the right length.
    if (typeof name !== 'string' || name.length !== key.length) continue;
    if (name === key || name.toLowerCase() === (lower ??= key.toLowerCase())) return p.children![1];
  }
  return undefined;
}
