/**
 * Join codes from the relay (server/http/joinCodes.ts). Loaded with the share dialog only, not
 * with the app: `sync/index.ts` does not re-export it.
 */
import { request } from './http'

/**
 * A short join code for the editor or viewer link (`/j/7KQ-4ZP-M3X`), for a projector: it lasts
 * the workshop (at most 24 hours) and stops working when the role's links are revoked. Facilitator only.
 */
export async function createJoinCode(id: string, token: string, role: 'editor' | 'viewer'): Promise<{ code: string; url: string; expiresAt: string }> {
  return request(`/api/maps/${encodeURIComponent(id)}/join-codes`, { token, body: { role } })
}
