/**
 * One map's live session: the Y.Doc every participant syncs with, the awareness (presence) of
 * everyone connected, and the outgoing queue.
 *
 * The room keeps to sync: documents, connections, storage and fan-out. What a workshop decides
 * (the write rules, the roll and its seats, the lock's held edits, session versions) are policies
 * it calls through one interface at a few moments (roomPolicy.ts, composed in roomPolicies.ts).
 *
 * Two rules shape this file:
 * - Durable before relayed. An accepted update is appended to storage, and only when that write
 *   has resolved is it broadcast, published to other relays, or included in a sync reply. So
 *   anything any client has received from the relay survives a crash of the relay. With a store
 *   that writes synchronously (SQLite), the updates applied in one turn are stored in one commit
 *   at the turn's flush, just before they are relayed.
 * - Coalesced per event-loop turn. Updates and awareness changes queue up and are flushed once
 *   per turn (setImmediate), small updates merged into one message per recipient, so a busy room
 *   costs one send per participant per turn rather than one per update per participant.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { SCHEMA_VERSION } from '../../src/model'
import { docSchemaVersion, migrateDocument, readMeta } from '../../src/doc'
import type { Role } from '../auth/tokens'
import type { FanOut, FanOutEnvelope, MissedReason } from '../fanout/types'
import type { Logger } from '../log'
import type { RelayMetrics } from '../metrics'
import type { MapStore } from '../storage/types'
import { compactMapLog } from './compaction'
import { foldForLoad, tailBytes, tailLoadsInPlace } from './fold'
import { LogPosition } from './logPosition'
import { countNewStructs, MAX_NEW_STRUCTS, MAX_OFFLINE_STRUCTS, type Verdict, type WriteRefusal } from './writePolicy'
import { roomPolicies, type RoomPolicies } from './roomPolicies'
import type { RoomScope, TakenVersion } from './roomPolicy'
import { readUpdate, readUpdateInSteps, sliceUpdate, type RawUpdate } from './updateFormat'
import type { StoredUpdates, VersionReason } from '../storage/types'
import { randomBytes } from 'node:crypto'
import { CLOSE_CODES, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, readAwarenessEntries, writeAwarenessEntries } from './protocol'
import { FullStateCache } from './fullStateCache'
import { PresenceOwners } from './presenceOwners'
import { HeldBytes } from './sendQueue'

/** What a room needs from a connection: its role and who holds it, a way to send, a way to close. */
export interface Participant {
  readonly role: Role
  /** The participant id the relay issued to this connection's holder, if it presented one. */
  readonly participantId?: string
  /** The named seat whose link it holds, if any. */
  readonly seatId?: string
  /** Who holds it, across reconnects: the participant id, else the link from one address. */
  readonly personKey: string
  /**
   * The map's stored state it was sent before the room was loaded (see rooms.ts): its first
   * request for everything is answered with what the room holds beyond that state.
   */
  sentStoredState?: Uint8Array | null
  send(message: Uint8Array): void
  close(code: number, reason: string): void
  /** Its update was not applied: count it, and close the connection if the refusal is hard. */
  refused(refusal: Refusal): void
}

export interface RoomDeps {
  store: MapStore
  fanOut: FanOut
  relayId: string
  log: Logger
  metrics: RelayMetrics
  /** Appends after which the log is compacted in the background. */
  compactEvery: number
  /** Called when storage failed and the room must be dropped from memory. */
  onFailure(room: Room): void
}

/** Transactions applying another relay's (already stored) updates carry this origin. */
const REMOTE_ORIGIN = Symbol('remote relay')
/** The relay's own schema migration of a loaded map. */
const MIGRATION_ORIGIN = Symbol('schema migration')

/**
 * Why a participant's update was not applied. A hard refusal closes the sender; a soft one keeps
 * it connected (the lock holds its edit; `missing`: it builds on what the room lacks, and the
 * sender was asked for everything).
 */
export interface Refusal {
  reason: WriteRefusal | 'missing'
  hard: boolean
  detail: string
}

/** Updates applied in one go; a larger one is applied in slices of this many structs, one per turn (a few ms each). */
export const SLICE_STRUCTS = 250
/** A turn's updates are merged into one message while they total at most this; larger ones go as they are (merging re-encodes them). */
const MERGE_MAX_BYTES = 16 * 1024
/** A sender is sent up to this many of the turn's other updates one by one; more are merged for it. */
const SEPARATE_MAX = 4
/** Updates waiting while a large one is applied in slices; past this the sender is asked to come back. */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024

/**
 * A busy room folds its log in the background at most this often, unless the log grew to ten
 * times `compactEvery`: each fold re-reads and re-applies every row on the fold worker, and a
 * fold every `compactEvery` rows was, under steady editing, the relay's largest cost after
 * relaying itself. Unloading folds what is left unless it is a tail that loads in place (fold.ts).
 */
