/**
 * Fan-out between relays sharing rooms (DESIGN.md "Scaling past one machine"). Each relay
 * delivers to its own sockets; what other relays must see goes through `FanOut`: document
 * updates after they are stored, awareness changes, and revocations. In one process the
 * in-process bus is enough; `RedisFanOut` (Redis Streams) serves relays on several machines.
 *
 * A bus may lose messages (Redis restarts, a relay is cut off for a while). It never has to be
 * perfect, because storage is the truth: every update is stored before it is published, and
 * carries its sequence number, so a room that sees a hole in the numbers, or is told it may have
 * missed something, reads what it lacks from storage.
 */
import type { Role } from '../auth/tokens'

export type RoomMessage =
  /** A document update that is already durable in the shared storage, with its sequence number there. */
  | { kind: 'update'; update: Uint8Array; seq: number }
  /** An awareness update (already filtered by the relay that accepted it). */
  | { kind: 'awareness'; update: Uint8Array }
  /** Every token of `role` was revoked: close open connections holding it. */
  | { kind: 'revoke'; role: Role }
  /** A named seat was revoked: close open connections holding its link (its roll entry arrives as an update). */
  | { kind: 'revoke-seat'; seatId: string }

export interface FanOutEnvelope {
  mapId: string
  /** The publishing relay; a relay ignores its own messages. */
  relayId: string
  message: RoomMessage
}

/**
 * Why a subscriber must read from storage what the bus may not have delivered: it has just
 * started listening (anything published before is only in storage), or the bus lost its history
 * (Redis restarted).
 */
export type MissedReason = 'subscribed' | 'redis_restart'

export interface FanOut {
  /** True when relays in other processes publish too; rooms then also watch storage for what the bus missed. */
  readonly shared: boolean
  /** Whether the bus can deliver now; a bus in one process always can. */
  readonly healthy: boolean
  publish(envelope: FanOutEnvelope): void
  /**
   * Listen to one map's messages; returns the function that stops listening. `onMissed` is called
   * whenever messages may have been lost, once listening has (re)started: what was published
   * before that moment is in storage.
   */
  subscribe(mapId: string, listener: (envelope: FanOutEnvelope) => void, onMissed?: (reason: MissedReason) => void): () => void
  /** Stop delivering and release connections. */
  close(): Promise<void>
}
