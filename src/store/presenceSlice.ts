import type { StateCreator } from 'zustand'
import type { JourneyState } from './journeyStore'

/** What another participant shares through awareness: synced, never persisted. */
export interface Peer {
  clientId: number
  name: string
  color: string
  role?: string
  cursor?: { x: number; y: number } | null
  /** Record ids the peer has selected. */
  selection?: string[]
  /** A card being dragged: where the peer currently holds it (flow coordinates). */
  drag?: { id: string; x: number; y: number } | null
  /** Centre of the peer's view in flow coordinates, and zoom: what followers look at. */
  viewport?: { x: number; y: number; zoom: number } | null
  /** A facilitator's spotlight: everyone follows them until they release it. */
  spotlight?: boolean
  /** The presentation step a facilitator shows, or null. */
  present?: number | null
}

export interface PresenceSlice {
  self: { name: string; color: string; id: string }
  peers: Peer[]
  setPeers(peers: Peer[]): void
  setSelf(self: { name: string; color: string; id: string }): void
}

export const createPresenceSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], PresenceSlice> = (set) => ({
  self: { name: '', color: '#4f7cff', id: '' },
  peers: [],
  setPeers: (peers) => set({ peers }),
  setSelf: (self) => set({ self }),
})
