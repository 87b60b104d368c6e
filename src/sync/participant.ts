/**
 * This browser's participant id on each map, as the relay issued it (see server/auth/participants.ts):
 * asked for once per map, kept here, and sent with the link on every (re)connect, so presence and
 * votes stay this participant's across reloads and reconnects.
 */
import type { IssuedParticipant } from './api'

const KEY = 'journey:participant:'

export function loadParticipant(mapId: string): IssuedParticipant | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY + mapId) ?? 'null')
    if (raw && typeof raw.participantId === 'string' && typeof raw.participantToken === 'string') return { participantId: raw.participantId, participantToken: raw.participantToken, seat: raw.seat ?? null }
  } catch {
    // a corrupt entry: the relay issues a new id
  }
  return null
}

export function saveParticipant(mapId: string, participant: IssuedParticipant): void {
  localStorage.setItem(KEY + mapId, JSON.stringify(participant))
}
