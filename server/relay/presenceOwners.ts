/**
 * Who owns each awareness client id in a room. An id belongs to the participant whose connection
 * first claimed it (the relay-issued participant id, else the link from one address), not to the
 * connection: when that participant reconnects it takes its ids back, and while it is away nobody
 * else can claim them, so a squatter cannot show up under someone else's name and presence.
 *
 * Ownership outlives connections; the least recently used entries are forgotten past a bound
 * (client ids are random per tab and session, so old ones are never seen again).
 */
import { LruMap } from '../lru'

/** Client ids remembered per room: many sessions of every participant a room may hold. */
const MAX_OWNED_IDS = 4096

export class PresenceOwners {
  private readonly owners = new LruMap<number, string>(MAX_OWNED_IDS)

  /**
   * Claim up to `max` of `clientIds` for `owner`: ids nobody owns and ids it owns already. Returns
   * the ids now its; the others belong to someone else.
   */
  claim(owner: string, clientIds: number[], max: number): number[] {
    const granted: number[] = []
    for (const id of clientIds) {
      if (granted.length >= max) break
      const current = this.owners.get(id)
      if (current !== undefined && current !== owner) continue
      this.owners.set(id, owner)
      if (!granted.includes(id)) granted.push(id)
    }
    return granted
  }
}
