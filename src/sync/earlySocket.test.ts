/**
 * The map's socket opened before the app's code loaded (public/open-early.js) is adopted by a
 * stock WebsocketProvider: real relay, real sockets. What came on it before (the open, the whole
 * map) reaches the provider in order, the map arrives once on one socket, and the socket carries
 * live edits both ways after. A held socket for another address is closed, not adopted.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { updateTouchpoint } from '../commands'
import { readSnapshot, writeSnapshot } from '../doc'
import { toJourneyJson, type TouchpointId } from '../model'
import { buildSyntheticMap } from '../test/maps'
import { issueParticipant, SyncClient } from '../../server/testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../../server/testing/testServer'
import { adoptingWebSocket, type HeldSocket } from './earlySocket'

let server: TestServer
const cleanups: (() => unknown)[] = []
beforeAll(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => server.dispose())

/** What open-early.js does: open the socket and keep its events until it is taken. */
function holdSocket(url: string): HeldSocket {
  const socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  const events: Event[] = []
  const keep = (e: unknown) => events.push(e as Event)
  const types = ['open', 'message', 'error', 'close'] as const
  types.forEach((type) => socket.addEventListener(type, keep))
  return { url, socket: socket as unknown as globalThis.WebSocket, events, stop: () => types.forEach((type) => socket.removeEventListener(type, keep)) }
}

/** The WebSocket constructor, counting the sockets it opens. */
function countingWebSocket() {
  const opened: string[] = []
  const Counting = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols)
      opened.push(url)
    }
  }
  return { Counting: Counting as unknown as typeof globalThis.WebSocket, opened }
}

async function importMap() {
  const map = buildSyntheticMap({ touchpoints: 200, stages: 10, personas: 3, annotationsPerCard: 3 })
  const res = await fetch(`${server.url}/api/maps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toJourneyJson(map)) })
  const created = (await res.json()) as { id: string; editorToken: string }
  return { map, created }
}

it('a provider adopts the socket opened for its address, with the map that already came on it, and edits flow both ways after', async () => {
  const { map, created } = await importMap()
  const issued = await issueParticipant(server.url, created.id, created.editorToken)
  const base = `${server.url.replace('http', 'ws')}/sync`
  const held = holdSocket(`${base}/${created.id}?token=${encodeURIComponent(created.editorToken)}&participant=${encodeURIComponent(issued.participantToken)}&state=empty`)
  // The whole map has come before the app's code is ready.
  await eventually(() => held.events.some((e) => e.type === 'message' && ((e as MessageEvent).data as ArrayBuffer).byteLength > 64 * 1024), 15_000, 'the map on the held socket')
  expect(held.events[0].type).toBe('open')

  const page = { __journeyEarlySocket: held }
  const { Counting, opened } = countingWebSocket()
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(base, created.id, doc, {
    params: { token: created.editorToken, participant: issued.participantToken, state: 'empty' },
    WebSocketPolyfill: adoptingWebSocket(Counting, page),
    disableBc: true,
  })
  cleanups.push(() => provider.destroy())
  await eventually(() => provider.synced, 15_000, 'the first sync')

  // The held socket is the provider's; none was opened; the map is whole.
  expect(provider.ws).toBe(held.socket)
  expect(opened).toEqual([])
  expect(page.__journeyEarlySocket).toBeUndefined()
  const expected = new Y.Doc()
  writeSnapshot(expected, map)
  expect(readSnapshot(doc).touchpoints).toEqual(readSnapshot(expected).touchpoints)

  // Live both ways on the adopted socket.
  const colleague = await SyncClient.connect(server.url, created.id, created.editorToken)
  cleanups.push(() => colleague.close())
  await colleague.synced
  const [first, second] = Object.keys(readSnapshot(doc).touchpoints) as TouchpointId[]
  updateTouchpoint(colleague.doc, first, { title: 'Kø ved skranken 😤' })
  await eventually(() => readSnapshot(doc).touchpoints[first]?.title === 'Kø ved skranken 😤', 15_000, 'the colleague’s edit')
  updateTouchpoint(doc, second, { title: 'Blåbær på æblet, søster' })
  await eventually(() => readSnapshot(colleague.doc).touchpoints[second]?.title === 'Blåbær på æblet, søster', 15_000, 'our edit at the colleague')
  expect(opened).toEqual([])
})

it('a held socket for another address is closed, and a new socket opened', async () => {
  const { created } = await importMap()
  const issued = await issueParticipant(server.url, created.id, created.editorToken)
  const base = `${server.url.replace('http', 'ws')}/sync`
  // Held for the map with no participant; the provider asks with one.
  const held = holdSocket(`${base}/${created.id}?token=${encodeURIComponent(created.editorToken)}&state=empty`)
  await eventually(() => held.events.some((e) => e.type === 'open'), 15_000, 'the held socket open')
  const { Counting, opened } = countingWebSocket()
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(base, created.id, doc, {
    params: { token: created.editorToken, participant: issued.participantToken, state: 'empty' },
    WebSocketPolyfill: adoptingWebSocket(Counting, { __journeyEarlySocket: held }),
    disableBc: true,
  })
  cleanups.push(() => provider.destroy())
  await eventually(() => provider.synced, 15_000, 'the first sync')
  expect(opened).toHaveLength(1)
  expect(provider.ws).not.toBe(held.socket)
  await eventually(() => held.socket.readyState === held.socket.CLOSED, 15_000, 'the held socket closed')
})

