/**
 * Scale-out benchmark (prints figures, asserts nothing). In one run, on loopback, the same load
 * against three set-ups, each relay in its own process:
 *   - one relay on SQLite (the default);
 *   - one relay on PostgreSQL + Redis;
 *   - two relays on PostgreSQL + Redis, clients split between them.
 * Loads: one room of 30 clients × 10 updates/s (edit-to-remote-apply latency p50/p99, CPU), and
 * many rooms (100 rooms × 5 clients × 2 updates/s). For PostgreSQL + Redis it also counts what
 * each update costs there: commits, Redis commands, and server CPU. Then the memory a loaded
 * room and an open connection take on one relay.
 *
 * PostgreSQL and Redis are throwaway servers of the benchmark's own (PostgreSQL with real
 * fsync), so their counters and CPU are the benchmark's alone.
 *
 * Run: `npm run bench` (all benchmarks) or `npx tsx bench/scale.bench.ts`.
 */
import fs from 'node:fs'
import os from 'node:os'
import { Redis } from 'ioredis'
import pg from 'pg'
import * as Y from 'yjs'
import { spawnServer, type ServerProcess } from '../server/testing/serverProcess'
import { freshPostgresSchema, startThrowawayPostgres, startThrowawayRedis } from '../server/testing/services'
import { SyncClient } from '../server/testing/syncClient'
import { tempDataDir } from '../server/testing/testServer'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_SECONDS = 1

interface Load {
  name: string
  rooms: number
  clientsPerRoom: number
  updatesPerSecond: number
}
const LOADS: Load[] = [
  { name: '1 room × 30 clients × 10/s', rooms: 1, clientsPerRoom: 30, updatesPerSecond: 10 },
  { name: '100 rooms × 5 clients × 2/s', rooms: 100, clientsPerRoom: 5, updatesPerSecond: 2 },
]

interface Setup {
  name: string
  relays: number
  shared: boolean
}
const SETUPS: Setup[] = [
  { name: '1 relay, SQLite', relays: 1, shared: false },
  { name: '1 relay, PostgreSQL + Redis', relays: 1, shared: true },
  { name: '2 relays, PostgreSQL + Redis', relays: 2, shared: true },
]

const cpuOf = (pid: number): number => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0 // a process that exited meanwhile
  }
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const postgres = await startThrowawayPostgres({ durable: true })
const redisServer = await startThrowawayRedis()
const redis = new Redis(redisServer.url)
const admin = new pg.Client({ connectionString: postgres.url })
await admin.connect()

async function redisCounters(): Promise<{ cpu: number; calls: number; xadd: number; xread: number }> {
  const [cpu, stats] = await Promise.all([redis.info('cpu'), redis.info('commandstats')])
  const num = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0)
  const calls = [...stats.matchAll(/calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0)
  return { cpu: num(cpu, /used_cpu_sys:([\d.]+)/) + num(cpu, /used_cpu_user:([\d.]+)/), calls, xadd: num(stats, /cmdstat_xadd:calls=(\d+)/), xread: num(stats, /cmdstat_xread:calls=(\d+)/) }
}
async function commits(): Promise<number> {
  // Statistics reach pg_stat_database when a backend reports them (within a second, idle or not).
  await sleep(1200)
  const { rows } = await admin.query<{ n: string }>("SELECT xact_commit AS n FROM pg_stat_database WHERE datname = 'postgres'")
  return Number(rows[0].n)
}
const postgresCpu = () => postgres.processIds().reduce((sum, pid) => sum + cpuOf(pid), 0)

interface Result {
  setup: string
  load: string
  samples: number
  p50: number
  p99: number
  relayCpu: number
  updates: number
  postgresCpu?: number
  redisCpu?: number
  commits?: number
  redisCalls?: number
  xadds?: number
  xreads?: number
  /** Mean time from an update's arrival to its write resolving, and from XADD to XREAD, by the relays' own metrics. */
  storeMs: number
  fanOutLagMs?: number
}

async function relayFigures(relays: ServerProcess[]): Promise<{ storeSeconds: number; stored: number; lagSum: number; lagCount: number }> {
  const texts = await Promise.all(relays.map(async (r) => (await fetch(`${r.url}/metrics`)).text()))
  const sum = (name: string) => texts.reduce((total, text) => total + Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? 0), 0)
  return { storeSeconds: sum('relay_storage_write_seconds_total'), stored: sum('relay_updates_stored_total'), lagSum: sum('relay_fanout_lag_seconds_sum'), lagCount: sum('relay_fanout_lag_seconds_count') }
}

