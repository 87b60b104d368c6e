/** The relay's HTTP API (DESIGN.md contract 2), as the browser uses it. */
import type { JourneyJson } from '../model'
import { readJson, request } from './http'

export interface CreatedMap {
  id: string
  facilitatorToken: string
  editorToken: string
  viewerToken: string
}

export { ApiError, serverRefused } from './http'

const map = (id: string) => `/api/maps/${encodeURIComponent(id)}`
const query = (token: string) => `?token=${encodeURIComponent(token)}`

export async function createMapOnServer(input: { title?: string; template?: string; locale?: string }): Promise<CreatedMap> {
  return request('/api/maps', { body: input })
}

/** Publish a whole map (a local one, or an imported file) as a new map on the server. */
export async function importMapOnServer(file: JourneyJson): Promise<CreatedMap> {
  return request('/api/maps/import', { body: file })
}

export async function fetchMapInfo(id: string, token: string): Promise<{ id: string; title: string; role: 'facilitator' | 'editor' | 'viewer' }> {
  return request(map(id) + query(token))
}

/** A new link for a role; with `expiresInSeconds` it stops working then (the relay refuses it). */
export async function mintLink(
  id: string,
  token: string,
  role: 'facilitator' | 'editor' | 'viewer',
  expiresInSeconds?: number,
): Promise<{ token: string; url: string; expiresAt?: string | null }> {
  return request(`${map(id)}/links`, { token, body: expiresInSeconds === undefined ? { role } : { role, expiresInSeconds } })
}

/**
 * Revoke every link of a role: the relay closes their sockets and refuses them from now on, and
 * answers with one fresh link for the role, so the facilitator can hand out a new one at once.
 */
export async function revokeLinks(
  id: string,
  token: string,
  role: 'facilitator' | 'editor' | 'viewer',
): Promise<{ token: string; url: string; closedConnections: number }> {
  return request(`${map(id)}/revoke`, { token, body: { role } })
}

/**
 * When a link stops working, read from its own claims (ms since the epoch), or null when it lasts
 * until revoked. Only for showing it: the relay alone judges a token.
 */
export function linkExpiresAt(token: string): number | null {
  try {
    const payload = token.slice(0, token.indexOf('.')).replace(/-/g, '+').replace(/_/g, '/')
    const claims = JSON.parse(atob(payload)) as { x?: unknown }
    return typeof claims.x === 'number' ? claims.x : null
  } catch {
    return null
  }
}

export function shareUrl(id: string, token: string): string {
  return `${location.origin}/m/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`
}

export interface VersionInfo {
  id: string
  name: string
  createdAt: string
  /** `manual`, or why the relay took it: `lock`, `session-start`, `before-restore`. */
  reason: string
}

export async function listVersions(id: string, token: string): Promise<VersionInfo[]> {
  return (await request<{ versions: VersionInfo[] }>(`${map(id)}/versions${query(token)}`)).versions
}

export async function saveVersion(id: string, token: string, name: string): Promise<VersionInfo> {
  return request(`${map(id)}/versions`, { token, body: { name } })
}

/** A version's content in the JSON interchange format. */
export async function fetchVersion(id: string, token: string, versionId: string): Promise<unknown> {
  return request(`${map(id)}/versions/${encodeURIComponent(versionId)}${query(token)}`)
}

/** A participant id the relay issued for one map, with the token that proves it (kept in this browser). */
export interface IssuedParticipant {
  participantId: string
  participantToken: string
  /** The named seat, when the link is a seat's. */
  seat: { id: string; name: string } | null
}

/** Ask for this browser's participant id on a map; presenting the one held renews it (same id). */
export async function requestParticipant(id: string, token: string, known?: string): Promise<IssuedParticipant> {
  return request(`${map(id)}/participants`, { token, body: known ? { participantToken: known } : {} })
}

/**
 * The participant request the page's first script (public/open-early.js) made before this code
 * loaded: on a map link, in a browser holding no participant id for the map yet, so the id is
 * there when the code is ready to connect.
 */
interface EarlyParticipantRequest {
  mapId: string
  token: string
  response: Promise<Response>
}

/** The answer to that request, if it asked what `requestParticipant(id, token, known)` would; taken once. */
export function takeEarlyParticipant(id: string, token: string, known?: string): Promise<IssuedParticipant> | undefined {
  const page = window as { __journeyEarlyParticipant?: EarlyParticipantRequest }
  const early = page.__journeyEarlyParticipant
  delete page.__journeyEarlyParticipant
  if (!early || early.mapId !== id || early.token !== token || known !== undefined) return undefined
  return early.response.then((res) => readJson<IssuedParticipant>(res))
}

/** A named seat: one person's link, revocable on its own. `url` is absent once revoked. */
export interface SeatLink {
  id: string
  name: string
  createdAt: string
  revokedAt: string | null
  token?: string
  url?: string
}

export async function listSeats(id: string, token: string): Promise<SeatLink[]> {
  return (await request<{ seats: SeatLink[] }>(`${map(id)}/seats`, { token })).seats
}

export async function createSeat(id: string, token: string, name: string): Promise<SeatLink> {
  return request(`${map(id)}/seats`, { token, body: { name } })
}

export async function revokeSeat(id: string, token: string, seatId: string): Promise<SeatLink> {
  return request(`${map(id)}/seats/${encodeURIComponent(seatId)}/revoke`, { token, method: 'POST' })
}