const MIN_FOLD_INTERVAL_MS = 30_000

/** A sync step 2 answer larger than this is read a slice per turn: a few thousand structs at most are read at once. */
const READ_IN_STEPS_BYTES = 64 * 1024

/**
 * Offline work that needs slicing: a reconnecting client's answer to the relay's sync step 1 with
 * more new structs than one live update may bring, within what a map may hold.
 */
function isOfflineWork(doc: Y.Doc, parsed: RawUpdate): boolean {
  let structs = 0
  for (const block of parsed.blocks) structs += block.structs.length
  if (structs <= MAX_NEW_STRUCTS) return false
  const fresh = countNewStructs(doc, parsed)
  return fresh > MAX_NEW_STRUCTS && fresh <= MAX_OFFLINE_STRUCTS
}

/** A hole in the sequence numbers the fan-out delivered that stays open this long is read from storage. */
const GAP_GRACE_MS = 1000

/**
 * A sender of updates with gaps is asked for everything at most this often: its answer covers
 * whatever it sent meanwhile.
 */
const ASK_AGAIN_MS = 1000

/** How many awareness client ids one connection may claim (one per tab's Y.Doc, with margin). */
const MAX_CLIENT_IDS_PER_CONNECTION = 4

/** What waits while a large update is read or applied in slices: updates, and sync requests sent after them. */
type Waiting = { participant: Participant; update: Uint8Array; offline?: boolean } | { participant: Participant; stateVector: Uint8Array }

interface PendingUpdate {
  update: Uint8Array
  from: Participant | null
}

export class Room {
  readonly awareness: awarenessProtocol.Awareness
  /**
   * Each connection with the awareness client ids it holds, and for each the amount its clock is
   * shifted by (see `applyAwareness`).
   */
  private readonly participants = new Map<Participant, Map<number, number>>()
  /** Which participant owns each awareness client id, across its reconnects. */
  private readonly presenceOwners = new PresenceOwners()
  private pendingUpdates: PendingUpdate[] = []
  /**
   * Participants' updates applied this turn and not yet stored: with a store that writes
   * synchronously they are stored in one commit at the turn's flush, just before they are relayed
   * (see `storeTurn`).
   */
  private toStore: PendingUpdate[] = []
  /**
   * The settling of `writes` for the turn's updates, made only when someone waits for them (see
   * `stored`): most turns nobody does, and a promise, its chaining and their microtasks for each
   * were, with a commit a turn, a good part of what the relay allocated per edit.
   */
  private turnStored: { resolve(): void; reject(error: unknown): void } | null = null
  private pendingAwareness = new Map<number, Participant | null>()
  private flushScheduled = false
  /**
   * Resolves once every update applied so far is stored; rejects for good if a write failed. Read
   * it through `stored()`, which adds the turn's updates waiting to be stored.
   */
  private writes: Promise<void> = Promise.resolve()
  /** Stored rows not yet folded into a snapshot, and their bytes. */
  private rowsSinceCompaction: number
  private bytesSinceCompaction: number
  /**
   * The rows this room stored since the last fold: each was judged before it was applied (or
   * written by the relay itself), so the fold applies them without judging them twice.
   */
  private readonly storedHere = new Set<number>()
  private compacting: Promise<void> | null = null
  /** When the last background fold started (see MIN_FOLD_INTERVAL_MS). */
  private foldedAt: number | undefined
  private failed = false
  private readonly unsubscribe: () => void
  /** The product's rules (see roomPolicy.ts). */
  readonly policies: RoomPolicies
  /** Memory held by messages queued for this room's readers (see sendQueue.ts). */
  readonly sendBuffers = new HeldBytes()
  /** The answer to "send me everything", kept between requests (see fullStateCache.ts). */
  private readonly fullState: FullStateCache
  /** How much of the stored log the document holds: what the fan-out missed is read from storage. */
  private readonly position: LogPosition
  private catchingUp: Promise<void> | null = null
  private catchUpAgain = false
  private gapTimer: NodeJS.Timeout | undefined
  /** The stored log's head at the previous storage check (see `noticeStoredHead`). */
  private headAtLastCheck = 0
  /** Participants' updates applied but not yet stored. */
  private unstored = 0
  /** When each participant was last asked for what the room lacks, so a burst of gapped updates asks once. */
  private readonly askedAt = new Map<Participant, number>()
  /** Updates waiting while a large one is applied in slices; null when none is. */
  private backlog: Waiting[] | null = null
  private backlogBytes = 0
  private unloaded = false

