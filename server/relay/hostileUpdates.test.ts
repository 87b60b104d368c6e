/**
 * Random and mutated updates from an editor, over real sockets: whatever arrives, the relay keeps
 * answering, a refused update is never stored, the other participant never notices, and the map
 * still loads after a restart on the same data.
 */
import fs from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSnapshot } from '../../src/doc'
import type { ShareLinks } from '../maps'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'
import { encodeSyncStep1, encodeUpdate } from './protocol'

let server: TestServer
let map: ShareLinks
let bystander: SyncClient

beforeAll(async () => {
  // Hostile content is what is tested here, not rates: the properties reconnect many times.
  const unlimited = { perSecond: 100_000, burst: 100_000 }
  server = await startTestServer({ limits: { updates: unlimited, updateBytes: { perSecond: 1e9, burst: 1e9 }, reconnects: unlimited, linkReconnects: unlimited, syncRequests: unlimited } })
  map = await server.createMap({ title: 'Fiendtlig 🦹 æøå' })
  bystander = await SyncClient.connect(server.url, map.id, map.editorToken)
  await bystander.synced
})
afterAll(async () => {
  await bystander.close()
  await server.dispose()
  fs.rmSync(server.dataDir, { recursive: true, force: true })
})

/** An edit a hostile client might build on the map: fitting the schema or not. */
const arbitraryEdit = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), collection: fc.constantFrom('touchpoints', 'stages', 'personas', 'links', 'nowhere'), id: fc.constantFrom('touchpoint:a', 'stage:b', 'persona:c', 'link:d', 'x'), field: fc.constantFrom('title', 'name', 'emotion', 'order', 'label', 'phase', 'bogus'), value: fc.oneof(fc.string({ maxLength: 30 }), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null), fc.constant('during')) }),
  fc.record({ kind: fc.constant('meta' as const), field: fc.constantFrom('title', 'locale', 'schemaVersion', 'x'), value: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()) }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('workshop' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('text' as const), value: fc.string({ maxLength: 10 }) }),
  fc.record({ kind: fc.constant('delete' as const), collection: fc.constantFrom('stages', 'personas', 'meta') }),
)

function build(base: Y.Doc, edit: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const e = edit as Record<string, never>
  doc.transact(() => {
    if (e.kind === 'field') {
      const collection = doc.getMap<Y.Map<unknown>>(e.collection)
      const record = collection.get(e.id) ?? new Y.Map<unknown>()
      if (!collection.has(e.id)) collection.set(e.id, record)
      record.set(e.field, e.value)
    } else if (e.kind === 'meta') doc.getMap('meta').set(e.field, e.value)
    else if (e.kind === 'nest') {
      let m = doc.getMap('personas').get([...doc.getMap('personas').keys()][0] ?? 'persona:none') as Y.Map<unknown> | undefined
      if (!m) return
      for (let i = 0; i < (e.depth as number); i++) {
        const next = new Y.Map<unknown>()
        m.set('description', next)
        m = next
      }
    } else if (e.kind === 'workshop') doc.getMap('workshop').set('locked', e.value)
    else if (e.kind === 'text') doc.getText('meta').insert(0, e.value)
    else if (e.kind === 'delete') {
      const target = doc.getMap(e.collection)
      const key = [...target.keys()][0]
      if (key) target.delete(key)
    }
  })
  return Y.encodeStateAsUpdate(doc, before)
}

/** Flip, cut or pad a few bytes of an update. */
const arbitraryMutation = fc.oneof(
  fc.record({ kind: fc.constant('none' as const) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('pad' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
)

function mutate(update: Uint8Array, m: { kind: string; at?: number; byte?: number; bytes?: Uint8Array }): Uint8Array {
  if (m.kind === 'flip' && update.length) {
    const copy = update.slice()
    copy[m.at! % copy.length] = m.byte!
    return copy
  }
  if (m.kind === 'cut') return update.subarray(0, m.at! % (update.length + 1))
  if (m.kind === 'pad') return new Uint8Array([...update, ...m.bytes!])
  return update
}

async function storedRows(): Promise<number> {
  return (await server.store.loadUpdates(map.id)).updates.length
}

describe('hostile updates', () => {
  it('never crash the relay, are never stored when refused, and never stop the map from loading', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryEdit, arbitraryMutation, async (edit, mutation) => {
        const client = await SyncClient.connect(server.url, map.id, map.editorToken)
        await client.synced
        const rows = await storedRows()
        const update = mutate(build(client.doc, edit), mutation)
        client.sendRaw(encodeUpdate(update))
        // A probe on the same socket (sync step 1): answered in order, unless the relay closed the connection.
        const replies = client.syncReplies
        client.sendRaw(encodeSyncStep1(Y.encodeStateVector(client.doc)))
        const answered = new Promise<'open'>((resolve) => {
          const check = () => (client.syncReplies > replies ? resolve('open') : setTimeout(check, 2))
          check()
        })
        const outcome = await Promise.race([client.closed.then((c) => c.code), answered])
        if (outcome !== 'open') {
          expect([4400, 4413, 4422, 4423]).toContain(outcome)
          expect(await storedRows()).toBe(rows) // refused: nothing stored
        }
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
        expect(bystander.ws.readyState).toBe(bystander.ws.OPEN)
        await client.close()
      }),
      { numRuns: 120, seed: 1129 },
    )
    // The map loads from storage in a fresh relay, whatever got in.
    await server.close()
    const again = await startTestServer({ dataDir: server.dataDir })
    try {
      const res = await fetch(`${again.url}/api/maps/${map.id}/export.json?token=${map.viewerToken}`)
      expect(res.status).toBe(200)
      const reader = await SyncClient.connect(again.url, map.id, map.viewerToken)
      await reader.synced
      expect(typeof readSnapshot(reader.doc).meta.title).toBe('string')
      await eventually(() => reader.ws.readyState === reader.ws.OPEN)
      await reader.close()
    } finally {
      await again.close()
      server = await startTestServer({ dataDir: server.dataDir })
    }
  }, 120_000)
})
