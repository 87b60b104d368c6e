/**
 * Nobody is shut out after a network drop. Stock y-websocket `WebsocketProvider` clients (an
 * editor and a viewer) drop their sockets and reconnect — after the facilitator ran and stopped
 * the timer, after a voting round, while the map is locked, and five times in a row — and stay
 * connected, in sync, and able to edit when allowed. Nobody is closed with 4423 for history.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { addAnnotation, addTouchpoint, castVote, closeVotingRound, openVotingRound, setLocked, startTimer, stopTimer } from '../../src/commands'
import { readSnapshot, readWorkshop } from '../../src/doc'
import type { AnnotationId, PersonaId, StageId } from '../../src/model'
import type { ShareLinks } from '../maps'
import { issueParticipant, syncRoundTrip } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'

let server: TestServer
let links: ShareLinks
const providers: WebsocketProvider[] = []

interface Peer {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close codes this peer's sockets were closed with, by the relay or by us. */
  closes: number[]
  /** Set when y-websocket gave up reconnecting (a 44xx close). */
  shutOut: boolean
}

/** A stock provider; with `participant`, it also presents a relay-issued participant id, as the app does. */
function connect(token: string, participant?: string): Peer {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, links.id, doc, {
    params: participant ? { token, participant } : { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 200,
  })
  providers.push(provider)
  const peer: Peer = { doc, provider, closes: [], shutOut: false }
  provider.on('connection-close', (event) => event && peer.closes.push(event.code))
  provider.on('closed', () => (peer.shutOut = true))
  return peer
}

const synced = (p: Peer) => eventually(() => p.provider.wsconnected && p.provider.synced, 5000, 'the provider to sync')

/** The network drops: the socket dies without a close handshake; y-websocket reconnects by itself. */
async function drop(p: Peer): Promise<void> {
  const ws = p.provider.ws as unknown as WebSocket
  await eventually(() => ws.readyState === WebSocket.OPEN, 5000, 'an open socket to drop')
  ws.terminate()
  await eventually(() => p.provider.ws !== (ws as never) && p.provider.wsconnected && p.provider.synced, 5000, 'the reconnect')
}

/** The peer's socket now (the provider replaces it on each reconnect). */
const socketOf = (p: Peer) => p.provider.ws as unknown as WebSocket

const sameContent = (a: Y.Doc, b: Y.Doc) => JSON.stringify(readSnapshot(a)) === JSON.stringify(readSnapshot(b))

beforeEach(async () => {
  server = await startTestServer()
  links = await server.createMap({ title: 'Nettverket faller ut æøå' })
})
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy()
  await server.dispose()
})

