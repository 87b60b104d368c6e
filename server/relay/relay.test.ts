/**
 * The relay over real sockets: clients converge through it, a stock y-websocket provider
 * interoperates, offline edits merge, rooms reload from storage identically, and a viewer's
 * edits go nowhere.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { addTouchpoint, updateTouchpoint } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { PersonaId, StageId } from '../../src/model'
import { randomEdit, seededRandom } from '../testing/randomEdits'
import { loadsInPlace } from './fold'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'

let server: TestServer
const clients: SyncClient[] = []
const providers: WebsocketProvider[] = []

beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  providers.splice(0).forEach((p) => p.destroy())
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server.dispose()
})

async function connect(mapId: string, token: string, doc?: Y.Doc): Promise<SyncClient> {
  const client = await SyncClient.connect(server.url, mapId, token, doc ? { doc } : {})
  clients.push(client)
  await client.synced
  return client
}

/** The snapshot as JSON with every object's keys sorted: Y.Map iteration order is not part of the content. */
const snapshotJson = (doc: Y.Doc) => JSON.stringify(sortKeys(readSnapshot(doc)))
const sortKeys = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]))
    : value
const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex')
/** Same state vectors first (cheap, while updates are still in flight), then same content. */
const allSame = (docs: Y.Doc[]) => docs.every((d) => stateVector(d) === stateVector(docs[0])) && docs.every((d) => snapshotJson(d) === snapshotJson(docs[0]))

/** Wait until no room is in memory or being written out. */
const roomsGone = () => eventually(() => server.relay.rooms.loadedCount === 0 && server.relay.rooms.unloadingCount === 0, 5000, 'the room unloaded')

/** Reload the map from storage alone: wait for the room to unload, then sync a fresh client. */
async function reloadFromStorage(mapId: string, token: string): Promise<Y.Doc> {
  await roomsGone()
  const fresh = await connect(mapId, token)
  return fresh.doc
}

