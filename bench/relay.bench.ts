/**
 * Relay benchmark (prints figures, asserts nothing). On loopback:
 *  1. 30 clients in one room, each sending 5 small edits a second for 10 s (after 10 s of the same
 *     as a warm-up, `BENCH_WARMUP`): edit-to-remote-apply
 *     latency (p50, p99), relay CPU and throughput — this relay vs the stock
 *     @y/websocket-server 0.1.1, each in its own process, same load, three rounds alternating
 *     between them so a busy machine weighs on both alike. Each client is one participant (its
 *     own participant id on this relay) editing its own comment. The ratios to the stock server
 *     (median over the rounds) are printed beside their goals.
 *  2. A 1,000-touchpoint map built with the real commands: memory per loaded room and time to
 *     load the room from storage (from a compacted snapshot and from the raw update log).
 *  3. A viewer that stops reading floods 10,000 "send me everything" requests (sync step 1 with
 *     an empty state vector) into a room with a 400-touchpoint map: two bystanders' edit latency
 *     (p50, p99, max) before and during the flood, the relay's CPU and resident-memory growth —
 *     with the default limits, and with the sync-request limit lifted (the cache and the send
 *     budget alone).
 *  4. Memory per connection: 200 idle participants joining one room, the relay's resident memory
 *     before and after, divided by 200.
 *
 * Run: `npm run bench` (all benchmarks) or `npx tsx bench/relay.bench.ts`; `BENCH_PARTS=flood,connections`
 * runs some of the parts (load, room, flood, connections); `BENCH_ROUNDS=1 BENCH_PROFILE=/tmp/prof`
 * writes a CPU profile of this relay under the load; `BENCH_THREADS=1` prints each relay's CPU by thread.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import * as Y from 'yjs'
import { addPersona, addStage, addTouchpoint, initializeMap } from '../src/commands'
import { PHASES, type PersonaId, type StageId } from '../src/model'
import { startServer } from '../server/app'
import { createMapId } from '../server/mapIds'
import { stringifyJourneyJson } from '../src/model'
import { buildSyntheticMap } from '../src/test/maps'
import { encodeSyncStep1 } from '../server/relay/protocol'
import { startLatencyProbe } from '../server/testing/latencyProbe'
import { spawnServer, type ServerProcess } from '../server/testing/serverProcess'
import { openStalledSocket } from '../server/testing/stalledSocket'
import { issueParticipant, SyncClient } from '../server/testing/syncClient'
import { TEST_SECRET } from '../server/testing/testServer'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 30)
const UPDATES_PER_SECOND = Number(process.env.BENCH_RATE ?? 5)
/** Rounds of the load, alternating this relay and the stock one. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
/**
 * Seconds of the load before measuring, for both relays alike. A fresh relay spends its first
 * seconds compiling: V8 optimises its hot code on helper threads, and the first compaction starts
 * the fold worker, which loads and compiles its TypeScript. This relay has several times the
 * stock server's code on the path of an edit, so with a 1 s warm-up a third of its measured CPU
 * was that start-up (its threads other than the main one at 12 % of a core in the first 10 s, 1–2 % after 20 s). The
 * figures are for ordinary edits on a running relay; the CPU during the warm-up is printed beside.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 10)
const TOUCHPOINTS = 1000
const ROOMS_FOR_MEMORY = 10

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

interface LoadResult {
  relay: string
  samples: number
  p50: number
  p99: number
  max: number
  cpuSeconds: number
  /** CPU of the relay during the warm-up (from its first edit). */
  warmupCpuSeconds: number
  /** CPU of this process, where all the clients run. */
  clientCpuSeconds: number
  /** CPU of the relay's threads in the measured window, by thread name (`BENCH_THREADS=1`). */
  threads?: Map<string, number>
  updatesSent: number
  messagesReceived: number
  bytesReceived: number
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks (CLK_TCK = 100)
}

