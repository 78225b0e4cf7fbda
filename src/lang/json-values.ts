import type { Loc } from '../kernel/location.js';
import { arr, bool, nul, num, obj, str, unknown, type Prop, type Val } from '../kernel/value.js';
import type { JsonNode } from '../syntax/json/parse.js';

export function nodeLoc(file: string, node: JsonNode): Loc {
  return { file, start: node.offset, end: node.offset + node.length };
}

/**
 * A JSON value as it stands, each node at its exact place in `file`, without evaluating
 * anything: parameter files, tfvars JSON and plan files hold plain values.
 */
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
        const k = p.children?.[0];
        const v = p.children?.[1];
        if (k && v) props.push({ key: k.value as string, keyLoc: nodeLoc(file, k), value: jsonToVal(file, v) });
      }
      return obj(props, loc);
    }
    default:
      return unknown('invalid JSON', loc);
  }
}
