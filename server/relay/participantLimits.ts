/**
 * Limits that follow the person, not the socket. A bucket that belongs to a connection refills
 * whenever its owner reconnects, so a client reconnecting in a loop got many times the intended
 * rate. Here every bucket is keyed by who is connecting and outlives the connection:
 *
 * - messages (updates, presence, sync requests) per participant: the relay-issued participant id
 *   when the connection presents one; a connection without one (a stock client with only a role
 *   token) is given a place of its own among its link's anonymous connections from that address
 *   (`a:<link>@<address>#<n>`, the lowest place free), so 40 stock clients behind one office
 *   address are 40 people, and one that reconnects in a loop takes back the same place and the
 *   same, unrefilled buckets;
 * - (re)connections per participant id; a client looping on fresh ids is bounded by how many ids
 *   its address is issued (`participantIds`), never by colleagues' allowances. Connections without
 *   an id share an allowance per link and address, sized for a whole workshop (`linkReconnects`):
 *   the relay cannot tell one stock client from another, but holders of ids are not touched by it,
 *   nor is anyone on another address;
 * - open connections per participant id (its tabs), per link and address for connections without
 *   one, and per client address (sized for an office behind one NAT): one client's hoard of
 *   sockets fills only its own share.
 *
 * Keyed buckets live in least-recently-used maps of bounded size: an active key keeps its bucket
 * however many new keys others make.
 *
 * When relays share maps, each relay's buckets alone would give a person who connects through N
 * relays N times the rate, so the limits also hold across relays (shared state in Redis, see
 * coordination/):
 * - at the upgrade, open connections per participant, per anonymous link and address and per
 *   address are slots every relay counts, and reconnects per participant and per anonymous link and
 *   address are counted in shared windows;
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

/** Connections without a participant id are counted per link and address: one key for the lot. */
const anonymousKey = (who: Who) => `${who.tokenId}@${who.address}`

/** Why an upgrade was refused (also the `reason` label in `/metrics`). */
export type UpgradeRefusal = 'rate_reconnect' | 'rate_link_reconnect' | 'link_connections' | 'address_connections' | 'participant_connections'

/** An admitted connection: the key its message buckets are kept under, and how to give its place back. */
export interface Admission {
  limitsKey: string
  release: () => void
}

export interface MessageBuckets {
  updates: TokenBucket
  /** Bytes of updates (its burst takes one message of the largest size). */
  updateBytes: TokenBucket
  awareness: TokenBucket
  syncRequests: TokenBucket
  /** Bytes of answers to the relay's sync step 1 larger than a live message (see offlineAnswers.ts). */
  offlineBytes: TokenBucket
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
  /** Places taken by open connections: per participant id, and per link and address for those without one. */
  private readonly openPerParticipant = new Map<string, Set<number>>()
  private readonly openAnonymous = new Map<string, Set<number>>()
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
  async admit(who: Who): Promise<{ refused: UpgradeRefusal } | Admission> {
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
      limitsKey: local.limitsKey,
      release: () => {
        local.release()
        shared.release()
      },
    }
  }

  private async admitAcrossRelays({ coordination: { counters, slots }, relayId }: SharedLimitsDeps, who: Who): Promise<{ refused: UpgradeRefusal } | { release: () => void }> {
    const own = who.participantId !== undefined
    const hits = await counters.hit(own ? `reconnects:${personKey(who)}` : `reconnects-anonymous:${anonymousKey(who)}`, SHARED_WINDOW_MS)
    if (own && hits > allowedPerWindow(this.limits.reconnects)) return { refused: 'rate_reconnect' }
    if (!own && hits > allowedPerWindow(this.limits.linkReconnects)) return { refused: 'rate_link_reconnect' }
    const holder = `${relayId}:${this.nextHolder++}`
    const ownKey = own ? `open-participant:${who.participantId}` : `open-anonymous:${anonymousKey(who)}`
    const addressKey = `open-address:${who.address}`
    if (!(await slots.acquire(ownKey, holder, own ? this.limits.maxConnectionsPerParticipant : this.limits.maxConnectionsPerLink))) {
      return { refused: own ? 'participant_connections' : 'link_connections' }
    }
    if (!(await slots.acquire(addressKey, holder, this.limits.maxConnectionsPerAddress))) {
      await slots.release(ownKey, holder).catch(() => {})
      return { refused: 'address_connections' }
    }
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        // A slot that cannot be released now runs out with its lease.
        slots.release(ownKey, holder).catch(() => {})
        slots.release(addressKey, holder).catch(() => {})
      },
    }
  }

  private admitHere(who: Who): { refused: UpgradeRefusal } | Admission {
    const own = who.participantId !== undefined
    const key = own ? personKey(who) : anonymousKey(who)
    const open = own ? this.openPerParticipant : this.openAnonymous
    if ((open.get(key)?.size ?? 0) >= (own ? this.limits.maxConnectionsPerParticipant : this.limits.maxConnectionsPerLink)) {
      return { refused: own ? 'participant_connections' : 'link_connections' }
    }
    if ((this.openPerAddress.get(who.address) ?? 0) >= this.limits.maxConnectionsPerAddress) return { refused: 'address_connections' }
    const allowance = own ? this.reconnects.bucket(key) : this.linkReconnects.bucket(key)
    if (!allowance.take()) return { refused: own ? 'rate_reconnect' : 'rate_link_reconnect' }
    const places = open.get(key) ?? new Set<number>()
    open.set(key, places)
    let place = 0
    while (places.has(place)) place++
    places.add(place)
    count(this.openPerAddress, who.address, 1)
    let released = false
    return {
      // A participant's connections share its buckets; each anonymous place has its own.
      limitsKey: own ? key : `a:${key}#${place}`,
      release: () => {
        if (released) return
        released = true
        places.delete(place)
        if (places.size === 0 && open.get(key) === places) open.delete(key)
        count(this.openPerAddress, who.address, -1)
      },
    }
  }

  /**
   * The message buckets of an admitted connection (`limitsKey` from `admit`): a participant's,
   * shared by all its connections, or an anonymous place's; either is kept across reconnects.
   */
  buckets(limitsKey: string): MessageBuckets {
    const person = limitsKey
    return this.messages.getOrCreate(person, () => {
      const limits: Record<MessageKind, RateLimit> = {
        updates: this.limits.updates,
        updateBytes: { perSecond: this.limits.updateBytes.perSecond, burst: Math.max(this.limits.updateBytes.burst, this.limits.maxMessageBytes) },
        awareness: this.limits.awareness,
        syncRequests: this.limits.syncRequests,
        offlineBytes: { perSecond: this.limits.offlineBytes.perSecond, burst: Math.max(this.limits.offlineBytes.burst, this.limits.maxOfflineMessageBytes) },
      }
      const bucket = (kind: MessageKind) =>
        this.shared ? new CountingBucket(limits[kind], (b) => this.unreported.set(b, { person, kind, limit: limits[kind] })) : new TokenBucket(limits[kind])
      return {
        updates: bucket('updates'),
        updateBytes: bucket('updateBytes'),
        awareness: bucket('awareness'),
        syncRequests: bucket('syncRequests'),
        offlineBytes: bucket('offlineBytes'),
      }
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
