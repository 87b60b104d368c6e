/**
 * The unsynced count against the real relay over real sockets, with a stock WebsocketProvider:
 * what the participant is told must match what the relay holds.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { addTouchpoint, deleteTouchpoint, setLocked, updateTouchpoint } from '../commands'
import { readSnapshot } from '../doc'
import type { PersonaId, StageId, TouchpointId } from '../model'
import { SyncClient } from '../../server/testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../../server/testing/testServer'
import { trackSync, type SyncTracker } from './syncTracker'

let server: TestServer
const cleanups: (() => unknown)[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => server.dispose())

async function participant(mapId: string, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true, // in Node, BroadcastChannel would let same-process providers bypass the relay
  })
  const tracker: SyncTracker = trackSync(provider, (origin) => origin !== provider, () => {})
  cleanups.push(() => (tracker.destroy(), provider.destroy()))
  // Count the relay's sync step 2 answers (receipts among them), to wait for one without sleeping.
  const answers = { count: 0 }
  const tracked = provider.messageHandlers[0]
  provider.messageHandlers[0] = (encoder, decoder, ...rest) => {
    if (decoder.arr[decoder.pos] === 1) answers.count++
    tracked(encoder, decoder, ...rest)
  }
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))
  const { stages, personas } = readSnapshot(doc)
  const cell = { stageId: Object.keys(stages)[0] as StageId, personaId: Object.keys(personas)[0] as PersonaId }
  return { doc, provider, tracker, cell, answers }
}

async function observer(mapId: string, token: string) {
  const client = await SyncClient.connect(server.url, mapId, token)
  cleanups.push(() => client.close())
  await client.synced
  return client
}

describe('the unsynced count', () => {
  it('counts edits made offline, deletions included, until the relay holds them', async () => {
    const map = await server.createMap({ title: 'Offline count' })
    const anne = await participant(map.id, map.editorToken)
    const kept = addTouchpoint(anne.doc, { ...anne.cell, title: 'Blir slettet offline' })
    await eventually(() => anne.tracker.progress().unsynced === 0, 5000, 'live edit proven')
    const relay = await observer(map.id, map.facilitatorToken)
    await eventually(() => readSnapshot(relay.doc).touchpoints[kept] !== undefined, 5000, 'card at the relay')

    anne.provider.disconnect()
    const added = addTouchpoint(anne.doc, { ...anne.cell, title: 'Skrevet offline ✈️ æøå' })
    deleteTouchpoint(anne.doc, kept) // a pure deletion: no state vector can show it
    expect(anne.tracker.progress()).toMatchObject({ unsynced: 2, held: false, catchingUp: 2 })

    anne.provider.connect()
    await eventually(() => anne.tracker.progress().unsynced === 0, 5000, 'offline edits proven')
    const at = readSnapshot(relay.doc).touchpoints
    expect(at[added]?.title).toBe('Skrevet offline ✈️ æøå')
    expect(at[kept]).toBeUndefined()
  })

  it('keeps live edits pending until a receipt proves them, without counting them as catching up', async () => {
    const map = await server.createMap({ title: 'Live' })
    const anne = await participant(map.id, map.editorToken)
    const card = addTouchpoint(anne.doc, { ...anne.cell, title: 'Live' })
    updateTouchpoint(anne.doc, card, { title: 'Live – endret' })
    expect(anne.tracker.progress()).toMatchObject({ unsynced: 2, catchingUp: 0 })
    await eventually(() => anne.tracker.progress().unsynced === 0, 5000, 'receipt')
  })

  it('holds an edit the relay refused while locked, and clears it once the unlock brings it in', async () => {
    const map = await server.createMap({ title: 'Locked' })
    const frida = await observer(map.id, map.facilitatorToken)
    const anne = await participant(map.id, map.editorToken)
    const doomed = addTouchpoint(frida.doc, { ...anne.cell, title: 'Slettes under låsen' })
    await eventually(() => readSnapshot(anne.doc).touchpoints[doomed] !== undefined, 5000, 'card reaches Anne')
    setLocked(frida.doc, true)
    await eventually(() => anne.doc.getMap('workshop').get('locked') === true, 5000, 'lock reaches Anne')

    // An edit that reaches the relay anyway (the interface would not start it): refused, connection kept.
    const card = addTouchpoint(anne.doc, { ...anne.cell, title: 'Skrevet mens kartet var låst 🔒' })
    await eventually(() => anne.tracker.progress().held, 5000, 'held')
    expect(anne.tracker.progress().unsynced).toBe(1)
    expect(anne.provider.wsconnected).toBe(true)
    expect(readSnapshot(frida.doc).touchpoints[card as TouchpointId]).toBeUndefined()
    deleteTouchpoint(anne.doc, doomed) // a pure deletion, refused too (and told no more: once per lock)
    const before = anne.answers.count
    await eventually(() => anne.answers.count > before, 5000, 'a receipt after the deletion')
    expect(anne.tracker.progress()).toMatchObject({ unsynced: 2, held: true })
    expect(readSnapshot(frida.doc).touchpoints[doomed]).toBeDefined()

    setLocked(frida.doc, false)
    await eventually(() => readSnapshot(frida.doc).touchpoints[card]?.title === 'Skrevet mens kartet var låst 🔒', 5000, 'edit lands after unlock')
    await eventually(() => readSnapshot(frida.doc).touchpoints[doomed] === undefined, 5000, 'deletion lands after unlock')
    await eventually(() => anne.tracker.progress().unsynced === 0 && !anne.tracker.progress().held, 5000, 'held edit proven')
    expect(anne.provider.wsconnected).toBe(true)
  })
})
