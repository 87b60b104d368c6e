/**
 * Participant ids, issued and signed by the relay. A share link is shared by a whole workshop;
 * a participant id names one person (one browser) on one map, so that presence and votes belong
 * to someone the relay knows rather than to whatever a client claims.
 *
 * A participant token is `base64url(JSON payload) + "." + base64url(HMAC-SHA256)`, signed with a
 * key derived from the server secret for this purpose only: a participant token never passes as a
 * share token, nor the other way round. It names the map, the participant id and, for a named
 * seat, the seat. It is optional on the wire (`&participant=<token>` on the socket URL): a stock
 * client with only a role token keeps working, as an anonymous participant.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export interface ParticipantClaims {
  mapId: string
  participantId: string
  /** The named seat this participant sits in (its link's seat). */
  seatId?: string
  issuedAt: number
}

const MAX_TOKEN_LENGTH = 512
const ID = /^[A-Za-z0-9_-]{1,40}$/
/** Participant ids as the document stores them (vote keys, the relay's roll). */
export const PARTICIPANT_ID = /^p_[A-Za-z0-9_-]{1,40}$/

export function newParticipantId(): string {
  return `p_${randomBytes(9).toString('base64url')}`
}

/** Everyone holding one seat's link is one participant: one ballot, one presence owner. */
export function seatParticipantId(seatId: string): string {
  return `p_seat_${seatId}`
}

export class ParticipantSigner {
  private readonly key: Buffer

  constructor(secret: string | Buffer) {
    this.key = createHmac('sha256', typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret)
      .update('participant-token v1')
      .digest()
  }

  sign(claims: ParticipantClaims): string {
    const payload = Buffer.from(
      JSON.stringify({ m: claims.mapId, p: claims.participantId, i: claims.issuedAt, ...(claims.seatId === undefined ? {} : { s: claims.seatId }) }),
      'utf8',
    ).toString('base64url')
    return `${payload}.${this.mac(payload).toString('base64url')}`
  }

  /** The claims of a genuine token for `mapId`, else undefined (forged, malformed, another map's). */
  verify(token: string | null | undefined, mapId: string): ParticipantClaims | undefined {
    if (!token || token.length > MAX_TOKEN_LENGTH) return undefined
    const dot = token.indexOf('.')
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return undefined
    const payload = token.slice(0, dot)
    const given = Buffer.from(token.slice(dot + 1), 'base64url')
    const expected = this.mac(payload)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    let raw: unknown
    try {
      raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    } catch {
      return undefined
    }
    if (typeof raw !== 'object' || raw === null) return undefined
    const { m, p, i, s } = raw as Record<string, unknown>
    if (m !== mapId || typeof p !== 'string' || !PARTICIPANT_ID.test(p) || typeof i !== 'number') return undefined
    if (s !== undefined && !(typeof s === 'string' && ID.test(s))) return undefined
    return { mapId: m, participantId: p, issuedAt: i, ...(s === undefined ? {} : { seatId: s as string }) }
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest()
  }
}
