/**
 * Counters and slots in Redis, for relays sharing maps. Each operation is one Lua script, so it
 * is atomic on the Redis server, and time is the server's (`TIME`), never a relay's clock.
 *
 * Slots are members of a sorted set scored by when their lease ends. A relay renews the leases
 * of the slots it holds every third of a lease; a relay that dies stops renewing, and its slots
 * are swept by the next `acquire` once their lease has run out.
 */
import type { Redis } from 'ioredis'
import type { Coordination, SharedCounters, SharedSlots } from './types'

/** How long a slot outlives its relay's last renewal. */
export const DEFAULT_LEASE_MS = 10_000

const HIT = `
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
if n == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return n`

const NOW_MS = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

const ACQUIRE = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[3]))
return 1`

/** Renew every listed holder of one key (re-adding one whose lease ran out while this relay was cut off). */
const RENEW = `${NOW_MS}
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[1]))
return #ARGV - 1`

const COUNT = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])`

export class RedisCoordination implements Coordination {
  readonly counters: SharedCounters
  readonly slots: SharedSlots
  private readonly held = new Map<string, Set<string>>()
  private readonly renewTimer: NodeJS.Timeout

  /** `redis` is a connection the caller owns; keys are put under `prefix`. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {
    const counterKey = (key: string) => `${prefix}count:${key}`
    const slotKey = (key: string) => `${prefix}slots:${key}`
    this.counters = {
      hit: async (key, windowMs, by = 1) => Number(await redis.eval(HIT, 1, counterKey(key), by, windowMs)),
    }
    this.slots = {
      acquire: async (key, holder, limit) => {
        const ok = Number(await redis.eval(ACQUIRE, 1, slotKey(key), holder, limit, leaseMs)) === 1
        if (ok) {
          let holders = this.held.get(key)
          if (!holders) this.held.set(key, (holders = new Set()))
          holders.add(holder)
        }
        return ok
      },
      release: async (key, holder) => {
        const holders = this.held.get(key)
        holders?.delete(holder)
        if (holders?.size === 0) this.held.delete(key)
        await redis.zrem(slotKey(key), holder)
      },
      count: async (key) => Number(await redis.eval(COUNT, 1, slotKey(key))),
    }
    this.renewTimer = setInterval(() => void this.renew(), leaseMs / 3)
    this.renewTimer.unref()
  }

  private async renew(): Promise<void> {
    if (this.redis.status !== 'ready' || this.held.size === 0) return
    const pipeline = this.redis.pipeline()
    for (const [key, holders] of this.held) pipeline.eval(RENEW, 1, `${this.prefix}slots:${key}`, this.leaseMs, ...holders)
    // A failed renewal is retried at the next tick; leases outlast two missed ones.
    await pipeline.exec().catch(() => {})
  }

  async close(): Promise<void> {
    clearInterval(this.renewTimer)
  }
}