/**
 * CPU seconds per thread of a process so far, summed by thread name (Node names its threads: the
 * main thread after the process, V8's helper threads "V8 DefaultWorke", libuv's pool "libuv-worker",
 * a worker thread by its own name). Threads that ended are not counted (`BENCH_THREADS=1`).
 */
function threadCpuSeconds(pid: number): Map<string, number> {
  const byName = new Map<string, number>()
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')
      const name = tid === String(pid) ? 'main' : fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()
      byName.set(name, (byName.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100)
    } catch {
      // the thread ended meanwhile
    }
  }
  return byName
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function runLoad(relay: string, server: ServerProcess, mapId: string, token: string, asParticipants = false): Promise<LoadResult> {
  // On this relay each client is a participant of its own, as in the app (its limits are its own).
  const params = async (): Promise<Record<string, string>> => (asParticipants ? { participant: (await issueParticipant(server.url, mapId, token)).participantToken } : {})
  const clients = await Promise.all(Array.from({ length: CLIENTS }, async () => SyncClient.connect(server.url, mapId, token, { params: await params() })))
  await Promise.all(clients.map((c) => c.synced))
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let measuring = false
  let messagesReceived = 0
  let bytesReceived = 0
  let updatesSent = 0
  clients.forEach((client) => {
    client.ws.on('message', (data: Buffer) => {
      if (!measuring) return
      messagesReceived++
      bytesReceived += data.byteLength
    })
    // Each client edits the text of a comment of its own (a record the document schema knows).
    const comments = client.doc.getMap<Y.Map<string>>('comments')
    comments.observeDeep((events, transaction) => {
      if (transaction.origin !== client || !measuring) return // only edits that came through the relay
      const now = performance.now()
      for (const event of events) {
        const texts = event.target === comments ? [...(event as Y.YMapEvent<unknown>).keysChanged].map((id) => comments.get(id)?.get('text')) : [(event.target as Y.Map<string>).get('text')]
        for (const text of texts) {
          const started = text === undefined ? undefined : sentAt.get(text)
          if (started !== undefined) latencies.push(now - started)
        }
      }
    })
  })

  // Each client edits its own key every 100 ms; clients are staggered across the interval.
  const timers: NodeJS.Timeout[] = []
  clients.forEach((client, i) => {
    let seq = 0
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          const value = `${i}:${seq++}`
          sentAt.set(value, performance.now())
          const comments = client.doc.getMap<Y.Map<string>>('comments')
          const mine = comments.get(`comment:bench${i}`)
          if (mine) mine.set('text', value)
          else comments.set(`comment:bench${i}`, new Y.Map<string>([['text', value]]))
          if (measuring) updatesSent++
        }, 1000 / UPDATES_PER_SECOND),
      )
    }, (i * 1000) / UPDATES_PER_SECOND / CLIENTS)
    timers.push(start)
  })
  const warmupCpuBefore = processCpuSeconds(server.child.pid!)
  await sleep(WARMUP_SECONDS * 1000)
  const cpuBefore = processCpuSeconds(server.child.pid!)
  const threadsBefore = process.env.BENCH_THREADS ? threadCpuSeconds(server.child.pid!) : undefined
  const clientCpuBefore = process.cpuUsage()
  measuring = true
  await sleep(SECONDS * 1000)
  measuring = false
  const cpuAfter = processCpuSeconds(server.child.pid!)
  const threadsAfter = threadsBefore ? threadCpuSeconds(server.child.pid!) : undefined
  const clientCpu = process.cpuUsage(clientCpuBefore)
  timers.forEach((t) => clearInterval(t))
  await sleep(200)
  await Promise.all(clients.map((c) => c.close()))

  latencies.sort((a, b) => a - b)
  return {
    relay,
    samples: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    cpuSeconds: cpuAfter - cpuBefore,
    warmupCpuSeconds: cpuBefore - warmupCpuBefore,
    clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
    threads: threadsAfter && new Map([...threadsAfter].map(([name, seconds]) => [name, seconds - (threadsBefore!.get(name) ?? 0)])),
    updatesSent,
    messagesReceived,
    bytesReceived,
  }
}

