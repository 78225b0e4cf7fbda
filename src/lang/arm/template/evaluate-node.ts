import { arr, asNumber, bool, DeferredObject, isError, nul, num, obj, sameLowerCase, str, unknown, unknownAt, type Prop, type Val } from '../../../kernel/value.js';
import type { JsonNode } from '../../../syntax/json/parse.js';
import { stoppedVal, tooDeepVal } from '../../../kernel/work.js';
import type { Loc } from '../../../kernel/location.js';
import { evaluateString } from '../expression/index.js';
import { ARM_LIMITS, type TemplateEnv } from './context.js';
import { nodeLoc, prop } from './json-val.js';

/** Keys of a resource object that are not part of what gets deployed. */
export type SkipKey = (key: string, depth: number) => boolean;

/**
 * Evaluates a template JSON value: expressions in strings, property `copy` loops in objects.
 * `deferred`: objects are evaluated a property at a time, when read (DeferredJsonObject).
 */
export function evaluateNode(node: JsonNode, scope: TemplateEnv, skip?: SkipKey, depth = 0, deferred = false): Val {
  const loc = nodeLoc(scope.file, node);
  const work = scope.work;
  // Every node of every instance: copy loops and nested deployments multiply a body's size.
  if (!work.charge(1, loc)) return stoppedVal(loc);
  // A JSON level takes four frames (the array's map among them): two levels of nesting.
  if (!work.enter(2, loc)) return tooDeepVal(loc);
  try {
    return evaluateValue(node, loc, scope, skip, depth, deferred);
  } finally {
    work.leave(2);
  }
}

/**
 * A resource body whose objects are evaluated a property at a time, as they are read: the model
 * reads a few paths of each body (a VM's disks, not its OS profile or tags), a deployment's child
 * template the parameters it uses, and what is never read made no finding and no diagnostic
 * (errors count where they reach the model). Evaluated
 * whole when a property `copy` loop is anywhere in it: a loop over ARM's limit is reported
 * whether or not its list is read.
 */
export function evaluateBody(node: JsonNode, scope: TemplateEnv, skip: SkipKey): Val {
  return evaluateNode(node, scope, skip, 0, !holdsPropertyCopy(node, skip, 0));
}

function holdsPropertyCopy(node: JsonNode, skip: SkipKey | undefined, depth: number): boolean {
  const children = node.children;
  if (!children) return false;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (node.type === 'array') {
      // As evaluateValue does: inside an array no key is skipped.
      if (holdsPropertyCopy(c, undefined, depth + 1)) return true;
      continue;
    }
    const k = c.children?.[0];
    const v = c.children?.[1];
    if (!k || !v) continue;
    const key = k.value as string;
    if (skip?.(key, depth)) continue;
    if ((key.length === 4 && key.toLowerCase() === 'copy' && isPropertyCopy(v)) || holdsPropertyCopy(v, skip, depth + 1)) return true;
  }
  return false;
}

function evaluateValue(node: JsonNode, loc: Loc, scope: TemplateEnv, skip: SkipKey | undefined, depth: number, deferred: boolean): Val {
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
      return arr((node.children ?? []).map((c) => evaluateNode(c, scope, undefined, depth + 1, deferred)), loc);
    case 'object': {
      if (deferred) return new DeferredJsonObject(node, loc, scope, skip, depth);
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

/**
 * A JSON object (with no property `copy` loop) whose members are evaluated when first read,
 * each as evaluateValue would have: same scope, same skipped keys, as deeply nested. Lookups
 * scan the keys rather than index them: most objects are read for a few keys, or not at all.
 */
class DeferredJsonObject extends DeferredObject {
  readonly #node: JsonNode;
  readonly #scope: TemplateEnv;
  readonly #skip: SkipKey | undefined;
  readonly #depth: number;
  /** The nesting entered when the object was reached, entered again to evaluate a member later. */
  readonly #nesting: number;
  #keys: (string | undefined)[] | undefined;
  /** Members evaluated so far, by index. */
  #done: (Prop | undefined)[] | undefined;

  constructor(node: JsonNode, loc: Loc, scope: TemplateEnv, skip: SkipKey | undefined, depth: number) {
    super(loc);
    this.#node = node;
    this.#scope = scope;
    this.#skip = skip;
    this.#depth = depth;
    this.#nesting = scope.work.nesting;
  }

  protected oneProp(key: string, caseInsensitive: boolean): Prop | undefined {
    const keys = this.keys();
    // As in a map built in member order: the last member of a key gives its value.
    let found = keys.lastIndexOf(key);
    if (found < 0 && caseInsensitive) {
      // As findEntry: the first key (in member order) equal but for case, then its last member.
      const lower = key.toLowerCase();
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === undefined || k.length !== lower.length || !sameLowerCase(k, lower)) continue;
        found = keys.lastIndexOf(k);
        break;
      }
    }
    return found < 0 ? undefined : this.member(found);
  }

  protected allProps(): ReadonlyMap<string, Prop> {
    const keys = this.keys();
    const map = new Map<string, Prop>();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) map.set(key, this.member(i));
    }
    return map;
  }

  /** Each member's key, or undefined for a member that is skipped or incomplete: asked once, on first read. */
  private keys(): readonly (string | undefined)[] {
    if (this.#keys) return this.#keys;
    const members = this.#node.children ?? [];
    const keys: (string | undefined)[] = [];
    for (let i = 0; i < members.length; i++) {
      const k = members[i]!.children?.[0];
      const key = k && members[i]!.children![1] ? (k.value as string) : undefined;
      keys.push(key === undefined || this.#skip?.(key, this.#depth) ? undefined : key);
    }
    return (this.#keys = keys);
  }

  private member(i: number): Prop {
    const done = (this.#done ??= []);
    const known = done[i];
    if (known) return known;
    // Indexed, not destructured: an unoptimized destructuring allocates an iterator and a result per element.
    const pair = this.#node.children![i]!.children!;
    const k = pair[0]!;
    const v = pair[1]!;
    const work = this.#scope.work;
    // Read from the model, not from inside the body: its depth limits hold as when the body was evaluated.
    const extra = Math.max(0, this.#nesting - work.nesting);
    work.enter(extra, undefined);
    try {
      const p: Prop = { key: k.value as string, keyLoc: nodeLoc(this.#scope.file, k), value: evaluateNode(v, this.#scope, this.#skip, this.#depth + 1, true) };
      return (done[i] = p);
    } finally {
      work.leave(extra);
    }
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
