import type { RateLimit } from './config'

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
    const now = this.now()
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond)
    this.last = now
    if (this.tokens < n) return false
    this.tokens -= n
    return true
  }

  /** Seconds until the next token, for a Retry-After header. */
  secondsUntilNext(): number {
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.limit.perSecond)
  }
}

/** One bucket per key (a client IP), forgetting the oldest keys past `maxKeys` so memory stays bounded. */
export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string): { ok: boolean; retryAfterSeconds: number } {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!)
      bucket = new TokenBucket(this.limit)
      this.buckets.set(key, bucket)
    }
    const ok = bucket.take()
    return { ok, retryAfterSeconds: ok ? 0 : bucket.secondsUntilNext() }
  }
}
