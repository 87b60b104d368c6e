/** Another map's content, read through the relay's export (any role's token may read it). */
import { request } from './http'

export async function fetchExportedMap(id: string, token: string): Promise<unknown> {
  return request(`/api/maps/${encodeURIComponent(id)}/export.json?token=${encodeURIComponent(token)}`, { cache: 'no-store' })
}
