/**
 * Offline work lands: an editor with a stock y-websocket provider makes 1,000 cards offline
 * (about 17,000 new structs, far over the 3,000 one live message may bring) and reconnects; the
 * relay takes its answer to the sync step 1 whole, judged and applied in slices, while a
 * bystander editing in another room keeps answering (a bound only a stall breaks; the goal is in
 * bench/). A live message of the same size is still refused. 7,000 cards (3 MB) are more than one
 * live message holds, and land too (see offlineAnswers.ts), judged like any other write and
 * charged to the sender's offline allowance.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { ShareLinks } from '../maps'
import { startLatencyProbe } from '../testing/latencyProbe'
import { makeCards } from '../testing/offlineCards'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'
import { CLOSE_CODES, encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseMessage } from './protocol'
import { MAX_NEW_STRUCTS } from './writePolicy'

let server: TestServer
let links: ShareLinks
const providers: WebsocketProvider[] = []
const clients: SyncClient[] = []

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<void> {
  server = await startTestServer(options)
  links = await server.createMap({ title: 'Frakoblet arbeid ✈️ æøå' })
}

beforeEach(async (context) => {
  // A test that needs its own limits starts its own server.
  if (!context.task.name.includes('(own limits)')) await start()
})
afterEach(async () => {
  for (const p of providers.splice(0)) {
    p.destroy()
    p.awareness.destroy()
  }
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server?.dispose()
})

async function stockEditor(doc: Y.Doc): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, links.id, doc, {
    params: { token: links.editorToken },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 50,
  })
  providers.push(provider)
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return provider
}

/** The close codes a provider's sockets get, in order. */
function closesOf(provider: WebsocketProvider): number[] {
  const closes: number[] = []
  provider.on('connection-close', (event) => void (event && closes.push(event.code)))
  return closes
}

/** A viewer of the test's map, synced. */
async function watchMap(): Promise<SyncClient> {
  const watcher = await SyncClient.connect(server.url, links.id, links.viewerToken)
  clients.push(watcher)
  await watcher.synced
  return watcher
}

/** A bystander editing in another room the whole time, timed by a colleague there. */
async function bystanderProbe(): Promise<ReturnType<typeof startLatencyProbe>> {
  const other = await server.createMap({ title: 'Et annet rom 🏠' })
  const writer = await SyncClient.connect(server.url, other.id, other.editorToken)
  const reader = await SyncClient.connect(server.url, other.id, other.editorToken)
  clients.push(writer, reader)
  await Promise.all([writer.synced, reader.synced])
  const probe = startLatencyProbe(writer, reader, 20)
  await new Promise((resolve) => setTimeout(resolve, 200))
  return probe
}

/** The bytes a reconnecting stock client sends in its answer: what the relay lacks of `doc`. */
const answerBytes = (doc: Y.Doc, relay: Y.Doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(relay)).byteLength

const p99 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]

