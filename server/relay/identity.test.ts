/**
 * Identity bound to the connection, over real sockets: the relay issues participant ids, presence
 * belongs to the participant (a squatter cannot take a reconnecting editor's), a vote is written
 * only under one's own issued id and counted only for ids on the relay's roll, and a round kept
 * to named seats counts one ballot per seat.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAnnotation, castVote, openVotingRound } from '../../src/commands'
import { getCollection, readParticipantRoll, readSnapshot, readWorkshop } from '../../src/doc'
import { countVoters, tallyVotes, type AnnotationId, type StageId } from '../../src/model'
import type { ShareLinks } from '../maps'
import { issueParticipant, SyncClient, upgradeStatus } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'
import { CLOSE_CODES, encodeAwareness, writeAwarenessEntries } from './protocol'

let server: TestServer
let links: ShareLinks
const clients: SyncClient[] = []

beforeEach(async () => {
  server = await startTestServer({ trustProxy: true })
  links = await server.createMap({ title: 'Verkstedøkt – stemmer 🗳️' })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server.dispose()
})

async function join(token: string, options: { participant?: string; doc?: Y.Doc; address?: string } = {}): Promise<SyncClient> {
  const client = await SyncClient.connect(server.url, links.id, token, {
    doc: options.doc,
    params: options.participant ? { participant: options.participant } : {},
    headers: { 'x-forwarded-for': options.address ?? '203.0.113.10' },
  })
  clients.push(client)
  await client.synced
  return client
}

async function participant(token: string, address = '203.0.113.10') {
  const issued = await issueParticipant(server.url, links.id, token, undefined, { 'x-forwarded-for': address })
  return { ...issued, client: await join(token, { participant: issued.participantToken, address }) }
}

const presentNames = (c: SyncClient) => new Map([...c.awareness.getStates()].map(([id, s]) => [id, (s as { user?: { name?: string } }).user?.name]))

describe('participant ids', () => {
  it('are issued per browser, renewed with the same id, and bound to one map', async () => {
    const first = await issueParticipant(server.url, links.id, links.editorToken)
    expect(first.participantId).toMatch(/^p_[A-Za-z0-9_-]+$/)
    expect(first.seat).toBeNull()
    const renewed = await issueParticipant(server.url, links.id, links.viewerToken, first.participantToken)
    expect(renewed.participantId).toBe(first.participantId)
    const other = await server.createMap({ title: 'Annet kart' })
    const elsewhere = await issueParticipant(server.url, other.id, other.editorToken, first.participantToken)
    expect(elsewhere.participantId).not.toBe(first.participantId)
    const forged = await issueParticipant(server.url, links.id, links.editorToken, `${first.participantToken.split('.')[0]}.AAAA`)
    expect(forged.participantId).not.toBe(first.participantId)
    // Only a map's own links get ids for it.
    const refused = await fetch(`${server.url}/api/maps/${links.id}/participants`, { method: 'POST', headers: { authorization: `Bearer ${other.editorToken}` }, body: '{}' })
    expect(refused.status).toBe(403)
  })

  it('are optional on the socket, and a forged one leaves the connection anonymous but connected', async () => {
    const forged = await join(links.editorToken, { participant: 'eyJtIjoieCJ9.AAAA' })
    expect(forged.ws.readyState).toBe(forged.ws.OPEN)
    expect(server.metrics.rejected.get({ reason: 'participant_invalid' })).toBe(1)
    // Joining with a genuine id puts it on the relay's roll; an issued id that never joined is not there.
    const { participantId } = await participant(links.editorToken)
    const idle = await issueParticipant(server.url, links.id, links.editorToken)
    await eventually(() => readParticipantRoll(forged.doc).has(participantId), 5000, 'the roll to reach peers')
    expect(readParticipantRoll(forged.doc).has(idle.participantId)).toBe(false)
    expect(readParticipantRoll(forged.doc).get(participantId)).toEqual({ seat: null, revoked: false })
  })
})

describe('presence belongs to the participant', () => {
  it.each([
    ['an editor with a participant id', true],
    ['a stock client (the link from its address)', false],
  ])('a squatter cannot take the presence of %s while it reconnects; the editor takes it back', async (_name, withId) => {
    const issued = withId ? await issueParticipant(server.url, links.id, links.editorToken) : undefined
    const bystander = await join(links.viewerToken, { address: '198.51.100.1' })
    const editorDoc = new Y.Doc()
    let editor = await join(links.editorToken, { participant: issued?.participantToken, doc: editorDoc })
    const me = editorDoc.clientID
    editor.setPresence({ user: { name: 'Åse Ødegård', color: '#2fa67a' }, cursor: { x: 1, y: 2 } })
    await eventually(() => presentNames(bystander).get(me) === 'Åse Ødegård', 5000, 'the editor present')

    // The editor's network drops; it is gone for everyone.
    await editor.close()
    clients.splice(clients.indexOf(editor), 1)
    await eventually(() => !bystander.awareness.getStates().has(me), 5000, 'the editor gone')

    // Meanwhile someone else with the editor link claims the editor's client id, name and all.
    const squatterIssued = await issueParticipant(server.url, links.id, links.editorToken, undefined, { 'x-forwarded-for': '192.0.2.66' })
    const squatter = await join(links.editorToken, { participant: squatterIssued.participantToken, address: '192.0.2.66' })
    const spoofed = writeAwarenessEntries([{ clientId: me, clock: 1000, state: JSON.stringify({ user: { name: 'Åse Ødegård', color: '#2fa67a' }, cursor: { x: 666, y: 666 } }) }])
    squatter.sendRaw(encodeAwareness(spoofed))
    await eventually(() => server.metrics.rejected.get({ reason: 'awareness_spoof' }) >= 1, 5000, 'the spoof counted')
    // Whatever the relay passed on from the spoof reaches the bystander before this answer.
    await bystander.roundTrip()
    expect(bystander.awareness.getStates().has(me)).toBe(false)

    // The editor reconnects (same browser tab, same client id) and is seen again at once, moving.
    editor = await join(links.editorToken, { participant: issued?.participantToken, doc: editorDoc })
    editor.setPresence({ user: { name: 'Åse Ødegård', color: '#2fa67a' }, cursor: { x: 10, y: 20 } })
    await eventually(() => presentNames(bystander).get(me) === 'Åse Ødegård', 5000, 'the editor back')
    editor.setPresence({ user: { name: 'Åse Ødegård', color: '#2fa67a' }, cursor: { x: 30, y: 40 } })
    await eventually(() => (bystander.awareness.getStates().get(me) as { cursor?: { x: number } })?.cursor?.x === 30, 5000, 'the editor’s next move')
    // And the squatter still cannot speak for it.
    squatter.sendRaw(encodeAwareness(writeAwarenessEntries([{ clientId: me, clock: 5000, state: JSON.stringify({ user: { name: 'Åse Ødegård' }, cursor: { x: 666, y: 666 } }) }])))
    // The relay has judged the spoof, and the bystander has everything it passed on.
    await squatter.roundTrip()
    await bystander.roundTrip()
    expect((bystander.awareness.getStates().get(me) as { cursor?: { x: number } }).cursor?.x).toBe(30)
    void awarenessProtocol
  })
})

describe('ballots', () => {
  async function roundOnPains(budget: number, seatsOnly = false) {
    const facilitator = await join(links.facilitatorToken, { address: '198.51.100.2' })
    const stageId = Object.keys(readSnapshot(facilitator.doc).stages)[0] as StageId
    const pains = ['Verkstedet stenger 17', 'Ti dagers ventetid', 'Lånebil koster'].map((text) => addAnnotation(facilitator.doc, { targetId: stageId, kind: 'pain-point', text }) as AnnotationId)
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget, seatsOnly })
    return { facilitator, pains }
  }
  /** Write a vote straight into the document, as a raw client may. */
  const rawVote = (client: SyncClient, annotationId: string, voter: string, count: number) =>
    client.doc.transact(() => {
      const record = getCollection(client.doc, 'annotations').get(annotationId)!
      ;(record.get('votes') as Y.Map<number>).set(voter, count)
    })

  it('votes under invented or foreign participant ids do not count; the facilitator sees how many voted', async () => {
    const { facilitator, pains } = await roundOnPains(3)
    const alice = await participant(links.editorToken, '203.0.113.21')
    const bob = await participant(links.editorToken, '203.0.113.22')
    await eventually(() => readWorkshop(bob.client.doc).voting !== null)
    castVote(alice.client.doc, pains[1], alice.participantId, 1)
    castVote(alice.client.doc, pains[1], alice.participantId, 1)
    castVote(bob.client.doc, pains[2], bob.participantId, 1)

    // Mallory has an id of her own, but writes votes under an invented id, then under Alice's.
    for (const voter of ['p_invented', alice.participantId]) {
      const mallory = await participant(links.editorToken, '192.0.2.99')
      await eventually(() => readWorkshop(mallory.client.doc).voting !== null)
      rawVote(mallory.client, pains[0], voter, 50)
      expect((await mallory.client.closed).code).toBe(CLOSE_CODES.writeRefused)
    }
    // A stock client with only the editor link has no id to vote under at all.
    const stock = await join(links.editorToken, { address: '192.0.2.98' })
    rawVote(stock, pains[0], 'p_stock', 3)
    expect((await stock.closed).code).toBe(CLOSE_CODES.writeRefused)
    expect(server.metrics.rejected.get({ reason: 'vote_not_own' })).toBe(3)

    await eventually(() => readSnapshot(facilitator.doc).annotations[pains[1]]?.votes[alice.participantId] === 2 && readSnapshot(facilitator.doc).annotations[pains[2]]?.votes[bob.participantId] === 1)
    const snapshot = readSnapshot(facilitator.doc)
    expect(snapshot.annotations[pains[0]].votes).toEqual({})
    const roll = readParticipantRoll(facilitator.doc)
    expect(tallyVotes(snapshot, { kind: 'pain-point', budget: 3 }, roll).map((r) => [r.annotation.text, r.votes])).toEqual([
      ['Ti dagers ventetid', 2],
      ['Lånebil koster', 1],
      ['Verkstedet stenger 17', 0],
    ])
    expect(countVoters(snapshot, { kind: 'pain-point', budget: 3 }, roll)).toBe(2)
    // A ballot under an id the relay never put on the roll (say, from an old document) is ignored too.
    const withGhost = { ...snapshot, annotations: { ...snapshot.annotations, [pains[0]]: { ...snapshot.annotations[pains[0]], votes: { p_ghost: 3 } } } }
    expect(tallyVotes(withGhost, { kind: 'pain-point', budget: 3 }, roll).find((r) => r.annotation.id === pains[0])!.votes).toBe(0)
  })

  it('a round kept to named seats counts one ballot per seat, and a revoked seat’s not at all', async () => {
    const { facilitator, pains } = await roundOnPains(3, true)
    const seat = async (name: string) => {
      const res = await fetch(`${server.url}/api/maps/${links.id}/seats`, { method: 'POST', headers: { authorization: `Bearer ${links.facilitatorToken}` }, body: JSON.stringify({ name }) })
      expect(res.status).toBe(201)
      return (await res.json()) as { id: string; name: string; token: string; url: string }
    }
    const [aase, bjorn] = [await seat('Åse Ødegård'), await seat('Bjørn 🚗')]
    expect(aase.url).toContain(`/m/${links.id}#token=`)
    // Åse opens her seat's link on two devices: both are her one participant, with one budget.
    const phone = await participant(aase.token, '203.0.113.31')
    const laptop = await participant(aase.token, '198.51.100.31')
    expect(phone.participantId).toBe(laptop.participantId)
    expect(phone.seat).toEqual({ id: aase.id, name: 'Åse Ødegård' })
    const bjornIn = await participant(bjorn.token, '203.0.113.32')
    // Someone on the shared editor link, with an id of their own, but no seat.
    const guest = await participant(links.editorToken, '203.0.113.33')
    await eventually(() => [phone, laptop, bjornIn, guest].every((p) => readWorkshop(p.client.doc).voting?.seatsOnly === true))

    rawVote(phone.client, pains[0], phone.participantId, 2)
    await eventually(() => readSnapshot(laptop.client.doc).annotations[pains[0]]?.votes[phone.participantId] === 2)
    rawVote(laptop.client, pains[1], laptop.participantId, 2) // same ballot: only 1 of these is within the budget
    castVote(bjornIn.client.doc, pains[2], bjornIn.participantId, 1)
    castVote(guest.client.doc, pains[2], guest.participantId, 1)
    castVote(guest.client.doc, pains[2], guest.participantId, 1)
    await eventually(() => {
      const a = readSnapshot(facilitator.doc).annotations
      return a[pains[1]]?.votes[phone.participantId] === 2 && a[pains[2]]?.votes[bjornIn.participantId] === 1 && a[pains[2]]?.votes[guest.participantId] === 2
    })
    const round = readWorkshop(facilitator.doc).voting!
    const tally = () => tallyVotes(readSnapshot(facilitator.doc), round, readParticipantRoll(facilitator.doc)).map((r) => [r.annotation.text, r.votes])
    expect(tally()).toEqual([
      ['Verkstedet stenger 17', 2],
      ['Ti dagers ventetid', 1],
      ['Lånebil koster', 1],
    ])
    expect(countVoters(readSnapshot(facilitator.doc), round, readParticipantRoll(facilitator.doc))).toBe(2)

    // Revoking Bjørn's seat closes his connection, refuses his link, and his ballot stops counting.
    const revoked = await fetch(`${server.url}/api/maps/${links.id}/seats/${bjorn.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${links.facilitatorToken}` } })
    expect(revoked.status).toBe(200)
    expect(await revoked.json()).toMatchObject({ id: bjorn.id, closedConnections: 1 })
    expect((await bjornIn.client.closed).code).toBe(CLOSE_CODES.revoked)
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/sync/${links.id}?token=${bjorn.token}`)).toBe(403)
    await eventually(() => readParticipantRoll(facilitator.doc).get(bjornIn.participantId)?.revoked === true)
    expect(tally()).toEqual([
      ['Verkstedet stenger 17', 2],
      ['Ti dagers ventetid', 1],
      ['Lånebil koster', 0],
    ])
    // The seat list shows it revoked, with no link; Åse's link still works.
    const list = (await (await fetch(`${server.url}/api/maps/${links.id}/seats?token=${links.facilitatorToken}`)).json()) as { seats: { id: string; revokedAt: string | null; token?: string }[] }
    expect(list.seats.map((s) => [s.id, s.revokedAt !== null, typeof s.token])).toEqual([
      [aase.id, false, 'string'],
      [bjorn.id, true, 'undefined'],
    ])
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/sync/${links.id}?token=${list.seats[0].token}`)).toBe(101)
    // Only a facilitator manages seats.
    const asEditor = await fetch(`${server.url}/api/maps/${links.id}/seats`, { method: 'POST', headers: { authorization: `Bearer ${links.editorToken}` }, body: JSON.stringify({ name: 'x' }) })
    expect(asEditor.status).toBe(403)
  })
})
