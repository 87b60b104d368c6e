/** The relay's HTTP API (DESIGN.md contract 2), as the browser uses it. */
import type { JourneyJson } from '../model'

export interface CreatedMap {
  id: string
  facilitatorToken: string
  editorToken: string
  viewerToken: string
}

/**
 * An HTTP error from the API, with its status. What a status means to the person is decided here,
 * once, so no caller matches on messages or repeats the status ranges.
 */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }

  /** The link was refused (revoked, expired or forged): asking again will not help. */
  get linkRefused(): boolean {
    return this.status === 401 || this.status === 403
  }

  /**
   * The server answered and said no (a 4xx). 404 and 405 are not refusals: a static host without
   * the API answers them, and that means there is no server to keep the map on.
   */
  get refused(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 404 && this.status !== 405
  }
}

/** The server refused the request (see `ApiError.refused`); false for "no server to reach". */
export function serverRefused(e: unknown): e is ApiError {
  return e instanceof ApiError && e.refused
}

/** A thrown value's message, for a notice: errors say what went wrong, anything else is shown as text. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** A response's JSON body, or an ApiError saying what the server refused (also for calls in lazily loaded modules). */
export async function json<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    const errors = (body as { errors?: { path: string; message: string }[] }).errors
    const message = errors?.map((e) => `${e.path}: ${e.message}`).join('\n') ?? (body as { error?: string }).error ?? res.statusText
    throw new ApiError(message, res.status)
  }
  return body as T
}

export async function createMapOnServer(input: { title?: string; template?: string; locale?: string }): Promise<CreatedMap> {
  return json(await fetch('/api/maps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }))
}

/** Publish a whole map (a local one, or an imported file) as a new map on the server. */
export async function importMapOnServer(file: JourneyJson): Promise<CreatedMap> {
  return json(await fetch('/api/maps/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) }))
}

export async function fetchMapInfo(id: string, token: string): Promise<{ id: string; title: string; role: 'facilitator' | 'editor' | 'viewer' }> {
  return json(await fetch(`/api/maps/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`))
}

/** A new link for a role; with `expiresInSeconds` it stops working then (the relay refuses it). */
export async function mintLink(
  id: string,
  token: string,
  role: 'facilitator' | 'editor' | 'viewer',
  expiresInSeconds?: number,
): Promise<{ token: string; url: string; expiresAt?: string | null }> {
  return json(
    await fetch(`/api/maps/${encodeURIComponent(id)}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(expiresInSeconds === undefined ? { role } : { role, expiresInSeconds }),
    }),
  )
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
  return json(
    await fetch(`/api/maps/${encodeURIComponent(id)}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ role }),
    }),
  )
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
  const body = await json<{ versions: VersionInfo[] }>(await fetch(`/api/maps/${encodeURIComponent(id)}/versions?token=${encodeURIComponent(token)}`))
  return body.versions
}

export async function saveVersion(id: string, token: string, name: string): Promise<VersionInfo> {
  return json(
    await fetch(`/api/maps/${encodeURIComponent(id)}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name }),
    }),
  )
}

/** A version's content in the JSON interchange format. */
export async function fetchVersion(id: string, token: string, versionId: string): Promise<unknown> {
  return json(await fetch(`/api/maps/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}?token=${encodeURIComponent(token)}`))
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
  return json(
    await fetch(`/api/maps/${encodeURIComponent(id)}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(known ? { participantToken: known } : {}),
    }),
  )
}

/**
 * The participant request the page's first script (public/open-early.js) made before this code
 * loaded: on a map link, in a browser holding no participant id for the map yet. The relay loads
 * the map on that request, while the page still loads its code.
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
  return early.response.then((res) => json<IssuedParticipant>(res))
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
  const body = await json<{ seats: SeatLink[] }>(await fetch(`/api/maps/${encodeURIComponent(id)}/seats`, { headers: { authorization: `Bearer ${token}` } }))
  return body.seats
}

export async function createSeat(id: string, token: string, name: string): Promise<SeatLink> {
  return json(
    await fetch(`/api/maps/${encodeURIComponent(id)}/seats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name }),
    }),
  )
}

export async function revokeSeat(id: string, token: string, seatId: string): Promise<SeatLink> {
  return json(
    await fetch(`/api/maps/${encodeURIComponent(id)}/seats/${encodeURIComponent(seatId)}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    }),
  )
}
