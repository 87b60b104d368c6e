/**
 * One room's heaviest message does not stall another room. While an editor in room A sends the
 * worst updates the limits allow (10,000 new records: 20,000 structs, about 500 KB, as often as
 * the byte budget lets it), an editor in room B keeps editing and a colleague there measures how long each
 * edit takes to arrive. The relay runs as its own process, so only its event loop is measured.
 *
 * Timing-sensitive: this file runs alone, after the other unit tests (vitest.solo.config.ts).
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ShareLinks } from '../maps'
import { spawnServer, type ServerProcess } from '../testing/serverProcess'
import { SyncClient } from '../testing/syncClient'
import { eventually, tempDataDir } from '../testing/testServer'
import { encodeUpdate } from './protocol'

const running: ServerProcess[] = []
const clients: SyncClient[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  for (const p of running.splice(0)) p.child.kill('SIGKILL')
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** The heaviest update per byte the schema lets through: many small new records in one collection. */
export function worstUpdate(base: Y.Doc, collection: 'links' | 'promises' | 'comments', records: number): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const type = { links: 'link', promises: 'promise', comments: 'comment' }[collection]
  const field = collection === 'links' ? 'label' : 'text'
  doc.transact(() => {
    const map = doc.getMap(collection)
    for (let i = 0; i < records; i++) map.set(`${type}:${doc.clientID}x${i}`, new Y.Map([[field, 'ø']]))
  })
  return Y.encodeStateAsUpdate(doc, before)
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

describe('isolation between rooms', () => {
  it('keeps another room’s p99 edit latency under 50 ms while the worst allowed update arrives', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const server = await spawnServer({ dataDir })
    running.push(server)
    const create = async (title: string) => (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) })).json()) as ShareLinks
    const [a, b] = [await create('Angriper'), await create('Tilskuer')]

    const attacker = await SyncClient.connect(server.url, a.id, a.editorToken)
    const writer = await SyncClient.connect(server.url, b.id, b.editorToken)
    // Edits that arrive in one merged broadcast each count from their own send time.
    const sentAt: number[] = []
    let arrived = 0
    const latencies: number[] = []
    const reader = await SyncClient.connect(server.url, a.id, a.viewerToken)
    clients.push(reader)
    const observer = await SyncClient.connect(server.url, b.id, b.viewerToken, {
      onRemoteUpdate: () => {
        const seq = Number(String(observer.doc.getMap('meta').get('description')).split(' ')[1])
        const now = performance.now()
        for (; arrived <= seq; arrived++) latencies.push(now - sentAt[arrived])
      },
    })
    clients.push(attacker, writer, observer)
    await Promise.all([attacker.synced, writer.synced, observer.synced, reader.synced])

    const attacks = [worstUpdate(attacker.doc, 'links', 9_999), worstUpdate(attacker.doc, 'promises', 9_999), worstUpdate(attacker.doc, 'comments', 9_999)]
    for (const u of attacks) expect(u.byteLength).toBeLessThan(1024 * 1024)

    let n = 0
    const edits = setInterval(() => {
      sentAt[n] = performance.now()
      writer.doc.getMap('meta').set('description', `edit ${n++}`)
    }, 20)
    // The byte budget (1 MB at once, 256 KB/s after) lets the next worst update in about 2 s later.
    for (const attack of attacks) {
      await new Promise((resolve) => setTimeout(resolve, attack === attacks[0] ? 300 : 2100))
      attacker.sendRaw(encodeUpdate(attack))
    }
    await new Promise((resolve) => setTimeout(resolve, 1500))
    clearInterval(edits)
    await eventually(() => arrived === n, 5000, 'the last edits')

    // The attack landed: both batches of records are in room A.
    const landed = () => reader.doc.getMap('links').size + reader.doc.getMap('promises').size + reader.doc.getMap('comments').size
    await eventually(() => landed() === 3 * 9_999, 10_000, 'the attack to land in room A')
    expect(attacker.ws.readyState).toBe(attacker.ws.OPEN)

    const p50 = percentile(latencies, 50)
    const p99 = percentile(latencies, 99)
    console.log(`bystander edits: ${latencies.length}, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`)
    expect(latencies.length).toBeGreaterThan(200)
    expect(p99).toBeLessThan(50)
  }, 60_000)
})
