import type { Loc } from './location.js';
import type { TextPart } from './partial-string.js';

/**
 * Where a value came from before it reached its use site, nearest first:
 * e.g. a variable, then the parameter it read, then the parameter file that set it.
 */
export interface Origin {
  readonly kind: OriginKind;
  /** Name of the parameter, variable, local, module call… */
  readonly name: string;
  /** Where the value literally stands in that place. */
  readonly loc?: Loc | undefined;
  /** Who passed it, when that is not the place alone: `deployment 'vm' in main.json`. */
  readonly caller?: string;
}

export type OriginKind =
  | 'parameter-default'
  | 'parameter-file'
  | 'parameter'
  | 'variable'
  | 'copy-input'
  | 'nested-deployment'
  | 'module-parameter'
  | 'linked-template'
  | 'tf-variable-default'
  | 'tfvars'
  | 'var-file'
  | 'local'
  | 'module-input'
  | 'module-output'
  | 'resource-attribute';

interface ValBase {
  /** The use site: where a diagnostic about this value points. */
  readonly loc?: Loc | undefined;
  readonly origins: readonly Origin[];
}

export interface StringVal extends ValBase {
  readonly kind: 'string';
  readonly value: string;
}
export interface NumberVal extends ValBase {
  readonly kind: 'number';
  readonly value: number;
}
export interface BooleanVal extends ValBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface NullVal extends ValBase {
  readonly kind: 'null';
}
export interface ArrayVal extends ValBase {
  readonly kind: 'array';
  readonly items: readonly Val[];
}
export interface Prop {
  readonly key: string;
  readonly keyLoc?: Loc | undefined;
  readonly value: Val;
}
export interface ObjectVal extends ValBase {
  readonly kind: 'object';
  /** Keyed by the exact key as written. */
  readonly props: ReadonlyMap<string, Prop>;
}
/**
 * Why a value is unknown:
 * - `deploy-time`: chosen or computed when deploying (a parameter without a value, `reference()`);
 * - `error`: the template is wrong here (the deployment would fail); worth a diagnostic;
 * - `limit`: the linter's own bounds stopped it (a string or list too large to build).
 */
export type UnknownCause = 'deploy-time' | 'error' | 'limit';

/**
 * A value the linter cannot know before deployment. Never a finding on its own
 * (RULES.md, unknown values); `candidates` lists what the source allows, when it says.
 */
export interface UnknownVal extends ValBase {
  readonly kind: 'unknown';
  /** For people; for an error, its summary. */
  readonly reason: string;
  readonly cause: UnknownCause;
  /**
   * For an error: where it arose, which stays put while the value moves to its use sites. An
   * error without one was reported where it arose (a syntax error, a cycle) and is not reported again.
   */
  readonly subject?: Loc;
  readonly candidates?: readonly Val[];
  /**
   * Identity of a deployment-time value such as `resourceGroup().location`: two unknowns
   * with the same symbol are equal, even though neither is known.
   */
  readonly symbol?: string;
  /**
   * A partially known string: its known text and deployment-time values in order
   * (`partial-string.ts`); `symbol` is then its id text.
   */
  readonly parts?: readonly TextPart[];
}

export type Val = StringVal | NumberVal | BooleanVal | NullVal | ArrayVal | ObjectVal | UnknownVal;
export type KnownVal = Exclude<Val, UnknownVal>;
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

const NO_ORIGINS: readonly Origin[] = Object.freeze([]);

export function str(value: string, loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): StringVal {
  return { kind: 'string', value, loc, origins };
}
export function num(value: number, loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): NumberVal {
  return { kind: 'number', value, loc, origins };
}
export function bool(value: boolean, loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): BooleanVal {
  return { kind: 'boolean', value, loc, origins };
}
export function nul(loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): NullVal {
  return { kind: 'null', loc, origins };
}
export function arr(items: readonly Val[], loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): ArrayVal {
  return { kind: 'array', items, loc, origins };
}
export function obj(props: Iterable<Prop>, loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): ObjectVal {
  const map = new Map<string, Prop>();
  // Indexed for an array (every JSON object evaluated): an unoptimized for…of allocates per step.
  if (Array.isArray(props)) for (let i = 0; i < props.length; i++) map.set(props[i].key, props[i]);
  else for (const p of props) map.set(p.key, p);
  return { kind: 'object', props: map, loc, origins };
}
/** An object over a map of its properties built for it (keyed by `Prop.key`), which it then owns. */
export function objectOf(props: ReadonlyMap<string, Prop>, loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): ObjectVal {
  return { kind: 'object', props, loc, origins };
}
export interface UnknownExtra {
  candidates?: readonly Val[] | undefined;
  symbol?: string | undefined;
  parts?: readonly TextPart[] | undefined;
  origins?: readonly Origin[];
  /** `deploy-time` unless given. */
  cause?: UnknownCause | undefined;
  subject?: Loc | undefined;
}

