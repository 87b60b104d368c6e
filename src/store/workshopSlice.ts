import type { StateCreator } from 'zustand'
import { DEFAULT_WORKSHOP, type ParticipantRoll, type WorkshopState } from '../model'
import type { JourneyState } from './journeyStore'

/** Workshop state from the document, plus this participant's follow/present session state. */
export interface WorkshopSlice {
  workshop: WorkshopState
  /** The relay's roll of participants, whose votes count; null for a map kept in this browser (everyone's count). */
  roll: ParticipantRoll
  /** Relay clock minus this machine's clock, in ms (0 for a map kept in this browser). */
  clockOffset: number
  /** The participant whose viewport we follow, by awareness client id. */
  following: number | null
  /** Presentation mode: the step shown (0 = title, then one per stage), or null when off. */
  presenting: number | null
  setWorkshop(workshop: WorkshopState): void
  setClockOffset(offset: number): void
  follow(clientId: number | null): void
  present(step: number | null): void
}

export const createWorkshopSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], WorkshopSlice> = (set) => ({
  workshop: DEFAULT_WORKSHOP,
  roll: null,
  clockOffset: 0,
  following: null,
  presenting: null,
  setWorkshop: (workshop) => set({ workshop }),
  setClockOffset: (clockOffset) => set({ clockOffset }),
  follow: (following) => set({ following }),
  present: (presenting) => set({ presenting }),
})
