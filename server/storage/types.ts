/**
 * The one storage interface every engine implements (SQLite, the embedded default, and
 * PostgreSQL, which several relays share). `contract.ts` holds the tests each engine must pass.
 *
 * A map is an append-only log of Yjs updates plus, after compaction, one snapshot that replaces
 * the log's prefix. Applying every stored update, in any order, rebuilds the document: Yjs
 * updates commute, so compaction never needs to coordinate with concurrent appends beyond
 * "replace only rows up to this sequence number".
 */
import type { Role } from '../auth/tokens'
import type { FeedbackStore } from './feedbackTypes'

export type { FeedbackSetInfo, FeedbackStore } from './feedbackTypes'

export type RoleEpochs = Record<Role, number>

export interface MapMeta {
  id: string
  /** The title when last stored (at creation and at each compaction); the document holds the live one. */
  title: string
  createdAt: string
  /** Per-role key epochs; tokens minted with an older epoch are revoked. */
  epochs: RoleEpochs
}

export interface MapHead {
  lastSeq: number
  epochs: RoleEpochs
}

export interface StoredUpdates {
  /** The snapshot (if compacted) followed by later updates, in append order. */
  updates: Uint8Array[]
  /** Sequence number of the last update returned; 0 when there are none. */
  lastSeq: number
  /** Each update's sequence number, in the same order. */
  seqs: number[]
}

/** A stored update set aside because it could not be applied or broke the schema: kept for an operator. */
export interface QuarantinedUpdate {
  seq: number
  reason: string
  quarantinedAt: string
  data: Uint8Array
}

export interface MapStore extends FeedbackStore {
  /** Create a map with its initial document state as the first update. Rejects if the id exists. */
  createMap(input: { id: string; title: string; createdAt: string; initialUpdate: Uint8Array }): Promise<void>
  getMapMeta(id: string): Promise<MapMeta | undefined>
  /**
   * Append one update durably: when the promise resolves, the update survives a crash of the
   * process. Appends to one map take effect in call order. Resolves to the update's sequence number.
   */
  appendUpdate(id: string, update: Uint8Array): Promise<number>
  /**
   * Append several updates to one map in one transaction, synchronously: when it returns, every
   * one of them survives a crash of the process; when it throws, none was stored. Their sequence
   * numbers, in order. Only a store that writes synchronously offers it (SQLite): the relay then
   * stores what a room applied in one event-loop turn with one commit, just before relaying it.
   */
  appendUpdatesNow?(id: string, updates: readonly Uint8Array[]): number[]
  /**
   * The stored updates, in append order; with `afterSeq`, only those with a higher sequence
   * number. A snapshot that replaced rows up to seq S is stored at S, so a caller that has every
   * row up to `afterSeq` and applies what this returns has the whole map, compacted or not.
   * `lastSeq` is then never below `afterSeq`.
   */
  loadUpdates(id: string, afterSeq?: number): Promise<StoredUpdates>
  /**
   * The last sequence number and the role epochs of each named map that exists, in one read:
   * how a relay notices, without the fan-out, that it missed an update or a revocation.
   */
  mapHeads(ids: readonly string[]): Promise<Map<string, MapHead>>
  /**
   * Replace every update with sequence number ≤ `upToSeq` by `snapshot` (which must contain them
   * all), atomically; later updates stay. Optionally refresh the stored title.
   */
  compact(id: string, snapshot: Uint8Array, upToSeq: number, title?: string): Promise<void>
  /**
   * Move one stored update out of the log into quarantine, atomically: loading and compaction no
   * longer see it, and an operator can still read it. A no-op when the row is gone.
   */
  quarantineUpdate(id: string, seq: number, reason: string): Promise<void>
  listQuarantined(id: string): Promise<QuarantinedUpdate[]>
  /** Keep a named copy of a map's whole state (a Yjs update), e.g. before a workshop changes it. */
  saveVersion(mapId: string, version: { id: string; name: string; reason: VersionReason; createdAt: string; state: Uint8Array }): Promise<void>
  /** A map's versions, newest first, without their state. */
  listVersions(mapId: string): Promise<VersionInfo[]>
  loadVersion(mapId: string, versionId: string): Promise<(VersionInfo & { state: Uint8Array }) | undefined>
  /** Bump a role's epoch (revoking its tokens); resolves to the new epoch. */
  bumpEpoch(id: string, role: Role): Promise<number>
  /** Add a named seat (one person's link) to a map. Rejects with MapNotFoundError for an unknown map. */
  createSeat(mapId: string, seat: { id: string; name: string; createdAt: string }): Promise<void>
  /** A map's seats, oldest first, revoked ones included. */
  listSeats(mapId: string): Promise<Seat[]>
  getSeat(mapId: string, seatId: string): Promise<Seat | undefined>
  /** Revoke a seat for good; resolves to the seat as revoked, or undefined when there is none. Revoking twice keeps the first time. */
  revokeSeat(mapId: string, seatId: string, at: string): Promise<Seat | undefined>
  /**
   * Keep a join code (a short code standing for a role link, see http/joinCodes.ts). Rejects with
   * MapNotFoundError for an unknown map and JoinCodeTakenError when the code exists already.
   */
  createJoinCode(joinCode: JoinCode): Promise<void>
  /** The join code, expired or not; undefined when there is none. */
  getJoinCode(code: string): Promise<JoinCode | undefined>
  /** Forget join codes that expired at or before `now` (ISO 8601); resolves to how many. */
  deleteExpiredJoinCodes(now: string): Promise<number>
  /**
   * Run `task` unless the same `name` is already running on this map in any process sharing this
   * storage; resolves to undefined then, without waiting. Compaction runs through this so that
   * one relay folds a map's log at a time.
   */
  runExclusive<T>(mapId: string, name: string, task: () => Promise<T>): Promise<T | undefined>
  /** Resolves when the engine answers a trivial query; rejects (or times out) when it cannot. */
  ping(): Promise<void>
  /** Flush and release the engine; no call may follow. */
  close(): Promise<void>
}

/** A named seat: a link for one person, revocable on its own (see auth/participants.ts). */
export interface Seat {
  id: string
  name: string
  createdAt: string
  /** When it was revoked; null while its link works. */
  revokedAt: string | null
}

/** A short code that stands for one map's role link until it expires. */
export interface JoinCode {
  code: string
  mapId: string
  role: Role
  /** The role's epoch when the code was made; a later epoch (the links were revoked) retires it. */
  epoch: number
  createdAt: string
  expiresAt: string
}

/** Thrown by `createJoinCode` for a code that is taken. */
export class JoinCodeTakenError extends Error {
  override name = 'JoinCodeTakenError'
}

/** Why a version exists: a facilitator saved it, or the relay took it at a workshop moment. */
/** The `code` a database driver puts on its errors (`23503`, `SQLITE_CONSTRAINT_FOREIGNKEY`…), if any. */
export function driverErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

export type VersionReason = 'manual' | 'lock' | 'session-start' | 'before-restore'

export interface VersionInfo {
  id: string
  name: string
  reason: VersionReason
  createdAt: string
}

/** Thrown by `createMap` for an id that is taken. */
export class MapExistsError extends Error {
  override name = 'MapExistsError'
}

/** Thrown when an operation names a map that does not exist. */
export class MapNotFoundError extends Error {
  override name = 'MapNotFoundError'
}