let errorValuesSoFar = 0;

/**
 * How many error and limit values (template mistakes, the linter's bounds) have been made so far
 * in this thread: a unit whose evaluation made none holds none, and its model need not be searched for them.
 */
export function errorValuesMade(): number {
  return errorValuesSoFar;
}

export function unknown(reason: string, loc?: Loc, extra: UnknownExtra = {}): UnknownVal {
  return buildUnknown(reason, loc, extra.origins ?? NO_ORIGINS, extra.cause ?? 'deploy-time', extra);
}

/**
 * An unknown with the optional fields of `rest` (an options object, or the unknown being copied:
 * every reference copies one, so no options object is made for that).
 */
function buildUnknown(reason: string, loc: Loc | undefined, origins: readonly Origin[], cause: UnknownCause, rest: Pick<UnknownExtra, 'subject' | 'candidates' | 'symbol' | 'parts'>): UnknownVal {
  if (cause !== 'deploy-time') errorValuesSoFar++;
  // Assigned rather than spread: spreading temporary objects made this a hot allocation site.
  const u: { -readonly [K in keyof UnknownVal]: UnknownVal[K] } = { kind: 'unknown', reason, loc, origins, cause };
  if (rest.subject) u.subject = rest.subject;
  if (rest.candidates) u.candidates = rest.candidates;
  if (rest.symbol) u.symbol = rest.symbol;
  if (rest.parts) u.parts = rest.parts;
  return u;
}

/**
 * The same unknown (reason, cause, error subject) seen at another site, with other origins; it
 * stays the same partially known string when given its own symbol.
 */
export function unknownAt(u: UnknownVal, loc: Loc | undefined, origins: readonly Origin[], symbol?: string): UnknownVal {
  const parts = symbol !== undefined && symbol === u.symbol ? u.parts : undefined;
  return unknown(u.reason, loc, { origins, cause: u.cause, subject: u.subject, symbol, parts });
}

/** An unknown that is a template mistake. */
export type ErrorVal = UnknownVal & { readonly cause: 'error' };

export function isError(v: Val | undefined): v is ErrorVal {
  return v !== undefined && v.kind === 'unknown' && v.cause === 'error';
}

export function isKnown(v: Val | undefined): v is KnownVal {
  return v !== undefined && v.kind !== 'unknown';
}

/** Builds a value tree from plain JSON, every node at `loc`. */
export function fromPlain(value: Plain | undefined, loc?: Loc, origins: readonly Origin[] = NO_ORIGINS): Val {
  if (value === undefined || value === null) return nul(loc, origins);
  if (typeof value === 'string') return str(value, loc, origins);
  if (typeof value === 'number') return num(value, loc, origins);
  if (typeof value === 'boolean') return bool(value, loc, origins);
  if (Array.isArray(value)) return arr(value.map((v) => fromPlain(v, loc, origins)), loc, origins);
  return obj(
    Object.entries(value).map(([key, v]) => ({ key, value: fromPlain(v, loc, origins) })),
    loc,
    origins,
  );
}

/** The plain value, or undefined when any part of it is unknown. */
export function toPlain(v: Val): Plain | undefined {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
      return null;
    case 'unknown':
      return undefined;
    case 'array': {
      const out: Plain[] = [];
      for (const item of v.items) {
        const p = toPlain(item);
        if (p === undefined) return undefined;
        out.push(p);
      }
      return out;
    }
    case 'object': {
      const out: { [key: string]: Plain } = {};
      for (const [key, prop] of v.props) {
        const p = toPlain(prop.value);
        if (p === undefined) return undefined;
        out[key] = p;
      }
      return out;
    }
  }
}

/** What a moved array or object was moved from, at any distance (the same content); undefined for one never moved. */
function sourceOf(v: Val): Val | undefined {
  return v instanceof Moved ? Moved.firstSource(v) : undefined;
}

/** Whether arrays and objects hold an unknown, remembered: values that share parts are DAGs, walked as trees they explode. */
const unknownInside = new WeakMap<Val, boolean>();

