import type { RateLimit } from './config'
import { LruMap } from './lru'

/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. `take()` says whether one more
 * event fits right now. Refill is computed lazily from the clock, so idle buckets cost nothing.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = limit.burst
    this.last = this.now()
  }

  /** Take `n` tokens (one event, or `n` bytes) if they are there now. */
  take(n = 1): boolean {
    if (!this.canTake(n)) return false
    this.tokens -= n
    return true
  }

  /** Whether `take(n)` would succeed now, without taking. */
  canTake(n = 1): boolean {
    const now = this.now()
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond)
    this.last = now
    return this.tokens >= n
  }

  /** The tokens there now (what `take` would allow at most). */
  available(): number {
    this.canTake(0)
    return this.tokens
  }

  /**
   * Take `n` tokens that were spent elsewhere (on another relay), even below zero: the bucket then
   * refuses until it has refilled past the debt.
   */
  owe(n: number): void {
    this.canTake(0)
    this.tokens = Math.min(this.tokens, 0) - n
  }

  /** Seconds until the next token, for a Retry-After header. */
  secondsUntilNext(): number {
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.limit.perSecond)
  }
}

/**
 * One bucket per key (a client address, a link, a participant), forgetting the least recently used
 * keys past `maxKeys` so memory stays bounded. Least recently used, not oldest: a key in steady use
 * keeps its (perhaps empty) bucket however many new keys arrive, so a client cannot reset its own
 * limit by making others.
 */
export class KeyedTokenBuckets {
  private readonly buckets: LruMap<string, TokenBucket>

  constructor(
    private readonly limit: RateLimit,
    maxKeys = 10_000,
  ) {
    this.buckets = new LruMap(maxKeys)
  }

  /** The key's bucket (a fresh one for a new key). */
  bucket(key: string): TokenBucket {
    return this.buckets.getOrCreate(key, () => new TokenBucket(this.limit))
  }

  take(key: string): { ok: boolean; retryAfterSeconds: number } {
    const bucket = this.bucket(key)
    const ok = bucket.take()
    return { ok, retryAfterSeconds: ok ? 0 : bucket.secondsUntilNext() }
  }
}
