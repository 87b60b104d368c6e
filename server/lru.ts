/**
 * A map that keeps its `maxSize` most recently used entries: reading or writing a key makes it
 * the newest, and a new key beyond the size drops the least recently used one. A `Map` iterates
 * in insertion order, so moving a key to the end is a delete and a set.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(readonly maxSize: number) {
    if (!(maxSize >= 1)) throw new Error(`LruMap: expected a size of at least 1, got ${maxSize}`)
  }

  get size(): number {
    return this.entries.size
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.maxSize) this.entries.delete(this.entries.keys().next().value as K)
  }

  /** The value for `key`, made with `create` when there is none; either way the key is now the newest. */
  getOrCreate(key: K, create: () => V): V {
    let value = this.get(key)
    if (value === undefined) {
      value = create()
      this.set(key, value)
    }
    return value
  }

  has(key: K): boolean {
    return this.entries.has(key)
  }

  delete(key: K): boolean {
    return this.entries.delete(key)
  }
}
