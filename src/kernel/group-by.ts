/** Items by key, in their order, each mapped by `value`; items whose key is undefined are left out. */
export function groupBy<T, U = T>(items: readonly T[], key: (item: T) => string | undefined, value: (item: T) => U = (item) => item as unknown as U): Map<string, U[]> {
  const map = new Map<string, U[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(value(item));
    else map.set(k, [value(item)]);
  }
  return map;
}
