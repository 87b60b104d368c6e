/**
 * Participants and named seats (server/README.md):
 *
 *   POST /api/maps/<id>/participants             {"participantToken"?} → 201 {participantId, participantToken, seat}   (any role)
 *   GET  /api/maps/<id>/seats                    → {seats: [{id, name, createdAt, revokedAt, token, url}]}          (facilitator)
 *   POST /api/maps/<id>/seats                    {"name"} → 201 {id, name, createdAt, revokedAt, token, url}        (facilitator)
 *   POST /api/maps/<id>/seats/<seatId>/revoke    → 200 {id, name, createdAt, revokedAt, closedConnections}          (facilitator)
 *
 * A browser asks for its participant id once per map and keeps the token; presenting it again
 * renews it (same id). A seat's link always yields the seat's participant.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { authorize } from '../auth/authorize'
import { newParticipantId, seatParticipantId } from '../auth/participants'
import type { Role } from '../auth/tokens'
import { InputError, shareUrl } from '../maps'
import { MAP_ID } from '../mapIds'
import type { Seat } from '../storage/types'
import { KeyedTokenBuckets } from '../tokenBucket'
import type { ApiDeps } from './api'
import { clientAddress } from './clientAddress'
import { HttpError, readJsonObject, sendJson } from './respond'

/** What the map API has, and where share links point (PUBLIC_URL or the request's host). */
export interface ParticipantsApiDeps extends ApiDeps {
  originOf(req: IncomingMessage): string
}

const ROUTE = new RegExp(`^/api/maps/(${MAP_ID.source.slice(1, -1)})/(participants|seats)(?:/([A-Za-z0-9_-]{1,40})/(revoke))?$`)
const MAX_BODY = 16 * 1024
const MAX_SEAT_NAME = 80
/** Seats per map: a workshop's worth, many times over. */
const MAX_SEATS = 500

export function createParticipantsApi(deps: ParticipantsApiDeps) {
  const issueLimiter = new KeyedTokenBuckets(deps.config.limits.participantIds)

  const authorized = async (mapId: string, token: string | null, needs?: Role) => {
    const auth = await authorize(deps.signer, deps.store, mapId, token, needs)
    if (!auth.ok) {
      deps.metrics.rejected.inc({ reason: auth.reason })
      throw new HttpError(auth.status, auth.message, { reason: auth.reason })
    }
    return auth
  }

  const seatJson = (req: IncomingMessage, mapId: string, seat: Seat, epoch: number) => {
    if (seat.revokedAt) return { ...seat }
    const token = deps.maps.mintSeat(mapId, seat.id, epoch)
    return { ...seat, token, url: shareUrl(deps.originOf(req), mapId, token) }
  }

  /** Handles the routes above; returns the route label for metrics, or null for another route. */
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL, token: string | null): Promise<string | null> {
    const match = ROUTE.exec(url.pathname)
    if (!match) return null
    const [, mapId, resource, seatId, action] = match

    if (resource === 'participants') {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST', {}, { Allow: 'POST' })
      const { claims } = await authorized(mapId, token)
      const body = await readJsonObject(req, MAX_BODY)
      const issuedAt = Date.now()
      if (claims.seatId) {
        const seat = (await deps.store.getSeat(mapId, claims.seatId))!
        const participantId = seatParticipantId(seat.id)
        const participantToken = deps.participants.sign({ mapId, participantId, seatId: seat.id, issuedAt })
        sendJson(res, 201, { participantId, participantToken, seat: { id: seat.id, name: seat.name } })
        return 'participant'
      }
      // Renewing: a genuine token for this map keeps its id (a seat's, while the seat stands).
      const known = typeof body.participantToken === 'string' ? deps.participants.verify(body.participantToken, mapId) : undefined
      const knownSeat = known?.seatId !== undefined ? await deps.store.getSeat(mapId, known.seatId) : undefined
      if (known && (known.seatId === undefined || (knownSeat && !knownSeat.revokedAt))) {
        const participantToken = deps.participants.sign({ ...known, issuedAt })
        sendJson(res, 201, { participantId: known.participantId, participantToken, seat: knownSeat ? { id: knownSeat.id, name: knownSeat.name } : null })
        return 'participant'
      }
      const limited = issueLimiter.take(clientAddress(req, deps.config.trustProxy))
      if (!limited.ok) {
        deps.metrics.rejected.inc({ reason: 'rate_participant_ids' })
        throw new HttpError(429, 'too many new participants from this address; try again shortly', {}, { 'Retry-After': String(limited.retryAfterSeconds) })
      }
      const participantId = newParticipantId()
      sendJson(res, 201, { participantId, participantToken: deps.participants.sign({ mapId, participantId, issuedAt }), seat: null })
      return 'participant'
    }

    const { meta } = await authorized(mapId, token, 'facilitator')
    if (seatId !== undefined) {
      if (req.method !== 'POST' || action !== 'revoke') throw new HttpError(405, 'use POST', {}, { Allow: 'POST' })
      const seat = await deps.store.revokeSeat(mapId, seatId, new Date().toISOString())
      if (!seat) throw new HttpError(404, 'no such seat')
      const closedConnections = await deps.relay.revokeSeat(mapId, seatId)
      sendJson(res, 200, { ...seat, closedConnections })
      return 'seat-revoke'
    }
    if (req.method === 'GET') {
      const seats = await deps.store.listSeats(mapId)
      sendJson(res, 200, { seats: seats.map((s) => seatJson(req, mapId, s, meta.epochs.editor)) })
      return 'seats'
    }
    if (req.method !== 'POST') throw new HttpError(405, 'use GET or POST', {}, { Allow: 'GET, POST' })
    const body = await readJsonObject(req, MAX_BODY)
    const name = typeof body.name === 'string' ? body.name.normalize('NFC').trim() : ''
    if (!name || name.length > MAX_SEAT_NAME) throw new InputError([{ path: 'name', message: `expected a name of 1..${MAX_SEAT_NAME} characters` }])
    if ((await deps.store.listSeats(mapId)).length >= MAX_SEATS) throw new InputError([{ path: 'name', message: `a map has at most ${MAX_SEATS} seats` }])
    const seat: Seat = { id: randomBytes(9).toString('base64url'), name, createdAt: new Date().toISOString(), revokedAt: null }
    await deps.store.createSeat(mapId, seat)
    sendJson(res, 201, seatJson(req, mapId, seat, meta.epochs.editor))
    return 'seat-create'
  }
}