describe('offline work', () => {
  it('1,000 cards made offline land on reconnect, and a bystander in another room keeps answering', async () => {
    const doc = new Y.Doc()
    const provider = await stockEditor(doc)
    const closes = closesOf(provider)
    provider.disconnect()
    makeCards(doc, 1000)

    const probe = await bystanderProbe()

    provider.connect()
    const watcher = await SyncClient.connect(server.url, links.id, links.viewerToken)
    clients.push(watcher)
    await eventually(() => watcher.doc.getMap('touchpoints').size === 1000, 20_000, 'the 1,000 cards to land')
    const latencies = await probe.stop()
    expect(closes).toEqual([])
    expect(server.metrics.rejected.get({ reason: 'too_large' })).toBe(0)
    // A bound only a stall breaks: the goal (50 ms) is in bench/.
    expect(p99(latencies)).toBeLessThan(1000)
  })

  it('still refuses a live message with more new changes than one edit may bring', async () => {
    const editor = await SyncClient.connect(server.url, links.id, links.editorToken)
    clients.push(editor)
    await editor.synced
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(editor.doc))
    const before = Y.encodeStateVector(offline)
    makeCards(offline, Math.ceil(MAX_NEW_STRUCTS / 10))
    editor.sendRaw(encodeUpdate(Y.encodeStateAsUpdate(offline, before)))
    expect((await editor.closed).code).toBe(CLOSE_CODES.tooLarge)
  })

  it('lands offline work larger than one live message (7,000 cards) on reconnect, while a bystander in another room keeps answering', async () => {
    const doc = new Y.Doc()
    const provider = await stockEditor(doc)
    const closes = closesOf(provider)
    const watcher = await watchMap()
    provider.disconnect()
    makeCards(doc, 7000)
    const bytes = answerBytes(doc, watcher.doc)
    expect(bytes).toBeGreaterThan(server.config.limits.maxMessageBytes)

    const probe = await bystanderProbe()

    const started = performance.now()
    provider.connect()
    await eventually(() => watcher.doc.getMap('touchpoints').size === 7000 || closes.length > 0, 60_000, 'the 7,000 cards to land')
    const landedMs = performance.now() - started
    const latencies = await probe.stop()
    console.log(`offline work of ${(bytes / 1024 / 1024).toFixed(1)} MB landed in ${landedMs.toFixed(0)} ms; bystander p99 ${p99(latencies).toFixed(0)} ms (${latencies.length} edits)`)
    expect(closes).toEqual([])
    expect(watcher.doc.getMap('touchpoints').size).toBe(7000)
    // A bound only a stall breaks. The stock provider encodes and sends its 3 MB answer in this
    // process, on the event loop that also runs the probe and the relay, and other test files run
    // beside it: 184–470 ms was seen at a load average of 8–13, so a second would flake; the relay
    // applying the whole answer in one go holds everything for seconds. The goal, 50 ms, is in
    // bench/hostile.bench.ts, with the relay in its own process.
    expect(p99(latencies)).toBeLessThan(2000)
    // The window closed with the answer: the receive room is free again.
    expect(server.metrics.render()).toMatch(/^relay_offline_receive_bytes 0$/m)
  })

  it('judges a large answer like any other: a schema violation in it closes the sender with 4422', async () => {
    const doc = new Y.Doc()
    const provider = await stockEditor(doc)
    const closes = closesOf(provider)
    provider.disconnect()
    makeCards(doc, 7000)
    const touchpoints = doc.getMap('touchpoints')
    const last = [...touchpoints.values()].at(-1) as Y.Map<unknown>
    last.set('notAField', 'smuglet ✈️')
    provider.connect()
    await eventually(() => closes.length > 0, 60_000, 'the sender to be closed')
    expect(closes[0]).toBe(CLOSE_CODES.schemaViolation)
  })

  it('charges large answers to an allowance: reconnecting does not push another at once (own limits)', async () => {
    // A small live cap, so a few hundred cards are more than one live message.
    const maxMessageBytes = 128 * 1024
    await start({ limits: { maxMessageBytes, maxOfflineMessageBytes: 512 * 1024, offlineBytes: { perSecond: 1, burst: 512 * 1024 } } })
    const doc = new Y.Doc()
    const provider = await stockEditor(doc)
    const closes = closesOf(provider)
    const watcher = await watchMap()

    // The relay sees each socket gone before the editor reconnects: it then takes back the same
    // limits (a reconnect racing its own close is given a place, and limits, of its own).
    const gone = () => eventually(() => server.relay.connectionCount === 1, 5000, 'the relay to see the editor gone')
    provider.disconnect()
    await gone()
    makeCards(doc, 1000)
    expect(answerBytes(doc, watcher.doc)).toBeGreaterThan(maxMessageBytes * 3)
    provider.connect()
    await eventually(() => watcher.doc.getMap('touchpoints').size === 1000 || closes.length > 0, 20_000, 'the first 1,000 cards to land')
    expect(closes).toEqual([])

    // What is left of the allowance is less than another answer over the live cap.
    provider.disconnect()
    await gone()
    makeCards(doc, 600)
    expect(answerBytes(doc, watcher.doc)).toBeGreaterThan(maxMessageBytes)
    provider.connect()
    await eventually(() => closes.length > 0, 20_000, 'the second answer to be refused')
    expect(closes[0]).toBe(CLOSE_CODES.tooBig)
    expect(watcher.doc.getMap('touchpoints').size).toBe(1000)
  })

  it('answers a sync request sent right after a large answer once that answer has landed', async () => {
    const before = await SyncClient.connect(server.url, links.id, links.editorToken)
    clients.push(before)
    await before.synced
    await before.close()
    const base = Y.encodeStateAsUpdate(before.doc)
    const baseVector = Y.encodeStateVector(before.doc)
    makeCards(before.doc, 1000)
    // As the app's sync tracker does: answer the relay's sync step 1, then ask what the relay holds beyond the old state.
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${links.id}?token=${links.editorToken}`)
    ws.on('error', () => {})
    const reply = new Promise<Uint8Array>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const message = parseMessage(new Uint8Array(data))
        if (message.type === 'sync-step-1') {
          ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(before.doc, message.stateVector)))
          ws.send(encodeSyncStep1(baseVector))
        } else if (message.type === 'sync-step-2') resolve(message.update)
      }),
    )
    const seen = new Y.Doc()
    Y.applyUpdate(seen, base)
    Y.applyUpdate(seen, await reply)
    ws.close()
    expect(seen.getMap('touchpoints').size).toBe(1000)
  })
})
