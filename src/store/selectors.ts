/** Selectors at module scope, so components subscribe to exactly what they read. */
import type { JourneyState } from './journeyStore'

export const selectSnapshot = (s: JourneyState) => s.snapshot
export const selectMeta = (s: JourneyState) => s.snapshot.meta
export const selectSelection = (s: JourneyState) => s.selection
export const selectPeers = (s: JourneyState) => s.peers
/** Participants' names and colours: stable while they only move (see `PresenceSlice.people`). */
export const selectPeople = (s: JourneyState) => s.people
/**
 * Read-only for this participant: a viewer link, a newer schema, a map the facilitator locked, or
 * a relay that refused this participant (nothing written here could reach the map any more).
 */
export const selectReadOnly = (s: JourneyState) => s.role === 'viewer' || s.readOnlyReason !== null || (s.workshop.locked && s.role !== 'facilitator') || s.status === 'refused'
export const selectWorkshop = (s: JourneyState) => s.workshop
export const selectUiLocale = (s: JourneyState) => s.uiLocale
export const selectSetUiLocale = (s: JourneyState) => s.setUiLocale
