/**
 * Workshop rules the relay enforces, over real sockets: a locked map refuses editors' writes,
 * the workshop controls are the facilitator's, votes beyond the budget never count, and versions
 * are kept and served.
 */
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAnnotation, addTouchpoint, openVotingRound, setLocked, setMeta, startTimer } from '../../src/commands'
import { endWritingRound, landNotes, revealWritingRound, startWritingRound } from '../../src/commands/writingRound'
import { getCollection, readParticipantRoll, readSnapshot, readWorkshop } from '../../src/doc'
import { createId, parseJourneyJson, tallyVotes, type AnnotationId, type PersonaId, type StageId } from '../../src/model'
import type { ShareLinks } from '../maps'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'
import { issueParticipant, SyncClient } from '../testing/syncClient'

let server: TestServer
let links: ShareLinks
const clients: SyncClient[] = []

async function join(token: string): Promise<SyncClient> {
  const c = await SyncClient.connect(server.url, links.id, token)
  clients.push(c)
  await c.synced
  return c
}

async function rejected(reason: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.includes('rejected') && l.includes(`reason="${reason}"`))
  return line ? Number(line.split(' ').at(-1)) : 0
}

beforeEach(async () => {
  server = await startTestServer()
  links = await server.createMap({ title: 'Verkstedøkt æøå' })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server.dispose()
})

const updateMeta = (doc: Y.Doc, title: string) => setMeta(doc, { title })

