/**
 * A vote counts only where it was cast in a round, over real sockets with stock clients: votes
 * under a colleague's id are refused on a record of any kind, and votes written on a note do not
 * join a round on pain points by a change of kind, so nobody's ballot is stuffed or their budget
 * spent for them.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addAnnotation, castVote, deleteRecords, editAnnotation, openVotingRound } from '../../src/commands'
import { createUndoManager, getCollection, readParticipantRoll, readSnapshot, readWorkshop } from '../../src/doc'
import { tallyVotes, type AnnotationId, type StageId } from '../../src/model'
import { eventually } from '../testing/testServer'
import { voteRoom } from '../testing/voteRoom'
import { CLOSE_CODES } from './protocol'

const { room, join, participant } = voteRoom('Stemmeseddler 🗳️ æøå')

/** Write votes straight into the document, as a raw client may, creating the votes map if needed. */
function rawVotes(doc: Y.Doc, annotationId: string, votes: Record<string, number>): void {
  doc.transact(() => {
    const record = getCollection(doc, 'annotations').get(annotationId)!
    let map = record.get('votes')
    if (!(map instanceof Y.Map)) {
      map = new Y.Map()
      record.set('votes', map)
    }
    for (const [voter, n] of Object.entries(votes)) (map as Y.Map<number>).set(voter, n)
  })
}

const refusals = (reason: 'vote_not_own' | 'votes_moved') => room.server.metrics.rejected.get({ reason })

async function workshop() {
  const facilitator = await join(room.links.facilitatorToken, '198.51.100.2')
  const stageId = Object.keys(readSnapshot(facilitator.doc).stages)[0] as StageId
  const pains = ['Stengt etter 17', 'Ti dagers ventetid'].map((text) => addAnnotation(facilitator.doc, { targetId: stageId, kind: 'pain-point', text }) as AnnotationId)
  const victim = await participant(room.links.editorToken, '203.0.113.10')
  const other = await participant(room.links.editorToken, '203.0.113.11')
  const mallory = await participant(room.links.editorToken, '203.0.113.66')
  await eventually(() => Object.keys(readSnapshot(mallory.client.doc).annotations).length === 2, 5000, 'the pain points to reach everyone')
  return { facilitator, stageId, pains, victim, other, mallory }
}

/** The round's tally as the facilitator's screen computes it. */
const tally = (doc: Y.Doc) =>
  Object.fromEntries(tallyVotes(readSnapshot(doc), { kind: 'pain-point', budget: 2 }, readParticipantRoll(doc)).map((r) => [r.annotation.text, r.votes]))

