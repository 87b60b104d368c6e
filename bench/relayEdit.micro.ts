/**
 * The relay's own work for one ordinary edit, without sockets or clients (prints figures, asserts
 * nothing): a room on SQLite with 30 connections, each its own participant, takes small edits of a
 * comment's text in turn, one per event-loop turn, as in relay.bench.ts's load. Each edit goes the
 * whole way: parsed and rate-limited by its connection, judged, applied, stored, relayed to the 29
 * others (their sockets are stand-ins that take the message and call back, as `ws` does once written).
 *
 * Prints the CPU per edit (the process's and its main thread's) and the bytes allocated per edit (young generation, read
 * between collections: run with `--max-semi-space-size=64 --min-semi-space-size=64 --expose-gc`,
 * which `npm`-less `npx tsx` does not pass; the script re-runs itself with them).
 *
 * Run: `npx tsx bench/relayEdit.micro.ts` (`MICRO_EDITS=5000`; `MICRO_HEAP_PROFILE=<file>` writes where the allocation comes from).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import * as Y from 'yjs'
import { initializeMap } from '../src/commands'
import { DEFAULT_LIMITS } from '../server/config'
import { InProcessFanOut } from '../server/fanout/inProcess'
import { createLogger } from '../server/log'
import { RelayMetrics } from '../server/metrics'
import { Connection } from '../server/relay/connection'
import { OfflineReceiveBudget } from '../server/relay/offlineAnswers'
import { ParticipantLimits } from '../server/relay/participantLimits'
import { encodeUpdate } from '../server/relay/protocol'
import { Room } from '../server/relay/room'
import { HeldBytes } from '../server/relay/sendQueue'
import { openSqliteStore } from '../server/storage/sqlite'

const FLAGS = ['--max-semi-space-size=64', '--min-semi-space-size=64', '--expose-gc']
if (!process.execArgv.includes('--expose-gc')) {
  execFileSync(process.execPath, [...FLAGS, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' })
  process.exit(0)
}
const gc = (globalThis as unknown as { gc: () => void }).gc

const CLIENTS = 30
const EDITS = Number(process.env.MICRO_EDITS ?? 5000)
/** Edits per allocation reading: few enough that the 64 MB young generation is not collected in between. */
const ALLOCATION_EDITS = 300

/** A socket stand-in: open, takes what it is sent and calls back as `ws` does once a message is written. */
class StandInSocket {
  readonly OPEN = 1
  readyState = 1
  binaryType = 'nodebuffer'
  bytes = 0
  send(message: Uint8Array, written?: () => void): void {
    // As `ws` does: a message that is not a Buffer is wrapped in one for the socket.
    const frame = Buffer.isBuffer(message) ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength)
    this.bytes += frame.byteLength
    if (written) process.nextTick(written) // as a socket calls back after a write that completed at once
  }
  on(): this {
    return this
  }
  pause(): void {}
  resume(): void {}
  close(): void {}
  terminate(): void {}
  ping(): void {}
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'micro-relay-'))
const store = await openSqliteStore(dataDir)
const mapId = 'map_micro'
const seed = new Y.Doc()
initializeMap(seed, { title: 'Værksted 🚗' })
await store.createMap({ id: mapId, title: 'Værksted 🚗', createdAt: new Date().toISOString(), initialUpdate: Y.encodeStateAsUpdate(seed) })
const metrics = new RelayMetrics()
const log = createLogger('info', () => {})
const room = await Room.build(mapId, { store, fanOut: new InProcessFanOut(), relayId: 'micro', log, metrics, compactEvery: 500, onFailure: () => {} }, await store.loadUpdates(mapId))
const limits = { ...DEFAULT_LIMITS }
const participantLimits = new ParticipantLimits(limits)
const processBuffers = new HeldBytes()
const offlineBudget = new OfflineReceiveBudget(limits.offlineReceiveBytes)
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

