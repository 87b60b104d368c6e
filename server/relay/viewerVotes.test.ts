/**
 * Viewers in a voting round, over real sockets: when the facilitator lets viewers vote, the relay
 * takes a viewer's own votes on the round's items and nothing else; otherwise a viewer's vote is
 * dropped, as every viewer write always was.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addAnnotation, castVote, closeVotingRound, openVotingRound, setLocked } from '../../src/commands'
import { getCollection, readParticipantRoll, readSnapshot, readWorkshop } from '../../src/doc'
import { tallyVotes, type AnnotationId, type StageId } from '../../src/model'
import { eventually } from '../testing/testServer'
import type { SyncClient } from '../testing/syncClient'
import { voteRoom } from '../testing/voteRoom'
import { CLOSE_CODES } from './protocol'

const { room, join, participant } = voteRoom('Stemmer fra salen 🗳️ æøå')

async function round(viewersVote: boolean) {
  const facilitator = await join(room.links.facilitatorToken, '198.51.100.2')
  const stageId = Object.keys(readSnapshot(facilitator.doc).stages)[0] as StageId
  const pains = ['Stengt etter 17', 'Ti dagers ventetid'].map((text) => addAnnotation(facilitator.doc, { targetId: stageId, kind: 'pain-point', text }) as AnnotationId)
  const idea = addAnnotation(facilitator.doc, { targetId: stageId, kind: 'opportunity', text: 'Åpent til 20 ✨' }) as AnnotationId
  openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 3, viewersVote })
  return { facilitator, pains, idea }
}

/** Write a vote straight into the document, as a raw client may. */
const rawVote = (client: SyncClient, annotationId: string, voter: string, count: number) =>
  client.doc.transact(() => {
    const record = getCollection(client.doc, 'annotations').get(annotationId)!
    ;(record.get('votes') as Y.Map<number>).set(voter, count)
  })

const dropped = () => room.server.metrics.rejected.get({ reason: 'viewer_write' })