async function run(setup: Setup, load: Load): Promise<Result> {
  const schema = setup.shared ? await freshPostgresSchema(postgres.url) : undefined
  const prefix = `bench${Math.random().toString(36).slice(2, 8)}:`
  const env: Record<string, string> = { LOG_LEVEL: 'info', RATE_CREATE_MAPS_PER_MINUTE: '100000', MAX_PARTICIPANTS: '100' }
  if (schema) Object.assign(env, { DATABASE_URL: schema.url, REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: prefix })
  const dirs = Array.from({ length: setup.relays }, () => tempDataDir())
  const relays: ServerProcess[] = await Promise.all(dirs.map((dataDir) => spawnServer({ dataDir, env })))
  try {
    const maps = await Promise.all(
      Array.from({ length: load.rooms }, async () => {
        const res = await fetch(`${relays[0].url}/api/maps`, { method: 'POST', body: JSON.stringify({ title: 'Benchmark ⚡' }) })
        return (await res.json()) as { id: string; editorToken: string }
      }),
    )
    // Clients alternate between relays, so with two relays half of every room is on each.
    const clients: { client: SyncClient; room: number; index: number }[] = []
    for (let room = 0; room < load.rooms; room++) {
      for (let index = 0; index < load.clientsPerRoom; index++) {
        const relay = relays[(room * load.clientsPerRoom + index) % relays.length]
        clients.push({ client: await SyncClient.connect(relay.url, maps[room].id, maps[room].editorToken), room, index })
      }
    }
    await Promise.all(clients.map((c) => c.client.synced))

    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    let measuring = false
    let sending = true
    let updates = 0
    // Edits are link records (the relay refuses what the schema does not know), the stamp in the label.
    for (const { client } of clients) {
      const links = client.doc.getMap<Y.Map<unknown>>('links')
      links.observe((event, transaction) => {
        if (transaction.origin !== client || !measuring) return
        const now = performance.now()
        for (const key of event.keysChanged) {
          const started = sentAt.get(links.get(key)?.get('label') as string)
          if (started !== undefined) latencies.push(now - started)
        }
      })
    }
    const timers: NodeJS.Timeout[] = []
    const interval = 1000 / load.updatesPerSecond
    clients.forEach(({ client, room, index }, i) => {
      let seq = 0
      timers.push(
        setTimeout(
          () =>
            timers.push(
              setInterval(() => {
                if (!sending) return
                const value = `${room}:${index}:${seq++}`
                sentAt.set(value, performance.now())
                client.doc.getMap<Y.Map<unknown>>('links').set(`link:b${index}`, new Y.Map<unknown>([['id', `link:b${index}`], ['label', value]]))
                if (measuring) updates++
              }, interval),
            ),
          (i * interval) / clients.length,
        ),
      )
    })
    await sleep(WARMUP_SECONDS * 1000)
    // Counters are read at quiet moments (no edits in flight, statistics flushed), so everything
    // they count between the two readings belongs to the edits sent in between.
    sending = false
    const beforeCommits = await commits()
    const before = { relay: relays.reduce((s, r) => s + cpuOf(r.child.pid!), 0), postgres: postgresCpu(), redis: await redisCounters(), figures: await relayFigures(relays) }
    measuring = sending = true
    await sleep(SECONDS * 1000)
    sending = false
    await sleep(500) // the last edits arrive
    measuring = false
    timers.forEach((t) => clearInterval(t))
    const relayCpu = relays.reduce((s, r) => s + cpuOf(r.child.pid!), 0) - before.relay
    const postgresUsed = postgresCpu() - before.postgres
    const redisAfter = await redisCounters()
    const commitsAfter = await commits()
    const figures = await relayFigures(relays)
    const storeMs = ((figures.storeSeconds - before.figures.storeSeconds) / (figures.stored - before.figures.stored)) * 1000
    const fanOutLagMs = ((figures.lagSum - before.figures.lagSum) / (figures.lagCount - before.figures.lagCount)) * 1000
    await Promise.all(clients.map((c) => c.client.close()))
    latencies.sort((a, b) => a - b)
    const result: Result = { setup: setup.name, load: load.name, samples: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), relayCpu, updates, storeMs, ...(setup.relays > 1 ? { fanOutLagMs } : {}) }
    if (setup.shared) {
      Object.assign(result, {
        postgresCpu: postgresUsed,
        redisCpu: redisAfter.cpu - before.redis.cpu,
        // The two reads of the counters themselves are statements too; they are a rounding error here.
        commits: commitsAfter - beforeCommits,
        redisCalls: redisAfter.calls - before.redis.calls,
        xadds: redisAfter.xadd - before.redis.xadd,
        xreads: redisAfter.xread - before.redis.xread,
      })
    }
    return result
  } finally {
    for (const relay of relays) relay.child.kill('SIGTERM')
    await Promise.all(relays.map((r) => r.exited))
    dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
    await schema?.drop()
  }
}

