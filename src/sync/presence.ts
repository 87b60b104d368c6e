/**
 * What other participants share through awareness, read defensively: a peer's state is whatever
 * its client sent, so every field is checked and bounded before the UI sees it.
 */
import type { Awareness } from 'y-protocols/awareness'
import type { Peer } from '../store'

/** Every other participant's presence, in client id order. */
export function peersFromAwareness(awareness: Awareness, selfClientId: number): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === selfClientId || !state?.user) return
    const user = state.user as { name?: unknown; color?: unknown; role?: unknown }
    peers.push({
      clientId,
      name: typeof user.name === 'string' ? user.name.slice(0, 60) : 'Guest',
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#888888',
      role: typeof user.role === 'string' ? user.role : undefined,
      cursor: isPoint(state.cursor) ? state.cursor : null,
      selection: Array.isArray(state.selection) ? state.selection.filter((s: unknown) => typeof s === 'string').slice(0, 50) : [],
      drag: isPoint(state.drag) && typeof state.drag.id === 'string' ? { id: state.drag.id, x: state.drag.x, y: state.drag.y } : null,
      viewport: isPoint(state.viewport) && Number.isFinite(state.viewport.zoom) ? { x: state.viewport.x, y: state.viewport.y, zoom: state.viewport.zoom as number } : null,
      spotlight: state.spotlight === true,
      present: Number.isInteger(state.present) ? state.present : null,
      editing: editingOf(state.editing),
      writing: writingOf(state.writing),
    })
  })
  return peers.sort((a, b) => a.clientId - b.clientId)
}

/** A peer's `editing` presence, if well formed: a record id and a field name of sane length. */
function editingOf(v: unknown): { id: string; field: string } | null {
  if (typeof v !== 'object' || v === null) return null
  const { id, field } = v as { id?: unknown; field?: unknown }
  return typeof id === 'string' && typeof field === 'string' && id.length <= 200 && field.length <= 60 ? { id, field } : null
}

/** A peer's count of notes in a writing round, if well formed. */
function writingOf(v: unknown): { round: string; notes: number } | null {
  if (typeof v !== 'object' || v === null) return null
  const { round, notes } = v as { round?: unknown; notes?: unknown }
  return typeof round === 'string' && round.length <= 100 && Number.isInteger(notes) && (notes as number) >= 0 && (notes as number) <= 1000 ? { round, notes: notes as number } : null
}

function isPoint(v: unknown): v is { x: number; y: number; id?: string; zoom?: number } {
  return typeof v === 'object' && v !== null && Number.isFinite((v as { x: unknown }).x) && Number.isFinite((v as { y: unknown }).y)
}
