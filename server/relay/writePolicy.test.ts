import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addAnnotation,
  addTouchpoint,
  castVote,
  addAction,
  deleteRecords,
  endVoting,
  initializeMap,
  openVotingRound,
  setLocked,
  startTimer,
  stopTimer,
  updateAction,
  updateTouchpoint,
} from '../../src/commands'
import { createUndoManager, readSnapshot } from '../../src/doc'
import type { AnnotationId, PersonaId, StageId } from '../../src/model'
import { analyzeUpdate, judgeUpdate, MAX_NEW_STRUCTS, MAX_RECORDS_PER_COLLECTION } from './writePolicy'

/** A relay-side doc and a participant's doc in sync; `capture` returns the participant's next update. */
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
  const serverUpdate = (fn: () => void): Uint8Array => {
    const before = Y.encodeStateVector(server)
    fn()
    const update = Y.encodeStateAsUpdate(server, before)
    Y.applyUpdate(client, update)
    return update
  }
  const s = readSnapshot(client)
  const stageId = Object.keys(s.stages)[0] as StageId
  const personaId = Object.keys(s.personas)[0] as PersonaId
  return { server, client, capture, serverUpdate, stageId, personaId }
}

/** A raw update that writes `value` under `path` (nested maps created as needed) into a copy of `base`. */
function rawWrite(base: Y.Doc, build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  build(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

const kind = (v: ReturnType<typeof judgeUpdate>) => (v.kind === 'refuse' ? `refuse:${v.reason}:${v.hard ? 'hard' : 'soft'}` : v.kind)

describe('write policy: what an update changes', () => {
  it('lets an editor edit the map and vote, but not touch the workshop controls', () => {
    const { server, client, capture, stageId, personaId } = pair()
    const add = capture(() => addTouchpoint(client, { stageId, personaId, title: 'Ringer – ø 📞' }))
    expect(analyzeUpdate(server, add).changes.every((c) => c.path[0] === 'touchpoints')).toBe(true)
    expect(kind(judgeUpdate(server, 'editor', add))).toBe('apply')
    Y.applyUpdate(server, add)

    const tp = Object.keys(readSnapshot(client).touchpoints)[0] as never
    const edit = capture(() => updateTouchpoint(client, tp, { emotion: -2 }))
    expect(analyzeUpdate(server, edit).changes).toEqual(expect.arrayContaining([{ op: 'insert', path: ['touchpoints', tp, 'emotion'], value: -2 }]))
    expect(kind(judgeUpdate(server, 'editor', edit))).toBe('apply')
    Y.applyUpdate(server, edit)

    const timer = capture(() => startTimer(client, 60_000, Date.now()))
    expect(kind(judgeUpdate(server, 'editor', timer))).toBe('refuse:facilitator_only:hard')
    expect(kind(judgeUpdate(server, 'facilitator', timer))).toBe('apply')
  })

  it('holds an editor’s change while the map is locked, softly, and lets it through after unlocking', () => {
    const { server, client, capture, stageId, personaId } = pair()
    setLocked(server, true)
    const add = capture(() => addTouchpoint(client, { stageId, personaId, title: 'Under lås' }))
    expect(kind(judgeUpdate(server, 'editor', add))).toBe('refuse:locked:soft')
    expect(kind(judgeUpdate(server, 'facilitator', add))).toBe('apply')
    setLocked(server, false)
    expect(kind(judgeUpdate(server, 'editor', add))).toBe('apply')
  })

  it('never refuses re-sent history: a reconnecting editor’s whole state after the timer ran and stopped', () => {
    const { server, client, capture, serverUpdate, stageId, personaId } = pair()
    serverUpdate(() => startTimer(server, 60_000, Date.now()))
    serverUpdate(() => stopTimer(server))
    Y.applyUpdate(server, capture(() => addTouchpoint(client, { stageId, personaId, title: 'Før bruddet' })))
    // What y-websocket sends as sync step 2 on reconnect: everything the relay lacks (nothing)
    // plus the client's whole delete set, including the workshop map's overwritten timer values.
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(Y.decodeUpdate(syncStep2).ds.clients.size).toBeGreaterThan(0)
    expect(analyzeUpdate(server, syncStep2)).toMatchObject({ noop: true, changes: [], violation: null })
    expect(kind(judgeUpdate(server, 'editor', syncStep2))).toBe('noop')
    // Locked too: history is never a reason to refuse.
    serverUpdate(() => setLocked(server, true))
    expect(kind(judgeUpdate(server, 'editor', Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))))).toBe('noop')
    expect(kind(judgeUpdate(server, 'viewer', Y.encodeStateAsUpdate(client)))).toBe('noop')
  })

  it('judges only the new part of an update that mixes history with a new edit', () => {
    const { server, client, capture, serverUpdate, stageId, personaId } = pair()
    serverUpdate(() => startTimer(server, 60_000, Date.now()))
    serverUpdate(() => stopTimer(server))
    capture(() => addTouchpoint(client, { stageId, personaId, title: 'Ny mens offline 🎈' }))
    const everything = Y.encodeStateAsUpdate(client)
    const analysis = analyzeUpdate(server, everything)
    expect(analysis.noop).toBe(false)
    expect(new Set(analysis.changes.map((c) => c.path[0]))).toEqual(new Set(['touchpoints']))
    expect(kind(judgeUpdate(server, 'editor', everything))).toBe('apply')
  })

  it('traces deletions and votes inside an annotation to their record and key', () => {
    const { server, client, capture, serverUpdate, stageId } = pair()
    Y.applyUpdate(server, capture(() => addAnnotation(client, { targetId: stageId, kind: 'pain-point', text: 'Stengt kl. 17' })))
    serverUpdate(() => openVotingRound(server, { kind: 'pain-point', budget: 3 }))
    const annotationId = Object.keys(readSnapshot(client).annotations)[0] as AnnotationId
    const vote = capture(() => castVote(client, annotationId, 'p_anne', 1))
    expect(analyzeUpdate(server, vote).changes).toEqual([{ op: 'insert', path: ['annotations', annotationId, 'votes', 'p_anne'], value: 1 }])
    expect(kind(judgeUpdate(server, 'editor', vote, { participantId: 'p_anne' }))).toBe('apply')
    Y.applyUpdate(server, vote)
    const remove = capture(() => deleteRecords(client, [annotationId]))
    const paths = analyzeUpdate(server, remove).changes.filter((c) => c.op === 'delete').map((c) => c.path.join('.'))
    expect(paths).toContain(`annotations.${annotationId}`)
  })

  it('takes a vote only under the writer’s own participant id; the facilitator, who runs the rounds, may write any', () => {
    const { server, client, capture, serverUpdate, stageId } = pair()
    Y.applyUpdate(server, capture(() => addAnnotation(client, { targetId: stageId, kind: 'pain-point', text: 'Kø i telefonen' })))
    serverUpdate(() => openVotingRound(server, { kind: 'pain-point', budget: 3 }))
    const annotationId = Object.keys(readSnapshot(client).annotations)[0] as AnnotationId
    const vote = capture(() => castVote(client, annotationId, 'p_anne', 1))
    expect(kind(judgeUpdate(server, 'editor', vote, { participantId: 'p_anne' }))).toBe('apply')
    expect(kind(judgeUpdate(server, 'editor', vote, { participantId: 'p_bob' }))).toBe('refuse:vote_not_own:hard')
    expect(kind(judgeUpdate(server, 'editor', vote))).toBe('refuse:vote_not_own:hard') // no id from the relay: no votes
    expect(kind(judgeUpdate(server, 'facilitator', vote, { participantId: 'p_fac' }))).toBe('apply')
    Y.applyUpdate(server, vote)

    // Each of these starts from the room's state: a participant's copy that does one thing.
    const from = (fn: (doc: Y.Doc) => void) => rawWrite(server, fn)
    const unvote = from((d) => castVote(d, annotationId, 'p_anne', -1))
    expect(kind(judgeUpdate(server, 'editor', unvote, { participantId: 'p_bob' }))).toBe('refuse:vote_not_own:hard')
    expect(kind(judgeUpdate(server, 'editor', unvote, { participantId: 'p_anne' }))).toBe('apply')
    const clear = from((d) => openVotingRound(d, { kind: 'pain-point', budget: 5 }))
    expect(kind(judgeUpdate(server, 'facilitator', clear, { participantId: 'p_fac' }))).toBe('apply')
    // Deleting the annotation takes its votes with it: any editor may.
    const remove = from((d) => deleteRecords(d, [annotationId]))
    expect(kind(judgeUpdate(server, 'editor', remove, { participantId: 'p_bob' }))).toBe('apply')
  })

  it('lets an undo bring back an annotation with others’ votes, except during a round on its kind (held back, not cut off)', () => {
    const { server, client, capture, serverUpdate, stageId } = pair()
    Y.applyUpdate(server, capture(() => addAnnotation(client, { targetId: stageId, kind: 'pain-point', text: 'Lånebil koster' })))
    serverUpdate(() => openVotingRound(server, { kind: 'pain-point', budget: 3 }))
    const annotationId = Object.keys(readSnapshot(client).annotations)[0] as AnnotationId
    Y.applyUpdate(server, capture(() => [1, 1].forEach((d) => castVote(client, annotationId, 'p_anne', d as 1))))
    // Bob deletes the annotation and undoes it: the annotation comes back as new items, Anne's votes in it.
    const undo = createUndoManager(client)
    Y.applyUpdate(server, capture(() => deleteRecords(client, [annotationId])))
    const restore = capture(() => undo.undo())
    expect(analyzeUpdate(server, restore).changes).toEqual(expect.arrayContaining([expect.objectContaining({ op: 'insert', path: ['annotations', annotationId, 'votes', 'p_anne'] })]))
    expect(kind(judgeUpdate(server, 'editor', restore, { participantId: 'p_bob' }))).toBe('refuse:vote_not_own:soft')
    serverUpdate(() => endVoting(server))
    expect(kind(judgeUpdate(server, 'editor', restore, { participantId: 'p_bob' }))).toBe('apply')
    // A round on another kind does not hold it back either.
    serverUpdate(() => openVotingRound(server, { kind: 'opportunity', budget: 3 }))
    expect(kind(judgeUpdate(server, 'editor', restore, { participantId: 'p_bob' }))).toBe('apply')
  })

  it('keeps the roll of participants the relay’s: nobody else writes it, and stored roll entries replay', () => {
    const { server, serverUpdate } = pair()
    const entry = { seat: null, revoked: false, joinedAt: '2026-11-29T10:00:00.000Z' }
    const forge = rawWrite(server, (d) => d.getMap('participants').set('p_ghost', entry))
    expect(kind(judgeUpdate(server, 'facilitator', forge, { participantId: 'p_ghost' }))).toBe('refuse:relay_only:hard')
    const enrolled = serverUpdate(() => server.getMap('participants').set('p_anne', entry))
    const erase = rawWrite(server, (d) => d.getMap('participants').delete('p_anne'))
    expect(kind(judgeUpdate(server, 'editor', erase, { participantId: 'p_anne' }))).toBe('refuse:relay_only:hard')
    // What the relay itself stored passes the check a restart replays its rows with.
    const fresh = new Y.Doc()
    initializeMap(fresh, { title: 'x' })
    expect(analyzeUpdate(fresh, enrolled, { relayWrites: true }).violation).toBeNull()
    expect(analyzeUpdate(fresh, rawWrite(fresh, (d) => d.getMap('participants').set('not-an-id', entry)), { relayWrites: true }).violation).toMatch(/participant id/)
  })

  it('lets an edit through that lands on a record a colleague deleted meanwhile', () => {
    const { server, client, capture, stageId, personaId } = pair()
    Y.applyUpdate(server, capture(() => addTouchpoint(client, { stageId, personaId, title: 'Slettes snart' })))
    const id = Object.keys(readSnapshot(client).touchpoints)[0] as never
    Y.applyUpdate(server, capture(() => updateTouchpoint(client, id, { title: 'Første' })))
    server.getMap('touchpoints').delete(id) // its fields are garbage-collected on the relay
    const second = capture(() => updateTouchpoint(client, id, { title: 'Andre' }))
    expect(kind(judgeUpdate(server, 'editor', second))).toBe('apply')
  })

  it('asks for what it lacks instead of applying an update with a gap', () => {
    const { server, client, capture, stageId, personaId } = pair()
    capture(() => addTouchpoint(client, { stageId, personaId, title: 'Sendt, men aldri mottatt' }))
    const id = Object.keys(readSnapshot(client).touchpoints)[0] as never
    const later = capture(() => updateTouchpoint(client, id, { title: 'Senere' }))
    expect(analyzeUpdate(server, later).missing).toBe(true)
    expect(kind(judgeUpdate(server, 'editor', later))).toBe('missing')
  })

  it('refuses a write to meta.schemaVersion from anyone but the relay', () => {
    const { server } = pair()
    const bump = rawWrite(server, (d) => d.getMap('meta').set('schemaVersion', 3))
    expect(kind(judgeUpdate(server, 'editor', bump))).toBe('refuse:schema_version:hard')
    expect(kind(judgeUpdate(server, 'facilitator', bump))).toBe('refuse:schema_version:hard')
  })
})