/** True when the value or anything inside it is unknown. */
export function hasUnknown(v: Val): boolean {
  if (v.kind === 'unknown') return true;
  if (v.kind !== 'array' && v.kind !== 'object') return false;
  const source = sourceOf(v);
  if (source !== undefined) return hasUnknown(source);
  const known = unknownInside.get(v);
  if (known !== undefined) return known;
  let found = false;
  if (v.kind === 'array') found = v.items.some(hasUnknown);
  else for (const p of v.props.values()) if ((found = hasUnknown(p.value))) break;
  unknownInside.set(v, found);
  return found;
}

/**
 * The value a moved array or object was moved from (itself otherwise): the same content without
 * the moved children, which are built on first read. Walks that ignore places (printing,
 * comparing, keying) go through it, so a value referenced many times is not moved again each time.
 */
export function unmoved(v: Val): Val {
  return sourceOf(v) ?? v;
}

/**
 * True when `a` and `b` are the same value or moves of it (the same content at other places)
 * with nothing unknown inside: equal without walking them.
 */
export function sameKnownContent(a: Val, b: Val): boolean {
  const source = sourceOf(a) ?? a;
  return source === (sourceOf(b) ?? b) && !hasUnknown(source);
}

/** Most array items, properties and scalars one moved value may hold, counting shared parts each time. */
export const MAX_VALUE_NODES = 100_000;

/** Tree sizes (shared parts counted each time they appear), memoized so a DAG costs its distinct nodes. */
const treeSizes = new WeakMap<Val, number>();

/**
 * Trees this small are measured again rather than remembered: an entry costs more, in time and in
 * every garbage collection, than walking them (a `count.index` binding, a resource's nested block),
 * and walking one never costs more than its size.
 */
const REMEMBERED_SIZE = 32;

/** Array items, properties and scalars in `v`, shared parts counted each time, capped a little past MAX_VALUE_NODES. */
export function valueNodes(v: Val): number {
  if (v.kind !== 'array' && v.kind !== 'object') return 1;
  if (v instanceof Moved) return Moved.sizeOf(v);
  const known = treeSizes.get(v);
  if (known !== undefined) return known;
  let size = 1;
  // Without a list of the properties' values: every fresh object a reference moves is measured.
  // Indexed, and Map.forEach: an unoptimized for…of allocates an iterator and a result per step.
  if (v.kind === 'array') {
    const items = v.items;
    for (let i = 0; i < items.length && size <= MAX_VALUE_NODES; i++) size += valueNodes(items[i]!);
  } else {
    const outer = counted;
    counted = 1;
    v.props.forEach(countProp);
    size = counted;
    counted = outer;
  }
  if (size > REMEMBERED_SIZE) treeSizes.set(v, size);
  return size;
}

/**
 * The size so far of the object `valueNodes` is measuring (saved and restored around each one, as
 * objects nest): with a closure per object, the closures were most of what measuring allocated.
 */
let counted = 0;

function countProp(p: Prop): void {
  if (counted <= MAX_VALUE_NODES) counted += valueNodes(p.value);
}

/** Nesting depths of arrays and objects, memoized like their sizes. */
const depths = new WeakMap<Val, number>();

/** How deeply arrays and objects nest in `v` (a scalar is 0): what recursive walks of it cost in stack. */
export function valueDepth(v: Val): number {
  if (v.kind !== 'array' && v.kind !== 'object') return 0;
  const source = sourceOf(v) ?? v;
  const known = depths.get(source);
  if (known !== undefined) return known;
  let deepest = 0;
  if (source.kind === 'array') {
    const items = source.items;
    for (let i = 0; i < items.length; i++) deepest = Math.max(deepest, valueDepth(items[i]!));
  } else (source as ObjectVal).props.forEach((p) => (deepest = Math.max(deepest, valueDepth(p.value))));
  depths.set(source, deepest + 1);
  return deepest + 1;
}

/**
 * The value as seen from a new use site: every node now reports at `loc`, and remembers
 * where it stood before through `origin` (whose own location is the node's former use site).
 * Children are moved lazily, when read: most values are referenced far more often than they
 * are walked. A value of more than MAX_VALUE_NODES nodes becomes unknown: values that share
 * parts (variables doubling each other) otherwise unfold into exponentially large trees.
 */
