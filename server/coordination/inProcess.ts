import type { Coordination, SharedCounters, SharedSlots } from './types'

/** Windows kept before the oldest are forgotten, so memory stays bounded under many keys. */
const MAX_COUNTER_KEYS = 50_000

/** Counters and slots for one relay: nobody else shares them, so a Map is the whole story. */
export class InProcessCoordination implements Coordination {
  readonly counters: SharedCounters
  readonly slots: SharedSlots

  constructor(now: () => number = Date.now) {
    const windows = new Map<string, { count: number; endsAt: number }>()
    this.counters = {
      async hit(key, windowMs, by = 1) {
        const at = now()
        let window = windows.get(key)
        if (!window || window.endsAt <= at) {
          windows.delete(key)
          if (windows.size >= MAX_COUNTER_KEYS) windows.delete(windows.keys().next().value!)
          windows.set(key, (window = { count: 0, endsAt: at + windowMs }))
        }
        window.count += by
        return window.count
      },
    }
    const held = new Map<string, Set<string>>()
    this.slots = {
      async acquire(key, holder, limit) {
        let holders = held.get(key)
        if (holders?.has(holder)) return true
        if ((holders?.size ?? 0) >= limit) return false
        if (!holders) held.set(key, (holders = new Set()))
        holders.add(holder)
        return true
      },
      async release(key, holder) {
        const holders = held.get(key)
        holders?.delete(holder)
        if (holders?.size === 0) held.delete(key)
      },
      async count(key) {
        return held.get(key)?.size ?? 0
      },
    }
  }

  async close(): Promise<void> {}
}
