/**
 * What an incoming document update does, decided before it is applied (a Yjs update cannot be
 * taken back once integrated), and whether its sender may do it.
 *
 * Only what is new is judged: structs the room does not have yet and deletions of items that are
 * not deleted yet. A reconnecting client re-sends history (its sync step 2 carries its whole
 * delete set); history is never a reason to refuse, and an update that changes nothing is
 * accepted, unapplied and unstored, in every state.
 *
 * Every new struct is located in the schema as a path of map keys — `[collection, recordId]`,
 * `[collection, recordId, field]`, `[collection, recordId, field, key]` for votes and sets of
 * ids, `[meta | workshop, field]` — and its content checked against the document schema (DESIGN.md
 * contract 3 and the README's additions): known names, value types and sizes, nesting only
 * where the schema has it. Tracing is linear: structs are found by client and clock with a binary
 * search, and each origin chain is followed once.
 *
 * Then the rules:
 *  - nobody but the relay writes `meta.schemaVersion`, nor the roll of participants (`participants`);
 *  - a vote is written only under the writer's own participant id (the one the relay issued to
 *    its connection): nobody casts, changes or spends another's ballot, and a connection without
 *    an id (a stock client with only a role token) casts none. The facilitator, who runs the
 *    rounds and restores versions, is exempt; undoing a deletion may bring an annotation back
 *    with its votes (see `findForeignVote`);
 *  - votes count only where they were cast: an annotation carrying votes does not change its kind
 *    into the kind of the workshop's round (see `findVotesMovedIntoRound`);
 *  - the `workshop` map (timer, lock, voting and writing rounds) is the facilitator's alone;
 *  - a viewer writes nothing, except, while an open round lets viewers vote, its own votes on
 *    that round's kind (`judgeViewerVote`);
 *  - while the map is locked only facilitators change anything; others' changes wait (soft).
 */
import * as Y from 'yjs'
import {
  checkFieldValue,
  checkNestedEntry,
  COLLECTIONS,
  fieldShape,
  isId,
  MAX_ID_LENGTH,
  maxNestedEntries,
  MAX_REPLY_DEPTH,
  followReplyChain,
  RECORD_TYPE_OF,
  restoreMeta,
  type CollectionName,
} from '../../src/model'
import { readUpdate, Y_MAP_TYPE_REF, type RawContent, type RawId, type RawStruct, type RawUpdate } from './updateFormat'

export type WriteRefusal = 'locked' | 'facilitator_only' | 'schema_version' | 'schema' | 'too_large' | 'relay_only' | 'vote_not_own' | 'votes_moved' | 'viewer_write'

/** Where a write lands: map keys from the root down. */
export type SchemaPath = readonly string[]

export interface Change {
  op: 'insert' | 'delete'
  path: SchemaPath
  /** The plain value an insert writes (undefined for records, nested maps and deleted content). */
  value?: unknown
}

export interface UpdateAnalysis {
  /** Nothing the room does not already have. */
  noop: boolean
  /** Some of it builds on structs the room lacks (a gap in a client's clock, an unknown origin). */
  missing: boolean
  changes: Change[]
  /** The first way it breaks the schema, as `path: problem`; null when it fits. */
  violation: string | null
  /** How many structs the room does not have yet: what applying it will cost. */
  newStructs: number
}

export type Verdict =
  | { kind: 'apply'; analysis: UpdateAnalysis }
  | { kind: 'noop' }
  /** Apply nothing and ask the sender for everything the room lacks (sync step 1). */
  | { kind: 'missing' }
  /** Hard refusals close the sender's connection; a soft one (the lock) keeps it open. */
  | { kind: 'refuse'; reason: WriteRefusal; hard: boolean; detail: string }

