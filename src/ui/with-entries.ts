/**
 * A copy of a map with entries set: state held in `$state.raw` is replaced, never mutated, so every
 * reader sees a new value.
 */
export function withEntries<K, V>(map: ReadonlyMap<K, V>, entries: Iterable<readonly [K, V]>): Map<K, V> {
  const copy = new Map(map);
  for (const [key, value] of entries) copy.set(key, value);
  return copy;
}

/** A copy of a map without these keys. */
export function withoutKeys<K, V>(map: ReadonlyMap<K, V>, keys: Iterable<K>): Map<K, V> {
  const copy = new Map(map);
  for (const key of keys) copy.delete(key);
  return copy;
}

/** An empty map, to start `$state.raw` with. */
export function emptyMap<K, V>(): ReadonlyMap<K, V> {
  return new Map<K, V>();
}