/** Resident memory of one relay (SQLite) with `rooms` rooms loaded, each with `perRoom` connections. */
async function memory(rooms: number, perRoom: number): Promise<number> {
  const dataDir = tempDataDir()
  const relay = await spawnServer({ dataDir, env: { ROOM_GRACE_MS: '600000', MAX_PARTICIPANTS: '100', RATE_CREATE_MAPS_PER_MINUTE: '100000' } })
  try {
    const rss = async () => Number(/process_resident_memory_bytes (\d+)/.exec(await (await fetch(`${relay.url}/metrics`)).text())![1])
    // A realistic map: the Karoline car-service template (personas, stages, cards, annotations).
    const ready = await Promise.all(
      Array.from({ length: rooms }, async () => (await (await fetch(`${relay.url}/api/maps`, { method: 'POST', body: JSON.stringify({ template: 'karoline-car-service-en' }) })).json()) as { id: string; editorToken: string }),
    )
    await sleep(500)
    const start = await rss()
    const clients: SyncClient[] = []
    for (const map of ready) for (let i = 0; i < perRoom; i++) clients.push(await SyncClient.connect(relay.url, map.id, map.editorToken))
    await Promise.all(clients.map((c) => c.synced))
    await sleep(500)
    const used = (await rss()) - start
    await Promise.all(clients.map((c) => c.close()))
    return used
  } finally {
    relay.child.kill('SIGTERM')
    await relay.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

console.log(`scale benchmark: ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, loopback, ${os.cpus().length} CPUs, Node ${process.version}; load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
console.log('(clients run in this process; relays, PostgreSQL (fsync on) and Redis in their own; CPU from /proc and INFO cpu)\n')

const results: Result[] = []
const only = process.env.BENCH_ONLY // e.g. "100 rooms" to run one load while tuning
for (const load of LOADS.filter((l) => !only || l.name.includes(only))) for (const setup of SETUPS) results.push(await run(setup, load))

const ms = (v: number) => `${v.toFixed(1)} ms`
const pct = (cpu: number) => `${((cpu / SECONDS) * 100).toFixed(1)} %`
console.table(
  results.map((r) => ({
    load: r.load,
    setup: r.setup,
    'p50 latency': ms(r.p50),
    'p99 latency': ms(r.p99),
    samples: r.samples,
    'updates/s': Math.round(r.updates / SECONDS),
    'relay CPU': pct(r.relayCpu),
    'relay CPU µs/update': Math.round((r.relayCpu / r.updates) * 1e6),
    'store (mean)': ms(r.storeMs),
    'Redis lag (mean)': r.fanOutLagMs === undefined ? '' : ms(r.fanOutLagMs),
  })),
)
console.log('\nper update on PostgreSQL + Redis:')
console.table(
  results
    .filter((r) => r.commits !== undefined)
    .map((r) => ({
      load: r.load,
      setup: r.setup,
      'PG commits': (r.commits! / r.updates).toFixed(2),
      'PG CPU µs': Math.round((r.postgresCpu! / r.updates) * 1e6),
      'Redis commands': (r.redisCalls! / r.updates).toFixed(2),
      XADD: (r.xadds! / r.updates).toFixed(2),
      XREAD: (r.xreads! / r.updates).toFixed(2),
      'Redis CPU µs': Math.round((r.redisCpu! / r.updates) * 1e6),
    })),
)

const ROOMS = 100
const roomsOnly = await memory(ROOMS, 1)
const fiveEach = await memory(ROOMS, 5)
const perConnection = (fiveEach - roomsOnly) / (ROOMS * 4)
console.log('\nmemory on one relay (RSS, the car-service template map):')
console.table([
  { figure: `per loaded room with one connection (${ROOMS} rooms)`, value: `${(roomsOnly / ROOMS / 1024).toFixed(0)} KB` },
  { figure: 'per further connection', value: `${(perConnection / 1024).toFixed(0)} KB` },
])
console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)

await admin.end()
redis.disconnect()
await Promise.all([postgres.dispose(), redisServer.dispose()])
