/**
 * A reader that holds none of a map, opening it while no one has it open, says so (`state=empty`)
 * and is sent the stored map at once: it applies the map while the relay loads it, instead of
 * after. What it is then told is only what the room holds beyond that, whatever it sends in the
 * meantime waits for the room and lands, and a stock client (which says nothing) is answered as
 * always.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { addTouchpoint, initializeMap } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import { SCHEMA_VERSION, type PersonaId, type StageId } from '../../src/model'
import { TokenSigner } from '../auth/tokens'
import { createMapId } from '../mapIds'
import type { ShareLinks } from '../maps'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, TEST_SECRET, type TestServer } from '../testing/testServer'
import { compactMapLog } from './compaction'
import { loadsInPlace } from './fold'
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseMessage } from './protocol'

const servers: TestServer[] = []
const sockets: WebSocket[] = []
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

/**
 * A raw reader: every message the relay sends, in order, from the first byte on. Like
 * y-websocket's client, it asks for what it lacks the moment the socket opens.
 */
function reader(server: TestServer, mapId: string, token: string, params: Record<string, string>, doc = new Y.Doc()) {
  const kinds: string[] = []
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${mapId}?${new URLSearchParams({ token, ...params })}`)
  sockets.push(ws)
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      ws.send(encodeSyncStep1(Y.encodeStateVector(doc)))
      resolve()
    })
    ws.once('error', reject)
  })
  ws.on('message', (data: Buffer) => {
    const message = parseMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    kinds.push(message.type)
    if (message.type === 'sync-step-1') ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc, message.stateVector)))
    if (message.type === 'sync-step-2' || message.type === 'update') Y.applyUpdate(doc, message.update, 'relay')
  })
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay' && ws.readyState === WebSocket.OPEN) ws.send(encodeUpdate(update))
  })
  return { ws, doc, kinds, opened }
}

const titles = (doc: Y.Doc) =>
  Object.values(readSnapshot(doc).touchpoints)
    .map((t) => t.title)
    .sort()

const unloaded = (server: TestServer) => server.relay.rooms.loadedCount === 0 && server.relay.rooms.unloadingCount === 0

/** A map with cards, stored and then closed: its room unloaded and (`folded`) its log folded into one row. */
async function storedMap(server: TestServer, { folded = true } = {}): Promise<{ map: ShareLinks; titles: string[] }> {
  const map = await server.createMap({ title: 'Lagret kart 🗺️ æøå' })
  const editor = await SyncClient.connect(server.url, map.id, map.editorToken)
  await editor.synced
  const s = readSnapshot(editor.doc)
  const [stageId] = Object.keys(s.stages) as StageId[]
  const [personaId] = Object.keys(s.personas) as PersonaId[]
  for (let i = 0; i < 40; i++) addTouchpoint(editor.doc, { stageId, personaId, title: `Kontakt ${i} — kø ved kassen 😕` })
  await eventually(async () => (await server.store.loadUpdates(map.id)).seqs.length > 1, 5000, 'the cards stored')
  const expected = titles(editor.doc)
  await editor.close()
  await eventually(() => unloaded(server), 5000, 'the room unloaded')
  if (folded) await compactMapLog(server.store, map.id)
  expect((await server.store.loadUpdates(map.id)).updates.length === 1).toBe(folded)
  return { map, titles: expected }
}

describe('the stored map for a reader that holds none of it', () => {
  it('is sent before the room has loaded, once, and the reader ends with the whole map', async () => {
    const server = await startTestServer()
    servers.push(server)
    const { map, titles: expected } = await storedMap(server)
    const stored = (await server.store.loadUpdates(map.id)).updates[0]
    const bytesBefore = server.metrics.bytesOut.get()

    const fresh = reader(server, map.id, map.editorToken, { state: 'empty' })
    await fresh.opened
    await eventually(() => fresh.kinds.filter((k) => k === 'sync-step-2').length === 2, 5000, 'both answers')
    // The map came before the relay could ask anything: it was sent ahead of the room.
    expect(fresh.kinds[0]).toBe('sync-step-2')
    expect(fresh.kinds.indexOf('sync-step-1')).toBeGreaterThan(0)
    expect(titles(fresh.doc)).toEqual(expected)
    // Its own request for everything was answered with what the room holds beyond the stored map: nothing.
    expect(server.metrics.bytesOut.get() - bytesBefore).toBeLessThan(1.5 * stored.byteLength)

    // A stock client, which says nothing, is asked first and answered as always.
    await eventually(() => server.relay.rooms.loadedCount === 1, 5000, 'the room loaded')
    const stock = reader(server, map.id, map.editorToken, {})
    await stock.opened
    await eventually(() => titles(stock.doc).length === expected.length, 5000, 'the stock client synced')
    expect(stock.kinds[0]).toBe('sync-step-1')
  })

  it('is the stored state with the short tail after it judged and sent with the room\'s answer', async () => {
    const server = await startTestServer()
    servers.push(server)
    const { map, titles: expected } = await storedMap(server, { folded: false })
    const { updates } = await server.store.loadUpdates(map.id)
    expect(loadsInPlace(updates)).toBe(true) // the cards are rows after the creation state, left unfolded
    const fresh = reader(server, map.id, map.editorToken, { state: 'empty' })
    await fresh.opened
    await eventually(() => titles(fresh.doc).length === expected.length, 5000, 'the whole map')
    expect(fresh.kinds[0]).toBe('sync-step-2')
    expect(titles(fresh.doc)).toEqual(expected)
  })

  it("keeps what the reader sends before the room has loaded, and relays it once it has", async () => {
    const server = await startTestServer()
    servers.push(server)
    const { map } = await storedMap(server)
    const watcher = await SyncClient.connect(server.url, map.id, map.viewerToken)
    await watcher.synced
    await watcher.close()
    await eventually(() => unloaded(server), 5000, 'the room unloaded')

    const fresh = reader(server, map.id, map.editorToken, { state: 'empty' })
    await fresh.opened
    await eventually(() => fresh.kinds[0] === 'sync-step-2', 5000, 'the stored map')
    const s = readSnapshot(fresh.doc)
    addTouchpoint(fresh.doc, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Skrevet straks ✍️ øå' })
    const other = await SyncClient.connect(server.url, map.id, map.viewerToken)
    await other.synced
    await eventually(() => titles(other.doc).includes('Skrevet straks ✍️ øå'), 5000, 'the early edit relayed')
    await other.close()
  })

  it('also holds what the room adds on load (a stored v1 map is migrated), and content the reader did hold', async () => {
    const server = await startTestServer()
    servers.push(server)
    const v1 = new Y.Doc()
    initializeMap(v1, { title: 'Gammelt kart æøå', locale: 'da' })
    v1.getMap('meta').set('schemaVersion', 1)
    const mapId = createMapId()
    await server.store.createMap({ id: mapId, title: 'Gammelt kart æøå', createdAt: new Date().toISOString(), initialUpdate: Y.encodeStateAsUpdate(v1) })
    const editorToken = new TokenSigner(TEST_SECRET).sign({ mapId, role: 'editor', epoch: 1, issuedAt: Date.now() })

    // It says it holds nothing but made a card offline: the card lands, the map arrives migrated.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(v1))
    const s = readSnapshot(offline)
    addTouchpoint(offline, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Offline 🛫' })
    const fresh = reader(server, mapId, editorToken, { state: 'empty' }, offline)
    await fresh.opened
    await eventually(() => fresh.doc.getMap('meta').get('schemaVersion') === SCHEMA_VERSION, 5000, 'the migration')
    const other = await SyncClient.connect(server.url, mapId, editorToken)
    await other.synced
    await eventually(() => titles(other.doc).includes('Offline 🛫'), 5000, 'the offline card')
    expect(other.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
    await other.close()
  })
})
