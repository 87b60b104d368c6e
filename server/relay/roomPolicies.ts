/**
 * The policies every room runs (see roomPolicy.ts for the interface), in the order their hooks
 * are called. A new workshop feature that reacts to joins, applied edits or refusals is a policy
 * added here; a new rule about what may be written is a rule in writePolicy.ts.
 */
import { LockHolds } from './lockHolds'
import { combinePolicies, type RoomPolicy, type RoomScope } from './roomPolicy'
import { SeatRoll } from './seatRoll'
import { SessionVersions } from './sessionVersions'
import { writePolicy } from './writePolicy'

export interface RoomPolicies {
  /** All of them as one, for the room to call. */
  readonly all: Required<RoomPolicy>
  /** The roll and the named seats, for revoking a seat from the HTTP API. */
  readonly seats: SeatRoll
}

export function roomPolicies(scope: RoomScope): RoomPolicies {
  const seats = new SeatRoll(scope)
  // A session's first version is asked for before the first participant is enrolled on the roll.
  return { seats, all: combinePolicies([new SessionVersions(scope), seats, new LockHolds(scope), writePolicy(scope)]) }
}