const FACILITATOR_ONLY_ROOT = 'workshop'
/** The relay's roll of participants (src/doc/participants.ts): written by the relay, read by all. */
const RELAY_ONLY_ROOT = 'participants'
/** A roll entry: `{seat, revoked, joinedAt}`, a few dozen characters. */
const MAX_ROLL_ENTRY_JSON = 256
const META_FIELDS = new Set(['schemaVersion', 'title', 'description', 'locale', 'createdAt', 'variant', 'asIsMapId', 'toBeMapId'])
const WORKSHOP_FIELDS = new Set(['locked', 'timer', 'voting', 'writing'])
/** A workshop value is a flag or a small object: timer, voting round or writing round. */
const MAX_WORKSHOP_JSON = 2048
/** Records per collection: far beyond a real map (the benchmark map has 3,000 annotations). */
export const MAX_RECORDS_PER_COLLECTION = 20_000
/**
 * New items competing for one map key with the same origin in one update. Each costs Yjs a scan
 * of the others when it integrates (quadratic); a real sync holds a handful at most.
 */
const MAX_CONCURRENT_PER_KEY = 64

export function isLocked(doc: Y.Doc): boolean {
  return doc.getMap('workshop').get('locked') === true
}

/**
 * New structs one update may bring. Reading and checking an update is one uninterrupted piece of
 * work (about 5–10 µs a struct), so its size is bounded to keep that near 30 ms; applying is done
 * in slices (see Room). A real edit brings tens; a long offline session hundreds (180 new cards
 * with their fields are about 3,000); a whole 1,000-card map about 50,000, which goes through import.
 */
export const MAX_NEW_STRUCTS = 3_000

/**
 * New structs a reconnecting client's offline work may bring in its answer to the relay's sync
 * step 1: about 5,800 new cards with their fields, more than one message (`MAX_MESSAGE_BYTES`)
 * holds. It is judged and applied in slices (see Room), so its size costs time spread over many
 * turns, never one long one; this bound keeps the whole of it within what a map may hold.
 */
export const MAX_OFFLINE_STRUCTS = 100_000

/** How many structs of an update the room does not have yet (the rest is history it re-sends). */
export function countNewStructs(doc: Y.Doc, update: RawUpdate): number {
  let fresh = 0
  for (const b of update.blocks) {
    const state = Y.getState(doc.store, b.client)
    for (const st of b.structs) if (st.kind !== 'skip' && st.clock + st.length > state) fresh++
  }
  return fresh
}

/** Who sent an update, as far as the rules need: its participant id, when the relay issued it one. */
export interface Writer {
  participantId?: string
}

export function judgeUpdate(doc: Y.Doc, role: string, update: Uint8Array | RawUpdate, writer: Writer = {}): Verdict {
  const parsed = update instanceof Uint8Array ? readUpdate(update) : update
  let structs = 0
  for (const block of parsed.blocks) structs += block.structs.length
  if (structs > MAX_NEW_STRUCTS && countNewStructs(doc, parsed) > MAX_NEW_STRUCTS) {
    // Counted before the state check: re-sent history this large is as costly to read as new work.
    return { kind: 'refuse', reason: 'too_large', hard: true, detail: `more than ${MAX_NEW_STRUCTS} new changes in one message` }
  }
  const analysis = analyzeUpdate(doc, parsed)
  const violation = analysis.violation ?? findEndlessReplyChain(doc, analysis.changes)
  if (violation) return { kind: 'refuse', reason: 'schema', hard: true, detail: violation }
  if (analysis.noop) return { kind: 'noop' }
  for (const { path } of analysis.changes) {
    if (path[0] === 'meta' && path[1] === 'schemaVersion') return { kind: 'refuse', reason: 'schema_version', hard: true, detail: 'meta.schemaVersion is written by the relay only' }
    if (path[0] === RELAY_ONLY_ROOT) return { kind: 'refuse', reason: 'relay_only', hard: true, detail: 'the roll of participants is written by the relay only' }
  }
  if (role === 'viewer') {
    const problem = judgeViewerVote(doc, analysis.changes, writer)
    if (problem) return { kind: 'refuse', reason: problem.reason, hard: true, detail: problem.detail }
  }
  const foreignVote = findForeignVote(doc, analysis.changes, role, writer)
  if (foreignVote) return { kind: 'refuse', reason: 'vote_not_own', hard: foreignVote.hard, detail: foreignVote.detail }
  const moved = findVotesMovedIntoRound(doc, analysis.changes, role)
  if (moved) return { kind: 'refuse', reason: 'votes_moved', hard: false, detail: moved }
  if (role !== 'facilitator' && role !== 'viewer' && analysis.changes.some((c) => c.path[0] === FACILITATOR_ONLY_ROOT)) {
    return { kind: 'refuse', reason: 'facilitator_only', hard: true, detail: 'the workshop controls are the facilitator’s' }
  }
  // A lock holds everyone but the facilitator, a viewer's votes included: held until it lifts.
  if (role !== 'facilitator' && isLocked(doc)) return { kind: 'refuse', reason: 'locked', hard: false, detail: 'the map is locked by the facilitator' }
  if (analysis.missing) return { kind: 'missing' }
  return { kind: 'apply', analysis }
}

