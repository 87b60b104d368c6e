/**
 * Fetches every data set the map references from the relay, once per session and role, and
 * forgets those the map no longer references. Renders nothing.
 */
import { useEffect } from 'react'
import { syncFeedbackSets } from '../../session'
import { useJourneyStore, type JourneyState } from '../../store'

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
  useEffect(() => syncFeedbackSets(new Set(ids ? ids.split(' ') : []), access), [ids, access])
  return null
}
