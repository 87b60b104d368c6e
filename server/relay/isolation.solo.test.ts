/**
 * One room's heaviest message does not stall another room. While an editor in room A sends the
 * worst updates the limits allow (10,000 new records: 20,000 structs, about 500 KB, as often as
 * the byte budget lets them in), an editor in room B keeps editing and a colleague there measures
 * how long each edit takes to arrive. The relay runs as its own process, so only its event loop
 * is measured, after it has handled one such update (a fresh process compiles those code paths once).
 *
 * Timing-sensitive: this file runs alone, after the other unit tests (vitest.solo.config.ts).
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ShareLinks } from '../maps'
import { attackWith, measureBystander, percentile, warmUp, worstUpdates } from '../testing/attacks'
import { spawnServer, type ServerProcess } from '../testing/serverProcess'
import { SyncClient } from '../testing/syncClient'
import { eventually, tempDataDir } from '../testing/testServer'

const running: ServerProcess[] = []
const clients: SyncClient[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  for (const p of running.splice(0)) p.child.kill('SIGKILL')
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

describe('isolation between rooms', () => {
  it('keeps another room’s p99 edit latency under 50 ms while the worst allowed updates arrive', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const server = await spawnServer({ dataDir })
    running.push(server)
    const create = async (title: string) => (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) })).json()) as ShareLinks
    const [a, b, c] = [await create('Angriper'), await create('Tilskuer'), await create('Oppvarming')]
    await warmUp(server.url, c)
    const attacker = await SyncClient.connect(server.url, a.id, a.editorToken)
    const reader = await SyncClient.connect(server.url, a.id, a.viewerToken)
    clients.push(attacker, reader)
    await Promise.all([attacker.synced, reader.synced])

    // The byte budget (1 MB at once, 256 KB/s after) lets the next worst update in about 2 s later.
    const attacks = worstUpdates(attacker, 3)
    const latencies = await measureBystander(server.url, b, 20, async () => {
      await attackWith(attacker, attacks, 2100)
      await new Promise((resolve) => setTimeout(resolve, 1500))
    })

    // The attack landed whole in room A, and the attacker was never cut off.
    const landed = () => ['links', 'promises', 'comments'].reduce((n, c) => n + reader.doc.getMap(c).size, 0)
    await eventually(() => landed() === 3 * 9_999, 10_000, 'the attack to land in room A')
    expect(attacker.ws.readyState).toBe(attacker.ws.OPEN)

    const p50 = percentile(latencies, 50)
    const p99 = percentile(latencies, 99)
    console.log(`bystander edits: ${latencies.length}, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`)
    expect(latencies.length).toBeGreaterThan(200)
    expect(p99).toBeLessThan(50)
  }, 60_000)
})
