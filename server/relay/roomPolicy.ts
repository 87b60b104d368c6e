/**
 * The one interface between a room and the product's rules.
 *
 * A room keeps to sync: the document, the connections, storage and fan-out. Everything a workshop
 * decides — who may write what (writeRules.ts), who sits on the roll (seatRoll.ts), what the lock
 * holds back and asks for again (lockHolds.ts), when a version is kept (sessionVersions.ts) — is a
 * policy: a module implementing some of these hooks, given a `RoomScope` to act through. The room
 * calls them at five moments and knows none of them by name, so a new collection or a new workshop
 * feature is a rule or a policy added to `roomPolicies`, not an edit of the sync core.
 */
import type * as Y from 'yjs'
import type { RoomMessage } from '../fanout/types'
import type { Logger } from '../log'
import type { MapStore, VersionReason } from '../storage/types'
import type { Participant, Refusal } from './room'
import type { RawUpdate } from './updateFormat'
import type { Verdict } from './writePolicy'

/** A kept copy of the map, as `Room.takeVersion` returns it. */
export interface TakenVersion {
  id: string
  name: string
  reason: VersionReason
  createdAt: string
}

/** What a policy may see and do in its room. */
export interface RoomScope {
  readonly mapId: string
  readonly doc: Y.Doc
  readonly log: Logger
  readonly store: MapStore
  /** Everyone connected to the room on this relay. */
  participants(): Iterable<Participant>
  /** Run `fn` once everything applied so far is stored (what is sent is durable first). */
  afterWrites(fn: () => void): void
  /**
   * Keep a named copy of the map as it is now, once everything before it is stored. `state`: the
   * map already encoded, when the caller has it (a large map's encode is costly).
   */
  takeVersion(reason: VersionReason, name: string, state?: Uint8Array): Promise<TakenVersion>
  /** The map as last encoded for a reader, when that is still current; null otherwise. */
  encodedState(): Uint8Array | null
}

export interface RoomPolicy {
  /**
   * Judge a participant's update before it is applied (a Yjs update cannot be taken back). The
   * first verdict other than `apply` stands; a policy with no opinion leaves this out.
   */
  judge?(participant: Participant, update: RawUpdate): Verdict
  /** A participant joined (it is in the room and may be sent to). */
  joined?(participant: Participant): void
  /** A participant left. */
  left?(participant: Participant): void
  /** A participant's update was refused; called before the connection hears of it (a hard refusal closes it). */
  refused?(participant: Participant, refusal: Refusal): void
  /**
   * The document changed: a participant's update was applied (all of it, when applied in slices),
   * or, with `from` null, updates another relay stored (fan-out or catch-up from storage).
   */
  applied?(from: Participant | null): void
  /** A message from another relay that is not a document or presence change (a revocation). */
  received?(message: RoomMessage): void
}

/** The policies as one: every hook calls each policy's, in order; the first refusing verdict stands. */
export function combinePolicies(policies: readonly RoomPolicy[]): Required<RoomPolicy> {
  const judges = policies.flatMap((p) => (p.judge ? [p.judge.bind(p)] : []))
  const each =
    <A extends unknown[]>(hook: (p: RoomPolicy) => ((...args: A) => void) | undefined) =>
    (...args: A) => {
      for (const p of policies) hook(p)?.apply(p, args)
    }
  return {
    judge(participant, update) {
      let verdict: Verdict = { kind: 'noop' }
      for (const judge of judges) {
        verdict = judge(participant, update)
        if (verdict.kind !== 'apply') return verdict
      }
      return verdict
    },
    joined: each((p) => p.joined),
    left: each((p) => p.left),
    refused: each((p) => p.refused),
    applied: each((p) => p.applied),
    received: each((p) => p.received),
  }
}
