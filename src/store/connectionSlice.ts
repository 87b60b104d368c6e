import type { StateCreator } from 'zustand'
import type { JourneyState } from './journeyStore'

export type ConnectionStatus = 'local' | 'connecting' | 'connected' | 'offline'
export type Role = 'facilitator' | 'editor' | 'viewer'

export interface ConnectionSlice {
  mapId: string | null
  /** `local`: a map kept in this browser only. */
  status: ConnectionStatus
  /** Local changes made since the relay last confirmed a sync. */
  unsynced: number
  role: Role
  /** Why the map is read-only, when it is. */
  readOnlyReason: string | null
  setConnection(patch: Partial<Pick<ConnectionSlice, 'mapId' | 'status' | 'unsynced' | 'role' | 'readOnlyReason'>>): void
}

export const createConnectionSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], ConnectionSlice> = (set) => ({
  mapId: null,
  status: 'local',
  unsynced: 0,
  role: 'facilitator',
  readOnlyReason: null,
  setConnection: (patch) => set(patch),
})
