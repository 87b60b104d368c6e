import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addAnnotation, addTouchpoint, castVote, initializeMap, openVotingRound, setLocked, startTimer, updateTouchpoint } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { AnnotationId, PersonaId, StageId } from '../../src/model'
import { refuseWrite, touchedRoots } from './writePolicy'

/** A relay-side doc and a participant's doc in sync; returns the participant's next update. */
function pair() {
  const server = new Y.Doc()
  initializeMap(server, { title: 'Verksted æøå' })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const capture = (fn: () => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    fn()
    return Y.encodeStateAsUpdate(client, before)
  }
  return { server, client, capture }
}

describe('write policy', () => {
  it('lets an editor edit the map and vote, but not touch the workshop controls', () => {
    const { server, client, capture } = pair()
    const s = readSnapshot(client)
    const stageId = Object.keys(s.stages)[0] as StageId
    const personaId = Object.keys(s.personas)[0] as PersonaId
    const add = capture(() => addTouchpoint(client, { stageId, personaId, title: 'Ringer – ø' }))
    expect([...touchedRoots(server, add)!]).toEqual(['touchpoints'])
    expect(refuseWrite(server, 'editor', add)).toBeNull()
    Y.applyUpdate(server, add)

    const tp = Object.keys(readSnapshot(client).touchpoints)[0] as never
    const edit = capture(() => updateTouchpoint(client, tp, { emotion: -2 }))
    expect(refuseWrite(server, 'editor', edit)).toBeNull()
    Y.applyUpdate(server, edit)

    const timer = capture(() => startTimer(client, 60_000, Date.now()))
    expect(refuseWrite(server, 'editor', timer)).toBe('facilitator_only')
    expect(refuseWrite(server, 'facilitator', timer)).toBeNull()
  })

  it('refuses every editor write while the map is locked, and none after unlocking', () => {
    const { server, client, capture } = pair()
    const s = readSnapshot(client)
    const stageId = Object.keys(s.stages)[0] as StageId
    const personaId = Object.keys(s.personas)[0] as PersonaId
    setLocked(server, true)
    const add = capture(() => addTouchpoint(client, { stageId, personaId, title: 'Under lås' }))
    expect(refuseWrite(server, 'editor', add)).toBe('locked')
    expect(refuseWrite(server, 'facilitator', add)).toBeNull()
    setLocked(server, false)
    expect(refuseWrite(server, 'editor', add)).toBeNull()
  })

  it('traces deletions and nested changes (votes inside an annotation) to their collection', () => {
    const { server, client, capture } = pair()
    const s = readSnapshot(client)
    const stageId = Object.keys(s.stages)[0] as StageId
    Y.applyUpdate(server, capture(() => addAnnotation(client, { targetId: stageId, kind: 'pain-point', text: 'Stengt kl. 17' })))
    const facilitatorRound = (() => {
      const before = Y.encodeStateVector(server)
      openVotingRound(server, { kind: 'pain-point', budget: 3 })
      return Y.encodeStateAsUpdate(server, before)
    })()
    Y.applyUpdate(client, facilitatorRound)
    const annotationId = Object.keys(readSnapshot(client).annotations)[0] as AnnotationId
    const vote = capture(() => castVote(client, annotationId, 'p_anne', 1))
    expect([...touchedRoots(server, vote)!]).toEqual(['annotations'])
    expect(refuseWrite(server, 'editor', vote)).toBeNull()
    Y.applyUpdate(server, vote)
    const unvote = capture(() => castVote(client, annotationId, 'p_anne', -1))
    expect([...touchedRoots(server, unvote)!]).toEqual(['annotations'])
  })

  it('lets an edit through that lands on a record a colleague deleted meanwhile', () => {
    const { server, client, capture } = pair()
    const s = readSnapshot(client)
    const stageId = Object.keys(s.stages)[0] as StageId
    const personaId = Object.keys(s.personas)[0] as PersonaId
    const add = capture(() => addTouchpoint(client, { stageId, personaId, title: 'Slettes snart' }))
    Y.applyUpdate(server, add)
    const id = Object.keys(readSnapshot(client).touchpoints)[0] as never
    const first = capture(() => updateTouchpoint(client, id, { title: 'Første' }))
    Y.applyUpdate(server, first)
    // Meanwhile, on the relay, someone deletes the card: its fields are garbage-collected there.
    server.getMap('touchpoints').delete(id)
    const second = capture(() => updateTouchpoint(client, id, { title: 'Andre' }))
    expect([...touchedRoots(server, second)!]).toEqual(['(deleted)'])
    expect(refuseWrite(server, 'editor', second)).toBeNull()
  })

  it('refuses an update whose structs it cannot trace', () => {
    const { server } = pair()
    // A peer the relay has never heard of overwrites a key it wrote earlier: the new struct's
    // origin is unknown here, so its collection cannot be known and it is not applied.
    const stranger = new Y.Doc()
    stranger.getMap('annotations').set('x', 1)
    const before = Y.encodeStateVector(stranger)
    stranger.getMap('annotations').set('x', 2)
    const dependent = Y.encodeStateAsUpdate(stranger, before)
    expect(touchedRoots(server, dependent)).toBeNull()
    expect(refuseWrite(server, 'editor', dependent)).toBe('unresolved_write')
  })
})
