import { errorCodeOf } from '../model'
import { useJourneyStore } from '../store'
import { fetchFeedbackData } from '../sync/feedbackApi'

/**
 * Fetch the data sets the map names and are not held yet, into the store; forget the ones it no
 * longer names. A data set the server does not keep for this map (copied from another map, or
 * deleted and then restored by an undo) loads as `not-found`.
 */
export function syncFeedbackSets(wanted: ReadonlySet<string>, access: { mapId: string; token: string } | null): void {
  const store = useJourneyStore.getState()
  for (const id of Object.keys(store.feedback)) if (!wanted.has(id)) store.setFeedbackLoad(id, null)
  if (!access) return
  for (const id of wanted) {
    if (useJourneyStore.getState().feedback[id]) continue
    store.setFeedbackLoad(id, { status: 'loading' })
    fetchFeedbackData(access.mapId, access.token, id)
      .then((data) => useJourneyStore.getState().setFeedbackLoad(id, { status: 'ready', data }))
      .catch((e: unknown) => useJourneyStore.getState().setFeedbackLoad(id, { status: 'error', code: errorCodeOf(e) }))
  }
}