/** The open round, when it lets viewers vote; the connection asks before it hands a viewer's update on. */
export function viewersMayVote(doc: Y.Doc): boolean {
  const voting = doc.getMap('workshop').get('voting') as { status?: unknown; viewersVote?: unknown } | undefined
  return voting?.status === 'open' && voting.viewersVote === true
}

/**
 * A viewer's update during a round that lets viewers vote: it may place and take back its own
 * votes (`annotations.<id>.votes.<its participant id>`) on existing annotations of the round's
 * kind, and change nothing else. Null when that is all it does. The lock does not hold it back:
 * a facilitator who locks the map during a round still wants its votes.
 */
function judgeViewerVote(doc: Y.Doc, changes: Change[], writer: Writer): { reason: WriteRefusal; detail: string } | null {
  const voting = doc.getMap('workshop').get('voting') as { kind?: unknown } | undefined
  if (!viewersMayVote(doc)) return { reason: 'viewer_write', detail: 'a viewer votes only in a round open to viewers' }
  for (const { path } of changes) {
    const [root, recordId, field, voter] = path
    if (root !== 'annotations' || field !== 'votes' || path.length !== 4) return { reason: 'viewer_write', detail: `${path.join('.')}: a viewer only votes` }
    if (writer.participantId === undefined || voter !== writer.participantId) return { reason: 'vote_not_own', detail: `${path.join('.')}: a vote under another participant's id` }
    const record = doc.getMap('annotations').get(recordId)
    if (!(record instanceof Y.Map) || record.get('kind') !== voting?.kind) return { reason: 'viewer_write', detail: `${path.join('.')}: not an item of this round` }
  }
  return null
}

export interface AnalyzeOptions {
  /**
   * Accept a set of ids written as one plain array (schema v1), for replaying rows stored before
   * v2; the relay migrates the loaded document right after.
   */
  legacySets?: boolean
  /** Accept what only the relay writes (the roll of participants), for replaying stored rows. */
  relayWrites?: boolean
}

/**
 * Whether an update writes a vote under another participant's id, and how firmly to refuse it.
 *
 * The facilitator runs the rounds (opening one clears its votes, restoring a version writes the
 * votes it held), so any vote key is theirs to write. Anyone else writes votes only under their
 * own participant id; a connection without one (a stock client with only a role token) casts none.
 * Two cases are told apart:
 *  - A vote written into an annotation that already exists, or into a new one (whatever its kind,
 *    a note as much as a pain point): a forged or stuffed ballot. Refused hard, whatever the round.
 *  - Votes inside an annotation the same update brings back under a key the room held and deleted:
 *    how undoing a deletion restores an annotation, votes and all. Allowed while no round is on its
 *    kind (a round clears its kind's votes when it opens, so these count for nothing, and
 *    `findVotesMovedIntoRound` keeps them out of a round later); during such a round refused
 *    softly — the participant stays connected, its restore held back — because then they would
 *    count.
 * Removing another's vote comes with deleting the annotation or its votes whole, or is the
 * facilitator's.
 */
