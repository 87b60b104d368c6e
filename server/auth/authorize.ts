import type { MapMeta, MapStore } from '../storage/types'
import type { Role, TokenClaims, TokenSigner } from './tokens'

export type Authorization =
  | { ok: true; claims: TokenClaims; meta: MapMeta }
  | { ok: false; status: 401 | 403 | 404; reason: RefusalReason; message: string }

/** Why a token was refused; also the `reason` label in `/metrics`. */
export type RefusalReason = 'token_missing' | 'token_malformed' | 'token_forged' | 'token_expired' | 'token_other_map' | 'token_revoked' | 'seat_revoked' | 'map_not_found' | 'role_insufficient'

/**
 * Decide whether `token` opens `mapId`: 401 when it proves nothing (missing, malformed, forged,
 * expired), 403 when it is genuine but not for this (other map, revoked, too weak a role),
 * 404 when the map is gone.
 *
 * A named seat's link is revoked with its seat, on its own: revoking a role's links does not
 * touch the seats (each is one person's, handed out by name), and revoking a seat touches nothing else.
 */
export async function authorize(signer: TokenSigner, store: MapStore, mapId: string, token: string | null | undefined, needs?: Role): Promise<Authorization> {
  if (!token) return { ok: false, status: 401, reason: 'token_missing', message: 'a share token is required' }
  const check = signer.verify(token)
  if (!check.ok) {
    const reason = check.reason === 'expired' ? 'token_expired' : check.reason === 'forged' ? 'token_forged' : 'token_malformed'
    return { ok: false, status: 401, reason, message: check.reason === 'expired' ? 'this link has expired' : 'this link is not valid' }
  }
  const { claims } = check
  if (claims.mapId !== mapId) return { ok: false, status: 403, reason: 'token_other_map', message: 'this link is for another map' }
  const meta = await store.getMapMeta(mapId)
  if (!meta) return { ok: false, status: 404, reason: 'map_not_found', message: 'no such map' }
  if (claims.seatId !== undefined) {
    const seat = await store.getSeat(mapId, claims.seatId)
    if (!seat || seat.revokedAt) return { ok: false, status: 403, reason: 'seat_revoked', message: 'this seat’s link was revoked' }
  } else if (claims.epoch !== meta.epochs[claims.role]) return { ok: false, status: 403, reason: 'token_revoked', message: 'this link was revoked' }
  if (needs && claims.role !== needs) return { ok: false, status: 403, reason: 'role_insufficient', message: `this needs a ${needs} link` }
  return { ok: true, claims, meta }
}
