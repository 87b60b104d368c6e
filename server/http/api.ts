/**
 * The REST API (DESIGN.md contract 2 and server/README.md):
 *
 *   POST /api/maps                       {"title"?, "template"?, "locale"?} → 201 share links
 *   POST /api/maps/import                contract-4 JSON → 201 share links, or 400 {"errors":[…]}
 *   GET  /api/maps/<id>                  → {id, title, role}            (any role's token)
 *   GET  /api/maps/<id>/export.json      → contract-4 JSON attachment   (any role's token)
 *   POST /api/maps/<id>/links            {"role", "expiresInSeconds"?} → 201 a new link  (facilitator)
 *   POST /api/maps/<id>/revoke           {"role"} → revokes every link of the role       (facilitator)
 *   GET  /api/maps/<id>/versions         → {versions: [{id, name, reason, createdAt}]}  (any role)
 *   POST /api/maps/<id>/versions         {"name"} → 201 a named version of the map now  (facilitator)
 *   GET  /api/maps/<id>/versions/<vid>   → that version as contract-4 JSON            (any role)
 *   GET  /api/time                       → {now}: the relay's clock, for shared timers
 *   /api/maps/<id>/feedback[/<setId>]    customer feedback data sets (feedbackApi.ts)
 *   POST /api/maps/<id>/join-codes       {"role"} → 201 a short code for the role's link (joinCodes.ts, facilitator)
 *   GET  /j/<code>                       → 302 to the link the code stands for (joinCodes.ts)
 *
 * Tokens come as `Authorization: Bearer <token>` or `?token=`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_IMPORT_BYTES } from '../../src/model'
import { authorize } from '../auth/authorize'
import { isRole, type Role, type TokenSigner } from '../auth/tokens'
import type { ServerConfig } from '../config'
import { buildImportedDoc, buildNewMapDoc, InputError, shareUrl, type MapService } from '../maps'
import { MAP_ID } from '../mapIds'
import type { RelayMetrics } from '../metrics'
import type { Relay } from '../relay/relay'
import type { MapStore } from '../storage/types'
import { KeyedTokenBuckets } from '../tokenBucket'
import type { ParticipantSigner } from '../auth/participants'
import { clientAddress } from './clientAddress'
import { createParticipantsApi } from './participantsApi'
import { createFeedbackApi } from './feedbackApi'
import { createJoinCodes } from './joinCodes'
import { HttpError, readJsonObject, readBody, sendJson } from './respond'

/** Small JSON bodies everywhere but import. */
const MAX_JSON_BODY = 64 * 1024
/** A link may be made to last at most a year; longer-lived access is a link without expiry. */
const MAX_EXPIRY_SECONDS = 366 * 24 * 3600

export interface ApiDeps {
  config: ServerConfig
  maps: MapService
  store: MapStore
  signer: TokenSigner
  participants: ParticipantSigner
  relay: Relay
  metrics: RelayMetrics
}

const MAP_ROUTE = new RegExp(`^/api/maps/(${MAP_ID.source.slice(1, -1)})(?:/(export\\.json|links|revoke|versions)(?:/(v_[A-Za-z0-9_-]{1,40}))?)?$`)
const MAX_VERSION_NAME = 200