// Each client is a Y.Doc of its own in sync with the room, editing its own comment.
const clients = Array.from({ length: CLIENTS }, (_, i) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  const participantId = `p_micro${i}`
  const connection = new Connection(new StandInSocket() as never, room, 'editor', { participantId, personKey: participantId }, limits, metrics, log, processBuffers, participantLimits.buckets(participantId), offlineBudget)
  room.join(connection)
  let seq = 0
  const edit = (): Buffer => {
    let update: Uint8Array | null = null
    const take = (u: Uint8Array) => (update = u)
    doc.once('update', take)
    const comments = doc.getMap<Y.Map<string>>('comments')
    const mine = comments.get(`comment:micro${i}`)
    if (mine) mine.set('text', `${i}:${seq++}`)
    else comments.set(`comment:micro${i}`, new Y.Map<string>([['text', `${i}:${seq++}`]]))
    return Buffer.from(encodeUpdate(update!))
  }
  return { doc, connection, edit }
})
// Everyone's first edit (the comment itself), then the clients learn each other's comments.
for (const c of clients) c.connection.receive(c.edit(), true)
await turn()
await room.whenStored()
const everything = Y.encodeStateAsUpdate(room.doc)
for (const c of clients) Y.applyUpdate(c.doc, everything)

// The edits, made ahead so the clients' work is not measured.
const made = (n: number) => Array.from({ length: n }, (_, k) => ({ client: clients[k % CLIENTS], message: clients[k % CLIENTS].edit() }))
const run = async (edits: { client: (typeof clients)[number]; message: Buffer }[]) => {
  for (const { client, message } of edits) {
    client.connection.receive(message, true)
    await turn()
  }
  await room.whenStored()
  await turn()
}

// Warm-up (the JIT), then CPU per edit, then allocation per edit.
await run(made(EDITS))
const timed = made(EDITS)
/** CPU seconds of this process's main thread so far (Linux; clock ticks of 10 ms, so many edits are timed). */
const mainThreadCpu = () => {
  const fields = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
gc()
const mainBefore = mainThreadCpu()
const cpuBefore = process.cpuUsage()
const started = performance.now()
await run(timed)
const cpu = process.cpuUsage(cpuBefore)
const mainCpu = mainThreadCpu() - mainBefore
const wallMs = performance.now() - started
const youngUsed = () => v8.getHeapSpaceStatistics().reduce((n, s) => (s.space_name === 'new_space' || s.space_name === 'new_large_object_space' ? n + s.space_used_size : n), 0)
const allocation: number[] = []
for (let r = 0; r < 5; r++) {
  const edits = made(ALLOCATION_EDITS)
  gc()
  const before = youngUsed()
  await run(edits)
  allocation.push((youngUsed() - before) / ALLOCATION_EDITS)
}
allocation.sort((a, b) => a - b)
if (process.env.MICRO_HEAP_PROFILE) {
  // Where the allocation comes from: a sampling heap profile that keeps collected objects too.
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  session.connect()
  const edits = made(ALLOCATION_EDITS)
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never)
  await run(edits)
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: unknown }
  fs.writeFileSync(process.env.MICRO_HEAP_PROFILE, JSON.stringify(profile))
}
console.table([
  { figure: 'CPU per edit, whole process (user + system)', value: `${((cpu.user + cpu.system) / EDITS).toFixed(1)} µs` },
  { figure: '  of which system', value: `${(cpu.system / EDITS).toFixed(1)} µs` },
  { figure: '  of which the main thread', value: `${((mainCpu * 1e6) / EDITS).toFixed(1)} µs` },
  { figure: 'wall time per edit (one turn each)', value: `${((wallMs * 1000) / EDITS).toFixed(1)} µs` },
  { figure: 'young-generation bytes allocated per edit (median of 5)', value: `${Math.round(allocation[2])} B` },
  { figure: 'messages out per edit', value: (metrics.messagesOut.get() / metrics.updatesStored.get()).toFixed(1) },
])
room.closeAll(1001, 'done')
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
