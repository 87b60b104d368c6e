/**
 * The relay's roll of participants: every participant id it issued on a map and saw join, kept by
 * the relay in the document (the `participants` map, which no participant may write). A vote
 * counts only under an id on this roll, so a client writing votes under invented ids changes
 * nothing; and a named seat's id says which seat it is, so a round can be kept to seats.
 */

export interface RollEntry {
  /** The named seat this participant holds, or null for a participant of a shared link. */
  seat: string | null
  /** A seat whose link the facilitator revoked: its ballot no longer counts. */
  revoked: boolean
}

/** Participant id → entry. `null` for a map kept in this browser: no relay, so every voter counts. */
export type ParticipantRoll = ReadonlyMap<string, RollEntry> | null

/** Whatever the relay (or a stored document) holds, a well-formed entry, or null. */
export function restoreRollEntry(raw: unknown): RollEntry | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const { seat, revoked } = raw as Record<string, unknown>
  return { seat: typeof seat === 'string' && seat ? seat : null, revoked: revoked === true }
}

/** Does `voter`'s ballot count in a round (`seatsOnly`: only named seats vote)? */
export function voterCounts(roll: ParticipantRoll, round: { seatsOnly?: boolean }, voter: string): boolean {
  if (roll === null) return !round.seatsOnly
  const entry = roll.get(voter)
  if (!entry || entry.revoked) return false
  return !round.seatsOnly || entry.seat !== null
}

/** Named seats on the roll whose links still work. */
export function activeSeats(roll: ParticipantRoll): number {
  let n = 0
  if (roll) for (const entry of roll.values()) if (entry.seat !== null && !entry.revoked) n++
  return n
}
