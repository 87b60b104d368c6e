import type { StateCreator } from 'zustand'
import type { FeedbackData } from '../feedback/responses'
import type { ErrorCode } from '../model'
import type { JourneyState } from './journeyStore'

/** `code` says why it failed (`not-found`: the server keeps no such data set for this map). */
export type FeedbackLoad = { status: 'loading' } | { status: 'error'; code: ErrorCode } | { status: 'ready'; data: FeedbackData }

/**
 * Customer feedback fetched from the relay (session scope: the responses are never in the
 * document). Held as loaded, never drafted into: a new import or a deletion replaces an entry.
 */
export interface FeedbackSlice {
  /** Where and as whom to fetch: null for a map kept in this browser (no server, no data sets). */
  feedbackAccess: { mapId: string; token: string } | null
  /** By data set id. */
  feedback: Readonly<Record<string, FeedbackLoad>>
  /** The data set the measured figures come from; null: the newest. */
  activeFeedbackSet: string | null
  setFeedbackAccess(access: { mapId: string; token: string } | null): void
  setFeedbackLoad(setId: string, load: FeedbackLoad | null): void
  setActiveFeedbackSet(setId: string | null): void
}

export const createFeedbackSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], FeedbackSlice> = (set, get) => ({
  feedbackAccess: null,
  feedback: {},
  activeFeedbackSet: null,
  setFeedbackAccess: (feedbackAccess) => set({ feedbackAccess, feedback: {}, activeFeedbackSet: null }),
  // A plain replacement (not an immer draft): 50,000 responses are neither copied nor frozen.
  setFeedbackLoad: (setId, load) => {
    const next = { ...get().feedback }
    if (load) next[setId] = load
    else delete next[setId]
    set({ feedback: next })
  },
  setActiveFeedbackSet: (activeFeedbackSet) => set({ activeFeedbackSet }),
})
