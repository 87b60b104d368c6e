/**
 * Whether an incoming update may be applied, decided before it is (a Yjs update cannot be taken
 * back once integrated): the write policy, a policy of the room (see roomPolicy.ts).
 *
 * An update is read first (updateAnalysis.ts: what it changes, located in the schema and checked
 * against it, schemaShape.ts); history is never a reason to refuse, and an update that changes
 * nothing is accepted, unapplied and unstored, in every state. Then the rules, each a small
 * function of the changes and the room's document, in this order (the first refusal stands):
 *  - nobody but the relay writes `meta.schemaVersion`, nor the roll of participants (`participants`);
 *  - a viewer writes nothing, except, while an open round lets viewers vote, its own votes on
 *    that round's kind (voteRules.ts, `viewerVotesOnly`);
 *  - a vote is written only under the writer's own participant id (the one the relay issued to
 *    its connection): nobody casts, changes or spends another's ballot, and a connection without
 *    an id (a stock client with only a role token) casts none. The facilitator, who runs the
 *    rounds and restores versions, is exempt; undoing a deletion may bring an annotation back
 *    with its votes (`ownVotesOnly`);
 *  - votes count only where they were cast: an annotation carrying votes does not change its kind
 *    into the kind of the workshop's round (`votesStayWhereCast`);
 *  - the `workshop` map (timer, lock, voting and writing rounds) is the facilitator's alone;
 *  - while the map is locked only facilitators change anything; others' changes wait (soft; see
 *    lockHolds.ts for what the room does with them).
 * A new rule is a function added to `WRITE_RULES`.
 */
import * as Y from 'yjs'
import { followReplyChain, MAX_REPLY_DEPTH } from '../../src/model'
import type { Participant } from './room'
import type { RoomPolicy, RoomScope } from './roomPolicy'
import { FACILITATOR_ONLY_ROOT, RELAY_ONLY_ROOT } from './schemaShape'
import { analyzeUpdate, type Change, type UpdateAnalysis } from './updateAnalysis'
import { readUpdate, type RawUpdate } from './updateFormat'
import { ownVotesOnly, viewerVotesOnly, votesStayWhereCast } from './voteRules'

export { analyzeUpdate, type AnalyzeOptions, type Change, type SchemaPath, type UpdateAnalysis } from './updateAnalysis'
export { MAX_RECORDS_PER_COLLECTION } from './schemaShape'
export { viewersMayVote } from './voteRules'

export type WriteRefusal = 'locked' | 'facilitator_only' | 'schema_version' | 'schema' | 'too_large' | 'relay_only' | 'vote_not_own' | 'votes_moved' | 'viewer_write'

export type Verdict =
  | { kind: 'apply'; analysis: UpdateAnalysis }
  | { kind: 'noop' }
  /** Apply nothing and ask the sender for everything the room lacks (sync step 1). */
  | { kind: 'missing' }
  /** Hard refusals close the sender's connection; a soft one (the lock) keeps it open. */
  | { kind: 'refuse'; reason: WriteRefusal; hard: boolean; detail: string }

/** A rule's refusal: hard ones close the sender's connection. */
export type RuleRefusal = { reason: WriteRefusal; hard: boolean; detail: string }

/** Who sent an update, as far as the rules need: its participant id, when the relay issued it one. */
export interface Writer {
  participantId?: string
}

/** What a rule reads: the room's document before the update, who writes, and what the update changes. */
export interface WriteContext {
  doc: Y.Doc
  role: string
  writer: Writer
  changes: Change[]
}

/** A write rule: the refusal, or null when the update may go on to the next rule. */
export type WriteRule = (write: WriteContext) => RuleRefusal | null

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
 * step 1: a whole collection's worth of new cards (`MAX_RECORDS_PER_COLLECTION`, 20,000, about
 * 17 structs each with their fields, some 9 MB), more than one live message
 * (`MAX_MESSAGE_BYTES`) holds; the answer may be larger (see offlineAnswers.ts). It is read,
 * judged and applied in slices (see Room), so its size costs time spread over many turns, never
 * one long one; this bound keeps what the relay reads of one answer within what a map may hold.
 */
