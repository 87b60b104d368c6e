/**
 * Limits that follow the person, not the socket. A bucket that belongs to a connection refills
 * whenever its owner reconnects, so a client reconnecting in a loop got many times the intended
 * rate. Here every bucket is keyed by who is connecting and outlives the connection:
 *
 * - messages (updates, presence, sync requests) per participant: the relay-issued participant id
 *   when the connection presents one, else the link (token id) from that address;
 * - (re)connections per participant and per link, so a reconnect loop is slowed at the upgrade;
 * - open connections per link and per client address.
 *
 * Keyed buckets live in least-recently-used maps of bounded size: an active key keeps its bucket
 * however many new keys others make.
 *
 * When relays share maps, each relay's buckets alone would give a person who connects through N
 * relays N times the rate, so the limits also hold across relays (shared state in Redis, see
 * coordination/):
 * - at the upgrade, open connections per link and per address are slots every relay counts, and
 *   reconnects per person and per link are counted in shared windows;
 * - messages stay in local buckets (no round trip on the hot path), and once a second each relay
 *   adds what it let through to shared per-person windows: a person over a limit across relays
 *   owes the excess to its buckets on every relay, which refuse until they have refilled past it.
 * If the shared state cannot be reached, each relay's own limits stand alone until it is back.
 */
import type { RateLimit, RelayLimits } from '../config'
import type { Coordination } from '../coordination/types'
import type { Logger } from '../log'
import { LruMap } from '../lru'
import { KeyedTokenBuckets, TokenBucket } from '../tokenBucket'

/** Who is connecting, as far as limits can tell. */
export interface Who {
  /** The link the connection presented (its token id). */
  tokenId: string
  /** The client address key (see http/clientAddress.ts). */
  address: string
  /** The relay-issued participant id, when the connection presented a valid one. */
  participantId?: string
}

/** One key per person: the participant id, else the link from that address. */
export function personKey(who: Who): string {
  return who.participantId ? `p:${who.participantId}` : `l:${who.tokenId}@${who.address}`
}

/** Why an upgrade was refused (also the `reason` label in `/metrics`). */
export type UpgradeRefusal = 'rate_reconnect' | 'rate_link_reconnect' | 'link_connections' | 'address_connections'

export interface MessageBuckets {
  updates: TokenBucket
  /** Bytes of updates (its burst takes one message of the largest size). */
  updateBytes: TokenBucket
  awareness: TokenBucket
  syncRequests: TokenBucket
}

type MessageKind = keyof MessageBuckets

/** Keys remembered per kind of bucket; beyond it the least recently used key starts afresh. */
const MAX_KEYS = 10_000

/** How often a relay adds the messages it let through to the shared windows. */
export const SHARED_REPORT_MS = 1000
/** The shared windows: within one, a person (or link) may use a burst plus this long at the rate. */
const SHARED_WINDOW_MS = 10_000

/** What a rate limit allows in one shared window: as much as its token bucket could let through. */
const allowedPerWindow = (limit: RateLimit) => limit.burst + (limit.perSecond * SHARED_WINDOW_MS) / 1000

/** What a relay sharing maps needs to hold limits across relays. */
export interface SharedLimitsDeps {
  coordination: Coordination
  relayId: string
  log: Logger
}

/** A bucket that remembers how much it let through since the last report. */
class CountingBucket extends TokenBucket {
  taken = 0

  constructor(
    limit: RateLimit,
    private readonly onFirstTake: (bucket: CountingBucket) => void,
  ) {
    super(limit)
  }

  override take(n = 1): boolean {
    if (!super.take(n)) return false
    if (this.taken === 0) this.onFirstTake(this)
    this.taken += n
    return true
  }
}

export class ParticipantLimits {
  private readonly messages = new LruMap<string, MessageBuckets>(MAX_KEYS)
  private readonly reconnects: KeyedTokenBuckets
  private readonly linkReconnects: KeyedTokenBuckets
  private readonly openPerLink = new Map<string, number>()
  private readonly openPerAddress = new Map<string, number>()
  /** Buckets that let messages through since the last report, with their person and kind. */
  private readonly unreported = new Map<CountingBucket, { person: string; kind: MessageKind; limit: RateLimit }>()
  private readonly reportTimer: NodeJS.Timeout | undefined
  private nextHolder = 1

  constructor(
    private readonly limits: RelayLimits,
    private readonly shared?: SharedLimitsDeps,
  ) {
    this.reconnects = new KeyedTokenBuckets(limits.reconnects, MAX_KEYS)
    this.linkReconnects = new KeyedTokenBuckets(limits.linkReconnects, MAX_KEYS)
    if (shared) {
      this.reportTimer = setInterval(() => void this.report(), SHARED_REPORT_MS)
      this.reportTimer.unref()
    }
  }

  close(): void {
    clearInterval(this.reportTimer)
  }

