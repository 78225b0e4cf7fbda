// Property paths the ARM mapping reads, checked by the compiler against the models of the Azure
// SDK (@azure/arm-compute, @azure/arm-network): a misspelt key, or one no model has at that
// place, does not compile. Only the SDK's types are used (`import type`, devDependencies);
// nothing of it runs, and values stay `Val`s with their locations and origins.
//
// The SDK models flatten ARM's `properties` bag into the resource: `VirtualMachine.storageProfile`
// is ARM `properties.storageProfile`. A path on a resource (or sub-resource) model therefore gets
// `properties` put back in front of any first key ARM does not keep at the top level. Paths stop
// at arrays: the mapper walks the items and reads each with the item model's own paths, which
// is also where ARM nests the next `properties` (NIC `ipConfigurations[]`).
import { getPath, getPropEntry, type Prop, type Val } from '../../kernel/value.js';

/** Keys ARM keeps beside `properties` on a resource or sub-resource. */
const ENVELOPE = ['id', 'name', 'type', 'location', 'tags', 'etag', 'sku', 'plan', 'zones', 'identity', 'extendedLocation', 'kind', 'managedBy', 'systemData'] as const;
const IN_ENVELOPE: ReadonlySet<string> = new Set(ENVELOPE);

/** What ARM keeps under a resource's `properties`: the SDK model without the envelope. */
export type Properties<T> = Omit<T, (typeof ENVELOPE)[number]>;

/** Property names on the ARM side, `properties` included where ARM has it. */
export type Path = readonly string[];

// Over a union (an OS or a data disk, a VM or a scale-set profile) a key of any member is
// valid: the value is whichever model the template holds, and a key the others lack is absent.
type Key<T> = T extends readonly unknown[] ? never : T extends object ? Extract<keyof T, string> : never;
type Field<T, K extends string> = T extends unknown ? (K extends keyof T ? NonNullable<T[K]> : never) : never;

/** Builds a path from keys of the model `T` and of the models they lead to, up to four deep. */
export interface PathOf<T> {
  <A extends Key<T>>(a: A): Path;
  <A extends Key<T>, B extends Key<Field<T, A>>>(a: A, b: B): Path;
  <A extends Key<T>, B extends Key<Field<T, A>>, C extends Key<Field<Field<T, A>, B>>>(a: A, b: B, c: C): Path;
  <A extends Key<T>, B extends Key<Field<T, A>>, C extends Key<Field<Field<T, A>, B>>, D extends Key<Field<Field<Field<T, A>, B>, C>>>(
    a: A,
    b: B,
    c: C,
    d: D,
  ): Path;
}

/** Paths on a resource or sub-resource model whose ARM JSON has a `properties` bag. */
export function resourcePath<T>(): PathOf<T> {
  return (...keys: string[]): Path => (IN_ENVELOPE.has(keys[0]!) ? keys : ['properties', ...keys]);
}

/** Paths on a model ARM writes as it is (a disk entry, an image reference, a profile). */
export function objectPath<T>(): PathOf<T> {
  return (...keys: string[]): Path => keys;
}

/** The property at the end of `path`, with its key's location. */
export function entryAt(v: Val | undefined, path: Path): Prop | undefined {
  return getPropEntry(getPath(v, path.slice(0, -1)), path[path.length - 1]!);
}
