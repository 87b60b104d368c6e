/** The relay's feedback API (server/http/feedbackApi.ts), as the browser uses it. */
import type { FeedbackData, FeedbackResponse, FeedbackSetInfo } from '../feedback/responses'
import { ApiError } from './api'

export type { FeedbackData, FeedbackSetInfo }


const route = (mapId: string, setId?: string) => `/api/maps/${encodeURIComponent(mapId)}/feedback${setId ? `/${setId}` : ''}`
const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function json<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    const errors = (body as { errors?: { path: string; message: string }[] }).errors
    throw new ApiError(errors?.map((e) => `${e.path}: ${e.message}`).join('\n') ?? (body as { error?: string }).error ?? res.statusText, res.status)
  }
  return body as T
}

export async function uploadFeedbackSet(mapId: string, token: string, input: { id: string; name: string; responses: FeedbackResponse[] }): Promise<FeedbackSetInfo> {
  return json(await fetch(route(mapId), { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: JSON.stringify(input) }))
}

export async function listFeedbackSets(mapId: string, token: string): Promise<FeedbackSetInfo[]> {
  return (await json<{ sets: FeedbackSetInfo[] }>(await fetch(route(mapId), { headers: auth(token) }))).sets
}

export async function fetchFeedbackData(mapId: string, token: string, setId: string): Promise<FeedbackData> {
  return json(await fetch(route(mapId, setId), { headers: auth(token) }))
}

export async function deleteFeedbackSetOnServer(mapId: string, token: string, setId: string): Promise<void> {
  const res = await fetch(route(mapId, setId), { method: 'DELETE', headers: auth(token) })
  // Already gone is what was asked for.
  if (res.status !== 404) await json(res)
}