function findForeignVote(doc: Y.Doc, changes: Change[], role: string, writer: Writer): { detail: string; hard: boolean } | null {
  if (role === 'facilitator') return null
  const isVote = (path: SchemaPath) => path.length === 4 && path[0] === 'annotations' && path[2] === 'votes'
  const created = new Set(changes.filter((c) => c.op === 'insert' && c.path[0] === 'annotations' && c.path.length === 2).map((c) => c.path[1]))
  const wholeDeleted = new Set(changes.filter((c) => c.op === 'delete' && c.path[0] === 'annotations' && (c.path.length === 2 || (c.path.length === 3 && c.path[2] === 'votes'))).map((c) => c.path[1]))
  const voting = doc.getMap('workshop').get('voting') as { kind?: unknown } | undefined
  const kindOf = (recordId: string) =>
    changes.find((c) => c.op === 'insert' && c.path.length === 3 && c.path[0] === 'annotations' && c.path[1] === recordId && c.path[2] === 'kind')?.value ??
    ((doc.getMap('annotations').get(recordId) as Y.Map<unknown> | undefined)?.get('kind') as unknown)
  for (const { op, path } of changes) {
    if (!isVote(path) || (writer.participantId !== undefined && path[3] === writer.participantId)) continue
    const recordId = path[1]
    if (op === 'delete') {
      if (!wholeDeleted.has(recordId)) return { detail: `${path.join('.')}: removes another participant's vote`, hard: true }
      continue
    }
    if (!created.has(recordId) || !wasDeleted(doc, 'annotations', recordId)) {
      return { detail: writer.participantId ? `${path.join('.')}: a vote under another participant's id` : `${path.join('.')}: a vote needs a participant id from the relay`, hard: true }
    }
    const kind = kindOf(recordId)
    if (voting && (kind === undefined || voting.kind === kind)) return { detail: `${path.join('.')}: brings back others' votes during a round on ${String(voting.kind)}`, hard: false }
  }
  return null
}

/**
 * A comment this update writes a `targetId` for, whose reply chain would not end at a record
 * within `MAX_REPLY_DEPTH` (a self-reply, a cycle, an endless chain): the violation, or null.
 * The chain is read as it will stand once the update is applied, so a cycle formed by changing
 * an existing comment's `targetId` is found too (every new cycle passes through a written one).
 * A reply to a comment the map does not hold (deleted meanwhile) ends there: a colleague may
 * delete a thread while another answers it. At most `MAX_REPLY_DEPTH` steps per written comment.
 */
function findEndlessReplyChain(doc: Y.Doc, changes: Change[]): string | null {
  const written = new Map<string, unknown>()
  const created = new Set<string>()
  const deleted = new Set<string>()
  for (const { op, path, value } of changes) {
    if (path[0] !== 'comments') continue
    if (path.length === 2) (op === 'insert' ? created : deleted).add(path[1])
    else if (op === 'insert' && path.length === 3 && path[2] === 'targetId') written.set(path[1], value)
  }
  if (written.size === 0) return null
  const comments = doc.getMap('comments')
  const targetOf = (id: string): string | undefined => {
    const value = written.get(id)
    if (typeof value === 'string') return value
    if (deleted.has(id) && !created.has(id)) return undefined
    const record = comments.get(id)
    const stored = record instanceof Y.Map ? record.get('targetId') : undefined
    return typeof stored === 'string' ? stored : undefined
  }
  for (const id of written.keys()) {
    const end = followReplyChain(id, targetOf)
    if (!end.ends) return `comments.${id}.targetId: ${end.problem === 'cycle' ? 'a reply to itself or a cycle of replies' : `a reply chain deeper than ${MAX_REPLY_DEPTH}`}`
  }
  return null
}

/** Whether the room held a record under this key and deleted it: what an undo brings back. */
function wasDeleted(doc: Y.Doc, collection: CollectionName, recordId: string): boolean {
  const item = doc.getMap(collection)._map.get(recordId)
  return item !== undefined && item.deleted
}