export function createApiHandler(deps: ApiDeps) {
  const createLimiter = new KeyedTokenBuckets(deps.config.limits.createMaps)
  const participantsApi = createParticipantsApi({ ...deps, originOf: (req) => originOf(req, deps.config) })
  const feedbackApi = createFeedbackApi(deps)
  const joinCodes = createJoinCodes({ ...deps, originOf: (req) => originOf(req, deps.config) })

  /** Returns the route label for metrics; throws HttpError for every refusal. */
  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> {
    const { pathname } = url
    if (pathname.startsWith('/j/')) return joinCodes.redirect(req, res, url)
    if (pathname === '/api/time') {
      requireMethod(req, 'GET')
      sendJson(res, 200, { now: Date.now() })
      return 'time'
    }
    if (pathname === '/api/maps' || pathname === '/api/maps/import') {
      const route = pathname === '/api/maps' ? 'create' : 'import'
      requireMethod(req, 'POST')
      const limited = createLimiter.take(clientAddress(req, deps.config.trustProxy))
      if (!limited.ok) {
        deps.metrics.rejected.inc({ reason: 'rate_create_maps' })
        throw new HttpError(429, 'too many new maps from this address; try again shortly', {}, { 'Retry-After': String(limited.retryAfterSeconds) })
      }
      const doc =
        route === 'create'
          ? buildNewMapDoc(await readJsonObject(req, MAX_JSON_BODY))
          : buildImportedDoc((await readBody(req, MAX_IMPORT_BYTES)).toString('utf8'))
      const links = await deps.maps.create(doc, originOf(req, deps.config))
      deps.metrics.mapsCreated.inc({ how: route === 'import' ? 'import' : 'new' })
      sendJson(res, 201, links, { Location: `/m/${links.id}` })
      return route
    }

    const participantRoute = await participantsApi(req, res, url, tokenOf(req, url))
    if (participantRoute) return participantRoute
    const feedbackRoute = await feedbackApi(req, res, url, tokenOf(req, url))
    if (feedbackRoute) return feedbackRoute
    const joinCodeRoute = await joinCodes.api(req, res, url, tokenOf(req, url))
    if (joinCodeRoute) return joinCodeRoute

    const match = MAP_ROUTE.exec(pathname)
    if (!match) throw new HttpError(404, 'no such API route')
    const [, mapId, action, versionId] = match
    const token = tokenOf(req, url)
    if (versionId !== undefined && action !== 'versions') throw new HttpError(404, 'no such API route')

    if (action === 'versions') {
      if (versionId !== undefined) {
        requireMethod(req, 'GET')
        await authorized(deps, mapId, token)
        const version = await deps.maps.versionJson(mapId, versionId)
        if (!version) throw new HttpError(404, 'no such version')
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(version), 'Cache-Control': 'no-store' })
        res.end(version)
        return 'version'
      }
      if (req.method === 'GET') {
        await authorized(deps, mapId, token)
        sendJson(res, 200, { versions: await deps.store.listVersions(mapId) })
        return 'versions'
      }
      requireMethod(req, 'POST')
      await authorized(deps, mapId, token, 'facilitator')
      const body = await readJsonObject(req, MAX_JSON_BODY)
      const name = body.name === undefined ? 'Saved version' : body.name
      if (typeof name !== 'string' || !name.trim() || name.length > MAX_VERSION_NAME) throw new InputError([{ path: 'name', message: `expected text of 1..${MAX_VERSION_NAME} characters` }])
      sendJson(res, 201, await deps.maps.saveVersion(mapId, name.trim()))
      return 'version-save'
    }

    if (action === undefined) {
      requireMethod(req, 'GET')
      const { claims, meta } = await authorized(deps, mapId, token)
      sendJson(res, 200, { id: mapId, title: await deps.maps.title(meta), role: claims.role })
      return 'map'
    }

    if (action === 'export.json') {
      requireMethod(req, 'GET')
      await authorized(deps, mapId, token)
      const { body, title } = await deps.maps.exportJson(mapId)
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Content-Disposition': attachment(`${fileNameOf(title)}.json`),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      res.end(body)
      return 'export'
    }

    requireMethod(req, 'POST')
    const { meta } = await authorized(deps, mapId, token, 'facilitator')
    const body = await readJsonObject(req, MAX_JSON_BODY)
    const role = body.role
    if (!isRole(role)) throw new InputError([{ path: 'role', message: 'expected "facilitator", "editor" or "viewer"' }])

    if (action === 'links') {
      const expires = body.expiresInSeconds
      const valid = expires === undefined || (typeof expires === 'number' && Number.isInteger(expires) && expires >= 1 && expires <= MAX_EXPIRY_SECONDS)
      if (!valid) throw new InputError([{ path: 'expiresInSeconds', message: `expected a whole number of seconds from 1 to ${MAX_EXPIRY_SECONDS}` }])
      const newToken = deps.maps.mint(meta, role, expires)
      const claims = deps.signer.verify(newToken)
      sendJson(res, 201, {
        role,
        token: newToken,
        url: shareUrl(originOf(req, deps.config), mapId, newToken),
        expiresAt: claims.ok && claims.claims.expiresAt !== undefined ? new Date(claims.claims.expiresAt).toISOString() : null,
      })
      return 'links'
    }

    // revoke: bump the epoch first, so a reconnect racing the close is already refused.
    const epoch = await deps.store.bumpEpoch(mapId, role)
    const closed = await deps.relay.revoke(mapId, role)
    // A fresh link for the role, so the facilitator can hand out a new one at once (and, when
    // revoking their own role, is not locked out).
    const fresh = deps.maps.mint({ ...meta, epochs: { ...meta.epochs, [role]: epoch } }, role)
    sendJson(res, 200, { role, epoch, closedConnections: closed, token: fresh, url: shareUrl(originOf(req, deps.config), mapId, fresh) })
    return 'revoke'
  }
}

async function authorized(deps: ApiDeps, mapId: string, token: string | null, needs?: Role) {
  const auth = await authorize(deps.signer, deps.store, mapId, token, needs)
  if (!auth.ok) {
    deps.metrics.rejected.inc({ reason: auth.reason })
    throw new HttpError(auth.status, auth.message, { reason: auth.reason })
  }
  return auth
}

function requireMethod(req: IncomingMessage, method: string): void {
  if (req.method !== method) throw new HttpError(405, `use ${method}`, {}, { Allow: method })
}

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice(7).trim()
  return url.searchParams.get('token')
}

/** Where share links point: PUBLIC_URL when set, else the host the client used. */
function originOf(req: IncomingMessage, config: ServerConfig): string {
  if (config.publicUrl) return config.publicUrl
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
  const host = /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host ?? '') ? req.headers.host : `localhost:${config.port}`
  return `${proto}://${host}`
}

/** A file name from the map title, keeping letters of any script (æøå stay), dropping the rest. */
export function fileNameOf(title: string): string {
  const name = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return name || 'journey-map'
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name for clients that read it. */
function attachment(fileName: string): string {
  const ascii = fileName
    .replace(/[æÆøØßþÞðÐ]/g, (c) => ASCII_LETTERS[c])
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'journey-map.json'
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** Letters NFKD does not decompose into ASCII. */
const ASCII_LETTERS: Record<string, string> = { æ: 'ae', Æ: 'AE', ø: 'oe', Ø: 'OE', ß: 'ss', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D' }
