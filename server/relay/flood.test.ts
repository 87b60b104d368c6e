/**
 * One editor's flood stalls nobody: a stock client writing small, schema-valid updates (new
 * comments, 20,000 built ahead) as fast as its socket takes them for 3 s, against a relay in its
 * own process. The relay stops reading the flooder while the room is more than a few dozen
 * updates ahead of its storage (so the flood waits in TCP buffers, not ahead of a colleague's
 * edit), closes it once it is over its allowance, and a bystander editing in the same room keeps
 * its edits arriving: p99 bounded at 1 s here, a bound only a stall breaks (it was 2.4 s before);
 * the goal, 50 ms, is printed beside the figure by bench/flood.bench.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ShareLinks } from '../maps'
import { startLatencyProbe } from '../testing/latencyProbe'
import { spawnServer, type ServerProcess } from '../testing/serverProcess'
import { comments, flood } from '../testing/flood'
import { SyncClient } from '../testing/syncClient'
import { CLOSE_CODES } from './protocol'

let server: ServerProcess | undefined
let dataDir = ''
const clients: SyncClient[] = []

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  server?.child.kill()
  await server?.exited
  server = undefined
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('a flood', () => {
  it('is closed once over its allowance, and a bystander in the same room keeps its edits arriving', { timeout: 90_000 }, async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flood-'))
    server = await spawnServer({ dataDir })
    const map = (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: '{"title":"Flom 🌊 æøå"}' })).json()) as ShareLinks
    const join = async () => {
      const client = await SyncClient.connect(server!.url, map.id, map.editorToken)
      clients.push(client)
      await client.synced
      return client
    }
    const [writer, reader, flooder] = [await join(), await join(), await join()]
    const updates = comments(flooder, 20_000)
    const probe = startLatencyProbe(writer, reader, 20)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const sent = await flood(flooder, updates, 3000)
    const latencies = await probe.stop()
    const p99 = latencies[Math.floor(latencies.length * 0.99)]
    expect(sent).toBeGreaterThan(5000)
    expect((await flooder.closed).code).toBe(CLOSE_CODES.rateLimited)
    expect(p99).toBeLessThan(1000)
  })
})
