import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addAnnotation, deleteRecords, initializeMap, openVotingRound } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { AnnotationId, StageId } from '../../src/model'
import { analyzeUpdate } from './updateAnalysis'
import { ownVotesOnly, viewerVotesOnly, votesStayWhereCast } from './voteRules'
import type { WriteContext } from './writePolicy'

/** A room's document with a pain point and a note, and a way to read what a participant's edit on a copy changes. */
function room() {
  const doc = new Y.Doc()
  initializeMap(doc, { title: 'Verksted æøå' })
  const stageId = Object.keys(readSnapshot(doc).stages)[0] as StageId
  const pain = addAnnotation(doc, { targetId: stageId, kind: 'pain-point', text: 'Ti dagers ventetid ⏳' }) as AnnotationId
  const note = addAnnotation(doc, { targetId: stageId, kind: 'note', text: 'Bare en lapp' }) as AnnotationId
  const write = (role: string, participantId: string | undefined, edit: (copy: Y.Doc) => void): WriteContext => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(copy)
    edit(copy)
    return { doc, role, writer: { participantId }, changes: analyzeUpdate(doc, Y.encodeStateAsUpdate(copy, before)).changes }
  }
  return { doc, stageId, pain, note, write }
}

/** A vote written straight into the document, as a stock client can (the commands check rounds; the relay must too). */
function rawVote(doc: Y.Doc, id: AnnotationId, voter: string, count: number): void {
  const record = doc.getMap('annotations').get(id) as Y.Map<unknown>
  let votes = record.get('votes')
  if (!(votes instanceof Y.Map)) record.set('votes', (votes = new Y.Map<number>()))
  ;(votes as Y.Map<number>).set(voter, count)
}

const verdict = (refusal: ReturnType<typeof ownVotesOnly>) => (refusal ? `${refusal.reason}:${refusal.hard ? 'hard' : 'soft'}` : 'pass')

describe('votes are written under one’s own id', () => {
  it('passes one’s own vote, refuses another’s or one without an id, and leaves the facilitator free', () => {
    const { pain, write } = room()
    const vote = () => (copy: Y.Doc) => rawVote(copy, pain, 'p_anne', 1)
    expect(verdict(ownVotesOnly(write('editor', 'p_anne', vote())))).toBe('pass')
    expect(verdict(ownVotesOnly(write('editor', 'p_bob', vote())))).toBe('vote_not_own:hard')
    expect(verdict(ownVotesOnly(write('editor', undefined, vote())))).toBe('vote_not_own:hard')
    expect(verdict(ownVotesOnly(write('facilitator', 'p_fac', vote())))).toBe('pass')
  })

  it('lets an undo bring a deleted card back with its votes outside a round, and holds it back during one on its kind', () => {
    const { doc, pain, write } = room()
    rawVote(doc, pain, 'p_anne', 1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const record = (copy.getMap('annotations').get(pain) as Y.Map<unknown>).toJSON()
    deleteRecords(doc, [pain])
    const restore = (c: Y.Doc) => {
      const back = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(record)) back.set(k, k === 'votes' ? new Y.Map(Object.entries(v as object)) : v)
      c.getMap('annotations').set(pain, back)
    }
    expect(verdict(ownVotesOnly(write('editor', 'p_bob', restore)))).toBe('pass')
    openVotingRound(doc, { kind: 'pain-point', budget: 3 })
    expect(verdict(ownVotesOnly(write('editor', 'p_bob', restore)))).toBe('vote_not_own:soft')
  })
})

describe('votes count where they were cast', () => {
  it('holds back a change of kind that carries votes into the round, and lets it through with the votes cleared', () => {
    const { doc, note, write } = room()
    rawVote(doc, note, 'p_mallory', 2)
    openVotingRound(doc, { kind: 'pain-point', budget: 2 })
    const recategorise = (clear: boolean) => (copy: Y.Doc) => {
      const record = copy.getMap('annotations').get(note) as Y.Map<unknown>
      if (clear) (record.get('votes') as Y.Map<number>).delete('p_mallory')
      record.set('kind', 'pain-point')
    }
    expect(verdict(votesStayWhereCast(write('editor', 'p_mallory', recategorise(false))))).toBe('votes_moved:soft')
    expect(verdict(votesStayWhereCast(write('editor', 'p_mallory', recategorise(true))))).toBe('pass')
    expect(verdict(votesStayWhereCast(write('facilitator', 'p_fac', recategorise(false))))).toBe('pass')
  })
})

describe('a viewer only votes', () => {
  it('in a round open to viewers, under its own id, on the round’s kind; nothing else', () => {
    const { doc, pain, note, write } = room()
    const vote = (id: AnnotationId, voter: string) => (copy: Y.Doc) => rawVote(copy, id, voter, 1)
    expect(verdict(viewerVotesOnly(write('viewer', 'p_vic', vote(pain, 'p_vic'))))).toBe('viewer_write:hard')
    openVotingRound(doc, { kind: 'pain-point', budget: 2, viewersVote: true })
    expect(verdict(viewerVotesOnly(write('viewer', 'p_vic', vote(pain, 'p_vic'))))).toBe('pass')
    expect(verdict(viewerVotesOnly(write('viewer', 'p_vic', vote(pain, 'p_anne'))))).toBe('vote_not_own:hard')
    expect(verdict(viewerVotesOnly(write('viewer', 'p_vic', vote(note, 'p_vic'))))).toBe('viewer_write:hard')
    const retitle = (text: string) => (copy: Y.Doc) => (copy.getMap('annotations').get(pain) as Y.Map<unknown>).set('text', text)
    expect(verdict(viewerVotesOnly(write('viewer', 'p_vic', retitle('Mitt'))))).toBe('viewer_write:hard')
    expect(verdict(viewerVotesOnly(write('editor', 'p_ed', retitle('Vårt'))))).toBe('pass')
  })
})