async function benchThisRelay(): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-relay-'))
  // BENCH_PROFILE=<dir>: the relay writes a CPU profile there (node --cpu-prof; the stock one in <dir>/stock).
  const nodeArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
  const server = await spawnServer({ dataDir, env: { LOG_LEVEL: 'info' }, nodeArgs })
  try {
    const res = await fetch(`${server.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title: 'Benchmark ⚡' }) })
    const map = (await res.json()) as { id: string; editorToken: string }
    return await runLoad('this relay (SQLite, auth, limits)', server, map.id, map.editorToken, true)
  } finally {
    server.child.kill('SIGTERM')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

async function benchStockRelay(): Promise<LoadResult> {
  const nodeArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}/stock`] : []
  const server = await spawnServer({ dataDir: os.tmpdir(), script: 'bench/relayStockServer.ts', nodeArgs })
  try {
    return await runLoad('@y/websocket-server 0.1.1 (in memory)', server, 'stock-room', 'unused')
  } finally {
    server.child.kill('SIGTERM')
    await server.exited
  }
}

/** A 1,000-touchpoint map made the way people make one: command by command. */
function buildLargeMapWithCommands(): { log: Uint8Array[]; snapshot: Uint8Array; ms: number } {
  const started = performance.now()
  const doc = new Y.Doc()
  const log: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => log.push(update))
  initializeMap(doc, { title: 'Bilværksted: 1.000 kontaktpunkter 🚗', locale: 'da' })
  const personas = [...doc.getMap('personas').keys()] as PersonaId[]
  for (let i = 1; i < 5; i++) personas.push(addPersona(doc, { name: `Persona ${i} – Åse`, description: 'Ønsker hurtig service og at blive genkendt.' }))
  const stages = [...doc.getMap('stages').keys()] as StageId[]
  for (let i = 3; i < 20; i++) stages.push(addStage(doc, { phase: PHASES[i % 3], title: `Trin ${i + 1} – bestilling` }))
  for (let n = 0; n < TOUCHPOINTS; n++) {
    addTouchpoint(doc, {
      stageId: stages[n % stages.length],
      personaId: personas[Math.floor(n / stages.length) % personas.length],
      title: `Kontaktpunkt ${n} – ringer værkstedet`,
      description: 'Kunden ringer omstillingen og venter to minutter før nogen svarer.',
      channel: ['app', 'phone', 'web', 'email'][n % 4],
      owner: ['Værksted', 'Kundeservice', 'Salg', 'Økonomi'][n % 4],
      emotion: (n % 5) - 2,
      priority: (n % 5) + 1,
    })
  }
  const snapshot = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { log, snapshot, ms: performance.now() - started }
}

