/** Another map's content, read through the relay's export (any role's token may read it). */
import { ApiError } from './api'

export async function fetchExportedMap(id: string, token: string): Promise<unknown> {
  const res = await fetch(`/api/maps/${encodeURIComponent(id)}/export.json?token=${encodeURIComponent(token)}`, { cache: 'no-store' })
  if (!res.ok) throw new ApiError(res.status === 401 || res.status === 403 ? 'this browser’s link to that map is no longer valid' : `the server answered ${res.status}`, res.status)
  return res.json()
}