/**
 * Whether an update changes the kind of an annotation that carries votes into the kind of the
 * workshop's round (open, or closed with its results standing): the detail when it does.
 *
 * Votes count only on items of the round's kind, and only as cast there: a round clears its kind's
 * votes when it opens. Votes written on an item of another kind (a note carries votes no round
 * looks at) would otherwise count the moment its kind changed, and spend their voters' budgets.
 * Refusing the change is the relay's to decide alone, where a tally that ignored such votes would
 * need every client to know when each vote and each kind were written. Refused softly: a
 * colleague who recategorises a voted card during a round is careless at worst, stays connected,
 * and the change is held back. Clearing the votes in the same update lets it through. The
 * facilitator, who runs the rounds, is exempt.
 */
function findVotesMovedIntoRound(doc: Y.Doc, changes: Change[], role: string): string | null {
  if (role === 'facilitator') return null
  const voting = doc.getMap('workshop').get('voting') as { kind?: unknown } | undefined
  if (!voting) return null
  for (const { op, path, value } of changes) {
    if (op !== 'insert' || path.length !== 3 || path[0] !== 'annotations' || path[2] !== 'kind' || value !== voting.kind) continue
    const recordId = path[1]
    const record = doc.getMap('annotations').get(recordId)
    // A new annotation's votes are judged as written (`findForeignVote`); here, an existing one's kind.
    if (!(record instanceof Y.Map) || record.get('kind') === value || changes.some((c) => c.path.length === 2 && c.path[0] === 'annotations' && c.path[1] === recordId)) continue
    if (votesAfter(doc, changes, recordId) > 0) return `annotations.${recordId}.kind: brings votes cast elsewhere into the round on ${String(voting.kind)}`
  }
  return null
}

/** How many voters an existing annotation holds once an update's own vote changes are made. */
function votesAfter(doc: Y.Doc, changes: Change[], recordId: string): number {
  const record = doc.getMap('annotations').get(recordId)
  const stored = record instanceof Y.Map ? record.get('votes') : undefined
  const voters = new Set(stored instanceof Y.Map ? [...stored.entries()].filter(([, n]) => typeof n === 'number' && n > 0).map(([voter]) => voter) : [])
  const written = new Map<string, unknown>()
  for (const { op, path, value } of changes) {
    if (path[0] !== 'annotations' || path[1] !== recordId) continue
    if (path.length === 3 && path[2] === 'votes') voters.clear() // the votes deleted whole, or a fresh map in their place
    if (path.length !== 4 || path[2] !== 'votes') continue
    if (op === 'insert') written.set(path[3], value)
    else voters.delete(path[3]) // an overwrite deletes the key's old value too; the new one is in `written`
  }
  for (const [voter, value] of written) {
    if (typeof value === 'number' && value > 0) voters.add(voter)
    else voters.delete(voter)
  }
  return voters.size
}

/** Where a struct sits: under a root type or under another item (a nested map), at a key. */
type Position = { root: string; key: string | null } | { parent: RawId; key: string | null }
type Located = SchemaPath | 'missing' | 'dead' | { violation: string }
/** A struct of the update or of the room's document. */
type Found = { raw: RawStruct; doc?: undefined } | { raw?: undefined; doc: Y.Item | Y.GC }

const isPath = (l: Located): l is SchemaPath => Array.isArray(l)

