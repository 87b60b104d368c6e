/**
 * "Send me everything", thousands of times: a viewer's flood of empty-state sync requests must not
 * cost the relay a full encode each, must not grow its memory past its budget, and must not slow
 * the other participants. The relay runs as its own process, so its memory is its own.
 *
 * The goals (bystander p99 < 50 ms, CPU within the quiet window) are printed by
 * `bench/relay.bench.ts` (part `flood`); this test asserts only what a stall or a full encode per
 * request would break. It runs alone, after the other unit tests (vitest.solo.config.ts).
 */
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { stringifyJourneyJson } from '../../src/model'
import { buildSyntheticMap } from '../../src/test/maps'
import type { ShareLinks } from '../maps'
import { percentile } from '../testing/attacks'
import { startLatencyProbe } from '../testing/latencyProbe'
import { spawnServer, type ServerProcess } from '../testing/serverProcess'
import { openStalledSocket } from '../testing/stalledSocket'
import { SyncClient } from '../testing/syncClient'
import { eventually, tempDataDir } from '../testing/testServer'
import { CLOSE_CODES, encodeSyncStep1 } from './protocol'

const FLOOD = 10_000
/** The relay's budget for queued sends in this test; its resident memory may not grow by more. */
const PROCESS_BUDGET = 32 * 1024 * 1024
const WINDOW_MS = 1500
/** No bystander edit should take this long on any machine; one that does waited behind the flood. */
const STALL_MS = 500
const ATTEMPTS = 3

/** The relay process's resident memory, from /proc (Linux): cheaper than asking it over HTTP mid-flood. */
function residentBytes(server: ServerProcess): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1]
  return Number(kb) * 1024
}

/** CPU seconds (user + system) the relay process has used so far, from /proc (Linux). */
function cpuSeconds(server: ServerProcess): number {
  const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

async function metric(server: ServerProcess, line: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text()
  const found = text.split('\n').find((l) => l.startsWith(`${line} `))
  return found ? Number(found.split(' ').at(-1)) : 0
}

interface Attempt {
  /** The close code the relay gave the flooder. */
  code: number
  /** The bystanders' latencies during the flood, and during a quiet window just before it. */
  latencies: number[]
  quiet: number[]
  /** Growth of the relay's resident memory during the flood. */
  growth: number
  /** The relay's CPU seconds during the flood beyond those of the quiet window. */
  extraCpu: number
}

async function floodOnce(server: ServerProcess, map: ShareLinks, a: SyncClient, b: SyncClient): Promise<Attempt> {
  const quietProbe = startLatencyProbe(a, b)
  const quietCpuStart = cpuSeconds(server)
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS))
  const quietCpu = cpuSeconds(server) - quietCpuStart
  const quiet = await quietProbe.stop()

  const closesBefore = await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text()
  // A viewer on a stalled network, from an address of its own (the relay trusts X-Forwarded-For here).
  const flooder = await openStalledSocket(server.port, `/sync/${map.id}?token=${map.viewerToken}`, { 'X-Forwarded-For': '198.51.100.66' })
  const probe = startLatencyProbe(a, b)
  await new Promise((resolve) => setTimeout(resolve, 100))
  const floodCpuStart = cpuSeconds(server)
  const rssBefore = residentBytes(server)
  let rssPeak = rssBefore
  const sampling = setInterval(() => (rssPeak = Math.max(rssPeak, residentBytes(server))), 10)
  flooder.flood(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())), FLOOD)
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS - 100))
  clearInterval(sampling)
  const extraCpu = cpuSeconds(server) - floodCpuStart - quietCpu
  const latencies = await probe.stop()
  rssPeak = Math.max(rssPeak, residentBytes(server))
  const code = newCloseCode(closesBefore, await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text())
  flooder.destroy()
  await flooder.closed
  return { code, latencies, quiet, growth: rssPeak - rssBefore, extraCpu }
}

/** The close code counted between two scrapes of /metrics (0 if none). */
function newCloseCode(before: string, after: string): number {
  const counts = (text: string) => new Map([...text.matchAll(/relay_closes_total\{code="(\d+)"\} (\d+)/g)].map((m) => [m[1], Number(m[2])]))
  const was = counts(before)
  for (const [code, n] of counts(after)) if (n > (was.get(code) ?? 0)) return Number(code)
  return 0
}

