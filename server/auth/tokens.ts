/**
 * Share tokens (DESIGN.md contract 2): `base64url(JSON payload) + "." + base64url(HMAC-SHA256)`.
 * The payload names one map, one role and that role's key epoch; bumping the epoch in storage
 * revokes every token of the role at once without keeping a list of issued tokens.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const ROLES = ['facilitator', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Roles that may change the document. */
export function canWrite(role: Role): boolean {
  return role !== 'viewer'
}

export interface TokenClaims {
  mapId: string
  role: Role
  /** The role's key epoch when the token was minted; an older epoch is revoked. */
  epoch: number
  /** Issued at, milliseconds since the epoch; also makes every minted link distinct. */
  issuedAt: number
  /** Expiry, milliseconds since the epoch; absent means the token lasts until revoked. */
  expiresAt?: number
  /**
   * The link's id, so limits follow a link across reconnects. Tokens minted since carry a random
   * one; an older token without it gets one derived from its signature, so it stays valid and
   * keeps one id.
   */
  tokenId: string
  /** Set on a named seat's link (one person's link, revocable on its own): the seat's id. */
  seatId?: string
}

/** What `sign` needs: a token id is made when none is given. */
export type UnsignedClaims = Omit<TokenClaims, 'tokenId'> & { tokenId?: string }

const ID = /^[A-Za-z0-9_-]{1,40}$/

export function newTokenId(): string {
  return randomBytes(9).toString('base64url')
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

/** A token string is at most this long; anything longer is refused before hashing it. */
const MAX_TOKEN_LENGTH = 1024

export class TokenSigner {
  private readonly key: Buffer

  constructor(secret: string | Buffer) {
    this.key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret
    if (this.key.length < 16) throw new Error('AUTH_SECRET: expected at least 16 bytes')
  }

  sign(claims: UnsignedClaims): string {
    const payload = Buffer.from(
      JSON.stringify({
        m: claims.mapId,
        r: claims.role,
        e: claims.epoch,
        i: claims.issuedAt,
        ...(claims.expiresAt === undefined ? {} : { x: claims.expiresAt }),
        t: claims.tokenId ?? newTokenId(),
        ...(claims.seatId === undefined ? {} : { s: claims.seatId }),
      }),
      'utf8',
    ).toString('base64url')
    return `${payload}.${this.mac(payload).toString('base64url')}`
  }

  verify(token: string | null | undefined, now = Date.now()): TokenCheck {
    if (!token || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' }
    const dot = token.indexOf('.')
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' }
    const payload = token.slice(0, dot)
    const given = Buffer.from(token.slice(dot + 1), 'base64url')
    const expected = this.mac(payload)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
    let raw: unknown
    try {
      raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    } catch {
      return { ok: false, reason: 'malformed' }
    }
    const claims = readClaims(raw, given)
    if (!claims) return { ok: false, reason: 'malformed' }
    if (claims.expiresAt !== undefined && claims.expiresAt <= now) return { ok: false, reason: 'expired' }
    return { ok: true, claims }
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest()
  }
}

function readClaims(raw: unknown, mac: Buffer): TokenClaims | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const { m, r, e, i, x, t, s } = raw as Record<string, unknown>
  if (typeof m !== 'string' || !isRole(r) || !Number.isInteger(e) || typeof i !== 'number') return undefined
  if (x !== undefined && typeof x !== 'number') return undefined
  if (t !== undefined && !(typeof t === 'string' && ID.test(t))) return undefined
  if (s !== undefined && !(typeof s === 'string' && ID.test(s))) return undefined
  // A token minted before links had ids: its signature is unique to it, so an id derived from it is stable.
  const tokenId = (t as string | undefined) ?? `h${createHash('sha256').update(mac).digest('base64url').slice(0, 16)}`
  return { mapId: m, role: r, epoch: e as number, issuedAt: i, ...(x === undefined ? {} : { expiresAt: x }), tokenId, ...(s === undefined ? {} : { seatId: s as string }) }
}
