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
import { inParts } from './inParts'

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

it('a large map arrives in two parts: the first drawn at once, the rest after the paint, with what the relay sent meanwhile applied after it', async () => {
  const map = buildSyntheticMap({ touchpoints: 1000, stages: 10, personas: 3, annotationsPerCard: 3 })
  const res = await fetch(`${server.url}/api/maps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toJourneyJson(map)) })
  const created = (await res.json()) as { id: string; editorToken: string }

  const doc = new Y.Doc()
  const kept: Uint8Array[] = []
  doc.on('update', () => undefined) // the local store's listener, as in the app
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, created.id, doc, {
    params: { token: created.editorToken },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  })
  const arriving: boolean[] = []
  let paint: (() => void) | null = null
  const unwrap = applyLargeUpdatesQuietly(
    provider,
    doc,
    (update) => kept.push(update),
    () => inParts({ first: 5000, afterPaint: (next) => (paint = next), arriving: (value) => arriving.push(value) }),
  )
  cleanups.push(() => (unwrap(), provider.destroy()))
  await eventually(() => paint !== null, 15_000, 'the first part')

  // The first part is in: some of the cards, whole; not yet synced, nothing kept yet.
  const first = readSnapshot(doc).touchpoints
  const count = Object.keys(first).length
  expect(count).toBeGreaterThan(50)
  expect(count).toBeLessThan(1000)
  expect(arriving).toEqual([true])
  expect(provider.synced).toBe(false)
  expect(kept).toHaveLength(0)

  // A colleague edits a card we have meanwhile; a bystander sees it, so the relay has sent it to us too.
  const colleague = await SyncClient.connect(server.url, created.id, created.editorToken)
  const bystander = await SyncClient.connect(server.url, created.id, created.editorToken)
  cleanups.push(() => colleague.close(), () => bystander.close())
  await Promise.all([colleague.synced, bystander.synced])
  const id = Object.keys(first)[0] as TouchpointId
  updateTouchpoint(colleague.doc, id, { title: 'Kø ved skranken 😤' })
  await eventually(() => readSnapshot(bystander.doc).touchpoints[id]?.title === 'Kø ved skranken 😤', 15_000, 'the edit at the bystander')
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(readSnapshot(doc).touchpoints[id]?.title).not.toBe('Kø ved skranken 😤')

  // Painted: the rest, then what waited.
  paint!()
  expect(arriving).toEqual([true, false])
  expect(provider.synced).toBe(true)
  const expected = new Y.Doc()
  writeSnapshot(expected, map)
  const whole = readSnapshot(doc).touchpoints
  expect(Object.keys(whole)).toHaveLength(1000)
  expect(whole[id].title).toBe('Kø ved skranken 😤')
  expect({ ...whole, [id]: readSnapshot(expected).touchpoints[id] }).toEqual(readSnapshot(expected).touchpoints)
  expect(kept).toHaveLength(1)

  // The socket carries our edits as before.
  const other = Object.keys(whole).at(-1) as TouchpointId
  updateTouchpoint(doc, other, { title: 'Blåbær på æblet, søster' })
  await eventually(() => readSnapshot(colleague.doc).touchpoints[other]?.title === 'Blåbær på æblet, søster', 15_000, 'our edit at the colleague')
})

it('a large map that comes before the code that cuts it waits for that code, then arrives in two parts; without it, whole', async () => {
  const map = buildSyntheticMap({ touchpoints: 1000, stages: 10, personas: 3, annotationsPerCard: 3 })
  const res = await fetch(`${server.url}/api/maps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toJourneyJson(map)) })
  const created = (await res.json()) as { id: string; editorToken: string }

  const open = (factory: () => ReturnType<typeof inParts> | Promise<unknown>) => {
    const doc = new Y.Doc()
    doc.on('update', () => undefined)
    const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, created.id, doc, { params: { token: created.editorToken }, WebSocketPolyfill: WebSocket as never, disableBc: true })
    const unwrap = applyLargeUpdatesQuietly(provider, doc, () => undefined, factory)
    cleanups.push(() => (unwrap(), provider.destroy()))
    return { doc, provider }
  }

  let loaded: (value: unknown) => void = () => undefined
  const loading = new Promise((resolve) => (loaded = resolve))
  let here = false
  let paint: (() => void) | null = null
  let asked = 0
  const { doc, provider } = open(() => (asked++, here ? inParts({ first: 5000, afterPaint: (next) => (paint = next), arriving: () => undefined }) : loading))
  // The map has come when the code that cuts it is asked for.
  await eventually(() => asked > 0, 15_000, 'the map')
  // The map came and waits: nothing applied, not synced.
  expect(Object.keys(readSnapshot(doc).touchpoints)).toHaveLength(0)
  expect(provider.synced).toBe(false)
  here = true
  loaded(true)
  await eventually(() => paint !== null, 15_000, 'the first part')
  expect(Object.keys(readSnapshot(doc).touchpoints).length).toBeLessThan(1000)
  paint!()
  expect(Object.keys(readSnapshot(doc).touchpoints)).toHaveLength(1000)
  expect(provider.synced).toBe(true)

  // The code cannot be had: the map is applied whole once that is known.
  const other = open(() => Promise.resolve(null))
  await eventually(() => other.provider.synced, 15_000, 'the map applied whole')
  expect(Object.keys(readSnapshot(other.doc).touchpoints)).toHaveLength(1000)
})
