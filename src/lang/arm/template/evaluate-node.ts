import { arr, asNumber, bool, isError, nul, num, obj, str, unknown, unknownAt, type Prop, type Val } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { stoppedVal, tooDeepVal } from '../../../kernel/work.js';
import type { Loc } from '../../../kernel/location.js';
import { evaluateString } from '../expression/index.js';
import { ARM_LIMITS, type TemplateEnv } from './context.js';
import { nodeLoc, prop } from './json-val.js';

/** Keys of a resource object that are not part of what gets deployed. */
export type SkipKey = (key: string, depth: number) => boolean;

/** Evaluates a template JSON value: expressions in strings, property `copy` loops in objects. */
export function evaluateNode(node: JsonNode, scope: TemplateEnv, skip?: SkipKey, depth = 0): Val {
  const loc = nodeLoc(scope.file, node);
  // Every node of every instance: copy loops and nested deployments multiply a body's size.
  if (!scope.work.charge(1, loc)) return stoppedVal(loc);
  // A JSON level takes four frames (the array's map among them): two levels of nesting.
  if (!scope.work.enter(2, loc)) return tooDeepVal(loc);
  try {
    return evaluateValue(node, loc, scope, skip, depth);
  } finally {
    scope.work.leave(2);
  }
}

function evaluateValue(node: JsonNode, loc: Loc, scope: TemplateEnv, skip: SkipKey | undefined, depth: number): Val {
  switch (node.type) {
    case 'string': {
      const text = node.value as string;
      return text.charCodeAt(0) === 0x5b ? evaluateString(text, loc, scope) : str(text, loc);
    }
    case 'number':
      return num(node.value as number, loc);
    case 'boolean':
      return bool(node.value as boolean, loc);
    case 'null':
      return nul(loc);
    case 'array':
      return arr((node.children ?? []).map((c) => evaluateNode(c, scope, undefined, depth + 1)), loc);
    case 'object': {
      const props: Prop[] = [];
      const children = node.children ?? [];
      // Indexed loops, indexed rather than destructured, and lower-cased only at copy's length: this
      // runs per property, often before V8 optimizes it (an unoptimized for…of allocates per step).
      for (let i = 0; i < children.length; i++) {
        const p = children[i]!;
        const k = p.children?.[0];
        const v = p.children?.[1];
        if (!k || !v) continue;
        const key = k.value as string;
        if (skip?.(key, depth)) continue;
        if (key.length === 4 && key.toLowerCase() === 'copy' && isPropertyCopy(v)) {
          for (const entry of v.children!) {
            const name = prop(entry, 'name');
            if (name?.type !== 'string') continue;
            props.push({ key: name.value as string, keyLoc: nodeLoc(scope.file, name), value: expandCopy(entry, scope) });
          }
          continue;
        }
        props.push({ key, keyLoc: nodeLoc(scope.file, k), value: evaluateNode(v, scope, skip, depth + 1) });
      }
      return obj(props, loc);
    }
    default:
      return unknown('invalid JSON', loc);
  }
}

/** A property or variable `copy` array: entries with `name`, `count` and `input`. */
function isPropertyCopy(node: JsonNode): boolean {
  return node.type === 'array' && (node.children ?? []).every((e) => e.type === 'object' && prop(e, 'name') && prop(e, 'count'));
}

/**
 * One `{name, count, input}` copy entry as an array value at the entry. The count is
 * evaluated; `input` once per index with `copyIndex(name)`. An unknown count gives an unknown list.
 */
export function expandCopy(entry: JsonNode, scope: TemplateEnv): Val {
  const loc = nodeLoc(scope.file, entry);
  const nameNode = prop(entry, 'name');
  const name = nameNode?.type === 'string' ? (nameNode.value as string) : undefined;
  const countNode = prop(entry, 'count');
  const input = prop(entry, 'input');
  const count = copyCount(countNode, scope, name);
  if ('reason' in count) {
    // A failing count fails the list: the mistake stays an error for whoever reads the list.
    if (isError(count.value)) return unknownAt(count.value, loc, count.value.origins);
    // A count's allowed values say how long the list may be: "may be 33 disks".
    const candidates = count.value?.kind === 'unknown' ? count.value.candidates : undefined;
    return unknown(count.reason, loc, { ...(candidates ? { candidates } : {}), origins: count.value?.origins ?? [] });
  }
  const items: Val[] = [];
  for (let i = 0; i < count.n; i++) {
    const inner = scope.withLoop(name, i);
    items.push(input ? evaluateNode(input, inner) : unknown(`copy '${name}' has no input`, loc));
  }
  // The list's origins are its count's: "33 disks, count from parameter 'diskCount'".
  return arr(items, loc, count.value.origins);
}

/** The evaluated count of a copy loop, or why it is not known. Over ARM's limit is a diagnostic. */
export function copyCount(
  countNode: JsonNode | undefined,
  scope: TemplateEnv,
  name: string | undefined,
): { readonly n: number; readonly value: Val } | { readonly reason: string; readonly value?: Val } {
  if (!countNode) return { reason: `copy '${name ?? ''}' has no count` };
  const value = evaluateNode(countNode, scope);
  const n = asNumber(value);
  if (n === undefined) return { reason: value.kind === 'unknown' ? `copy count is unknown: ${value.reason}` : 'copy count is not a number', value };
  if (!Number.isInteger(n) || n < 0 || n > ARM_LIMITS.copyCount) {
    scope.ctx.diagnostics.add({ severity: 'error', summary: `Copy count ${n} is outside ARM's limit of 0 to ${ARM_LIMITS.copyCount}; the deployment would fail`, subject: nodeLoc(scope.file, countNode) });
    return { reason: `copy count ${n} is outside ARM's limits` };
  }
  return { n, value };
}
