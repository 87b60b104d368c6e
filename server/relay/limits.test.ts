/**
 * Bad or excessive input closes only the connection that sent it, with a telling close code,
 * and is counted in /metrics; everyone else keeps syncing.
 */
import net from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addTouchpoint } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { PersonaId, StageId } from '../../src/model'
import { CLOSE_CODES, encodeUpdate } from './protocol'
import { SyncClient, upgradeStatus } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'
import type { ShareLinks } from '../maps'

let server: TestServer
let map: ShareLinks
const clients: SyncClient[] = []

beforeEach(async () => {
  server = await startTestServer({
    limits: { maxMessageBytes: 64 * 1024, updates: { perSecond: 20, burst: 40 }, updateBytes: { perSecond: 256 * 1024, burst: 1024 * 1024 }, awareness: { perSecond: 60, burst: 120 }, maxParticipants: 4, maxUpgradeUrlLength: 4096, createMaps: { perSecond: 1, burst: 100 } },
  })
  map = await server.createMap({ title: 'Limits' })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server.dispose()
})

async function connect(token = map.editorToken): Promise<SyncClient> {
  const client = await SyncClient.connect(server.url, map.id, token)
  clients.push(client)
  await client.synced
  return client
}

/** The bystanders still sync: an edit by one reaches the other. */
async function expectStillSyncing(a: SyncClient, b: SyncClient, title: string) {
  const { stages, personas } = readSnapshot(a.doc)
  const id = addTouchpoint(a.doc, { stageId: Object.keys(stages)[0] as StageId, personaId: Object.keys(personas)[0] as PersonaId, title })
  await eventually(() => readSnapshot(b.doc).touchpoints[id]?.title === title, 5000, 'bystanders syncing')
}

type BadMessage = [name: string, message: () => Uint8Array | string, code: number, reason: string]

describe('limits', () => {
  it.each<BadMessage>([
    ['garbage bytes', () => new Uint8Array([0xff, 0xfe, 0x13, 0x37, 0x00, 0x42]), CLOSE_CODES.malformed, 'malformed'],
    ['an unknown message type', () => new Uint8Array([9, 1, 2, 3]), CLOSE_CODES.malformed, 'malformed'],
    [
      'a truncated update',
      () => {
        const doc = new Y.Doc()
        doc.getMap('meta').set('title', 'x'.repeat(100))
        const message = encodeUpdate(Y.encodeStateAsUpdate(doc))
        return message.slice(0, message.length - 20)
      },
      CLOSE_CODES.malformed,
      'malformed',
    ],
    ['an update Yjs cannot decode', () => encodeUpdate(new Uint8Array([1, 200, 1, 1, 1, 255, 255, 255, 255, 15])), CLOSE_CODES.malformed, 'malformed'],
    ['an oversized message', () => new Uint8Array(64 * 1024 + 1), CLOSE_CODES.tooBig, 'too_big'],
    ['a text frame', () => 'hello', CLOSE_CODES.unsupportedData, 'text_frame'],
  ])('%s closes only its sender', async (_name, message, code, reason) => {
    const [a, b, bad] = [await connect(), await connect(), await connect()]
    bad.sendRaw(message())
    expect((await bad.closed).code).toBe(code)
    await eventually(() => server.metrics.rejected.get({ reason }) >= 1, 2000, `rejection ${reason} counted`)
    await expectStillSyncing(a, b, 'Still here ✓')
    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    expect(metrics).toContain(`relay_rejected_total{reason="${reason}"} 1`)
  })

  it('a broken WebSocket frame closes only that connection', async () => {
    const [a, b] = [await connect(), await connect()]
    // A raw TCP client that upgrades properly, then sends bytes that are not a valid frame.
    const socket = net.connect(server.port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(`GET /sync/${map.id}?token=${map.editorToken} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)
    await new Promise((resolve) => socket.once('data', resolve))
    socket.write(Buffer.from([0x82, 0x05, 1, 2])) // unmasked client frame, then truncated
    socket.write(Buffer.from([0x0f, 0xff, 0xff, 0xff]))
    await new Promise((resolve) => socket.once('close', resolve))
    await expectStillSyncing(a, b, 'Unaffected 🌱')
    expect(server.metrics.rejected.get({ reason: 'bad_frame' })).toBe(1)
  })

  it('a flood of updates closes the flooder with a retryable code; nothing it sent before is lost', async () => {
    const [a, flooder] = [await connect(), await connect()]
    const { stages, personas } = readSnapshot(flooder.doc)
    const ids: string[] = []
    for (let i = 0; i < 200 && flooder.ws.readyState === flooder.ws.OPEN; i++) {
      ids.push(addTouchpoint(flooder.doc, { stageId: Object.keys(stages)[0] as StageId, personaId: Object.keys(personas)[0] as PersonaId, title: `Flood ${i}` }))
    }
    const { code } = await flooder.closed
    expect(code).toBe(CLOSE_CODES.rateLimited)
    expect(code >= 4400 && code < 4500).toBe(false) // y-websocket reconnects on it
    expect(server.metrics.rejected.get({ reason: 'rate_update' })).toBe(1)

    // Reconnecting resyncs whatever the relay dropped.
    clients.splice(clients.indexOf(flooder), 1)
    const again = await SyncClient.connect(server.url, map.id, map.editorToken, { doc: flooder.doc })
    clients.push(again)
    await eventually(() => ids.every((id) => readSnapshot(a.doc).touchpoints[id] !== undefined), 10_000, 'all cards after reconnect')
  })

  it('a full room refuses one more participant at the upgrade with 503', async () => {
    for (let i = 0; i < 4; i++) await connect()
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/sync/${map.id}?token=${map.editorToken}`)).toBe(503)
    expect(server.metrics.rejected.get({ reason: 'room_full' })).toBe(1)
  })

  it('refuses an oversized upgrade request before looking at the token', async () => {
    const long = 'x'.repeat(5000)
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/sync/${map.id}?token=${long}`)).toBe(414)
    const huge = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => {
        socket.write(`GET /sync/${map.id} HTTP/1.1\r\nHost: x\r\nX-Pad: ${'y'.repeat(32 * 1024)}\r\n\r\n`)
      })
      let text = ''
      socket.on('data', (d) => (text += d.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', () => resolve(text))
    })
    expect(huge).toMatch(/^HTTP\/1.1 431/)
  })
})