describe('relay', () => {
  it.each([2, 10])('%i clients making random edits converge on one map', async (count) => {
    const map = await server.createMap({ title: 'Kunderejse æøå 🚗' })
    const peers = await Promise.all(Array.from({ length: count }, () => connect(map.id, map.editorToken)))
    expect(readSnapshot(peers[0].doc).meta.title).toBe('Kunderejse æøå 🚗')
    const random = seededRandom(count)
    for (let round = 0; round < 30; round++) {
      for (const peer of peers) randomEdit(peer.doc, random)
      if (round % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await eventually(() => allSame(peers.map((p) => p.doc)), 20_000, 'convergence')
    const final = snapshotJson(peers[0].doc)
    expect(Object.keys(readSnapshot(peers[0].doc).touchpoints).length).toBeGreaterThan(0)

    await Promise.all(clients.splice(0).map((c) => c.close()))
    expect(snapshotJson(await reloadFromStorage(map.id, map.viewerToken))).toBe(final)
  })

  it('interoperates with a stock y-websocket WebsocketProvider', async () => {
    const map = await server.createMap({ title: 'Stock provider' })
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, map.id, doc, {
      params: { token: map.editorToken },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true, // in Node, BroadcastChannel would let same-process providers bypass the relay
    })
    providers.push(provider)
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    const raw = await connect(map.id, map.editorToken)

    const snapshot = readSnapshot(doc)
    const stageId = Object.keys(snapshot.stages)[0] as StageId
    const personaId = Object.keys(snapshot.personas)[0] as PersonaId
    const card = addTouchpoint(doc, { stageId, personaId, title: 'Ringer værkstedet 📞' })
    await eventually(() => readSnapshot(raw.doc).touchpoints[card]?.title === 'Ringer værkstedet 📞', 5000, 'provider → raw client')
    updateTouchpoint(raw.doc, card, { title: 'Får svar ✅' })
    await eventually(() => readSnapshot(doc).touchpoints[card]?.title === 'Får svar ✅', 5000, 'raw client → provider')

    provider.awareness.setLocalStateField('user', { name: 'Åse', color: '#ff0000' })
    await eventually(() => [...raw.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Åse'), 5000, 'presence')
  })

  it('merges edits a client made offline with edits made meanwhile', async () => {
    const map = await server.createMap({ title: 'Offline' })
    const a = await connect(map.id, map.editorToken)
    const b = await connect(map.id, map.editorToken)
    const { stages, personas } = readSnapshot(a.doc)
    const stageId = Object.keys(stages)[0] as StageId
    const personaId = Object.keys(personas)[0] as PersonaId

    // a goes offline and keeps working
    await a.close()
    clients.splice(clients.indexOf(a), 1)
    const offlineCard = addTouchpoint(a.doc, { stageId, personaId, title: 'Skrevet offline 🛫' })
    const onlineCard = addTouchpoint(b.doc, { stageId, personaId, title: 'Skrevet online 🌐' })

    const back = await connect(map.id, map.editorToken, a.doc)
    await eventually(() => allSame([back.doc, b.doc]), 5000, 'merge after reconnect')
    const merged = readSnapshot(b.doc).touchpoints
    expect(merged[offlineCard]?.title).toBe('Skrevet offline 🛫')
    expect(merged[onlineCard]?.title).toBe('Skrevet online 🌐')
  })

  it('a room unloaded and reloaded from storage is identical, also after compaction', async () => {
    await server.dispose()
    server = await startTestServer({ compactEvery: 20 })
    const map = await server.createMap({ title: 'Reload' })
    const editor = await connect(map.id, map.editorToken)
    const random = seededRandom(7)
    for (let i = 0; i < 60; i++) randomEdit(editor.doc, random)
    await eventually(() => server.metrics.updatesStored.get() >= 30, 5000, 'writes')
    await eventually(() => server.metrics.compactions.get() > 0, 5000, 'a background compaction')
    const before = snapshotJson(editor.doc)
    await editor.close()
    clients.splice(0)
    const reloaded = await reloadFromStorage(map.id, map.editorToken)
    expect(snapshotJson(reloaded)).toBe(before)
    // the log was folded as it grew: a snapshot plus a tail short enough to load in place
    const { updates } = await server.store.loadUpdates(map.id)
    expect(loadsInPlace(updates)).toBe(true)
  })

  it('folds a long tail on unload, and leaves a short one to load in place', async () => {
    await server.dispose()
    server = await startTestServer({ compactEvery: 100_000 })
    const map = await server.createMap({ title: 'Hale 🦎 æøå' })
    const random = seededRandom(3)
    /** A session of `batches` updates, each `perBatch` random edits in one transaction. */
    const session = async (batches: number, perBatch: number) => {
      const editor = await connect(map.id, map.editorToken)
      for (let b = 0; b < batches; b++) {
        editor.doc.transact(() => {
          for (let i = 0; i < perBatch; i++) randomEdit(editor.doc, random)
        })
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      // Relayed only once stored: a second reader holding it all means every edit is stored.
      const watcher = await connect(map.id, map.viewerToken)
      await eventually(() => snapshotJson(watcher.doc) === snapshotJson(editor.doc), 5000, 'every edit stored')
      const state = snapshotJson(editor.doc)
      await Promise.all(clients.splice(0).map((c) => c.close()))
      await roomsGone()
      return state
    }
    // A short session leaves its rows as they are: the next load applies them on the stored state.
    const short = await session(20, 1)
    expect((await server.store.loadUpdates(map.id)).updates.length).toBeGreaterThan(1)
    expect(server.metrics.compactions.get()).toBe(0)
    const reopened = await connect(map.id, map.editorToken)
    expect(snapshotJson(reopened.doc)).toBe(short)
    await reopened.close()
    clients.splice(0)
    await roomsGone()
    // A long one is folded as the room unloads: one row.
    const long = await session(30, 30)
    expect((await server.store.loadUpdates(map.id)).updates).toHaveLength(1)
    expect(snapshotJson(await reloadFromStorage(map.id, map.editorToken))).toBe(long)
  })

  it('folds a busy log again only after it grew ten times over, or half a minute passed', async () => {
    await server.dispose()
    server = await startTestServer({ compactEvery: 10 })
    const map = await server.createMap({ title: 'Travl 🐝' })
    const editor = await connect(map.id, map.editorToken)
    const random = seededRandom(11)
    const stored = () => server.metrics.updatesStored.get()
    for (let i = 0; i < 15; i++) randomEdit(editor.doc, random)
    await eventually(() => server.metrics.compactions.get() === 1, 5000, 'the first fold')
    const afterFirst = stored()
    // Well past `compactEvery` rows again, within the half minute: no second fold yet…
    for (let i = 0; i < 40; i++) randomEdit(editor.doc, random)
    await eventually(() => stored() >= afterFirst + 40, 5000, 'the rows stored')
    expect(server.metrics.compactions.get()).toBe(1)
    // …until the log is ten times `compactEvery`.
    for (let i = 0; i < 70; i++) randomEdit(editor.doc, random)
    await eventually(() => server.metrics.compactions.get() === 2, 5000, 'the second fold')
    const before = snapshotJson(editor.doc)
    await editor.close()
    clients.splice(0)
    expect(snapshotJson(await reloadFromStorage(map.id, map.editorToken))).toBe(before)
  })

  it("never applies nor relays a viewer's edits", async () => {
    const map = await server.createMap({ title: 'Read only' })
    const editor = await connect(map.id, map.editorToken)
    const viewer = await connect(map.id, map.viewerToken)
    const stored = async () => JSON.stringify((await server.store.loadUpdates(map.id)).updates.map((u) => Buffer.from(u).toString('hex')))
    const storedBefore = await stored()
    const { stages, personas } = readSnapshot(viewer.doc)
    const sneaky = addTouchpoint(viewer.doc, { stageId: Object.keys(stages)[0] as StageId, personaId: Object.keys(personas)[0] as PersonaId, title: 'Viewer was here' })

    await eventually(() => server.metrics.rejected.get({ reason: 'viewer_write' }) >= 1, 5000, 'rejection counted')
    // the viewer still receives others' edits
    const { stages: s2, personas: p2 } = readSnapshot(editor.doc)
    const legit = addTouchpoint(editor.doc, { stageId: Object.keys(s2)[0] as StageId, personaId: Object.keys(p2)[0] as PersonaId, title: 'Editor card' })
    await eventually(() => readSnapshot(viewer.doc).touchpoints[legit] !== undefined, 5000, 'viewer receives edits')
    expect(readSnapshot(editor.doc).touchpoints[sneaky]).toBeUndefined()
    expect(viewer.ws.readyState).toBe(WebSocket.OPEN)

    // a viewer reconnecting with its local edit (sync step 2) is refused too
    await viewer.close()
    clients.splice(clients.indexOf(viewer), 1)
    const again = await connect(map.id, map.viewerToken, viewer.doc)
    again.sendRaw(new Uint8Array([0, 1, ...encodeVarBytes(Y.encodeStateAsUpdate(again.doc))]))
    await eventually(() => server.metrics.rejected.get({ reason: 'viewer_write' }) >= 2, 5000, 'second rejection')

    await Promise.all(clients.splice(0).map((c) => c.close()))
    const reloaded = await reloadFromStorage(map.id, map.editorToken)
    expect(readSnapshot(reloaded).touchpoints[sneaky]).toBeUndefined()
    expect(readSnapshot(reloaded).touchpoints[legit]?.title).toBe('Editor card')
    expect(await stored()).not.toBe(storedBefore) // the editor's card was stored…
    expect(await stored()).not.toContain(Buffer.from('Viewer was here').toString('hex')) // …the viewer's never
  })

  it('lets a connection set presence only for its own client id', async () => {
    const map = await server.createMap({ title: 'Presence' })
    const honest = await connect(map.id, map.editorToken)
    const spoofer = await connect(map.id, map.editorToken)
    const watcher = await connect(map.id, map.viewerToken)
    honest.setPresence({ name: 'Honest Åse' })
    spoofer.setPresence({ name: 'Spoofer' })
    await eventually(() => watcher.awareness.getStates().size === 2, 5000, 'both present')

    // the spoofer now claims to be the honest client
    const fake = new Y.Doc()
    fake.clientID = honest.doc.clientID
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness')
    const forged = new Awareness(fake)
    forged.setLocalState({ name: 'Not Åse' })
    ;(forged.meta.get(fake.clientID) as { clock: number }).clock = 1000
    spoofer.sendRaw(new Uint8Array([1, ...encodeVarBytes(encodeAwarenessUpdate(forged, [fake.clientID]))]))
    forged.destroy()

    await eventually(() => server.metrics.rejected.get({ reason: 'awareness_spoof' }) >= 1, 5000, 'spoof counted')
    expect(watcher.awareness.getStates().get(honest.doc.clientID)?.name).toBe('Honest Åse')
    // leaving removes the leaver's presence for everyone
    await honest.close()
    clients.splice(clients.indexOf(honest), 1)
    await eventually(() => !watcher.awareness.getStates().has(honest.doc.clientID), 5000, 'presence removed')
  })
})

/** varUint length prefix + bytes, as lib0 writes a Uint8Array. */
function encodeVarBytes(bytes: Uint8Array): number[] {
  const out: number[] = []
  let n = bytes.length
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80)
    n >>>= 7
  }
  out.push(n)
  return [...out, ...bytes]
}
