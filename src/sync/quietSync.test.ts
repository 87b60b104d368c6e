/**
 * A large map from the real relay, over a real socket, into a stock WebsocketProvider: the
 * document holds all of it, the local store is handed it once, and a colleague's small edit
 * still reaches every listener as usual.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { updateTouchpoint } from '../commands'
import { readSnapshot, writeSnapshot } from '../doc'
import { toJourneyJson, type TouchpointId } from '../model'
import { buildSyntheticMap } from '../test/maps'
import { SyncClient } from '../../server/testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../../server/testing/testServer'
import { applyLargeUpdatesQuietly } from './quietSync'

let server: TestServer
const cleanups: (() => unknown)[] = []
beforeAll(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => server.dispose())

it('a large map from the relay is applied whole and kept locally as it came; small edits still reach every listener', async () => {
  const map = buildSyntheticMap({ touchpoints: 200, stages: 10, personas: 3, annotationsPerCard: 3 })
  const res = await fetch(`${server.url}/api/maps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toJourneyJson(map)) })
  const created = (await res.json()) as { id: string; editorToken: string }

  const doc = new Y.Doc()
  const kept: Uint8Array[] = []
  const heard: unknown[] = []
  doc.on('update', (_u: Uint8Array, origin: unknown) => heard.push(origin))
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, created.id, doc, {
    params: { token: created.editorToken },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  })
  const unwrap = applyLargeUpdatesQuietly(provider, doc, (update) => kept.push(update))
  cleanups.push(() => (unwrap(), provider.destroy()))
  await eventually(() => provider.synced, 15_000, 'the first sync')

  // The whole map is in the document, and what was kept rebuilds it.
  const expected = new Y.Doc()
  writeSnapshot(expected, map)
  expect(readSnapshot(doc).touchpoints).toEqual(readSnapshot(expected).touchpoints)
  expect(kept).toHaveLength(1)
  expect(kept[0].byteLength).toBeGreaterThan(64 * 1024)
  const restored = new Y.Doc()
  Y.applyUpdate(restored, kept[0])
  expect(readSnapshot(restored).touchpoints).toEqual(readSnapshot(doc).touchpoints)
  expect(heard).not.toContain(provider)

  // A colleague's small edit goes the stock way: every `update` listener hears it.
  const colleague = await SyncClient.connect(server.url, created.id, created.editorToken)
  cleanups.push(() => colleague.close())
  await colleague.synced
  const id = Object.keys(readSnapshot(colleague.doc).touchpoints)[0] as TouchpointId
  updateTouchpoint(colleague.doc, id, { title: 'Kø ved skranken 😤' })
  await eventually(() => readSnapshot(doc).touchpoints[id]?.title === 'Kø ved skranken 😤', 15_000, 'the colleague’s edit')
  expect(heard).toContain(provider)
  expect(kept).toHaveLength(1)
})
