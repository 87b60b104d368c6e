import * as Y from 'yjs'
import { restoreRollEntry, type RollEntry } from '../model'

/**
 * The relay's roll of participants (model/participants.ts): a flat `participants` map of
 * participant id → `{seat, revoked, joinedAt}`, written by the relay alone. Clients only read it.
 */
export const PARTICIPANTS_ROOT = 'participants'

export function getParticipantsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PARTICIPANTS_ROOT)
}

export function readParticipantRoll(doc: Y.Doc): Map<string, RollEntry> {
  const roll = new Map<string, RollEntry>()
  getParticipantsMap(doc).forEach((raw, id) => {
    const entry = restoreRollEntry(raw)
    if (entry) roll.set(id, entry)
  })
  return roll
}

/** Call `onChange` with the roll whenever the relay changes it; returns the unsubscribe. */
export function observeParticipantRoll(doc: Y.Doc, onChange: (roll: Map<string, RollEntry>) => void): () => void {
  const map = getParticipantsMap(doc)
  const handler = () => onChange(readParticipantRoll(doc))
  map.observe(handler)
  return () => map.unobserve(handler)
}
