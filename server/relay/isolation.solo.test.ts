/**
 * One room's heaviest message does not stall another room. While an editor in room A sends the
 * worst updates the limits allow (1,499 new records: 3,000 structs, about 70 KB, as often as
 * the byte budget lets them in), an editor in room B keeps editing and a colleague there measures
 * how long each edit takes to arrive. The relay runs as its own process, so only its event loop
 * is measured, after it has handled one such update (a fresh process compiles those code paths once).
 *
 * The goal (p99 < 50 ms) is a benchmark's: `bench/hostile.bench.ts` prints it beside the figure.
 * This test asserts what a person in room B would notice, a stall: every edit arrives, and none
 * takes half a second longer than a busy machine explains (measured first, with nobody attacking),
 * which a room that blocks another always does (before the per-message budget, p99 here was 1–2.5 s). It still runs alone, after the other
 * unit tests (vitest.solo.config.ts), so that it measures the relay and not its neighbours.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ShareLinks } from '../maps'
import { attackWith, measureBystander, percentile, warmUp, WORST_RECORDS, worstUpdates } from '../testing/attacks'
import { spawnServer, type ServerProcess } from '../testing/serverProcess'
import { SyncClient } from '../testing/syncClient'
import { eventually, tempDataDir } from '../testing/testServer'

/** No edit should take this long on any machine; one that does was blocked by the other room. */
const STALL_MS = 500
/** How much slower than its quiet p99 a busy machine may make a bystander's edit under attack. */
const STALL_FACTOR = 6

const running: ServerProcess[] = []
const clients: SyncClient[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  for (const p of running.splice(0)) p.child.kill('SIGKILL')
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

describe('isolation between rooms', () => {
  it('keeps another room from stalling while the worst allowed updates arrive', async () => {
    const dataDir = tempDataDir()
    dirs.push(dataDir)
    const server = await spawnServer({ dataDir })
    running.push(server)
    const create = async (title: string) => (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) })).json()) as ShareLinks
    await warmUp(server.url, await create('Oppvarming'))

    /** One attack on a fresh pair of rooms, with the bystander measured quiet first. */
    const attempt = async (n: number) => {
      const [a, b] = [await create(`Angriper ${n}`), await create(`Tilskuer ${n}`)]
      const attacker = await SyncClient.connect(server.url, a.id, a.editorToken)
      clients.push(attacker)
      await attacker.synced

      // The same bystander with nobody attacking: what this machine, however busy, does for an edit.
      const quiet = await measureBystander(server.url, b, 20, () => new Promise((resolve) => setTimeout(resolve, 3000)))

      // The message budget lets one in whenever the sender likes; they come every 700 ms here.
      const attacks = worstUpdates(attacker, 6)
      const { latencies, sent } = await measureBystander(server.url, b, 20, async () => {
        await attackWith(attacker, attacks, 700)
        await new Promise((resolve) => setTimeout(resolve, 1500))
      })

      // The attack landed whole in room A, and the attacker was never cut off. (Read after the
      // measurement: applying it in this process would stall the clocks that measure.)
      const reader = await SyncClient.connect(server.url, a.id, a.viewerToken)
      clients.push(reader)
      await reader.synced
      const landed = () => ['links', 'promises', 'comments'].reduce((n, c) => n + reader.doc.getMap(c).size, 0)
      await eventually(() => landed() === 6 * WORST_RECORDS, 10_000, 'the attack to land in room A')
      expect(attacker.ws.readyState).toBe(attacker.ws.OPEN)

      const p50 = percentile(latencies, 50)
      const p99 = percentile(latencies, 99)
      const quietP99 = percentile(quiet.latencies, 99)
      console.log(`attempt ${n}: bystander edits: ${latencies.length}, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (quiet p99 ${quietP99.toFixed(1)} ms)`)
      // Every edit arrived. How many there were depends on how often a loaded machine runs the
      // bystander's timer (about 285 when quiet, 190 with fifteen jobs on two cores), so the floor
      // only says the bystander kept editing through the attack.
      expect(latencies.length, 'every bystander edit arrives').toBe(sent)
      expect(sent).toBeGreaterThan(50)
      // A machine so busy that even quiet edits take hundreds of milliseconds slows the relay's
      // work on the attack by the same factor; a room that blocks another adds whole seconds on a
      // quiet machine (p99 1–2.5 s before the per-message budget, against a quiet p99 near 10 ms).
      return { p99, quietP99, bound: STALL_MS + STALL_FACTOR * quietP99 }
    }

    // A room that blocks another does so at every attack, so it stalls both attempts. A shared
    // machine can also freeze this whole process for a second once (seen at a load average of 10
    // on two cores: p50 11 ms, and the two slowest edits both near 1.09 s, one freeze); that does not
    // repeat on cue, so one attempt under the bound shows the rooms are isolated.
    let result = await attempt(1)
    if (result.p99 >= result.bound) result = await attempt(2)
    expect(result.p99, `a bystander edit stalled behind the other room in two attempts (quiet p99 ${result.quietP99.toFixed(1)} ms)`).toBeLessThan(result.bound)
  }, 240_000)
})