async function benchLargeRoom() {
  const built = buildLargeMapWithCommands()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rooms-'))
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', authSecret: TEST_SECRET, roomGraceMs: 600_000 })
  try {
    const fromSnapshot: string[] = []
    const fromLog: string[] = []
    for (let i = 0; i < ROOMS_FOR_MEMORY; i++) {
      const id = createMapId()
      const createdAt = new Date().toISOString()
      if (i % 2 === 0) {
        await server.store.createMap({ id, title: 'snapshot', createdAt, initialUpdate: built.snapshot })
        fromSnapshot.push(id)
      } else {
        await server.store.createMap({ id, title: 'log', createdAt, initialUpdate: built.log[0] })
        for (const update of built.log.slice(1)) await server.store.appendUpdate(id, update)
        fromLog.push(id)
      }
    }
    // One load of each kind first, so the figures are not the JIT warming up.
    for (const initialUpdate of [built.snapshot, Y.mergeUpdates(built.log)]) {
      const id = createMapId()
      await server.store.createMap({ id, title: 'warm-up', createdAt: new Date().toISOString(), initialUpdate })
      server.relay.rooms.release(await server.relay.rooms.acquire(id))
    }
    const loadMs = async (ids: string[]) => {
      const times: number[] = []
      for (const id of ids) {
        const started = performance.now()
        await server.relay.rooms.acquire(id)
        times.push(performance.now() - started)
      }
      return times.reduce((a, b) => a + b, 0) / times.length
    }
    gc()
    const heapBefore = process.memoryUsage().heapUsed
    const rssBefore = process.memoryUsage().rss
    const snapshotLoadMs = await loadMs(fromSnapshot)
    const logLoadMs = await loadMs(fromLog)
    gc()
    const heapPerRoom = (process.memoryUsage().heapUsed - heapBefore) / ROOMS_FOR_MEMORY
    const rssPerRoom = (process.memoryUsage().rss - rssBefore) / ROOMS_FOR_MEMORY
    return { built, snapshotLoadMs, logLoadMs, heapPerRoom, rssPerRoom }
  } finally {
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** A 400-touchpoint map (some 600 annotations), imported: a workshop-sized full state. */
async function importWorkshopMap(server: ServerProcess) {
  const body = stringifyJourneyJson(buildSyntheticMap({ touchpoints: 400, stages: 12, personas: 4, seed: 7, locale: 'da' }))
  return (await (await fetch(`${server.url}/api/maps/import`, { method: 'POST', body })).json()) as { id: string; editorToken: string; viewerToken: string }
}

const residentBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024

interface FloodResult {
  setup: string
  fullStateKb: number
  quiet: number[]
  flood: number[]
  cpuSeconds: number
  quietCpuSeconds: number
  rssGrowth: number
  closedWith: string
}

async function benchSyncFlood(setup: string, env: Record<string, string>): Promise<FloodResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-flood-'))
  const server = await spawnServer({ dataDir, env: { LOG_LEVEL: 'info', TRUST_PROXY: '1', ...env } })
  try {
    const map = await importWorkshopMap(server)
    const join = async () => SyncClient.connect(server.url, map.id, map.editorToken, { params: { participant: (await issueParticipant(server.url, map.id, map.editorToken)).participantToken } })
    const [a, b] = [await join(), await join()]
    await Promise.all([a.synced, b.synced])
    const window = async () => {
      const probe = startLatencyProbe(a, b)
      await sleep(3000)
      return probe.stop()
    }
    const pid = server.child.pid!
    const quietCpuBefore = processCpuSeconds(pid)
    const quiet = await window()
    const quietCpuSeconds = processCpuSeconds(pid) - quietCpuBefore
    const cpuBefore = processCpuSeconds(pid)
    const rssBefore = residentBytes(pid)
    let rssPeak = rssBefore
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentBytes(pid))), 10)
    const probe = startLatencyProbe(a, b)
    await sleep(200)
    const flooder = await openStalledSocket(server.port, `/sync/${map.id}?token=${map.viewerToken}`, { 'X-Forwarded-For': '198.51.100.66' })
    flooder.flood(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())), 10_000)
    await sleep(2800)
    const flood = await probe.stop()
    clearInterval(sampler)
    const cpuSeconds = processCpuSeconds(pid) - cpuBefore
    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    flooder.destroy()
    await Promise.all([a.close(), b.close()])
    return {
      setup,
      fullStateKb: Y.encodeStateAsUpdate(b.doc).byteLength / 1024,
      quiet,
      flood,
      cpuSeconds,
      quietCpuSeconds,
      rssGrowth: rssPeak - rssBefore,
      closedWith: [...metrics.matchAll(/relay_closes_total\{code="(\d+)"\} (\d+)/g)].map((m) => m[1]).join(', ') || 'not closed',
    }
  } finally {
    server.child.kill('SIGTERM')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const CONNECTIONS = 200

/** Memory a further participant costs the relay: many idle ones joining one loaded room. */
async function benchMemoryPerConnection() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-conns-'))
  const many = String(CONNECTIONS * 2)
  const server = await spawnServer({
    dataDir,
    env: { LOG_LEVEL: 'info', TRUST_PROXY: '1', MAX_PARTICIPANTS: many, MAX_CONNECTIONS_PER_LINK: many, RATE_LINK_RECONNECTS_BURST: many, RATE_PARTICIPANT_IDS_BURST: many },
  })
  try {
    const map = await importWorkshopMap(server)
    const first = await SyncClient.connect(server.url, map.id, map.viewerToken)
    await first.synced
    await sleep(500)
    const rssBefore = residentBytes(server.child.pid!)
    const clients: SyncClient[] = []
    for (let i = 0; i < CONNECTIONS; i++) {
      // Each from an address of its own, with a participant id and a presence, as people in a workshop.
      const headers = { 'x-forwarded-for': `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}` }
      const issued = await issueParticipant(server.url, map.id, map.editorToken, undefined, headers)
      const client = await SyncClient.connect(server.url, map.id, map.editorToken, { params: { participant: issued.participantToken }, headers })
      await client.synced
      client.setPresence({ user: { name: `Deltager ${i} ø`, color: '#4f7cff' }, cursor: { x: i, y: i } })
      clients.push(client)
    }
    await sleep(1000)
    const perConnectionRss = (residentBytes(server.child.pid!) - rssBefore) / CONNECTIONS
    await Promise.all([first, ...clients].map((c) => c.close()))
    return { perConnectionRss }
  } finally {
    server.child.kill('SIGTERM')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

const ms = (v: number) => `${v.toFixed(2)} ms`
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MB`

const PARTS = new Set((process.env.BENCH_PARTS ?? 'load,room,flood,connections').split(','))

if (PARTS.has('load')) {
  console.log(`relay benchmark: ${CLIENTS} clients × ${UPDATES_PER_SECOND} updates/s × ${SECONDS} s in one room after ${WARMUP_SECONDS} s of the same load, loopback, ${os.cpus().length} CPUs, Node ${process.version}`)
  console.log(`(clients run in this process; each relay in its own process, CPU read from /proc; load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})\n`)
  const results: LoadResult[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    for (const result of [await benchThisRelay(), await benchStockRelay()]) results.push({ ...result, relay: `${result.relay}, round ${round}` })
  }
  const rows = results.map((r) => ({
    relay: r.relay,
    'p50 latency': ms(r.p50),
    'p99 latency': ms(r.p99),
    max: ms(r.max),
    samples: r.samples,
    'relay CPU': `${((r.cpuSeconds / SECONDS) * 100).toFixed(1)} %`,
    [`CPU, first ${WARMUP_SECONDS} s`]: `${((r.warmupCpuSeconds / WARMUP_SECONDS) * 100).toFixed(1)} %`,
    'clients CPU': `${((r.clientCpuSeconds / SECONDS) * 100).toFixed(1)} %`,
    'updates in/s': Math.round(r.updatesSent / SECONDS),
    'msgs out/s': Math.round(r.messagesReceived / SECONDS),
    'KB out/s': Math.round(r.bytesReceived / SECONDS / 1024),
  }))
  console.table(rows)
  if (process.env.BENCH_THREADS) {
    const names = [...new Set(results.flatMap((r) => [...(r.threads ?? new Map()).keys()]))]
    console.table(results.map((r) => ({ relay: r.relay, ...Object.fromEntries(names.map((n) => [n, `${(((r.threads?.get(n) ?? 0) / SECONDS) * 100).toFixed(1)} %`])) })))
  }
  // Each round's ratio to the stock server in the same round, then the median over the rounds.
  const ratio = (figure: (r: LoadResult) => number) => {
    const ratios = Array.from({ length: ROUNDS }, (_, i) => figure(results[2 * i]) / figure(results[2 * i + 1])).sort((a, b) => a - b)
    return { median: ratios[Math.floor(ratios.length / 2)], each: ratios }
  }
  const against = (name: string, goal: number, figure: (r: LoadResult) => number) => {
    const { median, each } = ratio(figure)
    return { figure: `${name} of this relay ÷ stock server`, 'median of rounds': `×${median.toFixed(2)}`, goal: `≤ ×${goal}`, met: median <= goal ? 'yes' : 'NO', rounds: each.map((r) => `×${r.toFixed(2)}`).join(' ') }
  }
  console.table([against('p50 latency', 1.1, (r) => r.p50), against('p99 latency', 1.5, (r) => r.p99), against('CPU', 1.5, (r) => r.cpuSeconds)])
  const ours = (figure: (r: LoadResult) => number) => results.filter((_, i) => i % 2 === 0).map(figure).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]
  console.table([
    { figure: 'p50 latency of this relay (median of rounds)', value: ms(ours((r) => r.p50)), goal: '≤ 5 ms', met: ours((r) => r.p50) <= 5 ? 'yes' : 'NO' },
    { figure: 'p99 latency of this relay (median of rounds)', value: ms(ours((r) => r.p99)), goal: '≤ 30 ms', met: ours((r) => r.p99) <= 30 ? 'yes' : 'NO' },
  ])
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (on a busy machine every figure suffers; the ratios least)\n`)
}