describe('votes count only where they were cast', () => {
  it('refuses a note written with votes under colleagues’ ids, whatever its kind and whether a round runs', async () => {
    const { facilitator, stageId, victim, other, mallory } = await workshop()
    // A new note carrying a colleague's and another participant's votes: no round is on notes, still refused.
    let note = ''
    mallory.client.doc.transact(() => {
      note = addAnnotation(mallory.client.doc, { targetId: stageId, kind: 'note', text: 'Bare en lapp ✏️' })
      rawVotes(mallory.client.doc, note, { [victim.id]: 2, [other.id]: 2 })
    })
    expect((await mallory.client.closed).code).toBe(CLOSE_CODES.writeRefused)
    expect(refusals('vote_not_own')).toBe(1)

    // The same during a round, on an item of the round's kind.
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 2 })
    const again = await participant(room.links.editorToken, '203.0.113.67')
    await eventually(() => readWorkshop(again.client.doc).voting !== null, 5000, 'the round to reach the editor')
    const pain = addAnnotation(again.client.doc, { targetId: stageId, kind: 'pain-point', text: 'Falsk stemme' })
    rawVotes(again.client.doc, pain, { [victim.id]: 1 })
    expect((await again.client.closed).code).toBe(CLOSE_CODES.writeRefused)
    expect(refusals('vote_not_own')).toBe(2)

    const late = await join(room.links.editorToken, '203.0.113.12')
    const s = readSnapshot(late.doc)
    expect(s.annotations[note]).toBeUndefined()
    expect(Object.values(s.annotations).some((a) => Object.keys(a.votes).length > 0)).toBe(false)
    expect(late.ws.readyState).toBe(late.ws.OPEN)
  })

  it('holds back a change of kind that would bring a note’s votes into the round, and the victim’s own votes keep counting', async () => {
    const { facilitator, stageId, pains, victim, mallory } = await workshop()
    // Outside any round, a note with votes under the writer's own id is accepted: no round looks at notes.
    const note = addAnnotation(mallory.client.doc, { targetId: stageId, kind: 'note', text: 'Bare en lapp ✏️' })
    rawVotes(mallory.client.doc, note, { [mallory.id]: 2 })
    await eventually(() => readSnapshot(facilitator.doc).annotations[note]?.votes[mallory.id] === 2, 5000, 'the note to land')

    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 2 })
    await eventually(() => readWorkshop(victim.client.doc).voting !== null && readWorkshop(mallory.client.doc).voting !== null, 5000, 'the round to reach everyone')
    castVote(victim.client.doc, pains[0], victim.id, 1)
    castVote(victim.client.doc, pains[1], victim.id, 1)
    await eventually(() => tally(facilitator.doc)['Ti dagers ventetid'] === 1, 5000, 'the victim’s votes to count')

    // The note turns into a pain point during the round: held back, the sender stays connected.
    editAnnotation(mallory.client.doc, note as AnnotationId, { kind: 'pain-point' })
    await eventually(() => refusals('votes_moved') === 1, 5000, 'the change of kind to be refused')
    expect(mallory.client.ws.readyState).toBe(mallory.client.ws.OPEN)
    // The notice travels over the socket after the relay counted the refusal.
    await eventually(() => mallory.client.notices.includes('votes_moved'), 5000, 'the notice to reach the sender')

    const late = await join(room.links.editorToken, '203.0.113.12')
    expect(readSnapshot(late.doc).annotations[note].kind).toBe('note')
    expect(tally(late.doc)).toEqual({ 'Stengt etter 17': 1, 'Ti dagers ventetid': 1 })
    expect(tally(facilitator.doc)).toEqual({ 'Stengt etter 17': 1, 'Ti dagers ventetid': 1 })
  })

  it('lets a voted card change kind when its votes go with the change, and lets the facilitator recategorise', async () => {
    const { facilitator, stageId, mallory } = await workshop()
    const note = addAnnotation(mallory.client.doc, { targetId: stageId, kind: 'note', text: 'Ring tilbake 📞' })
    rawVotes(mallory.client.doc, note, { [mallory.id]: 1 })
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 2 })
    await eventually(() => readWorkshop(mallory.client.doc).voting !== null, 5000, 'the round to reach the editor')
    mallory.client.doc.transact(() => {
      const record = getCollection(mallory.client.doc, 'annotations').get(note)!
      ;(record.get('votes') as Y.Map<number>).delete(mallory.id)
      record.set('kind', 'pain-point')
    })
    await eventually(() => readSnapshot(facilitator.doc).annotations[note]?.kind === 'pain-point', 5000, 'the change with its votes cleared to land')
    expect(readSnapshot(facilitator.doc).annotations[note].votes).toEqual({})

    // The facilitator runs the rounds: their recategorising is never held.
    const other = addAnnotation(mallory.client.doc, { targetId: stageId, kind: 'opportunity', text: 'Åpent til 20 ✨' })
    openVotingRound(facilitator.doc, { kind: 'opportunity', budget: 2 })
    await eventually(() => readSnapshot(facilitator.doc).annotations[other] !== undefined, 5000, 'the opportunity to land')
    castVote(facilitator.doc, other as AnnotationId, 'p_facilitator', 1)
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 2 })
    editAnnotation(facilitator.doc, other as AnnotationId, { kind: 'pain-point' })
    await eventually(() => readSnapshot(mallory.client.doc).annotations[other]?.kind === 'pain-point', 5000, 'the facilitator’s change to land')
    expect(refusals('votes_moved')).toBe(0)
    expect(mallory.client.ws.readyState).toBe(mallory.client.ws.OPEN)
  })

  it('still lets an undo bring a deleted card back with its votes outside a round', async () => {
    const { facilitator, pains, victim, other } = await workshop()
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 2 })
    await eventually(() => readWorkshop(victim.client.doc).voting !== null, 5000, 'the round to reach the victim')
    castVote(victim.client.doc, pains[0], victim.id, 1)
    await eventually(() => readSnapshot(other.client.doc).annotations[pains[0]].votes[victim.id] === 1, 5000, 'the vote to reach a colleague')
    openVotingRound(facilitator.doc, { kind: 'opportunity', budget: 2 })
    await eventually(() => readWorkshop(other.client.doc).voting?.kind === 'opportunity', 5000, 'the next round to reach a colleague')
    const undo = createUndoManager(other.client.doc)
    deleteRecords(other.client.doc, [pains[0]])
    await eventually(() => readSnapshot(facilitator.doc).annotations[pains[0]] === undefined, 5000, 'the deletion to land')
    undo.undo()
    await eventually(() => readSnapshot(facilitator.doc).annotations[pains[0]]?.votes[victim.id] === 1, 5000, 'the restored card with its vote to land')
    expect(other.client.ws.readyState).toBe(other.client.ws.OPEN)
    expect(refusals('vote_not_own')).toBe(0)
  })
})
