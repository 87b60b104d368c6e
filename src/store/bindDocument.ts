import { LOCAL_ORIGIN, observeParticipantRoll, observeSnapshot, observeWorkshop, readParticipantRoll, readWorkshop, type MapDoc } from '../doc'
import { DEFAULT_WORKSHOP } from '../model'
import { useJourneyStore } from './journeyStore'
import { EMPTY_SNAPSHOT } from './snapshotSlice'

/**
 * Feed the store's snapshot from a Y.Doc. The snapshot is replaced wholesale (a plain object, not
 * an immer recipe), so unchanged records keep their identity and nothing is copied.
 *
 * `relayed`: the map syncs through the relay, whose roll of participants decides whose votes
 * count; a map kept only in this browser has no roll (everyone's votes count).
 */
export function bindDocument(doc: MapDoc, { relayed = false }: { relayed?: boolean } = {}): () => void {
  const observer = observeSnapshot(
    doc,
    ({ snapshot }) => useJourneyStore.setState({ snapshot, revision: useJourneyStore.getState().revision + 1 }),
    LOCAL_ORIGIN,
  )
  const stopWorkshop = observeWorkshop(doc, (workshop) => useJourneyStore.setState({ workshop }))
  const stopRoll = relayed ? observeParticipantRoll(doc, (roll) => useJourneyStore.setState({ roll })) : () => {}
  useJourneyStore.setState({
    snapshot: observer.current(),
    revision: 0,
    selection: null,
    editingTitleId: null,
    workshop: readWorkshop(doc),
    roll: relayed ? readParticipantRoll(doc) : null,
    following: null,
    presenting: null,
  })
  return () => {
    observer.stop()
    stopWorkshop()
    stopRoll()
    useJourneyStore.setState({ snapshot: EMPTY_SNAPSHOT, peers: [], workshop: DEFAULT_WORKSHOP, roll: null })
  }
}