if (PARTS.has('room')) {
  const room = await benchLargeRoom()
  console.table([
    { figure: `map built with commands (${TOUCHPOINTS} touchpoints, 5 personas × 20 stages)`, value: `${Math.round(room.built.ms)} ms, ${room.built.log.length} updates` },
    { figure: 'document size (encodeStateAsUpdate)', value: `${(room.built.snapshot.byteLength / 1024).toFixed(0)} KB` },
    { figure: 'heap per loaded room', value: mb(room.heapPerRoom) },
    { figure: 'RSS per loaded room', value: mb(room.rssPerRoom) },
    { figure: 'load room from compacted snapshot', value: ms(room.snapshotLoadMs) },
    { figure: `load room from raw log (${room.built.log.length} rows)`, value: ms(room.logLoadMs) },
  ])
}

if (PARTS.has('flood')) {
  console.log(`\nsync-request flood: a viewer that does not read sends 10,000 empty-state sync requests; two editors edit every 12 ms (load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`)
  const floods = [await benchSyncFlood('default limits', {}), await benchSyncFlood('sync-request limit lifted (cache + send budget)', { RATE_SYNC_PER_SECOND: '100000', RATE_SYNC_BURST: '100000' })]
  console.table(
    floods.map((f) => ({
      setup: f.setup,
      'full state': `${f.fullStateKb.toFixed(0)} KB`,
      'quiet p50 / p99': `${ms(percentile(f.quiet, 50))} / ${ms(percentile(f.quiet, 99))}`,
      'flood p50 / p99 (goal p99 < 50 ms)': `${ms(percentile(f.flood, 50))} / ${ms(percentile(f.flood, 99))}`,
      'flood max': ms(f.flood.at(-1) ?? NaN),
      'relay CPU, 3 s quiet / flood': `${(f.quietCpuSeconds * 1000).toFixed(0)} / ${(f.cpuSeconds * 1000).toFixed(0)} ms`,
      'RSS growth': mb(f.rssGrowth),
      'flooder closed with': f.closedWith,
    })),
  )
}

if (PARTS.has('connections')) {
  const { perConnectionRss } = await benchMemoryPerConnection()
  console.table([{ figure: `relay RSS per further participant (${CONNECTIONS} joining one room, each with a participant id and presence)`, value: `${(perConnectionRss / 1024).toFixed(1)} KB` }])
}
