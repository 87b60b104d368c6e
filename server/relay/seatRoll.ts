/**
 * The roll of participants and the named seats on it (src/doc/participants.ts): a policy of the
 * room (see roomPolicy.ts).
 *
 * The relay puts each participant id it issued on the roll the first time its holder joins, written
 * like any stored update so it survives restarts and reaches every peer; the tally counts only
 * ballots of ids on the roll that are not revoked. Revoking a named seat marks its entries and
 * closes its connections (4403), here and, through fan-out, on other relays.
 */
import { getParticipantsMap } from '../../src/doc'
import type { RoomMessage } from '../fanout/types'
import { CLOSE_CODES } from './protocol'
import type { Participant } from './room'
import type { RoomPolicy, RoomScope } from './roomPolicy'

/** The relay's own writes to the roll of participants. */
const ROLL_ORIGIN = Symbol('roll of participants')
/** Participants on one map's roll; past this, new ones are not recorded (and cannot vote). */
export const MAX_ROLL = 5000

export class SeatRoll implements RoomPolicy {
  constructor(private readonly scope: RoomScope) {}

  joined(participant: Participant): void {
    if (participant.participantId) this.enrol(participant.participantId, participant.seatId ?? null)
  }

  received(message: RoomMessage): void {
    // The relay that revoked the seat marked the roll; its update arrives like any other.
    if (message.kind === 'revoke-seat') this.closeSeat(message.seatId)
  }

  /** A named seat was revoked: mark its roll entries (its ballot no longer counts) and close its connections. Returns how many closed. */
  revoke(seatId: string): number {
    const { doc } = this.scope
    const roll = getParticipantsMap(doc)
    doc.transact(() => {
      roll.forEach((raw, id) => {
        const entry = raw as { seat?: unknown; revoked?: unknown }
        if (entry?.seat === seatId && entry.revoked !== true) roll.set(id, { ...entry, revoked: true })
      })
    }, ROLL_ORIGIN)
    return this.closeSeat(seatId)
  }

  /** Put a participant id on the roll the tally checks (once). */
  private enrol(participantId: string, seat: string | null): void {
    const { doc, log, mapId } = this.scope
    const roll = getParticipantsMap(doc)
    if (roll.has(participantId)) return
    if (roll.size >= MAX_ROLL) {
      log.warn('room.roll_full', { mapId, size: roll.size })
      return
    }
    doc.transact(() => roll.set(participantId, { seat, revoked: false, joinedAt: new Date().toISOString() }), ROLL_ORIGIN)
  }

  private closeSeat(seatId: string): number {
    let closed = 0
    for (const p of [...this.scope.participants()]) {
      if (p.seatId !== seatId) continue
      p.close(CLOSE_CODES.revoked, 'revoked')
      closed++
    }
    return closed
  }
}