  /**
   * At the upgrade, before a socket exists: may this person open one more connection now, here
   * and (when relays share maps) across relays? On success the connection is counted until the
   * returned `release` is called.
   */
  async admit(who: Who): Promise<{ refused: UpgradeRefusal } | { release: () => void }> {
    const local = this.admitHere(who)
    if ('refused' in local || !this.shared) return local
    let shared: { refused: UpgradeRefusal } | { release: () => void }
    try {
      shared = await this.admitAcrossRelays(this.shared, who)
    } catch (error) {
      this.shared.log.warn('limits.shared_unavailable', { error: String(error) })
      return local
    }
    if ('refused' in shared) {
      local.release()
      return shared
    }
    return {
      release: () => {
        local.release()
        shared.release()
      },
    }
  }

  private async admitAcrossRelays({ coordination: { counters, slots }, relayId }: SharedLimitsDeps, who: Who): Promise<{ refused: UpgradeRefusal } | { release: () => void }> {
    const [personHits, linkHits] = await Promise.all([counters.hit(`reconnects:${personKey(who)}`, SHARED_WINDOW_MS), counters.hit(`reconnects-link:${who.tokenId}`, SHARED_WINDOW_MS)])
    if (personHits > allowedPerWindow(this.limits.reconnects)) return { refused: 'rate_reconnect' }
    if (linkHits > allowedPerWindow(this.limits.linkReconnects)) return { refused: 'rate_link_reconnect' }
    const holder = `${relayId}:${this.nextHolder++}`
    const linkKey = `open-link:${who.tokenId}`
    const addressKey = `open-address:${who.address}`
    if (!(await slots.acquire(linkKey, holder, this.limits.maxConnectionsPerLink))) return { refused: 'link_connections' }
    if (!(await slots.acquire(addressKey, holder, this.limits.maxConnectionsPerAddress))) {
      await slots.release(linkKey, holder).catch(() => {})
      return { refused: 'address_connections' }
    }
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        // A slot that cannot be released now runs out with its lease.
        slots.release(linkKey, holder).catch(() => {})
        slots.release(addressKey, holder).catch(() => {})
      },
    }
  }

  private admitHere(who: Who): { refused: UpgradeRefusal } | { release: () => void } {
    if ((this.openPerLink.get(who.tokenId) ?? 0) >= this.limits.maxConnectionsPerLink) return { refused: 'link_connections' }
    if ((this.openPerAddress.get(who.address) ?? 0) >= this.limits.maxConnectionsPerAddress) return { refused: 'address_connections' }
    const person = this.reconnects.bucket(personKey(who))
    const link = this.linkReconnects.bucket(who.tokenId)
    if (!person.canTake()) return { refused: 'rate_reconnect' }
    if (!link.canTake()) return { refused: 'rate_link_reconnect' }
    person.take()
    link.take()
    count(this.openPerLink, who.tokenId, 1)
    count(this.openPerAddress, who.address, 1)
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        count(this.openPerLink, who.tokenId, -1)
        count(this.openPerAddress, who.address, -1)
      },
    }
  }

  /** The person's message buckets, shared by all its connections and kept across reconnects. */
  buckets(who: Who): MessageBuckets {
    const person = personKey(who)
    return this.messages.getOrCreate(person, () => {
      const limits: Record<MessageKind, RateLimit> = {
        updates: this.limits.updates,
        updateBytes: { perSecond: this.limits.updateBytes.perSecond, burst: Math.max(this.limits.updateBytes.burst, this.limits.maxMessageBytes) },
        awareness: this.limits.awareness,
        syncRequests: this.limits.syncRequests,
      }
      const bucket = (kind: MessageKind) =>
        this.shared ? new CountingBucket(limits[kind], (b) => this.unreported.set(b, { person, kind, limit: limits[kind] })) : new TokenBucket(limits[kind])
      return { updates: bucket('updates'), updateBytes: bucket('updateBytes'), awareness: bucket('awareness'), syncRequests: bucket('syncRequests') }
    })
  }

  /**
   * Add what this relay let through since the last report to the shared windows; where a person's
   * total across relays is past what a window allows, its buckets here owe the excess.
   */
  private async report(): Promise<void> {
    if (!this.shared || this.unreported.size === 0) return
    const batch = [...this.unreported]
    this.unreported.clear()
    const { counters } = this.shared.coordination
    try {
      await Promise.all(
        batch.map(async ([bucket, { person, kind, limit }]) => {
          const taken = bucket.taken
          bucket.taken = 0
          const total = await counters.hit(`messages:${kind}:${person}`, SHARED_WINDOW_MS, taken)
          // Only what this report pushed past the limit is owed here; earlier excess was owed before.
          const excess = Math.min(taken, total - allowedPerWindow(limit))
          if (excess > 0) bucket.owe(excess)
        }),
      )
    } catch (error) {
      this.shared.log.warn('limits.shared_unavailable', { error: String(error) })
    }
  }
}

function count(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by
  if (n > 0) counts.set(key, n)
  else counts.delete(key)
}
