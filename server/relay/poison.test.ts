/**
 * A map always loads. An update that would poison it (Y.Maps nested thousands deep) is refused
 * before it is applied or stored, and the map survives kill -9 and a restart; a map poisoned in
 * storage before the relay checked (or by hand) loads without the bad row, which is kept in
 * quarantine for an operator; bytes that are no Yjs update at all are set aside the same way.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSnapshot } from '../../src/doc'
import type { ShareLinks } from '../maps'
import { spawnServer, type ServerProcess } from '../testing/serverProcess'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, tempDataDir, type TestServer } from '../testing/testServer'
import { CLOSE_CODES } from './protocol'
import { replayStoredRows } from './replay'

const running: ServerProcess[] = []
const servers: TestServer[] = []
const clients: SyncClient[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  for (const p of running.splice(0)) p.child.kill('SIGKILL')
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** What a hostile editor sends: `depth` Y.Maps nested inside `meta`, on top of the map's state. */
function deepNesting(base: Y.Doc, depth: number): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  doc.transact(() => {
    let m = doc.getMap('meta')
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>()
      m.set('x', next)
      m = next
    }
  })
  return Y.encodeStateAsUpdate(doc, before)
}

async function exportStatus(url: string, map: ShareLinks): Promise<{ status: number; title?: string }> {
  const res = await fetch(`${url}/api/maps/${map.id}/export.json?token=${map.viewerToken}`)
  return { status: res.status, title: res.ok ? ((await res.json()) as { meta: { title: string } }).meta.title : undefined }
}

describe('a map always loads', () => {
  it('refuses a deep-nesting update from an editor, and the map loads after kill -9 and a restart', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const first = await spawnServer({ dataDir })
    running.push(first)
    const map = (await (await fetch(`${first.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title: 'Forgiftet? Nei 🧪' }) })).json()) as ShareLinks
    const attacker = await SyncClient.connect(first.url, map.id, map.editorToken)
    clients.push(attacker)
    await attacker.synced
    const bystander = await SyncClient.connect(first.url, map.id, map.editorToken)
    clients.push(bystander)
    await bystander.synced

    const poison = deepNesting(attacker.doc, 3000)
    expect(poison.byteLength).toBeGreaterThan(10_000)
    attacker.sendRaw(encodeUpdateMessage(poison))
    const closed = await attacker.closed
    expect(closed.code).toBe(CLOSE_CODES.schemaViolation)
    const metrics = await (await fetch(`${first.url}/metrics`)).text()
    expect(metrics).toMatch(/relay_rejected_total\{reason="schema"\} 1/)
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN) // nobody else noticed
    expect(await exportStatus(first.url, map)).toEqual({ status: 200, title: 'Forgiftet? Nei 🧪' })

    first.child.kill('SIGKILL')
    await first.exited
    const second = await spawnServer({ dataDir })
    running.push(second)
    expect(await exportStatus(second.url, map)).toEqual({ status: 200, title: 'Forgiftet? Nei 🧪' })
    const reader = await SyncClient.connect(second.url, map.id, map.viewerToken)
    clients.push(reader)
    await reader.synced
    expect(readSnapshot(reader.doc).meta.title).toBe('Forgiftet? Nei 🧪')
    expect(reader.doc.getMap('meta').get('x')).toBeUndefined()
  })

  it('loads a map poisoned in storage without the bad rows, and keeps them in quarantine', async () => {
    const server = await startTestServer()
    servers.push(server)
    const map = await server.createMap({ title: 'Lagret gift ☠️' })
    const base = new Y.Doc()
    for (const update of (await server.store.loadUpdates(map.id)).updates) Y.applyUpdate(base, update)
    await server.store.appendUpdate(map.id, deepNesting(base, 3000))
    await server.store.appendUpdate(map.id, new Uint8Array([0xff, 0xfe, 0x01, 0x02, 0x03])) // not an update at all
    // A good edit stored after the bad ones still counts.
    const good = new Y.Doc()
    Y.applyUpdate(good, Y.encodeStateAsUpdate(base))
    const before = Y.encodeStateVector(good)
    good.getMap('meta').set('description', 'Fortsatt her ✓')
    await server.store.appendUpdate(map.id, Y.encodeStateAsUpdate(good, before))

    expect(await exportStatus(server.url, map)).toEqual({ status: 200, title: 'Lagret gift ☠️' })
    const reader = await SyncClient.connect(server.url, map.id, map.viewerToken)
    clients.push(reader)
    await reader.synced
    expect(readSnapshot(reader.doc).meta.description).toBe('Fortsatt her ✓')
    expect(reader.doc.getMap('meta').get('x')).toBeUndefined()
    const quarantined = await server.store.listQuarantined(map.id)
    expect(quarantined.map((q) => q.reason.split(':')[0])).toEqual(['schema', 'apply'])
    // What stays in the log replays cleanly (the room may have folded it into a snapshot meanwhile).
    const { updates, seqs } = await server.store.loadUpdates(map.id)
    expect(replayStoredRows(new Y.Doc(), updates, seqs)).toEqual([])
  })
})

describe("a room's fold", () => {
  it('still judges a row the room did not store itself: one written behind its back is quarantined, its own edits are kept', async () => {
    const server = await startTestServer({ compactEvery: 10 })
    servers.push(server)
    const map = await server.createMap({ title: 'Bak ryggen 🕵️' })
    const editor = await SyncClient.connect(server.url, map.id, map.editorToken)
    clients.push(editor)
    await editor.synced
    const comment = (i: number) => editor.doc.getMap('comments').set(`comment:fold${i}`, new Y.Map([['text', `Kø ved kassen ${i} — æøå 😕`]]))
    for (let i = 0; i < 3; i++) comment(i)
    await eventually(async () => (await server.store.loadUpdates(map.id)).updates.length >= 4, 5000, 'the editor\'s rows stored')
    // While the room is open, a row that breaks the schema lands in storage without passing it.
    await server.store.appendUpdate(map.id, deepNesting(editor.doc, 5))
    for (let i = 3; i < 20; i++) comment(i)
    await eventually(() => server.metrics.compactions.get() > 0, 5000, 'a fold of the log')
    await eventually(async () => (await server.store.listQuarantined(map.id)).length > 0, 5000, 'the bad row quarantined')
    expect((await server.store.listQuarantined(map.id))[0].reason).toMatch(/^schema/)
    await editor.close()
    clients.splice(0)
    await eventually(() => server.relay.rooms.loadedCount === 0 && server.relay.rooms.unloadingCount === 0, 5000, 'the room unloaded')
    const stored = new Y.Doc()
    const { updates, seqs } = await server.store.loadUpdates(map.id)
    expect(replayStoredRows(stored, updates, seqs)).toEqual([])
    expect(Object.keys(stored.getMap('comments').toJSON())).toHaveLength(20)
    expect(stored.getMap('meta').get('x')).toBeUndefined()
  })
})

function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  // y-websocket: messageSync (0), messageYjsUpdate (2), then the update as a var-length byte array.
  const header = [0, 2]
  let n = update.byteLength
  const length: number[] = []
  while (n > 127) {
    length.push((n & 127) | 128)
    n >>>= 7
  }
  length.push(n)
  return new Uint8Array([...header, ...length, ...update])
}
