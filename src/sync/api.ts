/** The relay's HTTP API (DESIGN.md contract 2), as the browser uses it. */
import type { JourneyJson } from '../model'

export interface CreatedMap {
  id: string
  facilitatorToken: string
  editorToken: string
  viewerToken: string
}

/** An HTTP error from the API, with its status so callers can tell "refused" from "no server". */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

async function json<T>(res: Response): Promise<T> {
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

export async function mintLink(id: string, token: string, role: 'facilitator' | 'editor' | 'viewer'): Promise<{ token: string; url: string }> {
  return json(
    await fetch(`/api/maps/${encodeURIComponent(id)}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ role }),
    }),
  )
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