describe('reconnecting after a network drop', () => {
  it('after the timer ran and stopped, a vote round, and while locked: editor and viewer stay in, in sync, editing when allowed', async () => {
    const facilitator = connect(links.facilitatorToken)
    // The editor votes, so it holds a participant id (votes are written only under one's own).
    const { participantId: voter, participantToken } = await issueParticipant(server.url, links.id, links.editorToken)
    const editor = connect(links.editorToken, participantToken)
    const viewer = connect(links.viewerToken)
    await Promise.all([facilitator, editor, viewer].map(synced))
    const s = readSnapshot(facilitator.doc)
    const stageId = Object.keys(s.stages)[0] as StageId
    const personaId = Object.keys(s.personas)[0] as PersonaId

    // The facilitator runs the timer and stops it: the workshop map now holds deleted values.
    startTimer(facilitator.doc, 60_000, Date.now())
    stopTimer(facilitator.doc)
    await eventually(() => readWorkshop(editor.doc).timer.status === 'stopped' && editor.doc.getMap('workshop').size > 0, 5000, 'the timer to reach the editor')
    await drop(editor)
    await drop(viewer)
    const card = addTouchpoint(editor.doc, { stageId, personaId, title: 'Etter bruddet 📶' })
    await eventually(() => readSnapshot(facilitator.doc).touchpoints[card] !== undefined, 5000, 'the editor’s edit after the drop')

    // A voting round with votes, then closed: more deletions inside records and the workshop map.
    const pain = addAnnotation(facilitator.doc, { targetId: stageId, kind: 'pain-point', text: 'Kø på telefon' }) as AnnotationId
    openVotingRound(facilitator.doc, { kind: 'pain-point', budget: 3 })
    await eventually(() => readWorkshop(editor.doc).voting?.status === 'open', 5000, 'the round to open for the editor')
    castVote(editor.doc, pain, voter, 1)
    castVote(editor.doc, pain, voter, 1)
    castVote(editor.doc, pain, voter, -1)
    await eventually(() => readSnapshot(facilitator.doc).annotations[pain]?.votes[voter] === 1, 5000, 'the vote')
    closeVotingRound(facilitator.doc)
    await eventually(() => readWorkshop(editor.doc).voting?.status === 'closed', 5000, 'the round to close for the editor')
    await drop(editor)
    await drop(viewer)

    // Locked: a reconnect stays in, read-only; an edit waits and lands on unlock.
    setLocked(facilitator.doc, true)
    await eventually(() => readWorkshop(editor.doc).locked && readWorkshop(viewer.doc).locked, 5000, 'the lock')
    await drop(editor)
    await drop(viewer)
    const held = addTouchpoint(editor.doc, { stageId, personaId, title: 'Venter på opplåsing' })
    // The relay has judged the held edit, and the facilitator has everything it passed on.
    await syncRoundTrip(socketOf(editor), editor.doc)
    await syncRoundTrip(socketOf(facilitator), facilitator.doc)
    expect(readSnapshot(facilitator.doc).touchpoints[held]).toBeUndefined()
    expect(editor.provider.wsconnected).toBe(true)
    setLocked(facilitator.doc, false)
    await eventually(() => readSnapshot(facilitator.doc).touchpoints[held] !== undefined, 5000, 'the held edit to land after unlock')

    // Five drops in a row.
    for (let i = 0; i < 5; i++) {
      await drop(editor)
      await drop(viewer)
    }
    const last = addTouchpoint(editor.doc, { stageId, personaId, title: 'Femte gang' })
    await eventually(() => readSnapshot(viewer.doc).touchpoints[last] !== undefined, 5000, 'the last edit to reach the viewer')
    await eventually(() => sameContent(facilitator.doc, editor.doc) && sameContent(facilitator.doc, viewer.doc), 5000, 'all three in sync')

    for (const p of [facilitator, editor, viewer]) {
      expect(p.shutOut).toBe(false)
      expect(p.closes.filter((code) => code >= 4400 && code < 4500)).toEqual([])
    }
  })

  it('lets a viewer reconnect while locked without being closed, and never applies what it sends', async () => {
    const facilitator = connect(links.facilitatorToken)
    const viewer = connect(links.viewerToken)
    await Promise.all([facilitator, viewer].map(synced))
    setLocked(facilitator.doc, true)
    await eventually(() => readWorkshop(viewer.doc).locked, 5000, 'the lock')
    const s = readSnapshot(viewer.doc)
    const stray = addTouchpoint(viewer.doc, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Fra en leser' })
    for (let i = 0; i < 3; i++) await drop(viewer)
    setLocked(facilitator.doc, false)
    await eventually(() => !readWorkshop(viewer.doc).locked, 5000, 'the unlock to reach the viewer')
    // Twice: a request the relay sent the viewer as it unlocked (what do you hold?) may be answered
    // after the first; the second's answer follows that answer. Then the facilitator's own.
    await syncRoundTrip(socketOf(viewer), viewer.doc)
    await syncRoundTrip(socketOf(viewer), viewer.doc)
    await syncRoundTrip(socketOf(facilitator), facilitator.doc)
    expect(readSnapshot(facilitator.doc).touchpoints[stray]).toBeUndefined()
    expect(viewer.shutOut).toBe(false)
  })
})