export const MAX_OFFLINE_STRUCTS = 400_000

/** How many structs of an update the room does not have yet (the rest is history it re-sends). */
export function countNewStructs(doc: Y.Doc, update: RawUpdate): number {
  let fresh = 0
  for (const b of update.blocks) {
    const state = Y.getState(doc.store, b.client)
    for (const st of b.structs) if (st.kind !== 'skip' && st.clock + st.length > state) fresh++
  }
  return fresh
}

/** Only the relay writes the schema version and the roll of participants. */
const relayWritesOnly: WriteRule = ({ changes }) => {
  for (const { path } of changes) {
    if (path[0] === 'meta' && path[1] === 'schemaVersion') return { reason: 'schema_version', hard: true, detail: 'meta.schemaVersion is written by the relay only' }
    if (path[0] === RELAY_ONLY_ROOT) return { reason: 'relay_only', hard: true, detail: 'the roll of participants is written by the relay only' }
  }
  return null
}

/** The workshop controls (timer, lock, rounds) are the facilitator's; a viewer's writes are `viewerVotesOnly`'s. */
const workshopIsFacilitators: WriteRule = ({ role, changes }) => {
  if (role === 'facilitator' || role === 'viewer' || !changes.some((c) => c.path[0] === FACILITATOR_ONLY_ROOT)) return null
  return { reason: 'facilitator_only', hard: true, detail: 'the workshop controls are the facilitator’s' }
}

/** A lock holds everyone but the facilitator, a viewer's votes included: held until it lifts. */
const lockHoldsOthers: WriteRule = ({ doc, role }) => (role !== 'facilitator' && isLocked(doc) ? { reason: 'locked', hard: false, detail: 'the map is locked by the facilitator' } : null)

/** The rules every update that changes something passes, in order; the first refusal stands. */
export const WRITE_RULES: readonly WriteRule[] = [relayWritesOnly, viewerVotesOnly, ownVotesOnly, votesStayWhereCast, workshopIsFacilitators, lockHoldsOthers]

export function judgeUpdate(doc: Y.Doc, role: string, update: Uint8Array | RawUpdate, writer: Writer = {}): Verdict {
  const parsed = update instanceof Uint8Array ? readUpdate(update) : update
  const tooLarge = checkSize(doc, parsed)
  if (tooLarge) return tooLarge
  const analysis = analyzeUpdate(doc, parsed)
  const violation = analysis.violation ?? findEndlessReplyChain(doc, analysis.changes)
  if (violation) return { kind: 'refuse', reason: 'schema', hard: true, detail: violation }
  if (analysis.noop) return { kind: 'noop' }
  const write: WriteContext = { doc, role, writer, changes: analysis.changes }
  for (const rule of WRITE_RULES) {
    const refusal = rule(write)
    if (refusal) return { kind: 'refuse', ...refusal }
  }
  if (analysis.missing) return { kind: 'missing' }
  return { kind: 'apply', analysis }
}

/** The write policy as a policy of the room: each participant's update judged by the rules above. */
export function writePolicy(scope: RoomScope): RoomPolicy {
  return { judge: (participant: Participant, update: RawUpdate) => judgeUpdate(scope.doc, participant.role, update, participant) }
}

/** Counted before the state check: re-sent history this large is as costly to read as new work. */
function checkSize(doc: Y.Doc, parsed: RawUpdate): Verdict | null {
  let structs = 0
  for (const block of parsed.blocks) structs += block.structs.length
  if (structs <= MAX_NEW_STRUCTS || countNewStructs(doc, parsed) <= MAX_NEW_STRUCTS) return null
  return { kind: 'refuse', reason: 'too_large', hard: true, detail: `more than ${MAX_NEW_STRUCTS} new changes in one message` }
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
  // Most updates write no reply target: nothing to follow, nothing to collect.
  if (!changes.some(({ op, path }) => op === 'insert' && path.length === 3 && path[0] === 'comments' && path[2] === 'targetId')) return null
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