export function moveTo(v: Val, loc: Loc | undefined, origin?: { kind: OriginKind; name: string; caller?: string | undefined }): Val {
  const origins = origin ? withOrigin(v, origin) : v.origins;
  switch (v.kind) {
    case 'array':
    case 'object': {
      const size = valueNodes(v);
      if (size > MAX_VALUE_NODES) return unknown(`a value of more than ${MAX_VALUE_NODES} elements is not evaluated`, loc, { origins, cause: 'limit', subject: loc });
      // Its size and content are the source's: measuring the moved value would move all its children.
      const source = sourceOf(v) ?? v;
      return v.kind === 'array' ? new MovedArray(v, loc, origins, origin, source, size) : new MovedObject(v, loc, origins, origin, source, size);
    }
    default:
      return leafAt(v, loc, origins);
  }
}

/** `v`'s origins after one more step; built without spreads, as moveTo runs for every reference. */
function withOrigin(v: Val, origin: { kind: OriginKind; name: string; caller?: string | undefined }): readonly Origin[] {
  const first: Origin = origin.caller ? { kind: origin.kind, name: origin.name, loc: v.loc, caller: origin.caller } : { kind: origin.kind, name: origin.name, loc: v.loc };
  return v.origins.length === 0 ? [first] : [first].concat(v.origins);
}

/**
 * A copy of a value without children at another place and with other origins. Built by the
 * factories rather than spread: this runs for every reference to a parameter or variable, and V8
 * gives each `{ ...v, loc }` copy a fresh hidden class, so every store to it misses.
 */
function leafAt(v: Exclude<Val, ArrayVal | ObjectVal>, loc: Loc | undefined, origins: readonly Origin[]): Val {
  switch (v.kind) {
    case 'string':
      return str(v.value, loc, origins);
    case 'number':
      return num(v.value, loc, origins);
    case 'boolean':
      return bool(v.value, loc, origins);
    case 'null':
      return nul(loc, origins);
    case 'unknown':
      return buildUnknown(v.reason, loc, origins, v.cause, v);
  }
}

type MoveOrigin = { kind: OriginKind; name: string; caller?: string | undefined } | undefined;

// Moved arrays and objects are class instances with the lazy part as a prototype getter: with a
// getter defined on each object, every moved value had a hidden class of its own, and each
// place that reads a value's `kind` saw so many that V8 fell back to its slowest lookups.
// Their own fields are those of a plain value minus `items`/`props`: spread one, and the
// children are lost (use `withOrigins`).

abstract class Moved<Source extends ArrayVal | ObjectVal, Children> {
  readonly #source: Source;
  readonly #origin: MoveOrigin;
  /**
   * The value first moved, and its tree size: fields rather than weak-map entries, as every
   * reference makes a moved value and weak maps that large slowed each garbage collection.
   */
  readonly #first: Val;
  readonly #size: number;
  #children: Children | undefined;

  constructor(
    source: Source,
    readonly loc: Loc | undefined,
    readonly origins: readonly Origin[],
    origin: MoveOrigin,
    first: Val,
    size: number,
  ) {
    this.#source = source;
    this.#origin = origin;
    this.#first = first;
    this.#size = size;
  }

  static firstSource(v: Moved<ArrayVal | ObjectVal, unknown>): Val {
    return v.#first;
  }

  static sizeOf(v: Moved<ArrayVal | ObjectVal, unknown>): number {
    return v.#size;
  }