export function analyzeUpdate(doc: Y.Doc, update: Uint8Array | RawUpdate, options: AnalyzeOptions = {}): UpdateAnalysis {
  const parsed = update instanceof Uint8Array ? readUpdate(update) : update
  const store = doc.store
  const stateOf = (client: number) => Y.getState(store, client)

  // The update's new structs by client, in clock order, for lookups by id.
  const fresh = new Map<number, RawStruct[]>()
  let missing = false
  for (const { client, structs } of parsed.blocks) {
    const state = stateOf(client)
    let expected = state
    const list: RawStruct[] = []
    for (const s of structs) {
      if (s.kind === 'skip' || s.clock + s.length <= state) continue // a gap the update leaves, or history the room has
      if (s.clock > expected) missing = true
      expected = Math.max(expected, s.clock + s.length)
      list.push(s)
    }
    if (list.length) fresh.set(client, list)
  }

  const findFresh = (client: number, clock: number): RawStruct | undefined => {
    const list = fresh.get(client)
    if (!list) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]
      if (clock < s.clock) hi = mid - 1
      else if (clock >= s.clock + s.length) lo = mid + 1
      else return s
    }
    return undefined
  }
  /** The struct holding `id`: the room's own, else the update's; undefined if neither has it. */
  const findStruct = (id: RawId): Found | undefined => {
    if (id.clock < stateOf(id.client)) return { doc: Y.getItem(store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC }
    const raw = findFresh(id.client, id.clock)
    return raw ? { raw } : undefined
  }

  const docPosition = (item: Y.Item): Position => {
    const type = item.parent as Y.AbstractType<unknown>
    if (type._item === null) return { root: Y.findRootTypeKey(type), key: item.parentSub }
    return { parent: type._item.id, key: item.parentSub }
  }

  // Where each new item sits: from its own parent info, else from its origin's (iteratively, so
  // a long chain of overwrites of one key costs one walk).
  type Place = Position | 'missing' | 'dead' | 'orphan'
  const places = new Map<RawStruct, Place>()
  const placeOf = (item: RawStruct): Place => {
    const chain: RawStruct[] = []
    let current = item
    let result: Place
    for (;;) {
      const known = places.get(current)
      if (known) {
        result = known
        break
      }
      if (typeof current.parent === 'string') {
        result = { root: current.parent, key: current.parentSub }
        break
      }
      if (current.parent) {
        result = { parent: current.parent, key: current.parentSub }
        break
      }
      chain.push(current)
      const next = current.origin ?? current.rightOrigin
      if (!next) {
        result = 'orphan'
        break
      }
      const found = findStruct(next)
      if (!found) {
        result = 'missing'
        break
      }
      if (found.doc) {
        // Placed beside collected content, Yjs collects it too.
        result = found.doc instanceof Y.Item ? docPosition(found.doc) : 'dead'
        break
      }
      if (found.raw.kind !== 'item') {
        result = 'dead'
        break
      }
      current = found.raw
    }
    places.set(item, result)
    for (const c of chain) places.set(c, result)
    return result
  }

  // The full path of a position, through at most three nested maps.
  const typePaths = new Map<RawStruct | Y.Item, Located>()
  const pathOf = (position: Position): Located => {
    if ('root' in position) return position.key === null ? { violation: `${position.root}: a list insert where the schema has only maps` } : [position.root, position.key]
    const found = findStruct(position.parent)
    if (!found) return 'missing'
    const parent = found.doc ?? found.raw
    let located = typePaths.get(parent as RawStruct | Y.Item)
    if (!located) {
      located = found.doc ? locateDocType(found.doc) : locateRawType(found.raw)
      typePaths.set(parent as RawStruct | Y.Item, located)
    }
    if (!isPath(located)) return located
    if (position.key === null) return { violation: `${located.join('.')}: a list insert where the schema has only maps` }
    if (located.length >= 4) return { violation: `${located.join('.')}: nested deeper than the schema allows` }
    return [...located, position.key]
  }
  const locateDocType = (item: Y.Item | Y.GC): Located => {
    if (!(item instanceof Y.Item)) return 'dead'
    if (!(item.content instanceof Y.ContentType)) return item.content instanceof Y.ContentDeleted ? 'dead' : { violation: 'writes into something that is not a map' }
    if (!(item.content.type instanceof Y.Map)) return { violation: 'writes into something that is not a map' }
    return pathOf(docPosition(item))
  }
  const locateRawType = (item: RawStruct): Located => {
    if (item.kind !== 'item' || item.content?.kind === 'deleted') return 'dead'
    if (item.content?.kind !== 'type' || item.content.typeRef !== Y_MAP_TYPE_REF) return { violation: 'writes into something that is not a map' }
    const place = placeOf(item)
    if (typeof place === 'string') return place === 'orphan' ? { violation: 'an item with no parent' } : place
    return pathOf(place)
  }

  const changes: Change[] = []
  let violation: string | null = null
  const newKeys = new Map<string, Set<string>>()
  const concurrent = new Map<string, number>()

  for (const list of fresh.values()) {
    for (const s of list) {
      if (s.kind !== 'item') continue // collected content: nothing to place or check
      const place = placeOf(s)
      if (place === 'missing') {
        missing = true
        continue
      }
      if (place === 'dead') continue
      if (place === 'orphan') {
        violation ??= 'an item with no parent'
        continue
      }
      const path = pathOf(place)
      if (path === 'missing') {
        missing = true
        continue
      }
      if (path === 'dead') continue
      if (!isPath(path)) {
        violation ??= path.violation
        continue
      }
      const problem = checkInsert(path, s.content!, options.legacySets === true, options.relayWrites === true)
      if (problem) {
        violation ??= `${path.join('.')}: ${problem}`
        continue
      }
      // Record counts and nested maps have caps; a record's own fields are a fixed set.
      if (path.length !== 3) {
        const container = path.slice(0, -1).join('\u0000')
        const keys = newKeys.get(container)
        if (keys) keys.add(path[path.length - 1])
        else newKeys.set(container, new Set([path[path.length - 1]]))
      }
      const sameOrigin = `${path.join('\u0000')}\u0001${s.origin ? `${s.origin.client}:${s.origin.clock}` : '-'}`
      const n = (concurrent.get(sameOrigin) ?? 0) + 1
      concurrent.set(sameOrigin, n)
      if (n > MAX_CONCURRENT_PER_KEY) violation ??= `${path.join('.')}: too many concurrent writes to one key`
      changes.push({ op: 'insert', path, value: s.content?.kind === 'any' ? s.content.values[s.content.values.length - 1] : undefined })
    }
  }
  violation ??= checkSizes(doc, newKeys)

  // Deletions: only of items that exist and are not deleted yet.
  for (const [client, ranges] of parsed.deletes) {
    const state = stateOf(client)
    const docStructs = store.clients.get(client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (docStructs && clock < state) {
        let i = Y.findIndexSS(docStructs, clock)
        while (i < docStructs.length && docStructs[i].id.clock < end) {
          const s = docStructs[i++]
          if (!(s instanceof Y.Item) || s.deleted) continue
          const path = pathOf(docPosition(s))
          if (isPath(path)) changes.push({ op: 'delete', path })
          // An item in the room always has a place; anything else is content already collected.
        }
      }
      // Clocks the room lacks must come with this update (deleted as they are made), or they are missing.
      for (let c = Math.max(clock, state); c < end; ) {
        const own = findFresh(client, c)
        if (!own) {
          missing = true
          break
        }
        c = own.clock + own.length
      }
    }
  }

  let newStructs = 0
  for (const list of fresh.values()) newStructs += list.length
  return { noop: fresh.size === 0 && changes.length === 0 && !missing, missing, changes, violation, newStructs }
}

