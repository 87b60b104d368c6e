import type { StateCreator } from 'zustand'
import type { JourneyState } from './journeyStore'

/**
 * `local`: a map kept in this browser only. `offline`: the browser says it has no network.
 * `reconnecting`: the network is there but the socket is not (yet). `refused`: the relay turned
 * this participant away for good (see `refusal`).
 */
export type ConnectionStatus = 'local' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused'
export type Role = 'facilitator' | 'editor' | 'viewer'
/**
 * Why the relay refused: `revoked` (the facilitator revoked the link, close 4403), `link` (the
 * link is refused over HTTP: expired, revoked or forged), `schema` (an update broke the document
 * schema, 4422), `forbidden` (a write this role may never make, 4423), `malformed` (4400),
 * `missing` (a map on the server that this browser holds no link for: nothing to connect with).
 */
export type Refusal = 'revoked' | 'link' | 'schema' | 'forbidden' | 'malformed' | 'missing'

export interface ConnectionSlice {
  mapId: string | null
  status: ConnectionStatus
  /** Local changes the relay is not known to hold (see sync/syncTracker.ts). */
  unsynced: number
  /** Of those, the ones still being saved after a reconnect (made offline); live edits in flight are not counted. */
  catchingUp: number
  /** The relay refused some of them because the map is locked; they land when it is unlocked. */
  held: boolean
  refusal: Refusal | null
  role: Role
  /** Why the map is read-only, when it is. */
  readOnlyReason: string | null
  /** A large map's first part is drawn and the rest is still being applied (sync/inParts.ts). */
  mapArriving: boolean
  setConnection(patch: Partial<Pick<ConnectionSlice, 'mapId' | 'status' | 'unsynced' | 'catchingUp' | 'held' | 'refusal' | 'role' | 'readOnlyReason' | 'mapArriving'>>): void
}

export const createConnectionSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], ConnectionSlice> = (set) => ({
  mapId: null,
  status: 'local',
  unsynced: 0,
  catchingUp: 0,
  held: false,
  refusal: null,
  role: 'facilitator',
  readOnlyReason: null,
  mapArriving: false,
  setConnection: (patch) => set(patch),
})