describe('write policy: the document schema', () => {
  const refused = (server: Y.Doc, update: Uint8Array) => {
    const verdict = judgeUpdate(server, 'facilitator', update)
    return verdict.kind === 'refuse' && verdict.reason === 'schema' ? verdict.detail : null
  }

  it('refuses Y.Maps nested thousands deep inside meta, cheaply', () => {
    const { server } = pair()
    const deep = rawWrite(server, (d) => {
      let m = d.getMap('meta')
      for (let i = 0; i < 2000; i++) {
        const next = new Y.Map<unknown>()
        m.set('x', next)
        m = next
      }
    })
    // CPU time of this process, not wall time: other work on a shared machine cannot inflate it.
    // A stall bound: the check stops at a bounded depth; walking and re-encoding 2,000 levels is
    // what an unbounded check would spend seconds on.
    const started = process.cpuUsage()
    expect(refused(server, deep)).toMatch(/meta/)
    const used = process.cpuUsage(started)
    expect((used.user + used.system) / 1000).toBeLessThan(2000)
  })

  it('refuses unknown collections, unknown fields, wrong types and ids of the wrong kind', () => {
    const { server, stageId } = pair()
    expect(refused(server, rawWrite(server, (d) => d.getMap('secrets').set('a', 1)))).toMatch(/unknown collection/)
    expect(refused(server, rawWrite(server, (d) => (d.getMap('stages').get(stageId) as Y.Map<unknown>).set('colour', 'red')))).toMatch(/unknown field/)
    expect(refused(server, rawWrite(server, (d) => (d.getMap('stages').get(stageId) as Y.Map<unknown>).set('title', 42)))).toMatch(/title: expected text/)
    expect(refused(server, rawWrite(server, (d) => (d.getMap('stages').get(stageId) as Y.Map<unknown>).set('title', new Y.Map())))).toMatch(/title/)
    expect(refused(server, rawWrite(server, (d) => (d.getMap('stages').get(stageId) as Y.Map<unknown>).set('phase', 'someday')))).toMatch(/phase/)
    expect(refused(server, rawWrite(server, (d) => d.getMap('touchpoints').set('persona:x', new Y.Map())))).toMatch(/touchpoint id/)
    expect(refused(server, rawWrite(server, (d) => d.getMap('touchpoints').set('touchpoint:x', 'plain' as never)))).toMatch(/record map/)
    expect(refused(server, rawWrite(server, (d) => d.getMap('meta').set('title', 'x'.repeat(600))))).toMatch(/at most 500/)
    expect(refused(server, rawWrite(server, (d) => d.getMap('meta').set('owner', 'mallory')))).toMatch(/unknown field/)
    expect(refused(server, rawWrite(server, (d) => d.getMap('workshop').set('locked', 'yes')))).toMatch(/true or false/)
    expect(refused(server, rawWrite(server, (d) => d.getArray('stages').insert(0, [1])))).not.toBeNull()
    expect(refused(server, rawWrite(server, (d) => (d.getMap('stages').get(stageId) as Y.Map<unknown>).set('title', 'Æøå 🎉 ok')))).toBeNull()
  })

  it('checks votes and sets of ids entry by entry', () => {
    const { server, client, capture, stageId } = pair()
    Y.applyUpdate(server, capture(() => addAnnotation(client, { targetId: stageId, kind: 'pain-point', text: 'Kø' })))
    Y.applyUpdate(server, capture(() => addAction(client, { title: 'Ring tilbake' })))
    const snap = readSnapshot(client)
    const annotationId = Object.keys(snap.annotations)[0]
    const actionId = Object.keys(snap.actions)[0]
    const votes = (d: Y.Doc) => (d.getMap('annotations').get(annotationId) as Y.Map<Y.Map<unknown>>).get('votes')!
    const addresses = (d: Y.Doc) => (d.getMap('actions').get(actionId) as Y.Map<Y.Map<unknown>>).get('addresses')!
    expect(refused(server, rawWrite(server, (d) => votes(d).set('p_x', -4)))).toMatch(/vote count/)
    expect(refused(server, rawWrite(server, (d) => votes(d).set('p_x', new Y.Map())))).not.toBeNull()
    expect(refused(server, rawWrite(server, (d) => addresses(d).set('touchpoint:x', true)))).toMatch(/annotation id/)
    expect(refused(server, rawWrite(server, (d) => addresses(d).set(annotationId, 'yes')))).toMatch(/expected true/)
    const link = capture(() => updateAction(client, actionId as never, { addresses: [annotationId as AnnotationId] }))
    expect(analyzeUpdate(server, link).changes).toEqual([{ op: 'insert', path: ['actions', actionId, 'addresses', annotationId], value: true }])
    expect(refused(server, link)).toBeNull()
  })

  it('caps how many records a collection may hold, counting those it has', () => {
    const { server } = pair()
    server.transact(() => {
      for (let i = 0; i < MAX_RECORDS_PER_COLLECTION - 5; i++) server.getMap('links').set(`link:have${i}`, new Y.Map())
    })
    const five = rawWrite(server, (d) => d.transact(() => [0, 1, 2, 3, 4].forEach((i) => d.getMap('links').set(`link:new${i}`, new Y.Map()))))
    expect(refused(server, five)).toBeNull()
    const six = rawWrite(server, (d) => d.transact(() => [0, 1, 2, 3, 4, 5].forEach((i) => d.getMap('links').set(`link:new${i}`, new Y.Map()))))
    expect(refused(server, six)).toMatch(/more than/)
  })

  it('caps how many writes one update brings to one key from one origin (each costs Yjs a scan of the others)', () => {
    const { server } = pair()
    server.getMap('links').set('link:one', new Y.Map([['label', 'first']]))
    // Peers writing one key at once, each from the same value: a merged re-send carries them all.
    const concurrent = (peers: number) =>
      Y.mergeUpdates(Array.from({ length: peers }, (_, i) => rawWrite(server, (d) => (d.getMap('links').get('link:one') as Y.Map<string>).set('label', `peer ${i}`))))
    expect(refused(server, concurrent(64))).toBeNull()
    expect(refused(server, concurrent(65))).toMatch(/too many concurrent writes to one key/)
  })

  it('refuses more new structs in one message than one message may bring', () => {
    const { server } = pair()
    const flood = rawWrite(server, (d) => d.transact(() => Array.from({ length: MAX_NEW_STRUCTS / 2 + 1 }, (_, i) => d.getMap('links').set(`link:${i}`, new Y.Map([['label', 'x']])))))
    const verdict = judgeUpdate(server, 'facilitator', flood)
    expect(verdict.kind === 'refuse' && verdict.reason).toBe('too_large')
  })
})