async function floodScenario(env: Record<string, string>) {
  const dataDir = tempDataDir()
  const server = await spawnServer({ dataDir, env: { SEND_BUFFER_PROCESS_BYTES: String(PROCESS_BUDGET), TRUST_PROXY: '1', ...env } })
  try {
    // A workshop-sized map: 400 touchpoints, ~600 annotations (a few hundred KB per full state).
    const body = stringifyJourneyJson(buildSyntheticMap({ touchpoints: 400, stages: 12, personas: 4, seed: 7, locale: 'da' }))
    const map = (await (await fetch(`${server.url}/api/maps/import`, { method: 'POST', body })).json()) as ShareLinks
    const a = await SyncClient.connect(server.url, map.id, map.editorToken)
    const b = await SyncClient.connect(server.url, map.id, map.editorToken)
    await Promise.all([a.synced, b.synced])
    const fullState = Y.encodeStateAsUpdate(b.doc).byteLength

    // Latency on a shared machine has noise that only ever adds; a stall the flood causes shows in
    // every attempt. So the flood is repeated (up to three times) until one attempt shows what the
    // relay itself does, and the best attempt is kept.
    let best: Attempt | undefined
    for (let i = 0; i < ATTEMPTS && !(best && percentile(best.latencies, 99) < STALL_MS / 10); i++) {
      const attempt = await floodOnce(server, map, a, b)
      if (!best || percentile(attempt.latencies, 99) < percentile(best.latencies, 99)) best = attempt
    }
    // Nothing stays queued once the flooders' sockets are gone.
    await eventually(async () => (await metric(server, 'relay_send_buffer_bytes')) === 0, 5000, 'send buffers freed')
    const metricsText = await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text()
    await Promise.all([a.close(), b.close()])
    return { ...best!, fullState, metricsText }
  } finally {
    server.child.kill('SIGKILL')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('a flood of empty-state sync requests from a viewer', () => {
  let limited: Awaited<ReturnType<typeof floodScenario>>
  let unlimited: Awaited<ReturnType<typeof floodScenario>>
  beforeAll(async () => {
    limited = await floodScenario({})
    // The same flood with the request rate limit lifted: the cache and the send budget alone must hold.
    unlimited = await floodScenario({ RATE_SYNC_PER_SECOND: '100000', RATE_SYNC_BURST: '100000' })
  }, 120_000)

  it('closes the flooder as rate limited (a code y-websocket retries after backoff)', () => {
    expect(limited.code).toBe(CLOSE_CODES.rateLimited)
    expect(limited.metricsText).toMatch(/relay_rejected_total\{reason="rate_sync"\} [1-9]/)
  })

  it('costs the relay almost no work: no encode per request', () => {
    // 10,000 full encodes of this map take many seconds of CPU (more than the 1.4 s window has);
    // answering from the cache takes a fraction of one. The bound is the window itself: only work
    // per request can fill it.
    expect(limited.fullState).toBeGreaterThan(100_000)
    expect(limited.extraCpu).toBeLessThan(1)
    expect(unlimited.extraCpu).toBeLessThan(1)
  })

  it('keeps a bystander’s edits from stalling and the relay within its memory budget', () => {
    expect(percentile(limited.latencies, 99), `p99 with the machine quiet: ${percentile(limited.quiet, 99)} ms`).toBeLessThan(STALL_MS)
    expect(limited.latencies.length).toBeGreaterThan(50)
    expect(limited.growth).toBeLessThan(PROCESS_BUDGET)
  })

  it('without the rate limit, answers from the cached state and drops the reader that stopped reading (1013), within budget', () => {
    expect(unlimited.code).toBe(CLOSE_CODES.tryAgainLater)
    expect(unlimited.metricsText).toMatch(/relay_rejected_total\{reason="slow_consumer"\} [1-9]/)
    expect(percentile(unlimited.latencies, 99), `p99 with the machine quiet: ${percentile(unlimited.quiet, 99)} ms`).toBeLessThan(STALL_MS)
    expect(unlimited.growth).toBeLessThan(PROCESS_BUDGET)
  })
})

describe('sync requests at a stock client’s pace', () => {
  it('are all answered', async () => {
    const dataDir = tempDataDir()
    const server = await spawnServer({ dataDir })
    try {
      const map = (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: '{"title":"Resync ✓"}' })).json()) as ShareLinks
      const client = await SyncClient.connect(server.url, map.id, map.viewerToken)
      await client.synced
      // A client reconnecting and resyncing a few times in a row: well within the allowance.
      let answers = 0
      client.ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && answers++)
      for (let i = 0; i < 8; i++) client.sendRaw(encodeSyncStep1(Y.encodeStateVector(client.doc)))
      await eventually(() => answers === 8, 5000, 'eight answers')
      expect(client.ws.readyState).toBe(WebSocket.OPEN)
      await client.close()
    } finally {
      server.child.kill('SIGKILL')
      await server.exited
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
