/**
 * What was relayed was stored: kill -9 the server process during an edit storm, restart it on
 * the same data directory, and everything any client received by relay is still there. And a
 * SIGTERM closes sockets with 1001, flushes, and exits 0.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSnapshot } from '../../src/doc'
import type { ShareLinks } from '../maps'
import { spawnServer, type ServerProcess } from '../testing/serverProcess'
import { SyncClient } from '../testing/syncClient'
import { eventually, tempDataDir } from '../testing/testServer'
import { CLOSE_CODES } from './protocol'

const running: ServerProcess[] = []
const dirs: string[] = []
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL')
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

async function start(dataDir: string): Promise<ServerProcess> {
  // The storm goes far past the default per-connection rate limit on purpose.
  const server = await spawnServer({ dataDir, env: { RATE_UPDATES_PER_SECOND: '1000000', RATE_UPDATES_BURST: '1000000', RATE_UPDATE_BYTES_PER_SECOND: '1000000000', COMPACT_EVERY: '300' } })
  running.push(server)
  return server
}

async function createMap(server: ServerProcess, title: string): Promise<ShareLinks> {
  const res = await fetch(`${server.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) })
  return (await res.json()) as ShareLinks
}

// The storm writes schema-valid records: links keyed link:k<n>, labelled with their number.
const stormKeys = (doc: Y.Doc) => [...doc.getMap('links').keys()]
const stormRecord = (n: number) => new Y.Map<unknown>([['id', `link:k${n}`], ['label', String(n)]])

describe('durability', () => {
  it('keeps every relayed update through kill -9, as a consistent prefix of what was sent', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const first = await start(dataDir)
    const map = await createMap(first, 'Storm æøå ⛈️')
    const writer = await SyncClient.connect(first.url, map.id, map.editorToken)
    const observer = await SyncClient.connect(first.url, map.id, map.viewerToken)
    await Promise.all([writer.synced, observer.synced])

    // The writer sends one update per transaction, yielding now and then so frames go out.
    const storm = writer.doc.getMap('links')
    let sent = 0
    let stop = false
    const storming = (async () => {
      while (!stop && writer.ws.readyState === writer.ws.OPEN) {
        for (let i = 0; i < 20; i++, sent++) storm.set(`link:k${sent}`, stormRecord(sent))
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    await eventually(() => stormKeys(observer.doc).length >= 500, 20_000, 'the observer to receive 500 relayed updates')
    first.child.kill('SIGKILL')
    expect((await first.exited).signal).toBe('SIGKILL')
    stop = true
    await storming
    // Everything the observer got before its socket closed was relayed, hence stored.
    await observer.closed
    await writer.closed
    const relayed = stormKeys(observer.doc)
    expect(sent).toBeGreaterThan(relayed.length) // the kill landed mid-storm

    const second = await start(dataDir)
    const reader = await SyncClient.connect(second.url, map.id, map.viewerToken)
    await reader.synced
    const stored = reader.doc.getMap<Y.Map<unknown>>('links')
    for (const key of relayed) expect(stored.has(key)).toBe(true)
    // A consistent prefix: k0…k(n-1), nothing after a gap.
    const n = stored.size
    expect(n).toBeGreaterThanOrEqual(relayed.length)
    for (let i = 0; i < n; i++) expect(stored.get(`link:k${i}`)?.get('label')).toBe(String(i))
    expect(readSnapshot(reader.doc).meta.title).toBe('Storm æøå ⛈️')
    await reader.close()
  })

  it('SIGTERM closes sockets with 1001, keeps what was written, and exits 0', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const first = await start(dataDir)
    const map = await createMap(first, 'Graceful')
    const client = await SyncClient.connect(first.url, map.id, map.editorToken)
    await client.synced
    client.doc.getMap('meta').set('description', 'gemt ✓')
    await eventually(async () => (await (await fetch(`${first.url}/metrics`)).text()).includes('relay_updates_stored_total 1'), 5000, 'the write')

    first.child.kill('SIGTERM')
    expect((await client.closed).code).toBe(CLOSE_CODES.goingAway)
    expect(await first.exited).toEqual({ code: 0, signal: null })
    expect(first.logs.map((l) => l.event)).toContain('server.closed')

    const second = await start(dataDir)
    const reader = await SyncClient.connect(second.url, map.id, map.viewerToken)
    await reader.synced
    expect(reader.doc.getMap('meta').get('description')).toBe('gemt ✓')
    await reader.close()
  })
})
