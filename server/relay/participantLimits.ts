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
 */
import type { RelayLimits } from '../config'
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

/** Keys remembered per kind of bucket; beyond it the least recently used key starts afresh. */
const MAX_KEYS = 10_000

export class ParticipantLimits {
  private readonly messages = new LruMap<string, MessageBuckets>(MAX_KEYS)
  private readonly reconnects: KeyedTokenBuckets
  private readonly linkReconnects: KeyedTokenBuckets
  private readonly openPerLink = new Map<string, number>()
  private readonly openPerAddress = new Map<string, number>()

  constructor(private readonly limits: RelayLimits) {
    this.reconnects = new KeyedTokenBuckets(limits.reconnects, MAX_KEYS)
    this.linkReconnects = new KeyedTokenBuckets(limits.linkReconnects, MAX_KEYS)
  }

  /**
   * At the upgrade, before a socket exists: may this person open one more connection now? On
   * success the connection is counted until the returned `release` is called.
   */
  admit(who: Who): { refused: UpgradeRefusal } | { release: () => void } {
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
    return this.messages.getOrCreate(personKey(who), () => ({
      updates: new TokenBucket(this.limits.updates),
      updateBytes: new TokenBucket({ perSecond: this.limits.updateBytes.perSecond, burst: Math.max(this.limits.updateBytes.burst, this.limits.maxMessageBytes) }),
      awareness: new TokenBucket(this.limits.awareness),
      syncRequests: new TokenBucket(this.limits.syncRequests),
    }))
  }
}

function count(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by
  if (n > 0) counts.set(key, n)
  else counts.delete(key)
}
