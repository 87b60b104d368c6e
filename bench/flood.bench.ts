/**
 * Flood benchmark (prints figures, asserts nothing): a relay in its own process; one stock editor
 * connection sends 20,000 small, schema-valid updates (new comments) as fast as its socket takes
 * them, for at most 3 s; a bystander in the same room renames the map every 20 ms and another
 * participant notes when each rename arrives. Prints the bystander's edit latency before and
 * during the flood beside the goal, and how the relay ended the flood.
 *
 * Run: `npm run bench` (all benchmarks) or `npx tsx bench/flood.bench.ts`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ShareLinks } from '../server/maps'
import { comments, flood } from '../server/testing/flood'
import { startLatencyProbe } from '../server/testing/latencyProbe'
import { spawnServer } from '../server/testing/serverProcess'
import { SyncClient } from '../server/testing/syncClient'

const GOAL_P99_MS = 50
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flood-bench-'))
  const server = await spawnServer({ dataDir })
  const clients: SyncClient[] = []
  try {
    const map = (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: '{"title":"Flom 🌊"}' })).json()) as ShareLinks
    const join = async () => {
      const client = await SyncClient.connect(server.url, map.id, map.editorToken)
      clients.push(client)
      await client.synced
      return client
    }
    const [writer, reader, flooder] = [await join(), await join(), await join()]
    const updates = comments(flooder, 20_000)
    console.log(`flood: one connection, ${updates.length} new comments as fast as it can for ≤ 3 s; a bystander edits every 20 ms (${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`)

    const quiet = startLatencyProbe(writer, reader, 20)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const before = await quiet.stop()
    const probe = startLatencyProbe(writer, reader, 20)
    const started = performance.now()
    const sent = await flood(flooder, updates, 3000)
    const during = await probe.stop()
    const closed = await Promise.race([flooder.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000))])
    const f = (ms: number) => `${ms.toFixed(1)} ms`
    console.log(`  bystander before:  p50 ${f(pct(before, 0.5))}  p99 ${f(pct(before, 0.99))}`)
    console.log(`  bystander during:  p50 ${f(pct(during, 0.5))}  p99 ${f(pct(during, 0.99))}   goal p99 ≤ ${GOAL_P99_MS} ms`)
    console.log(`  flooder: ${sent} sent (it waits while the relay does not read), ${((performance.now() - started) / 1000).toFixed(1)} s until it stopped, ${closed ? `closed ${closed.code} (${closed.reason})` : "not closed"}`)
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => {})))
    server.child.kill()
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

void main()
