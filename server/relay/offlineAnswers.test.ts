/**
 * The window in which the answer to the relay's sync step 1 may be larger than a live message:
 * `setReceiveLimit` still reaches `ws`'s receiver, only the answer gets the wider limit, only an
 * editor gets it, and the process's budget holds one window per person.
 */
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { configFromEnv, DEFAULT_LIMITS } from '../config'
import type { ShareLinks } from '../maps'
import { startTestServer, type TestServer } from '../testing/testServer'
import { OfflineReceiveBudget, setReceiveLimit } from './offlineAnswers'
import { CLOSE_CODES, encodeSyncStep2, encodeUpdate, parseMessage } from './protocol'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean()
})

/** What a socket's peer gets: each message's length, or the close code. */
function watch(ws: WebSocket): { lengths: number[]; closed: Promise<number> } {
  const lengths: number[] = []
  ws.on('message', (data: Buffer) => lengths.push(data.byteLength))
  ws.on('error', () => {})
  return { lengths, closed: new Promise((resolve) => ws.on('close', (code) => resolve(code))) }
}

describe('setReceiveLimit', () => {
  it("changes one socket's limit in the ws receiver: a message the server-wide limit refuses then arrives", async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 1024 })
    await new Promise((resolve) => wss.once('listening', resolve))
    cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())))
    const accepted: WebSocket[] = []
    wss.on('connection', (ws) => accepted.push(ws))
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
    const open = async () => {
      const client = new WebSocket(url)
      cleanups.push(() => client.terminate())
      await new Promise((resolve) => client.once('open', resolve))
      while (accepted.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
      return { client, server: accepted.shift()! }
    }

    // The server-wide limit holds on an untouched socket…
    const plain = await open()
    plain.server.on('error', () => {})
    const plainClosed = watch(plain.client).closed
    plain.client.send(new Uint8Array(4096))
    expect(await plainClosed).toBe(CLOSE_CODES.tooBig)

    // …and one socket raised past it reads the larger message, then refuses again once lowered.
    const raised = await open()
    const seen = watch(raised.server)
    const raisedClosed = watch(raised.client).closed
    expect(setReceiveLimit(raised.server, 8192)).toBe(true)
    raised.client.send(new Uint8Array(4096))
    while (seen.lengths.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(seen.lengths).toEqual([4096])
    expect(setReceiveLimit(raised.server, 1024)).toBe(true)
    raised.client.send(new Uint8Array(4096))
    expect(await raisedClosed).toBe(CLOSE_CODES.tooBig)
  })
})

describe('OfflineReceiveBudget', () => {
  it('holds at most its bytes and one window per person, and frees them on release', () => {
    const budget = new OfflineReceiveBudget(10)
    const a = budget.reserve('a', 6)
    expect(a).not.toBeNull()
    expect(budget.reserve('a', 1)).toBeNull()
    expect(budget.reserve('b', 5)).toBeNull()
    const b = budget.reserve('b', 4)
    expect(budget.bytes).toBe(10)
    a!()
    a!()
    expect(budget.bytes).toBe(4)
    expect(budget.reserve('a', 6)).not.toBeNull()
    b!()
    expect(budget.bytes).toBe(6)
  })
})

describe('settings', () => {
  it('reads the offline limits from the environment; the allowance bursts one largest answer', () => {
    const { limits } = configFromEnv({ MAX_OFFLINE_MESSAGE_BYTES: '8388608', RATE_OFFLINE_BYTES_PER_SECOND: '1000', OFFLINE_RECEIVE_BYTES: '33554432' })
    expect(limits.maxOfflineMessageBytes).toBe(8388608)
    expect(limits.offlineBytes).toEqual({ perSecond: 1000, burst: 8388608 })
    expect(limits.offlineReceiveBytes).toBe(33554432)
    expect(configFromEnv({}).limits.maxOfflineMessageBytes).toBe(DEFAULT_LIMITS.maxOfflineMessageBytes)
    expect(DEFAULT_LIMITS.maxOfflineMessageBytes).toBeGreaterThan(DEFAULT_LIMITS.maxMessageBytes)
  })
})

describe('the window for the answer', () => {
  let server: TestServer
  let links: ShareLinks

  /** A socket that reads what the relay sends but answers nothing by itself. */
  async function rawClient(token: string): Promise<{ ws: WebSocket; asked: Promise<void>; closed: Promise<number> }> {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${links.id}?token=${token}`)
    cleanups.push(() => ws.terminate())
    const seen = watch(ws)
    const asked = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        if (parseMessage(new Uint8Array(data)).type === 'sync-step-1') resolve()
      }),
    )
    await new Promise((resolve) => ws.once('open', resolve))
    return { ws, asked, closed: seen.closed }
  }

  /** A message over the live cap that Yjs could read: one card title of `bytes` characters, in a map the relay does not hold. */
  const bigUpdate = (bytes: number) => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('title', 'x'.repeat(bytes))
    return Y.encodeStateAsUpdate(doc)
  }

  it('keeps the live cap for a message that is not the answer, while the window is open', async () => {
    server = await startTestServer()
    cleanups.push(() => server.dispose())
    links = await server.createMap({ title: 'Vindu 🪟 æøå' })
    const editor = await rawClient(links.editorToken)
    await editor.asked // the window is open: the relay asked and has no answer yet
    editor.ws.send(encodeUpdate(bigUpdate(1.5 * 1024 * 1024)))
    expect(await editor.closed).toBe(CLOSE_CODES.tooBig)
    expect(server.metrics.rejected.get({ reason: 'too_big' })).toBe(1)
  })

  it("refuses a viewer's answer over the live cap: a viewer gets no window", async () => {
    server = await startTestServer()
    cleanups.push(() => server.dispose())
    links = await server.createMap({ title: 'Vindu 🪟 æøå' })
    const viewer = await rawClient(links.viewerToken)
    viewer.ws.send(encodeSyncStep2(bigUpdate(1.5 * 1024 * 1024)))
    expect(await viewer.closed).toBe(CLOSE_CODES.tooBig)
  })
})