describe('workshop rules at the relay', () => {
  it('keeps a locked map’s editor connected and read-only, and lands its held edit on unlock', async () => {
    const facilitator = await join(links.facilitatorToken)
    const editor = await join(links.editorToken)
    const s = readSnapshot(editor.doc)
    const stageId = Object.keys(s.stages)[0] as StageId
    const personaId = Object.keys(s.personas)[0] as PersonaId

    setLocked(facilitator.doc, true)
    await eventually(() => readWorkshop(editor.doc).locked, 5000, 'the lock to reach the editor')
    addTouchpoint(editor.doc, { stageId, personaId, title: 'Skrevet under lås ✍️' })
    addTouchpoint(editor.doc, { stageId, personaId, title: 'Enda en' })
    await eventually(() => editor.notices.length > 0, 5000, 'the locked notice')
    expect(editor.notices).toEqual(['locked']) // told once, however many edits it sends
    expect(await rejected('locked')).toBeGreaterThanOrEqual(1)
    expect(editor.ws.readyState).toBe(editor.ws.OPEN)
    expect(Object.values(readSnapshot(facilitator.doc).touchpoints)).toHaveLength(0)
    // Nothing was stored: a fresh participant does not get it.
    const late = await join(links.viewerToken)
    expect(Object.values(readSnapshot(late.doc).touchpoints)).toHaveLength(0)
    // The editor still receives every change while locked.
    updateMeta(facilitator.doc, 'Låst, men levende')
    await eventually(() => readSnapshot(editor.doc).meta.title === 'Låst, men levende', 5000, 'the facilitator’s edit to reach the locked editor')

    // Reconnecting while still locked is neither refused nor looped: it stays open, read-only.
    const retryDoc = new Y.Doc()
    Y.applyUpdate(retryDoc, Y.encodeStateAsUpdate(editor.doc))
    const retry = await SyncClient.connect(server.url, links.id, links.editorToken, { doc: retryDoc })
    clients.push(retry)
    await retry.synced
    await eventually(() => retry.notices.includes('locked'), 5000, 'the retry’s notice')
    // A close caused by anything the retry sent would come before this answer (and reject it).
    await retry.roundTrip()
    expect(retry.ws.readyState).toBe(retry.ws.OPEN)

    // Unlocking asks every writer for what it holds: the edits land without anyone reconnecting.
    setLocked(facilitator.doc, false)
    await eventually(() => Object.values(readSnapshot(facilitator.doc).touchpoints).length === 2, 5000, 'the held edits to land')
    expect(Object.values(readSnapshot(late.doc).touchpoints).map((t) => t.title).sort()).toEqual(['Enda en', 'Skrevet under lås ✍️'])
    addTouchpoint(editor.doc, { stageId, personaId, title: 'Etter opplåsing' })
    await eventually(() => Object.values(readSnapshot(facilitator.doc).touchpoints).some((t) => t.title === 'Etter opplåsing'))
    expect(editor.ws.readyState).toBe(editor.ws.OPEN)
  })

  it('keeps the timer, lock and voting rounds for facilitators', async () => {
    const facilitator = await join(links.facilitatorToken)
    const editor = await join(links.editorToken)
    startTimer(editor.doc, 60_000, Date.now())
    expect((await editor.closed).code).toBe(4423)
    expect(await rejected('facilitator_only')).toBe(1)
    expect(readWorkshop(facilitator.doc)).toEqual({ locked: false, timer: { status: 'stopped' }, voting: null, writing: null })

    startTimer(facilitator.doc, 60_000, Date.now())
    const viewer = await join(links.viewerToken)
    await eventually(() => readWorkshop(viewer.doc).timer.status === 'running')
  })

  it('keeps writing rounds the facilitator’s: an editor neither starts, reveals nor ends one', async () => {
    const facilitator = await join(links.facilitatorToken)
    const rogue = await join(links.editorToken)
    startWritingRound(rogue.doc, { kind: 'pain-point' })
    expect((await rogue.closed).code).toBe(4423)
    expect(readWorkshop(facilitator.doc).writing).toBeNull()

    startWritingRound(facilitator.doc, { kind: 'pain-point', anonymous: true })
    const editor = await join(links.editorToken)
    await eventually(() => readWorkshop(editor.doc).writing?.status === 'writing', 5000, 'the round to reach the editor')
    // Revealing early (so everyone's notes would land) and closing the round are refused alike.
    revealWritingRound(editor.doc)
    expect((await editor.closed).code).toBe(4423)
    const closer = await join(links.editorToken)
    endWritingRound(closer.doc)
    expect((await closer.closed).code).toBe(4423)
    expect(await rejected('facilitator_only')).toBe(3)
    expect(readWorkshop(facilitator.doc).writing).toMatchObject({ status: 'writing', anonymous: true })
    const late = await join(links.viewerToken)
    expect(readWorkshop(late.doc).writing).toMatchObject({ status: 'writing' })

    // The facilitator's reveal reaches everyone, and an editor's notes then land as annotations, without an author.
    const writer = await join(links.editorToken)
    revealWritingRound(facilitator.doc)
    await eventually(() => readWorkshop(writer.doc).writing?.status === 'revealed', 5000, 'the reveal to reach the writer')
    const stageId = Object.keys(readSnapshot(writer.doc).stages)[0] as StageId
    const id = createId('annotation') as AnnotationId
    landNotes(writer.doc, [{ id, targetId: stageId, text: 'Ingen vet hva lampen betyr 🤷' }], { kind: 'pain-point' })
    await eventually(() => readSnapshot(facilitator.doc).annotations[id] !== undefined, 5000, 'the note to land')
    expect((facilitator.doc.getMap('annotations').get(id) as Y.Map<unknown>).has('author')).toBe(false)
    expect(writer.ws.readyState).toBe(writer.ws.OPEN)
  })

  it('refuses a writing round that does not fit the schema', async () => {
    const facilitator = await join(links.facilitatorToken)
    facilitator.doc.getMap('workshop').set('writing', { id: 'writing:x', kind: 'pain-point', padding: 'x'.repeat(3000) })
    expect((await facilitator.closed).code).toBe(4422)
  })

  it('never counts votes beyond the budget, whoever sends them', async () => {
    const facilitator = await join(links.facilitatorToken)
    const s = readSnapshot(facilitator.doc)
    const stageId = Object.keys(s.stages)[0] as StageId
    const pains = ['Verkstedet stenger 17', 'Ti dagers ventetid', 'Lånebil koster'].map((text) => addAnnotation(facilitator.doc, { targetId: stageId, kind: 'pain-point', text }))
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 3 })
    // Each with a participant id from the relay: a vote is written only under one's own.
    const asParticipant = async () => {
      const { participantId, participantToken } = await issueParticipant(server.url, links.id, links.editorToken)
      const client = await SyncClient.connect(server.url, links.id, links.editorToken, { params: { participant: participantToken } })
      clients.push(client)
      await client.synced
      return { client, participantId }
    }
    const { client: honest, participantId: p_honest } = await asParticipant()
    const { client: greedy, participantId: p_greedy } = await asParticipant()
    await eventually(() => readWorkshop(greedy.doc).voting !== null)

    // An honest participant: 2 votes on the second pain, 1 on the third.
    const vote = (client: SyncClient, annotationId: string, voter: string, count: number) =>
      client.doc.transact(() => {
        const record = getCollection(client.doc, 'annotations').get(annotationId)!
        ;(record.get('votes') as Y.Map<number>).set(voter, count)
      })
    vote(honest, pains[1], p_honest, 2)
    vote(honest, pains[2], p_honest, 1)
    // A raw client writing straight into the document: 50 votes on the first pain, under its own id.
    vote(greedy, pains[0], p_greedy, 50)
    await eventually(() => {
      const a = readSnapshot(facilitator.doc).annotations
      return a[pains[0]]?.votes[p_greedy] === 50 && a[pains[1]]?.votes[p_honest] === 2
    })
    const results = tallyVotes(readSnapshot(facilitator.doc), { kind: 'pain-point', budget: 3 }, readParticipantRoll(facilitator.doc))
    expect(results.map((r) => [r.annotation.text, r.votes])).toEqual([
      ['Verkstedet stenger 17', 3],
      ['Ti dagers ventetid', 2],
      ['Lånebil koster', 1],
    ])
  })

  it('saves, lists and serves versions, including one when the map is locked', async () => {
    const facilitator = await join(links.facilitatorToken)
    const s = readSnapshot(facilitator.doc)
    addTouchpoint(facilitator.doc, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Før låsing – ø' })
    setLocked(facilitator.doc, true)
    const list = async () => ((await (await fetch(`${server.url}/api/maps/${links.id}/versions?token=${links.viewerToken}`)).json()) as { versions: { id: string; reason: string; name: string }[] }).versions
    await eventually(async () => (await list()).some((v) => v.reason === 'lock'), 5000, 'the lock version')

    const saved = await fetch(`${server.url}/api/maps/${links.id}/versions`, { method: 'POST', headers: { authorization: `Bearer ${links.facilitatorToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Etter økta ✅' }) })
    expect(saved.status).toBe(201)
    const refused = await fetch(`${server.url}/api/maps/${links.id}/versions`, { method: 'POST', headers: { authorization: `Bearer ${links.editorToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x' }) })
    expect(refused.status).toBe(403)

    const versions = await list()
    expect(versions.map((v) => v.reason)).toEqual(expect.arrayContaining(['manual', 'lock', 'session-start']))
    const lockVersion = versions.find((v) => v.reason === 'lock')!
    const body = await (await fetch(`${server.url}/api/maps/${links.id}/versions/${lockVersion.id}?token=${links.viewerToken}`)).text()
    const parsed = parseJourneyJson(body)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(Object.values(parsed.snapshot.touchpoints).map((t) => t.title)).toEqual(['Før låsing – ø'])
    const time = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number }
    expect(Math.abs(time.now - Date.now())).toBeLessThan(5000)
  })
})
