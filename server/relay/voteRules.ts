/**
 * The write rules about ballots (see writePolicy.ts for the others): a vote is written only under
 * the writer's own participant id, counts only where it was cast, and a viewer writes nothing but
 * its own votes in a round open to viewers. Each rule reads the changes an update makes, as the
 * write policy located them, and the room's document as it stands before the update.
 */
import * as Y from 'yjs'
import type { CollectionName } from '../../src/model'
import type { Change, RuleRefusal, SchemaPath, WriteContext } from './writePolicy'

/** The workshop's voting round, as far as the rules read it. */
interface Round {
  kind?: unknown
  status?: unknown
  viewersVote?: unknown
}

const roundOf = (doc: Y.Doc) => doc.getMap('workshop').get('voting') as Round | undefined

/** The open round, when it lets viewers vote; the connection asks before it hands a viewer's update on. */
export function viewersMayVote(doc: Y.Doc): boolean {
  const voting = roundOf(doc)
  return voting?.status === 'open' && voting.viewersVote === true
}

/**
 * A viewer's update during a round that lets viewers vote: it may place and take back its own
 * votes (`annotations.<id>.votes.<its participant id>`) on existing annotations of the round's
 * kind, and change nothing else. The lock does not hold it back: a facilitator who locks the map
 * during a round still wants its votes. Others' updates are not this rule's.
 */
export function viewerVotesOnly({ doc, role, changes, writer }: WriteContext): RuleRefusal | null {
  if (role !== 'viewer') return null
  const refuse = (reason: 'viewer_write' | 'vote_not_own', detail: string): RuleRefusal => ({ reason, hard: true, detail })
  if (!viewersMayVote(doc)) return refuse('viewer_write', 'a viewer votes only in a round open to viewers')
  const voting = roundOf(doc)
  for (const { path } of changes) {
    const [root, recordId, field, voter] = path
    if (root !== 'annotations' || field !== 'votes' || path.length !== 4) return refuse('viewer_write', `${path.join('.')}: a viewer only votes`)
    if (writer.participantId === undefined || voter !== writer.participantId) return refuse('vote_not_own', `${path.join('.')}: a vote under another participant's id`)
    const record = doc.getMap('annotations').get(recordId)
    if (!(record instanceof Y.Map) || record.get('kind') !== voting?.kind) return refuse('viewer_write', `${path.join('.')}: not an item of this round`)
  }
  return null
}

const isVote = (path: SchemaPath) => path.length === 4 && path[0] === 'annotations' && path[2] === 'votes'

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
 *    `votesStayWhereCast` keeps them out of a round later); during such a round refused
 *    softly — the participant stays connected, its restore held back — because then they would
 *    count.
 * Removing another's vote comes with deleting the annotation or its votes whole, or is the
 * facilitator's.
 */
export function ownVotesOnly({ doc, role, changes, writer }: WriteContext): RuleRefusal | null {
  if (role === 'facilitator') return null
  const foreign = changes.filter(({ path }) => isVote(path) && (writer.participantId === undefined || path[3] !== writer.participantId))
  if (foreign.length === 0) return null
  const refuse = (detail: string, hard = true): RuleRefusal => ({ reason: 'vote_not_own', hard, detail })
  const created = new Set(changes.filter((c) => c.op === 'insert' && c.path[0] === 'annotations' && c.path.length === 2).map((c) => c.path[1]))
  const wholeDeleted = new Set(changes.filter((c) => c.op === 'delete' && c.path[0] === 'annotations' && (c.path.length === 2 || (c.path.length === 3 && c.path[2] === 'votes'))).map((c) => c.path[1]))
  const voting = roundOf(doc)
  for (const { op, path } of foreign) {
    const recordId = path[1]
    if (op === 'delete') {
      if (!wholeDeleted.has(recordId)) return refuse(`${path.join('.')}: removes another participant's vote`)
      continue
    }
    if (!created.has(recordId) || !wasDeleted(doc, 'annotations', recordId)) {
      return refuse(writer.participantId ? `${path.join('.')}: a vote under another participant's id` : `${path.join('.')}: a vote needs a participant id from the relay`)
    }
    const kind = kindAfter(doc, changes, recordId)
    if (voting && (kind === undefined || voting.kind === kind)) return refuse(`${path.join('.')}: brings back others' votes during a round on ${String(voting.kind)}`, false)
  }
  return null
}

/** An annotation's kind once the update is applied: as it writes it, else as the room holds it. */
function kindAfter(doc: Y.Doc, changes: Change[], recordId: string): unknown {
  const written = changes.find((c) => c.op === 'insert' && c.path.length === 3 && c.path[0] === 'annotations' && c.path[1] === recordId && c.path[2] === 'kind')
  if (written) return written.value
  return (doc.getMap('annotations').get(recordId) as Y.Map<unknown> | undefined)?.get('kind')
}

/**
 * Whether an update changes the kind of an annotation that carries votes into the kind of the
 * workshop's round (open, or closed with its results standing).
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
export function votesStayWhereCast({ doc, role, changes }: WriteContext): RuleRefusal | null {
  if (role === 'facilitator') return null
  const voting = roundOf(doc)
  if (!voting) return null
  for (const { op, path, value } of changes) {
    if (op !== 'insert' || path.length !== 3 || path[0] !== 'annotations' || path[2] !== 'kind' || value !== voting.kind) continue
    const recordId = path[1]
    const record = doc.getMap('annotations').get(recordId)
    // A new annotation's votes are judged as written (`ownVotesOnly`); here, an existing one's kind.
    if (!(record instanceof Y.Map) || record.get('kind') === value || changes.some((c) => c.path.length === 2 && c.path[0] === 'annotations' && c.path[1] === recordId)) continue
    if (votesAfter(doc, changes, recordId) > 0) {
      return { reason: 'votes_moved', hard: false, detail: `annotations.${recordId}.kind: brings votes cast elsewhere into the round on ${String(voting.kind)}` }
    }
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

/** Whether the room held a record under this key and deleted it: what an undo brings back. */
function wasDeleted(doc: Y.Doc, collection: CollectionName, recordId: string): boolean {
  const item = doc.getMap(collection)._map.get(recordId)
  return item !== undefined && item.deleted
}