  /** The source's children moved to this value's place, built on first use. */
  protected children(): Children {
    return (this.#children ??= this.moveChildren(this.#source, (v) => this.move(v)));
  }

  protected move(v: Val): Val {
    return moveTo(v, this.loc, this.#origin);
  }

  /** The source, while the children are not built. */
  protected unbuilt(): Source | undefined {
    return this.#children === undefined ? this.#source : undefined;
  }

  protected abstract moveChildren(source: Source, move: (v: Val) => Val): Children;
}

class MovedArray extends Moved<ArrayVal, readonly Val[]> implements ArrayVal {
  readonly kind = 'array';

  get items(): readonly Val[] {
    return this.children();
  }

  protected moveChildren(source: ArrayVal, move: (v: Val) => Val): readonly Val[] {
    return source.items.map(move);
  }
}

class MovedObject extends Moved<ObjectVal, ReadonlyMap<string, Prop>> implements ObjectVal {
  readonly kind = 'object';

  get props(): ReadonlyMap<string, Prop> {
    return this.children();
  }

  /** One property (ARM's names ignore case); while the others are not built, only it is moved. */
  prop(key: string, caseInsensitive = false): Prop | undefined {
    const source = this.unbuilt();
    if (!source) return findEntry(this.props, key, caseInsensitive);
    const p = getPropEntry(source, key, caseInsensitive);
    return p && { key: p.key, keyLoc: p.keyLoc, value: this.move(p.value) };
  }

  protected moveChildren(source: ObjectVal, move: (v: Val) => Val): ReadonlyMap<string, Prop> {
    const map = new Map<string, Prop>();
    source.props.forEach((p, key) => map.set(key, { key: p.key, keyLoc: p.keyLoc, value: move(p.value) }));
    return map;
  }
}

/**
 * An object whose properties are computed when first read: one at a time by `prop`, all at once
 * by `props`. An evaluator makes one where most of a value is never read (a resource body, of which
 * the model reads a few paths); whoever walks it whole sees a plain object.
 */
export abstract class DeferredObject implements ObjectVal {
  readonly kind = 'object';
  #props: ReadonlyMap<string, Prop> | undefined;

  constructor(
    readonly loc: Loc | undefined,
    readonly origins: readonly Origin[] = NO_ORIGINS,
  ) {}

  get props(): ReadonlyMap<string, Prop> {
    return (this.#props ??= this.allProps());
  }

  /** What `findEntry` would give on `props`, without computing the other properties. */
  prop(key: string, caseInsensitive: boolean): Prop | undefined {
    return this.#props ? findEntry(this.#props, key, caseInsensitive) : this.oneProp(key, caseInsensitive);
  }

  /** Every property, in the order and with the values (the same objects) `oneProp` gave. */
  protected abstract allProps(): ReadonlyMap<string, Prop>;
  protected abstract oneProp(key: string, caseInsensitive: boolean): Prop | undefined;
}

/** The same value with other origins (for an array or object, the same children). */
export function withOrigins(v: Val, origins: readonly Origin[]): Val {
  switch (v.kind) {
    case 'array':
      return arr(v.items, v.loc, origins);
    case 'object':
      return { kind: 'object', props: v.props, loc: v.loc, origins };
    default:
      return leafAt(v, v.loc, origins);
  }
}

/** Property lookup; ARM property names are case-insensitive, Terraform's are not. */
export function getProp(o: Val | undefined, key: string, caseInsensitive = true): Val | undefined {
  return getPropEntry(o, key, caseInsensitive)?.value;
}

/** Property lookup: of a moved or deferred object whose children are not built, only the property read is computed. */
export function getPropEntry(o: Val | undefined, key: string, caseInsensitive = true): Prop | undefined {
  if (!o || o.kind !== 'object') return undefined;
  if (o instanceof MovedObject) return o.prop(key, caseInsensitive);
  return o instanceof DeferredObject ? o.prop(key, caseInsensitive) : findEntry(o.props, key, caseInsensitive);
}

function findEntry(props: ReadonlyMap<string, Prop>, key: string, caseInsensitive: boolean): Prop | undefined {
  const exact = props.get(key);
  // The search is a function of its own: its closure would make V8 allocate a context at every
  // call, and most calls (all of Terraform's) end at the exact key.
  return exact || !caseInsensitive ? exact : findIgnoringCase(props, key.toLowerCase());
}

function findIgnoringCase(props: ReadonlyMap<string, Prop>, lower: string): Prop | undefined {
  // By forEach: this fallback runs for every path the model reads that a resource leaves out, often
  // before V8 optimizes it, and an unoptimized for…of allocates an iterator result per key. Keys
  // are compared without lower-cased copies.
  let found: Prop | undefined;
  props.forEach((p, k) => {
    if (found === undefined && k.length === lower.length && sameLowerCase(k, lower)) found = p;
  });
  return found;
}

/** `text.toLowerCase() === lower`, for `text` as long as `lower`, without the copy when the text is ASCII. */
export function sameLowerCase(text: string, lower: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return text.toLowerCase() === lower;
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Follows a path of property names and array indexes. */
export function getPath(o: Val | undefined, path: readonly (string | number)[], caseInsensitive = true): Val | undefined {
  let cur = o;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (!cur) return undefined;
    if (typeof step === 'number') cur = cur.kind === 'array' ? cur.items[step] : undefined;
    else cur = getProp(cur, step, caseInsensitive);
  }
  return cur;
}

export function asString(v: Val | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}
export function asNumber(v: Val | undefined): number | undefined {
  if (v?.kind === 'number') return v.value;
  if (v?.kind === 'string' && /^-?\d+(\.\d+)?$/.test(v.value.trim())) return Number(v.value);
  return undefined;
}
export function asBoolean(v: Val | undefined): boolean | undefined {
  if (v?.kind === 'boolean') return v.value;
  if (v?.kind === 'string') {
    const s = v.value.toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}
export function asArray(v: Val | undefined): readonly Val[] | undefined {
  return v?.kind === 'array' ? v.items : undefined;
}
