/**
 * Fan-out between relays sharing rooms (DESIGN.md "Scaling past one machine"). Each relay
 * delivers to its own sockets; what other relays must see goes through `FanOut`: document
 * updates after they are stored, awareness changes, and revocations. In one process the
 * in-process bus is enough; Redis pub/sub is the planned adapter for several machines.
 */
import type { Role } from '../auth/tokens'

export type RoomMessage =
  /** A document update that is already durable in the shared storage. */
  | { kind: 'update'; update: Uint8Array }
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

export interface FanOut {
  publish(envelope: FanOutEnvelope): void
  /** Listen to one map's messages; returns the function that stops listening. */
  subscribe(mapId: string, listener: (envelope: FanOutEnvelope) => void): () => void
}
