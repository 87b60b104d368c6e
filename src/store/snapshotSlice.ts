import type { StateCreator } from 'zustand'
import { defaultMeta, emptyCollections, type Snapshot } from '../model'
import type { JourneyState } from './journeyStore'

/** The read-only picture of the document. Written only by the Y.Doc observer (bindDocument). */
export interface SnapshotSlice {
  snapshot: Snapshot
  /** Bumps on every document change; cheap to subscribe to. */
  revision: number
}

export const EMPTY_SNAPSHOT: Snapshot = {
  meta: defaultMeta({ title: '', createdAt: new Date(0).toISOString() }),
  ...emptyCollections(),
}

export const createSnapshotSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], SnapshotSlice> = () => ({
  snapshot: EMPTY_SNAPSHOT,
  revision: 0,
})
