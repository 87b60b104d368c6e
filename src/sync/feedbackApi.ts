/** The relay's feedback API (server/http/feedbackApi.ts), as the browser uses it. */
import type { FeedbackData, FeedbackResponse, FeedbackSetInfo } from '../feedback/responses'
import { ApiError, request } from './http'

export type { FeedbackData, FeedbackSetInfo }

const route = (mapId: string, setId?: string) => `/api/maps/${encodeURIComponent(mapId)}/feedback${setId ? `/${setId}` : ''}`

export async function uploadFeedbackSet(mapId: string, token: string, input: { id: string; name: string; responses: FeedbackResponse[] }): Promise<FeedbackSetInfo> {
  return request(route(mapId), { token, body: input })
}

export async function listFeedbackSets(mapId: string, token: string): Promise<FeedbackSetInfo[]> {
  return (await request<{ sets: FeedbackSetInfo[] }>(route(mapId), { token })).sets
}

export async function fetchFeedbackData(mapId: string, token: string, setId: string): Promise<FeedbackData> {
  return request(route(mapId, setId), { token })
}

export async function deleteFeedbackSetOnServer(mapId: string, token: string, setId: string): Promise<void> {
  try {
    await request(route(mapId, setId), { token, method: 'DELETE' })
  } catch (e) {
    // Already gone is what was asked for.
    if (!(e instanceof ApiError && e.code === 'not-found')) throw e
  }
}
