/**
 * Fetches every data set the map references from the relay, once per session and role, and
 * forgets those the map no longer references. Renders nothing.
 */
import { useEffect } from 'react'
import { useJourneyStore, type JourneyState } from '../../store'
import { ApiError } from '../../sync/api'
import { fetchFeedbackData } from '../../sync/feedbackApi'

const selectSetIds = (s: JourneyState) => Object.keys(s.snapshot.feedbackSets).sort().join(' ')
const selectAccess = (s: JourneyState) => s.feedbackAccess

/** `token` absent: a map kept in this browser, which has no server to keep feedback on. */
export function FeedbackLoader({ mapId, token }: { mapId: string; token: string | undefined }) {
  const ids = useJourneyStore(selectSetIds)
  const access = useJourneyStore(selectAccess)
  useEffect(() => {
    useJourneyStore.getState().setFeedbackAccess(token ? { mapId, token } : null)
    return () => useJourneyStore.getState().setFeedbackAccess(null)
  }, [mapId, token])
  useEffect(() => {
    const store = useJourneyStore.getState()
    const wanted = new Set(ids ? ids.split(' ') : [])
    for (const id of Object.keys(store.feedback)) if (!wanted.has(id)) store.setFeedbackLoad(id, null)
    if (!access) return
    for (const id of wanted) {
      if (useJourneyStore.getState().feedback[id]) continue
      store.setFeedbackLoad(id, { status: 'loading' })
      fetchFeedbackData(access.mapId, access.token, id)
        .then((data) => useJourneyStore.getState().setFeedbackLoad(id, { status: 'ready', data }))
        // 404: the map names a data set this server does not keep for it (copied from another map, or deleted and then restored by an undo).
        .catch((e: Error) => useJourneyStore.getState().setFeedbackLoad(id, { status: 'error', message: e instanceof ApiError && e.status === 404 ? 'missing' : e.message }))
    }
  }, [ids, access])
  return null
}
