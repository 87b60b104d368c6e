/** Selectors at module scope, so components subscribe to exactly what they read. */
import type { JourneyState } from './journeyStore'

export const selectSnapshot = (s: JourneyState) => s.snapshot
export const selectMeta = (s: JourneyState) => s.snapshot.meta
export const selectSelection = (s: JourneyState) => s.selection
export const selectPeers = (s: JourneyState) => s.peers
export const selectRole = (s: JourneyState) => s.role
export const selectReadOnly = (s: JourneyState) => s.role === 'viewer' || s.readOnlyReason !== null
export const selectEditingTitleId = (s: JourneyState) => s.editingTitleId
export const selectSelectedTouchpointId = (s: JourneyState) => (s.selection?.kind === 'touchpoint' ? s.selection.id : null)