describe('viewers in a voting round', () => {
  it('vote under their own id when the round lets them, and the vote counts for everyone', async () => {
    const { facilitator, pains } = await round(true)
    const viewer = await participant(room.links.viewerToken, '203.0.113.41')
    await eventually(() => readWorkshop(viewer.client.doc).voting?.viewersVote === true, 5000, 'the round to reach the viewer')
    castVote(viewer.client.doc, pains[1], viewer.id, 1)
    castVote(viewer.client.doc, pains[1], viewer.id, 1)
    await eventually(() => readSnapshot(facilitator.doc).annotations[pains[1]].votes[viewer.id] === 2, 5000, 'the viewer’s votes to reach the facilitator')
    expect(viewer.client.ws.readyState).toBe(viewer.client.ws.OPEN)
    // Stored, and counted: the viewer is on the relay's roll.
    const late = await join(room.links.editorToken, '203.0.113.42')
    expect(readSnapshot(late.doc).annotations[pains[1]].votes).toEqual({ [viewer.id]: 2 })
    const tally = tallyVotes(readSnapshot(facilitator.doc), { kind: 'pain-point', budget: 3 }, readParticipantRoll(facilitator.doc))
    expect(tally.map((r) => [r.annotation.text, r.votes])).toEqual([
      ['Ti dagers ventetid', 2],
      ['Stengt etter 17', 0],
    ])
    // Taking a vote back works the same way.
    castVote(viewer.client.doc, pains[1], viewer.id, -1)
    await eventually(() => readSnapshot(facilitator.doc).annotations[pains[1]].votes[viewer.id] === 1, 5000, 'the vote taken back')
    expect(dropped()).toBe(0)
  })

  it('cannot vote when the round does not let viewers vote, nor once it is closed', async () => {
    const { facilitator, pains } = await round(false)
    const viewer = await participant(room.links.viewerToken, '203.0.113.51')
    await eventually(() => readWorkshop(viewer.client.doc).voting !== null, 5000, 'the round to reach the viewer')
    rawVote(viewer.client, pains[0], viewer.id, 1)
    await eventually(() => dropped() === 1, 5000, 'the viewer’s vote to be dropped')
    expect(viewer.client.ws.readyState).toBe(viewer.client.ws.OPEN)
    expect(readSnapshot(facilitator.doc).annotations[pains[0]].votes).toEqual({})

    // A round open to viewers, closed again: their votes are dropped once more.
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 3, viewersVote: true })
    closeVotingRound(facilitator.doc)
    const other = await participant(room.links.viewerToken, '203.0.113.52')
    await eventually(() => readWorkshop(other.client.doc).voting?.status === 'closed', 5000, 'the closed round to reach the viewer')
    rawVote(other.client, pains[1], other.id, 1)
    await eventually(() => dropped() === 2, 5000, 'the late vote to be dropped')
    const late = await join(room.links.editorToken, '203.0.113.53')
    expect(readSnapshot(late.doc).annotations[pains[1]].votes).toEqual({})
  })

  it('is refused for a vote under another id, on another kind, or any other change', async () => {
    const { facilitator, pains, idea } = await round(true)
    const editor = await participant(room.links.editorToken, '203.0.113.61')
    const attempts: [string, (viewer: { id: string; client: SyncClient }) => void, string][] = [
      ['another participant’s id', (v) => rawVote(v.client, pains[0], editor.id, 3), 'vote_not_own'],
      ['an invented id', (v) => rawVote(v.client, pains[0], 'p_invented', 3), 'vote_not_own'],
      ['an item the round is not about', (v) => rawVote(v.client, idea, v.id, 1), 'viewer_write'],
      ['the map’s title', (v) => getCollection(v.client.doc, 'annotations').get(pains[0])!.set('text', 'Omskrevet av en tilskuer'), 'viewer_write'],
    ]
    for (const [what, write, reason] of attempts) {
      const viewer = await participant(room.links.viewerToken, '192.0.2.70')
      await eventually(() => readWorkshop(viewer.client.doc).voting?.viewersVote === true, 5000, 'the round to reach the viewer')
      const before = room.server.metrics.rejected.get({ reason })
      write(viewer)
      expect((await viewer.client.closed).code, what).toBe(CLOSE_CODES.writeRefused)
      expect(room.server.metrics.rejected.get({ reason }), what).toBe(before + 1)
    }
    const late = await join(room.links.editorToken, '203.0.113.62')
    const s = readSnapshot(late.doc)
    expect(s.annotations[pains[0]]).toMatchObject({ text: 'Stengt etter 17', votes: {} })
    expect(s.annotations[idea].votes).toEqual({})
    void facilitator
  })

  it('are held by the lock like everyone’s edits, and land when it lifts, without reconnecting', async () => {
    const { facilitator, pains } = await round(true)
    const viewer = await participant(room.links.viewerToken, '203.0.113.51')
    await eventually(() => readWorkshop(viewer.client.doc).voting?.viewersVote === true, 5000, 'the round to reach the viewer')
    setLocked(facilitator.doc, true)
    await eventually(() => readWorkshop(viewer.client.doc).locked === true, 5000, 'the lock to reach the viewer')
    castVote(viewer.client.doc, pains[0], viewer.id, 1)
    await eventually(() => room.server.metrics.rejected.get({ reason: 'locked' }) > 0, 5000, 'the relay to hold the vote')
    expect(readSnapshot(facilitator.doc).annotations[pains[0]].votes).toEqual({})
    expect(viewer.client.ws.readyState).toBe(viewer.client.ws.OPEN)
    setLocked(facilitator.doc, false)
    await eventually(() => readSnapshot(facilitator.doc).annotations[pains[0]].votes[viewer.id] === 1, 5000, 'the held vote to land after the unlock')
  })
})
