/**
 * State that every relay must agree on without a protocol of our own: counters for rate limits
 * (per link, per address) and bounded slot sets for caps (participants per map). One relay uses
 * the in-process implementations; relays sharing maps use Redis (`REDIS_URL`).
 */

/** Fixed-window counters: how a rate limit holds across relays. */
export interface SharedCounters {
  /**
   * Count `by` (default 1) more hits on `key` in its current window of `windowMs`, which starts
   * at the window's first hit; resolves to the hits so far in that window, across relays.
   * A caller compares it to its limit: `(await counters.hit(key, 60_000)) > 30` → refuse.
   */
  hit(key: string, windowMs: number, by?: number): Promise<number>
}

/**
 * At most `limit` holders of a key at once, e.g. participants of a map. A holder's slot lasts
 * until it is released or, when its relay dies, until its lease runs out (seconds), so a crashed
 * relay never keeps a room full.
 */
export interface SharedSlots {
  /** Take a slot of `key` for `holder` if fewer than `limit` are taken; resolves to whether it did. */
  acquire(key: string, holder: string, limit: number): Promise<boolean>
  release(key: string, holder: string): Promise<void>
  /** Slots of `key` taken now, by every relay. */
  count(key: string): Promise<number>
}

export interface Coordination {
  counters: SharedCounters
  slots: SharedSlots
  /** Stop refreshing leases and let go of the connection; held slots expire or were released. */
  close(): Promise<void>
}