  private constructor(
    readonly mapId: string,
    readonly doc: Y.Doc,
    private readonly deps: RoomDeps,
    stored: { rows: number; tailBytes: number },
    lastSeq: number,
    /** The document's state vector once its stored state alone was applied (before its tail and any migration). */
    private readonly storedState: Uint8Array,
  ) {
    this.rowsSinceCompaction = stored.rows - 1
    this.bytesSinceCompaction = stored.tailBytes
    this.position = new LogPosition(lastSeq)
    this.policies = roomPolicies(this.scope())
    this.fullState = new FullStateCache(doc)
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the relay itself has no presence
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.unsubscribe = deps.fanOut.subscribe(mapId, this.onFanOut, this.onFanOutMissed)
  }

  /**
   * A room from its map's stored rows, which the registry reads first: a reader that holds none
   * of the map may be sent them while the room applies them (see rooms.ts).
   */
  static async build(mapId: string, deps: RoomDeps, { updates, seqs, lastSeq }: StoredUpdates, started = performance.now()): Promise<Room> {
    const doc = new Y.Doc()
    const { snapshot, tail, base, bad } = await foldForLoad(doc, updates, seqs)
    for (const { seq, reason } of bad) {
      deps.log.error('room.row_quarantined', { mapId, seq, reason })
      deps.metrics.rejected.inc({ reason: 'stored_row_quarantined' })
      await deps.store.quarantineUpdate(mapId, seq, reason)
    }
    // A stored v1 map becomes v2 before anyone joins; the migration is stored like any update.
    const from = docSchemaVersion(doc)
    let migration: Uint8Array | null = null
    doc.once('update', (update: Uint8Array) => (migration = update))
    let migrationSeq: number | undefined
    if (migrateDocument(doc, MIGRATION_ORIGIN) && migration) {
      migrationSeq = await deps.store.appendUpdate(mapId, migration)
      deps.log.info('room.migrated', { mapId, from, to: SCHEMA_VERSION })
    }
    // Listeners attach after the stored rows are applied, so loading does not write them back.
    const room = new Room(mapId, doc, deps, { rows: updates.length - bad.length + (migration ? 1 : 0), tailBytes: tailBytes(updates) }, lastSeq, base)
    if (migrationSeq !== undefined) {
      room.position.saw(migrationSeq)
      room.storedHere.add(migrationSeq)
    }
    // What was just applied is the full state a first opener is sent: no encode before the first answer.
    else if (snapshot) {
      room.fullState.seed(snapshot)
      for (const update of tail) room.fullState.applied(update)
    }
    const seconds = (performance.now() - started) / 1000
    deps.metrics.roomLoads.inc()
    deps.metrics.roomLoadSeconds.add(seconds)
    const meta = readMeta(room.doc)
    deps.log.info('room.load', { mapId, rows: updates.length, ms: Math.round(seconds * 1000) })
    // The relay passes documents through as they are; a newer schema is the clients' to refuse
    // (they open it read-only). It is logged so an operator knows a client is ahead of the server.
    if (meta.schemaVersion > SCHEMA_VERSION) deps.log.warn('room.schema_newer', { mapId, schemaVersion: meta.schemaVersion, known: SCHEMA_VERSION })
    return room
  }

  get size(): number {
    return this.participants.size
  }

  /** What the room's policies may see and do. */
  private scope(): RoomScope {
    return {
      mapId: this.mapId,
      doc: this.doc,
      log: this.deps.log,
      store: this.deps.store,
      participants: () => this.participants.keys(),
      afterWrites: (fn) => this.afterWrites(fn),
      takeVersion: (reason, name, state) => this.takeVersion(reason, name, state),
      encodedState: () => this.fullState.current(),
    }
  }

