import type { Loc } from '../model/location.js';
import { arr, bool, nul, num, obj, str, type Val } from '../model/value.js';
import type { JsonNode } from '../syntax/json/parse.js';

/** A JSON tree as values, each at its exact place in `file`. */
export function jsonToVal(node: JsonNode, file: string): Val {
  const loc: Loc = { file, start: node.offset, end: node.offset + node.length };
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
      return arr(
        (node.children ?? []).map((c) => jsonToVal(c, file)),
        loc,
      );
    case 'object':
      return obj(
        (node.children ?? []).flatMap((p) => {
          const [k, v] = p.children ?? [];
          if (!k || !v) return [];
          return [{ key: k.value as string, keyLoc: { file, start: k.offset, end: k.offset + k.length }, value: jsonToVal(v, file) }];
        }),
        loc,
      );
    case 'property':
      return nul(loc);
  }
}
