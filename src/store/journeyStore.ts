/**
 * One zustand store made of slices (snapshot, ui, presence, connection). Document data flows one
 * way: Y.Doc → observeSnapshot → `snapshot`; the store never writes back into Yjs. Writes go
 * through commands.
 *
 * Updates, one rule throughout: an immer recipe (`set((s) => { … })`) where an update reads the
 * state it changes or changes something nested; a plain object (`set({ field })`) where it only
 * replaces top-level fields. The snapshot is always replaced whole, never drafted: its records
 * keep their identity, so memoised nodes do not re-render, and immer would freeze and copy a
 * thousand records for nothing.
 */
import { create } from 'zustand'
import { immer } from 'zustand/middleware/immer'
import { createConnectionSlice, type ConnectionSlice } from './connectionSlice'
import { createFeedbackSlice, type FeedbackSlice } from './feedbackSlice'
import { createPresenceSlice, type PresenceSlice } from './presenceSlice'
import { createSnapshotSlice, type SnapshotSlice } from './snapshotSlice'
import { createUiSlice, type UiSlice } from './uiSlice'
import { createWorkshopSlice, type WorkshopSlice } from './workshopSlice'

export type JourneyState = SnapshotSlice & UiSlice & PresenceSlice & ConnectionSlice & WorkshopSlice & FeedbackSlice

export const useJourneyStore = create<JourneyState>()(
  immer((...a) => ({
    ...createSnapshotSlice(...a),
    ...createUiSlice(...a),
    ...createPresenceSlice(...a),
    ...createConnectionSlice(...a),
    ...createWorkshopSlice(...a),
    ...createFeedbackSlice(...a),
  })),
)
