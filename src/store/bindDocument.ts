import type * as Y from 'yjs'
import { LOCAL_ORIGIN, observeSnapshot, observeWorkshop, readWorkshop } from '../doc'
import { DEFAULT_WORKSHOP } from '../model'
import { useJourneyStore } from './journeyStore'
import { EMPTY_SNAPSHOT } from './snapshotSlice'

/**
 * Feed the store's snapshot from a Y.Doc. The snapshot is replaced wholesale (a plain object, not
 * an immer recipe), so unchanged records keep their identity and nothing is copied.
 */
export function bindDocument(doc: Y.Doc): () => void {
  const observer = observeSnapshot(
    doc,
    ({ snapshot }) => useJourneyStore.setState({ snapshot, revision: useJourneyStore.getState().revision + 1 }),
    LOCAL_ORIGIN,
  )
  const stopWorkshop = observeWorkshop(doc, (workshop) => useJourneyStore.setState({ workshop }))
  useJourneyStore.setState({ snapshot: observer.current(), revision: 0, selection: null, editingTitleId: null, workshop: readWorkshop(doc), following: null, presenting: null })
  return () => {
    observer.stop()
    stopWorkshop()
    useJourneyStore.setState({ snapshot: EMPTY_SNAPSHOT, peers: [], workshop: DEFAULT_WORKSHOP })
  }
}
