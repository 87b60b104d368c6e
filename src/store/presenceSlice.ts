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
  /** The field the peer is typing in: a record id and a field name (`touchpoint:x`, `title`). */
  editing?: { id: string; field: string } | null
  /** How many notes the peer holds in the current writing round (a count only, never their text). */
  writing?: { round: string; notes: number } | null
}

/** Who a peer is: what changes when someone joins, leaves or renames, not when they move. */
export interface Person {
  clientId: number
  name: string
  color: string
  role?: string
}

export interface PresenceSlice {
  self: { name: string; color: string; id: string }
  /** Everything peers share, cursors included: changes many times a second while anyone moves. */
  peers: Peer[]
  /**
   * The same participants' identities only. The array keeps its identity until someone joins,
   * leaves, renames or changes colour or role, so components that need names (mentions, comment
   * threads, the avatars) do not re-render on every remote cursor move.
   */
  people: readonly Person[]
  /**
   * Record id → `color|name` of the first peer who has it selected, derived once per presence
   * change so each of a thousand cards reads its outline in O(1).
   */
  peerSelections: Readonly<Record<string, string>>
  /**
   * Who is typing where, derived the same way: `id#field` → `color|name` for a field's own mark,
   * and `id` → `color|name` for the record's card.
   */
  peerEditing: Readonly<Record<string, string>>
  setPeers(peers: Peer[]): void
  setSelf(self: { name: string; color: string; id: string }): void
}

export const createPresenceSlice: StateCreator<JourneyState, [['zustand/immer', never]], [], PresenceSlice> = (set, get) => ({
  self: { name: '', color: '#4f7cff', id: '' },
  peers: [],
  people: [],
  peerSelections: {},
  peerEditing: {},
  setPeers: (peers) => {
    const people = samePeople(get().people, peers) ? get().people : peers.map(({ clientId, name, color, role }) => ({ clientId, name, color, role }))
    const peerSelections: Record<string, string> = {}
    const peerEditing: Record<string, string> = {}
    for (const p of peers) {
      for (const id of p.selection ?? []) peerSelections[id] ??= `${p.color}|${p.name}`
      if (p.editing) {
        peerEditing[`${p.editing.id}#${p.editing.field}`] ??= `${p.color}|${p.name}`
        peerEditing[p.editing.id] ??= `${p.color}|${p.name}`
      }
    }
    set({ peers, people, peerSelections, peerEditing })
  },
  setSelf: (self) => set({ self }),
})

function samePeople(people: readonly Person[], peers: Peer[]): boolean {
  return people.length === peers.length && people.every((p, i) => p.clientId === peers[i].clientId && p.name === peers[i].name && p.color === peers[i].color && p.role === peers[i].role)
}
