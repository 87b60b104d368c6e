/**
 * History a client re-sends is accepted whatever shape Yjs gave it. Found by the relay fuzz
 * (convergenceFuzz.test.ts, seed 189 with 250 seeds run): Yjs merges a client's consecutive
 * values of one map key, once overwritten, into a single struct holding all of them (the app's
 * undo manager keeps them from being collected). An edit made offline or held by the lock and
 * re-sent on reconnect or unlock then carries that struct, and the relay must take it like the
 * separate updates the client would have sent live.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { addTouchpoint, setLocked, updateTouchpoint } from '../../src/commands'
import { createUndoManager, readSnapshot, readWorkshop } from '../../src/doc'
import type { PersonaId, StageId, TouchpointId } from '../../src/model'
import type { ShareLinks } from '../maps'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'

let server: TestServer
let links: ShareLinks
const providers: WebsocketProvider[] = []

beforeEach(async () => {
  server = await startTestServer()
  links = await server.createMap({ title: 'Gjensending æøå' })
})
afterEach(async () => {
  for (const p of providers.splice(0)) {
    p.destroy()
    p.awareness.destroy()
  }
  await server.dispose()
})

/** A participant as the app makes one: a stock provider and an undo manager on the document. */
async function participant(token: string) {
  const doc = new Y.Doc()
  const undo = createUndoManager(doc)
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, links.id, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 50,
  })
  providers.push(provider)
  const closes: number[] = []
  provider.on('connection-close', (event) => void (event && closes.push(event.code)))
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return { doc, undo, provider, closes }
}

async function cardOnline(doc: Y.Doc, watcher: Y.Doc): Promise<TouchpointId> {
  const s = readSnapshot(doc)
  const card = addTouchpoint(doc, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Ringer verkstedet' })
  await eventually(() => readSnapshot(watcher).touchpoints[card] !== undefined, 5000, 'the card to reach the facilitator')
  return card
}

describe('re-sent history', () => {
  it('an editor who renamed a card three times offline reconnects, stays connected, and the last title lands', async () => {
    const facilitator = await participant(links.facilitatorToken)
    const editor = await participant(links.editorToken)
    const card = await cardOnline(editor.doc, facilitator.doc)

    editor.provider.disconnect()
    for (const title of ['Ringer igjen', 'Får svar', 'Får time ✅']) updateTouchpoint(editor.doc, card, { title })
    editor.provider.connect()

    const landed = () => readSnapshot(facilitator.doc).touchpoints[card]?.title === 'Får time ✅'
    await eventually(() => landed() || editor.closes.length > 0, 5000, 'the offline renames to land')
    expect(editor.closes).toEqual([])
    expect(landed()).toBe(true)
    expect(editor.provider.wsconnected).toBe(true)
  })

  it('an editor who renamed a card three times while locked keeps its connection, and the last title lands on unlock', async () => {
    const facilitator = await participant(links.facilitatorToken)
    const editor = await participant(links.editorToken)
    const card = await cardOnline(editor.doc, facilitator.doc)

    setLocked(facilitator.doc, true)
    await eventually(() => readWorkshop(editor.doc).locked, 5000, 'the lock to reach the editor')
    for (const title of ['Ringer igjen', 'Får svar', 'Får time ✅']) updateTouchpoint(editor.doc, card, { title })
    await eventually(() => server.metrics.rejected.get({ reason: 'locked' }) >= 1, 5000, 'the held edit')
    setLocked(facilitator.doc, false)

    const landed = () => readSnapshot(facilitator.doc).touchpoints[card]?.title === 'Får time ✅'
    await eventually(() => landed() || editor.closes.length > 0, 5000, 'the held renames to land')
    expect(editor.closes).toEqual([])
    expect(landed()).toBe(true)
    expect(editor.provider.wsconnected).toBe(true)
  })
})