  join(participant: Participant): void {
    this.participants.set(participant, new Map())
    this.policies.all.joined(participant)
    // Ask the client for what it has that we lack; viewers are not asked, as nothing they have is taken.
    if (participant.role !== 'viewer') participant.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const present = [...this.awareness.getStates().keys()]
    if (present.length) participant.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)))
  }

  leave(participant: Participant): void {
    const owned = this.participants.get(participant)
    if (!owned) return
    this.participants.delete(participant)
    this.askedAt.delete(participant)
    this.policies.all.left(participant)
    // A client id its holder already reclaimed on a newer connection stays present.
    const gone = [...owned.keys()].filter((id) => ![...this.participants.values()].some((other) => other.has(id)))
    if (gone.length) awarenessProtocol.removeAwarenessStates(this.awareness, gone, null)
  }

  /** A named seat was revoked: its roll entries are marked and its connections close. Returns how many closed. */
  revokeSeat(seatId: string): number {
    return this.policies.seats.revoke(seatId)
  }

  /**
   * Reply to a client's sync step 1 with what it lacks, once everything it may see is stored. A
   * state vector that covers nothing of this document (a new client's, or one naming only
   * clients the map has never seen) is answered from the cached full state.
   */
  answerSyncStep1(participant: Participant, stateVector: Uint8Array): void {
    // Answered after the updates that came before it, as one socket's messages are: a client that
    // asks right after sending its offline work (our sync tracker's receipt) learns whether it landed.
    if (this.backlog) {
      this.backlog.push({ participant, stateVector })
      return
    }
    let replies: Uint8Array[]
    if (!this.coversNothing(stateVector)) replies = [encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))]
    else if (participant.sentStoredState) {
      // It was sent the stored state while the room loaded: only what the room holds beyond it,
      // which the room has at hand while that state is the one it was built on; else encoded.
      const sent = participant.sentStoredState
      participant.sentStoredState = null
      replies = [encodeSyncStep2(this.fullState.appliedSince(sent) ?? Y.encodeStateAsUpdate(this.doc, this.storedState))]
    } else replies = this.fullState.messages()
    this.afterWrites(() => {
      for (const reply of replies) participant.send(reply)
    })
  }

  /** The size of a full-state answer: how far behind a joining reader may legitimately be. */
  get fullStateBytes(): number {
    return this.fullState.bytes
  }

  private coversNothing(stateVector: Uint8Array): boolean {
    if (stateVector.length === 1 && stateVector[0] === 0) return true
    for (const [client, clock] of Y.decodeStateVector(stateVector)) if (clock > 0 && Y.getState(this.doc.store, client) > 0) return false
    return true
  }

  /**
   * Take a participant's update: apply it if the write policy allows what it changes. A refused
   * update is neither applied nor relayed (`participant.refused` says why). Under the lock the
   * sender stays connected: it is told once (an auth "permission denied" message with the reason
   * `locked`, which stock clients log) and asked for its edits again when the map is unlocked.
   *
   * A large update is applied in slices over several event-loop turns, so one heavy message costs
   * other rooms a few milliseconds at a time, never seconds; updates arriving meanwhile wait their
   * turn. Throws `UpdateFormatError` if the update cannot be read (the caller closes the connection).
   */
  receiveUpdate(participant: Participant, update: Uint8Array, options: { offline?: boolean } = {}): void {
    if (this.failed) return
    if (this.backlog) {
      // One message waits whatever its size (offline work may be larger than the cap); more wait within it.
      if (this.backlog.length > 0 && this.backlogBytes + update.byteLength > MAX_BACKLOG_BYTES) participant.close(CLOSE_CODES.tryAgainLater, 'the map is busy; try again')
      else {
        this.backlogBytes += update.byteLength
        this.backlog.push({ participant, update, offline: options.offline })
      }
      return
    }
    if (options.offline && update.byteLength > READ_IN_STEPS_BYTES) {
      this.receiveOfflineWork(participant, update)
      return
    }
    this.judgeAndApply(participant, update, readUpdate(update))
  }

  /**
   * A reconnecting client's answer to the relay's sync step 1, large enough that reading it in one
   * go would hold other rooms up: read a slice per turn (updates arriving meanwhile wait), then,
   * if it is offline work beyond one live update's size, judged and applied in slices too.
   */
  private receiveOfflineWork(participant: Participant, update: Uint8Array): void {
    this.backlog = []
    this.backlogBytes = 0
    const perStep = SLICE_STRUCTS * 4
    const steps = readUpdateInSteps(update, perStep)
    let read = 0
    const step = () => {
      if (this.failed || this.unloaded) return
      let parsed: RawUpdate
      try {
        const next = steps.next()
        if (!next.done) {
          // Past what offline work may bring, reading further only fills memory: refused as it would be once read.
          read += perStep
          if (read > MAX_OFFLINE_STRUCTS) {
            if (this.participants.has(participant)) this.refuse(participant, { reason: 'too_large', hard: true, detail: `more than ${MAX_OFFLINE_STRUCTS} changes in offline work` })
            this.receiveBacklog()
            return
          }
          setImmediate(step)
          return
        }
        parsed = next.value
      } catch {
        participant.close(CLOSE_CODES.malformed, 'malformed message')
        this.receiveBacklog()
        return
      }
      if (!this.participants.has(participant)) return this.receiveBacklog()
      if (isOfflineWork(this.doc, parsed)) {
        this.judgeInSlices(participant, sliceUpdate(update, parsed, SLICE_STRUCTS, (client) => Y.getState(this.doc.store, client)))
        return
      }
      const waiting = this.backlog
      this.backlog = null
      this.judgeAndApply(participant, update, parsed)
      // Whatever waited goes after it (behind its slices, if it is applied in slices).
      const slicing = this.backlog as Room['backlog']
      if (slicing) slicing.push(...(waiting ?? []))
      else {
        this.backlog = waiting
        this.receiveBacklog()
      }
    }
    setImmediate(step)
  }

  private judgeAndApply(participant: Participant, update: Uint8Array, parsed: RawUpdate): void {
    const verdict = this.policies.all.judge(participant, parsed)
    switch (verdict.kind) {
      case 'noop':
        return
      case 'missing':
        this.askForMissing(participant)
        return
      case 'refuse':
        this.refuse(participant, verdict)
        return
      case 'apply':
        if (verdict.analysis.newStructs <= SLICE_STRUCTS) {
          Y.applyUpdate(this.doc, update, participant)
          this.afterApply(participant)
        } else {
          this.applyInSlices(participant, sliceUpdate(update, parsed, SLICE_STRUCTS, (client) => Y.getState(this.doc.store, client)))
        }
    }
  }

  private askForMissing(participant: Participant): void {
    participant.refused({ reason: 'missing', hard: false, detail: 'builds on changes the relay lacks' })
    const now = performance.now()
    if (now - (this.askedAt.get(participant) ?? -Infinity) > ASK_AGAIN_MS) {
      this.askedAt.set(participant, now)
      participant.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    }
  }

  private refuse(participant: Participant, verdict: { reason: WriteRefusal; hard: boolean; detail: string }): void {
    const refusal = { reason: verdict.reason, hard: verdict.hard, detail: verdict.detail }
    this.policies.all.refused(participant, refusal)
    participant.refused(refusal)
  }

  private afterApply(participant: Participant): void {
    this.policies.all.applied(participant)
  }

  private applyInSlices(participant: Participant, slices: Iterator<Uint8Array>): void {
    this.backlog = []
    this.backlogBytes = 0
    let slice = slices.next()
    const step = () => {
      if (this.failed || this.unloaded) return
      if (!slice.done) Y.applyUpdate(this.doc, slice.value, participant)
      slice = slices.next()
      if (!slice.done) {
        setImmediate(step)
        return
      }
      this.afterApply(participant)
      this.receiveBacklog()
    }
    setImmediate(step)
  }

  /**
   * A reconnecting client's offline work, larger than one live message may be: judged and applied
   * one slice per turn, each slice against the room as the slices before it left it, so it costs
   * other rooms a few milliseconds at a time. The first slice refused stops it (the sender is told
   * as for any update); what was applied before was judged like any other edit.
   */
  private judgeInSlices(participant: Participant, slices: Iterator<Uint8Array>): void {
    this.backlog ??= []
    let slice = slices.next()
    let applied = false
    const step = () => {
      if (this.failed || this.unloaded) return
      // A sender gone meanwhile: the rest of its work is left, as a closed socket's would be.
      const present = this.participants.has(participant)
      const verdict: Verdict = present && !slice.done ? this.policies.all.judge(participant, readUpdate(slice.value)) : { kind: 'noop' }
      if (verdict.kind === 'apply' && !slice.done) {
        Y.applyUpdate(this.doc, slice.value, participant)
        applied = true
      }
      slice = slices.next()
      const goOn = present && (verdict.kind === 'apply' || verdict.kind === 'noop') && !slice.done
      if (goOn) {
        setImmediate(step)
        return
      }
      if (applied) this.afterApply(participant)
      if (verdict.kind === 'missing') this.askForMissing(participant)
      else if (verdict.kind === 'refuse' && this.participants.has(participant)) this.refuse(participant, verdict)
      this.receiveBacklog()
    }
    setImmediate(step)
  }

  /** Take the updates that waited while a large one was applied, in order. */
  private receiveBacklog(): void {
    const waiting = this.backlog ?? []
    this.backlog = null
    waiting.forEach((entry, i) => {
      const from = entry.participant
      if (!this.participants.has(from)) return
      if (this.backlog) {
        this.backlog.push(...waiting.slice(i).filter((w) => this.participants.has(w.participant)))
        return
      }
      if ('stateVector' in entry) return this.answerSyncStep1(from, entry.stateVector)
      try {
        this.receiveUpdate(from, entry.update, { offline: entry.offline })
      } catch {
        from.close(CLOSE_CODES.malformed, 'malformed message')
      }
    })
  }

  /** Keep a named copy of the map as it is now, once everything before it is stored. */
  takeVersion(reason: VersionReason, name: string, state = Y.encodeStateAsUpdate(this.doc)): Promise<TakenVersion> {
    const version = { id: `v_${randomBytes(9).toString('base64url')}`, name, reason, createdAt: new Date().toISOString() }
    return this.stored().then(async () => {
      await this.deps.store.saveVersion(this.mapId, { ...version, state })
      this.deps.log.info('room.version', { mapId: this.mapId, reason })
      return version
    })
  }

  /**
   * Apply a participant's awareness update, keeping only entries for client ids it holds. A
   * connection's first awareness message claims its client ids, unless another participant owns
   * them: ids belong to the participant (see presenceOwners.ts), so a participant reconnecting
   * takes its ids back and nobody else can take them meanwhile. Returns how many entries were
   * dropped as spoofed.
   *
   * When its holder left, the relay removed an id's presence with a clock one past the client's;
   * the reconnected client still counts from its old clock, and peers would ignore it until it
   * caught up. So a reclaimed id's clock is shifted past the relay's for as long as the
   * connection lasts, and everyone sees the participant again at once.
   */
  applyAwareness(participant: Participant, update: Uint8Array): number {
    const held = this.participants.get(participant)
    if (!held) return 0
    const entries = readAwarenessEntries(update)
    if (held.size === 0) {
      const claimed = this.presenceOwners.claim(
        participant.personKey,
        entries.map((e) => e.clientId),
        MAX_CLIENT_IDS_PER_CONNECTION,
      )
      for (const e of entries) {
        if (!claimed.includes(e.clientId) || held.has(e.clientId)) continue
        const relayClock = this.awareness.meta.get(e.clientId)?.clock ?? 0
        held.set(e.clientId, e.clock <= relayClock && !this.awareness.getStates().has(e.clientId) ? relayClock + 1 - e.clock : 0)
      }
    }
    const allowed = entries.filter((e) => held.has(e.clientId))
    const shifted = allowed.some((e) => held.get(e.clientId) !== 0)
    const forwarded = shifted ? allowed.map((e) => ({ ...e, clock: e.clock + held.get(e.clientId)! })) : allowed
    if (forwarded.length) awarenessProtocol.applyAwarenessUpdate(this.awareness, forwarded.length === entries.length && !shifted ? update : writeAwarenessEntries(forwarded), participant)
    return entries.length - allowed.length
  }

  /** Close every connection of a role (its tokens were revoked). */
  closeRole(role: Role, code: number, reason: string): number {
    let closed = 0
    for (const p of [...this.participants.keys()]) {
      if (p.role !== role) continue
      p.close(code, reason)
      closed++
    }
    return closed
  }

  closeAll(code: number, reason: string): void {
    for (const p of [...this.participants.keys()]) p.close(code, reason)
  }

  /** Wait for pending writes, fold the log if it grew past a tail that loads in place, and release the document. */
  async unload(): Promise<void> {
    this.unloaded = true
    clearTimeout(this.gapTimer)
    this.unsubscribe()
    this.awareness.destroy()
    await this.stored().catch(() => {})
    await this.compacting
    if (!this.failed && this.rowsSinceCompaction > 0 && !tailLoadsInPlace(this.rowsSinceCompaction, this.bytesSinceCompaction)) await this.compact()
    this.doc.destroy()
  }

  /** Updates applied and not yet stored: a sender far ahead of storage is paused (see Connection). */
  get unstoredUpdates(): number {
    return this.unstored
  }

  /** Resolves once every update applied so far is stored (or storage failed). */
  whenStored(): Promise<void> {
    return this.stored().catch(() => {})
  }

  private afterWrites(fn: () => void): void {
    this.stored().then(fn, () => {})
  }

  /** `writes`, with the turn's updates waiting to be stored (synchronous store) included once someone asks. */
  private stored(): Promise<void> {
    if (this.toStore.length > 0 && !this.turnStored) {
      const turn = new Promise<void>((resolve, reject) => (this.turnStored = { resolve, reject }))
      this.writes = Promise.all([this.writes, turn]).then(() => {})
      this.writes.catch(() => {}) // a failed write fails the room (see `storeTurn`); waiters see it through `writes`
    }
    return this.writes
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullState.applied(update)
    if (origin === REMOTE_ORIGIN) {
      this.queueUpdate(update, null) // stored by the relay that accepted it
      return
    }
    const from = this.participants.has(origin as Participant) ? (origin as Participant) : null
    this.unstored++
    if (this.deps.store.appendUpdatesNow) {
      this.toStore.push({ update, from })
      this.scheduleFlush()
      return
    }
    const started = performance.now()
    const written = this.deps.store.appendUpdate(this.mapId, update)
    const stored = Promise.all([this.writes, written]).then(([, seq]) => {
      this.unstored--
      this.deps.metrics.updatesStored.inc()
      this.deps.metrics.storageWriteSeconds.add((performance.now() - started) / 1000)
      this.rowsSinceCompaction++
      this.bytesSinceCompaction += update.byteLength
      this.storedHere.add(seq)
      this.position.saw(seq)
      this.compactIfDue()
      return seq
    })
    this.writes = stored.then(() => {})
    stored.then(
      (seq) => {
        this.queueUpdate(update, from)
        this.deps.fanOut.publish({ mapId: this.mapId, relayId: this.deps.relayId, message: { kind: 'update', update, seq } })
      },
      (error: unknown) => this.fail(error),
    )
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed]
    const from = this.participants.has(origin as Participant) ? (origin as Participant) : null
    for (const id of changed) this.pendingAwareness.set(id, from)
    this.scheduleFlush()
    if (origin !== REMOTE_ORIGIN) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
      this.deps.fanOut.publish({ mapId: this.mapId, relayId: this.deps.relayId, message: { kind: 'awareness', update } })
    }
  }

  private readonly onFanOut = (envelope: FanOutEnvelope): void => {
    if (envelope.relayId === this.deps.relayId || this.failed) return
    const { message } = envelope
    if (message.kind === 'update') {
      Y.applyUpdate(this.doc, message.update, REMOTE_ORIGIN)
      this.policies.all.applied(null)
      this.position.saw(message.seq)
      this.watchForGap()
    } else if (message.kind === 'awareness') awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, REMOTE_ORIGIN)
    else if (message.kind === 'revoke') this.closeRole(message.role, CLOSE_CODES.revoked, 'revoked')
    else this.policies.all.received(message)
  }

  // ---- Catching up with what the fan-out missed (relays sharing storage) ----

  /**
   * Storage says the map's log reaches `lastSeq` (the relay checks every few seconds). Rows that
   * were already stored at the previous check and are still missing were lost on the way: read
   * them. (Rows stored since are usually just in flight on the fan-out.)
   */
  noticeStoredHead(lastSeq: number): void {
    const missing = this.position.contiguous < Math.min(lastSeq, this.headAtLastCheck)
    this.headAtLastCheck = lastSeq
    if (missing) void this.catchUp('poll')
  }

  private readonly onFanOutMissed = (reason: MissedReason): void => {
    void this.catchUp(reason)
  }

  /** A sequence number arrived past a hole: give the missing one a moment, then read it from storage. */
  private watchForGap(): void {
    if (!this.position.hasGap || this.gapTimer || this.unloaded) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined
      if (this.position.hasGap && this.position.gapAgeMs() >= GAP_GRACE_MS) void this.catchUp('gap')
      else this.watchForGap()
    }, GAP_GRACE_MS)
    this.gapTimer.unref()
  }

  /**
   * Read every stored update after the contiguous position and apply it (Yjs ignores what the
   * document already has; what is new goes to this relay's participants like any remote update).
   */
  catchUp(reason: string): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true
      return this.catchingUp
    }
    const { store, metrics, log } = this.deps
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false
        const { updates, lastSeq } = await store.loadUpdates(this.mapId, this.position.contiguous)
        if (this.failed || this.unloaded) return
        if (updates.length) {
          this.doc.transact(() => {
            for (const update of updates) {
              try {
                Y.applyUpdate(this.doc, update)
              } catch (error) {
                // Stored by a relay that judged it; one that cannot be applied here is the loader's to quarantine.
                log.warn('room.catch_up_row_failed', { mapId: this.mapId, error: String(error) })
              }
            }
          }, REMOTE_ORIGIN)
          this.policies.all.applied(null)
          metrics.catchUps.inc({ source: 'storage', reason })
          metrics.catchUpUpdates.add(updates.length)
        }
        this.position.caughtUpTo(lastSeq)
      } while (this.catchUpAgain)
    })()
      .catch((error: unknown) => log.warn('room.catch_up_failed', { mapId: this.mapId, reason, error: String(error) }))
      .finally(() => (this.catchingUp = null))
    return this.catchingUp
  }

  private queueUpdate(update: Uint8Array, from: Participant | null): void {
    this.pendingUpdates.push({ update, from })
    this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(this.flush)
  }

  private readonly flush = (): void => {
    this.flushScheduled = false
    this.storeTurn()
    const updates = this.pendingUpdates
    const awareness = this.pendingAwareness
    this.pendingUpdates = []
    this.pendingAwareness = new Map()
    if (updates.length) this.broadcastUpdates(updates)
    if (awareness.size) this.broadcastAwareness(awareness)
  }

  /**
   * Store the turn's updates with one commit, then queue them to be relayed and published: durable
   * before relayed, as one append per update was, for one commit a turn instead of one an update.
   * A failed commit relays none of them and fails the room.
   */
  private storeTurn(): void {
    const batch = this.toStore
    if (batch.length === 0) return
    const settle = this.turnStored
    this.toStore = []
    this.turnStored = null
    const { store, metrics, fanOut, relayId } = this.deps
    const started = performance.now()
    const updates: Uint8Array[] = []
    let bytes = 0
    for (const pending of batch) {
      updates.push(pending.update)
      bytes += pending.update.byteLength
    }
    let seqs: number[]
    try {
      seqs = store.appendUpdatesNow!(this.mapId, updates)
    } catch (error) {
      if (settle) settle.reject(error)
      else {
        this.writes = Promise.reject(error)
        this.writes.catch(() => {})
      }
      this.fail(error)
      return
    }
    this.unstored -= batch.length
    metrics.updatesStored.add(batch.length)
    metrics.storageWriteSeconds.add((performance.now() - started) / 1000)
    this.rowsSinceCompaction += batch.length
    this.bytesSinceCompaction += bytes
    for (let i = 0; i < batch.length; i++) {
      this.storedHere.add(seqs[i])
      this.position.saw(seqs[i])
      this.pendingUpdates.push(batch[i])
      fanOut.publish({ mapId: this.mapId, relayId, message: { kind: 'update', update: batch[i].update, seq: seqs[i] } })
    }
    this.compactIfDue()
    settle?.resolve()
  }

  /**
   * One merged update to everyone who sent none of them; a sender gets the others' updates as
   * they are, each encoded once for all its recipients, or merged when there are more than a few
   * (a busy turn, a flood beside it). So an ordinary turn costs at most one merge however many
   * participants wrote in it (a merge per sender re-encoded the same updates once for each of
   * them). A turn that carries a large update (a slice of a big one) sends its updates one by one
   * to everyone: merging re-encodes every struct, work no other room should wait for.
   */
  private broadcastUpdates(batch: PendingUpdate[]): void {
    if (batch.length === 1) {
      // The usual turn: one update, to everyone but its sender.
      const message = encodeUpdate(batch[0].update)
      const from = batch[0].from
      for (const p of this.participants.keys()) if (p !== from) p.send(message)
      return
    }
    const each = batch.map((b) => encodeUpdate(b.update))
    const small = batch.reduce((n, b) => n + b.update.byteLength, 0) <= MERGE_MAX_BYTES
    const merged = (items: PendingUpdate[]) => [encodeUpdate(Y.mergeUpdates(items.map((b) => b.update)))]
    const everyone = small && batch.length > 1 ? merged(batch) : each
    const senders = new Set(batch.map((b) => b.from))
    for (const p of this.participants.keys()) {
      if (!senders.has(p)) {
        for (const m of everyone) p.send(m)
        continue
      }
      const others = batch.filter((b) => b.from !== p)
      if (small && others.length > SEPARATE_MAX) for (const m of merged(others)) p.send(m)
      else for (let i = 0; i < batch.length; i++) if (batch[i].from !== p) p.send(each[i])
    }
  }

  private broadcastAwareness(changes: Map<number, Participant | null>): void {
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...changes.keys()]))
    const origins = new Set(changes.values())
    const soleOrigin = origins.size === 1 ? [...origins][0] : null
    for (const p of this.participants.keys()) if (p !== soleOrigin) p.send(message)
  }

  private compactIfDue(): void {
    const rows = this.rowsSinceCompaction
    const { compactEvery } = this.deps
    if (rows < compactEvery) return
    if (rows < 10 * compactEvery && this.foldedAt !== undefined && performance.now() - this.foldedAt < MIN_FOLD_INTERVAL_MS) return
    this.compactInBackground()
  }

  private compactInBackground(): void {
    if (this.compacting || this.failed) return
    this.foldedAt = performance.now()
    this.compacting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compact())
      .finally(() => (this.compacting = null))
  }

  private async compact(): Promise<void> {
    const before = this.rowsSinceCompaction
    const bytesBefore = this.bytesSinceCompaction
    try {
      const { rows, bytes, lastSeq } = await compactMapLog(this.deps.store, this.mapId, (seq) => this.storedHere.has(seq))
      this.rowsSinceCompaction -= before
      this.bytesSinceCompaction -= bytesBefore
      if (lastSeq !== undefined) for (const seq of this.storedHere) if (seq <= lastSeq) this.storedHere.delete(seq)
      this.deps.metrics.compactions.inc()
      this.deps.log.debug('room.compact', { mapId: this.mapId, rows, bytes })
    } catch (error) {
      // The log is intact (compaction is one transaction); it is simply folded later.
      this.deps.log.error('room.compact_failed', { mapId: this.mapId, error: String(error) })
    }
  }

  /** Storage refused a write: nothing more is relayed; everyone reconnects to a freshly loaded room. */
  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    this.deps.log.error('room.storage_failed', { mapId: this.mapId, error: String(error) })
    this.deps.onFailure(this)
  }
}
