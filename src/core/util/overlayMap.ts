/**
 * A read-only map that differs from a shared base map in a few entries. After an edit the model's
 * maps (by id, by parse, workloads by id) change in one or two entries out of tens of thousands:
 * copying them cost more than the rest of the re-analysis and grew with the workspace. Patching
 * an overlay copies only its changes; once they reach an eighth of the base it is flattened into
 * a plain Map, so lookups stay at most three hash probes and memory stays bounded.
 *
 * Iteration gives the base's order with changed values in place, then the added keys (a plain
 * Map would move a deleted and re-added key to the end; the model never does that).
 */
export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changed: ReadonlyMap<K, V>,
    private readonly removed: ReadonlySet<K>,
    readonly size: number,
  ) {}

  /** `previous` with `set` entries set and `remove` keys deleted; `previous` is not modified. */
  static patch<K, V>(
    previous: ReadonlyMap<K, V>,
    set: Iterable<readonly [K, V]>,
    remove: Iterable<K> = [],
  ): ReadonlyMap<K, V> {
    const overlay = previous instanceof OverlayMap ? (previous as OverlayMap<K, V>) : undefined;
    const base = overlay ? overlay.base : previous;
    const changed = new Map(overlay?.changed);
    const removed = new Set(overlay?.removed);
    for (const key of remove) {
      changed.delete(key);
      if (base.has(key)) removed.add(key);
    }
    for (const [key, value] of set) {
      changed.set(key, value);
      removed.delete(key);
    }
    if (changed.size + removed.size > 64 + base.size / 8) {
      return new Map(new OverlayMap(base, changed, removed, 0).entries());
    }
    let added = 0;
    for (const key of changed.keys()) if (!base.has(key)) added++;
    return new OverlayMap(base, changed, removed, base.size - removed.size + added);
  }

  get(key: K): V | undefined {
    const value = this.changed.get(key);
    if (value !== undefined || this.changed.has(key)) return value;
    return this.removed.has(key) ? undefined : this.base.get(key);
  }

  has(key: K): boolean {
    return this.changed.has(key) || (!this.removed.has(key) && this.base.has(key));
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (this.removed.has(key)) continue;
      yield [key, this.changed.has(key) ? (this.changed.get(key) as V) : value];
    }
    for (const [key, value] of this.changed) if (!this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