/** Does this content fit where it is written? Null when it does. */
function checkInsert(path: SchemaPath, content: RawContent, legacySets: boolean, relayWrites: boolean): string | null {
  const [root, key, field, entry] = path
  const deleted = content.kind === 'deleted'
  const isMap = content.kind === 'type' && content.typeRef === Y_MAP_TYPE_REF
  // One struct may hold several values of a key: Yjs merges a client's consecutive values, once
  // overwritten, when they are kept from collection (the app's undo manager keeps them), and a
  // re-send (reconnect, unlock) carries the merged struct. The last is the key's value; each must fit.
  const plain = (check: (v: unknown) => string | null): string | null => {
    if (deleted) return null
    if (content.kind !== 'any' || content.values.length === 0) return 'expected plain values'
    for (const v of content.values) {
      const problem = check(v)
      if (problem) return problem
    }
    return null
  }

  if (root === RELAY_ONLY_ROOT) {
    // A participant's write here is refused by the rules (`relay_only`); the shape matters for the relay's own.
    if (!relayWrites) return null
    if (path.length !== 2) return 'nested deeper than the schema allows'
    if (!/^p_[A-Za-z0-9_-]{1,40}$/.test(key)) return 'expected a participant id as the key'
    return plain((v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && JSON.stringify(v).length <= MAX_ROLL_ENTRY_JSON ? null : `expected an object of at most ${MAX_ROLL_ENTRY_JSON} characters of JSON`,
    )
  }
  if (root === 'meta' || root === FACILITATOR_ONLY_ROOT) {
    if (path.length !== 2) return 'nested deeper than the schema allows'
    if (root === 'meta') {
      if (!META_FIELDS.has(key)) return 'unknown field'
      return plain((v) => {
        if (key === 'schemaVersion') return Number.isInteger(v) && (v as number) >= 1 ? null : 'expected a positive integer'
        const { errors } = restoreMeta({ [key]: v })
        return errors.length ? errors[0].message : null
      })
    }
    if (!WORKSHOP_FIELDS.has(key)) return 'unknown field'
    return plain((v) => {
      if (key === 'locked') return typeof v === 'boolean' ? null : 'expected true or false'
      if (v !== null && (typeof v !== 'object' || Array.isArray(v))) return 'expected an object or null'
      return JSON.stringify(v).length > MAX_WORKSHOP_JSON ? `expected at most ${MAX_WORKSHOP_JSON} characters of JSON` : null
    })
  }
  if (!(COLLECTIONS as readonly string[]).includes(root)) return 'unknown collection'
  const collection = root as CollectionName
  if (path.length === 2) {
    if (!isId(RECORD_TYPE_OF[collection], key) || key.length > MAX_ID_LENGTH) return `expected a ${RECORD_TYPE_OF[collection]} id as the key`
    return deleted || isMap ? null : 'expected a record map'
  }
  const shape = fieldShape(collection, field)
  if (!shape) return 'unknown field'
  if (path.length === 3) {
    if (shape === 'value') return plain((v) => checkFieldValue(collection, field, v, key))
    if (shape === 'set' && legacySets && content.kind === 'any') return plain((v) => checkLegacySet(collection, field, v))
    return deleted || isMap ? null : 'expected a nested map'
  }
  if (shape === 'value') return 'nested deeper than the schema allows'
  return plain((v) => checkNestedEntry(collection, field, entry, v))
}

function checkLegacySet(collection: CollectionName, field: string, value: unknown): string | null {
  if (!Array.isArray(value)) return 'expected a list of ids'
  for (const id of value) {
    const problem = typeof id === 'string' ? checkNestedEntry(collection, field, id, true) : 'expected an id'
    if (problem) return problem
  }
  return null
}

/** Collections and nested maps stay within their caps once this update's new keys are added. */
function checkSizes(doc: Y.Doc, newKeys: Map<string, Set<string>>): string | null {
  for (const [container, keys] of newKeys) {
    const [root, recordId, field] = container.split('\u0000')
    if (!(COLLECTIONS as readonly string[]).includes(root)) continue
    const collection = doc.getMap(root) as Y.Map<unknown>
    if (recordId === undefined) {
      const added = [...keys].filter((k) => !collection.has(k)).length
      if (added && collection.size + added > MAX_RECORDS_PER_COLLECTION) return `${root}: more than ${MAX_RECORDS_PER_COLLECTION} records`
      continue
    }
    if (field === undefined) continue
    const record = collection.get(recordId)
    const nested = record instanceof Y.Map ? record.get(field) : undefined
    const existing = nested instanceof Y.Map ? nested : undefined
    const max = maxNestedEntries(root as CollectionName, field)
    const added = [...keys].filter((k) => !existing?.has(k)).length
    if ((existing?.size ?? 0) + added > max) return `${container.split('\u0000').join('.')}: more than ${max} entries`
  }
  return null
}
