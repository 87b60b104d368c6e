/**
 * Fan-out between relays through Redis Streams, chosen with `REDIS_URL=redis://…`.
 *
 * Each map has two streams: `map:<id>:doc` (stored updates with their sequence numbers, and
 * revocations) and `map:<id>:presence` (awareness), kept short with `XADD … MAXLEN ~` and
 * expiring when a map goes quiet. Each relay reads the streams of the maps it holds with one
 * blocking `XREAD` loop on a connection of its own, remembering the last entry it read, so:
 *  - a network blip or a slow reader resumes from the stream where it stopped, losing nothing
 *    while the stream still holds those entries;
 *  - a hole beyond that (the stream was trimmed past what it read) shows as a gap in the
 *    sequence numbers, and the room reads what it lacks from storage;
 *  - a Redis restart (a new `run_id`) loses the streams: every room is told to catch up from
 *    storage, which holds every update before it was published.
 *
 * Presence crosses relays through the presence stream. Each relay also keeps a key
 * `relay:<id>` alive with a heartbeat; when a relay's key lapses (it died, or lost Redis), the
 * others drop the presence of that relay's participants at once, rather than waiting for the
 * awareness protocol's 30 s timeout.
 *
 * Why ioredis: a maintained client with reconnection, binary-safe replies (`xreadBuffer`),
 * per-connection offline-queue and timeout settings (the blocking reader and the command
 * connection need different ones), Lua scripting and automatic pipelining.
 */
import { Redis, type RedisOptions } from 'ioredis'
import { ROLES, type Role } from '../auth/tokens'
import type { Logger } from '../log'
import type { RelayMetrics } from '../metrics'
import { readAwarenessEntries, writeAwarenessEntries } from '../relay/protocol'
import type { FanOut, FanOutEnvelope, MissedReason, RoomMessage } from './types'

export interface RedisFanOutOptions {
  url: string
  /** Put before every key, so several deployments (or test runs) can share one Redis. */
  prefix: string
  relayId: string
  log: Logger
  metrics: RelayMetrics
  /** Entries a map's document stream keeps (approximately): how far behind a relay may fall and still catch up from Redis. */
  docStreamLength?: number
  /** How long a relay's heartbeat key lives; another relay's presence is dropped this long after its last heartbeat. */
  relayTtlMs?: number
}

const DEFAULT_DOC_STREAM_LENGTH = 1000
const PRESENCE_STREAM_LENGTH = 100
/** A map's streams vanish this long after its last message (a catch-up then reads storage). */
const STREAM_IDLE_MS = 10 * 60 * 1000
const DEFAULT_RELAY_TTL_MS = 6000
const BLOCK_MS = 5000
const READ_COUNT = 500
/** Publishes waiting for Redis beyond this are dropped (and counted): other relays catch up from storage. */
const MAX_PENDING_PUBLISHES = 10_000
const CONNECT_TIMEOUT_MS = 10_000

type Listener = { message(envelope: FanOutEnvelope): void; missed?(reason: MissedReason): void }

interface MapSubscription {
  mapId: string
  listeners: Set<Listener>
  /** Last entry read from each stream; undefined until positioned (and while Redis is away). */
  docId?: string
  presenceId?: string
  /** Other relays' participants present in this map: awareness client id → its relay and clock. */
  presence: Map<number, { relayId: string; clock: number }>
  /** The next read found entries missed during a blip: count it as a catch-up from the stream. */
  resumed: boolean
}

export class RedisFanOut implements FanOut {
  readonly shared = true
  /** The command connection, shared with `RedisCoordination`. */
  readonly redis: Redis
  private readonly reader: Redis
  private readonly subs = new Map<string, MapSubscription>()
  private readonly keys: { doc(mapId: string): string; presence(mapId: string): string; relay(relayId: string): string; wake: string }
  private readonly docStreamLength: number
  private readonly relayTtlMs: number
  private readonly lastHeard = new Map<string, number>()
  private readonly expirySetAt = new Map<string, number>()
  private runId: string | undefined
  private readySince: number | undefined
  private wakeId = '0-0'
  private pending = 0
  private closed = false
  private readonly heartbeat: NodeJS.Timeout
  private loop: Promise<void> = Promise.resolve()
  private idle: { promise: Promise<void>; resolve(): void } | undefined

  private constructor(private readonly options: RedisFanOutOptions) {
    const { prefix, relayId } = options
    this.keys = {
      doc: (mapId) => `${prefix}map:${mapId}:doc`,
      presence: (mapId) => `${prefix}map:${mapId}:presence`,
      relay: (id) => `${prefix}relay:${id}`,
      wake: `${prefix}relay:${relayId}:wake`,
    }
    this.docStreamLength = options.docStreamLength ?? DEFAULT_DOC_STREAM_LENGTH
    this.relayTtlMs = options.relayTtlMs ?? DEFAULT_RELAY_TTL_MS
    const common: RedisOptions = {
      connectTimeout: 2000,
      // Reconnect quickly, then every second: a restarted Redis is back in use within a second.
      retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 1000),
      lazyConnect: true,
    }
    // Commands fail after a couple of reconnection attempts rather than queueing without end;
    // a publish that fails is caught up from storage by the other relays.
    this.redis = new Redis(options.url, { ...common, maxRetriesPerRequest: 2, commandTimeout: 3000, enableAutoPipelining: true })
    // The blocking reader never queues or resends: after a reconnect it reads again from where it was.
    this.reader = new Redis(options.url, { ...common, maxRetriesPerRequest: 0, enableOfflineQueue: false, autoResendUnfulfilledCommands: false, commandTimeout: BLOCK_MS + 3000 })
    for (const [name, connection] of [['commands', this.redis], ['reader', this.reader]] as const) {
      connection.on('error', (error: Error) => options.log.debug('redis.error', { connection: name, error: error.message }))
      connection.on('close', () => {
        if (name === 'commands') this.readySince = undefined
      })
    }
    this.redis.on('ready', () => void this.onReady())
    this.reader.on('ready', () => this.wake())
    this.heartbeat = setInterval(() => void this.beat(), Math.max(100, Math.floor(this.relayTtlMs / 3)))
    this.heartbeat.unref()
    options.metrics.gauge('relay_redis_up', '1 when this relay can reach Redis, else 0', () => (this.healthy ? 1 : 0))
  }

  /** Connect both connections; rejects, saying so, if Redis does not answer within ten seconds. */
  static async connect(options: RedisFanOutOptions): Promise<RedisFanOut> {
    const fanOut = new RedisFanOut(options)
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Redis at ${redactUrl(options.url)} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS).unref())
    try {
      await Promise.race([Promise.all([fanOut.redis.connect(), fanOut.reader.connect()]), timeout])
      await Promise.race([fanOut.onReady(), timeout])
    } catch (error) {
      fanOut.redis.disconnect()
      fanOut.reader.disconnect()
      clearInterval(fanOut.heartbeat)
      throw error
    }
    fanOut.loop = fanOut.readLoop()
    return fanOut
  }

  get healthy(): boolean {
    return this.redis.status === 'ready' && this.reader.status === 'ready'
  }

  publish({ mapId, relayId, message }: FanOutEnvelope): void {
    const { metrics } = this.options
    if (this.closed || this.pending >= MAX_PENDING_PUBLISHES) {
      metrics.fanOutDropped.inc({ kind: message.kind })
      return
    }
    const presence = message.kind === 'awareness'
    const key = presence ? this.keys.presence(mapId) : this.keys.doc(mapId)
    const fields: (string | Buffer)[] = ['r', relayId, ...encodeMessage(message)]
    this.pending++
    const added = this.redis.xadd(key, 'MAXLEN', '~', presence ? PRESENCE_STREAM_LENGTH : this.docStreamLength, '*', ...fields)
    const now = Date.now()
    // Refreshing the expiry on every message would double the commands; once a minute is enough.
    if (now - (this.expirySetAt.get(key) ?? 0) > 60_000) {
      this.expirySetAt.set(key, now)
      void this.redis.pexpire(key, STREAM_IDLE_MS).catch(() => this.expirySetAt.delete(key))
    }
    added.then(
      () => metrics.fanOutPublished.inc({ kind: message.kind }),
      (error: Error) => {
        metrics.fanOutDropped.inc({ kind: message.kind })
        this.options.log.debug('fanout.publish_failed', { mapId, error: error.message })
      },
    ).finally(() => this.pending--)
  }

  subscribe(mapId: string, message: (envelope: FanOutEnvelope) => void, missed?: (reason: MissedReason) => void): () => void {
    const listener: Listener = { message, missed }
    let sub = this.subs.get(mapId)
    if (!sub) {
      sub = { mapId, listeners: new Set(), presence: new Map(), resumed: false }
      this.subs.set(mapId, sub)
      void this.position(sub, 'subscribed')
    } else if (sub.docId !== undefined && missed) queueMicrotask(() => missed('subscribed'))
    sub.listeners.add(listener)
    const current = sub
    return () => {
      current.listeners.delete(listener)
      if (current.listeners.size === 0 && this.subs.get(mapId) === current) this.subs.delete(mapId)
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.heartbeat)
    this.subs.clear()
    this.idle?.resolve()
    // Leaving on purpose: others drop this relay's (already removed) presence without waiting.
    await this.redis.del(this.keys.relay(this.options.relayId), this.keys.wake).catch(() => {})
    this.reader.disconnect()
    await this.loop
    while (this.pending > 0) await new Promise((resolve) => setTimeout(resolve, 10))
    await this.redis.quit().catch(() => this.redis.disconnect())
  }

  /** (Re)connected: a new run_id means Redis restarted and every stream's history is gone. */
  private async onReady(): Promise<void> {
    const info = await this.redis.info('server').catch(() => '')
    const runId = /run_id:(\w+)/.exec(info)?.[1]
    const restarted = this.runId !== undefined && runId !== undefined && runId !== this.runId
    if (runId) this.runId = runId
    this.readySince = Date.now()
    if (restarted) {
      this.options.log.warn('fanout.redis_restarted', { maps: this.subs.size })
      this.wakeId = '0-0'
    }
    await this.beat()
    for (const sub of this.subs.values()) {
      if (restarted || sub.docId === undefined) void this.position(sub, restarted ? 'redis_restart' : 'subscribed')
      else sub.resumed = true
    }
  }

  /**
   * Start reading a map's streams at their current end, then tell its listeners to read from
   * storage what came before (every update is stored before it is published, so nothing falls
   * between the two).
   */
  private async position(sub: MapSubscription, reason: MissedReason): Promise<void> {
    sub.docId = sub.presenceId = undefined
    try {
      const [doc, presence] = await Promise.all([this.lastId(this.keys.doc(sub.mapId)), this.lastId(this.keys.presence(sub.mapId))])
      if (this.subs.get(sub.mapId) !== sub || this.closed) return
      sub.docId = doc
      sub.presenceId = presence
      this.wake()
      for (const listener of sub.listeners) listener.missed?.(reason)
    } catch (error) {
      // Redis is away: `onReady` positions it again once it is back.
      this.options.log.debug('fanout.position_failed', { mapId: sub.mapId, error: String(error) })
    }
  }

  private async lastId(key: string): Promise<string> {
    const [last] = await this.redis.xrevrange(key, '+', '-', 'COUNT', 1)
    return last?.[0] ?? '0-0'
  }

  /** Make the blocked XREAD return so the next one includes new subscriptions. */
  private wake(): void {
    if (this.idle) {
      this.idle.resolve()
      return
    }
    // An entry on our own wake stream ends the current XREAD, or the next one at once if it has
    // not reached Redis yet: no race with the read in flight.
    if (this.redis.status !== 'ready') return
    void this.redis.xadd(this.keys.wake, 'MAXLEN', '1', '*', 'w', '1').catch(() => {})
    void this.redis.pexpire(this.keys.wake, 3600_000).catch(() => {})
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const keys: string[] = [this.keys.wake]
      const ids: string[] = [this.wakeId]
      const targets: { sub: MapSubscription; presence: boolean }[] = []
      for (const sub of this.subs.values()) {
        if (sub.docId === undefined || sub.presenceId === undefined) continue
        keys.push(this.keys.doc(sub.mapId), this.keys.presence(sub.mapId))
        ids.push(sub.docId, sub.presenceId)
        targets.push({ sub, presence: false }, { sub, presence: true })
      }
      if (targets.length === 0 || this.reader.status !== 'ready') {
        let resolve!: () => void
        this.idle = { promise: new Promise<void>((r) => (resolve = r)), resolve: () => resolve() }
        await Promise.race([this.idle.promise, new Promise((r) => setTimeout(r, 250))])
        this.idle = undefined
        continue
      }
      let result: [Buffer, [Buffer, Buffer[]][]][] | null
      try {
        result = await this.reader.xreadBuffer('COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...ids)
      } catch (error) {
        if (this.closed) return
        this.options.log.debug('fanout.read_failed', { error: String(error) })
        await new Promise((r) => setTimeout(r, 100))
        continue
      }
      if (!result) continue
      const byKey = new Map(result.map(([key, entries]) => [key.toString(), entries]))
      const wakes = byKey.get(this.keys.wake)
      if (wakes?.length) this.wakeId = wakes.at(-1)![0].toString()
      targets.forEach(({ sub, presence }, i) => {
        const entries = byKey.get(keys[i + 1])
        if (entries?.length && this.subs.get(sub.mapId) === sub) this.deliver(sub, entries, presence)
      })
    }
  }

  private deliver(sub: MapSubscription, entries: [Buffer, Buffer[]][], presence: boolean): void {
    const { metrics, relayId: ownId } = this.options
    const now = Date.now()
    let fromOthers = 0
    for (const [rawId, fields] of entries) {
      const id = rawId.toString()
      if (presence) sub.presenceId = id
      else sub.docId = id
      const decoded = decodeEntry(fields)
      if (!decoded || decoded.relayId === ownId) continue
      fromOthers++
      const { relayId, message } = decoded
      this.lastHeard.set(relayId, now)
      metrics.fanOutReceived.inc({ kind: message.kind })
      // The entry id's first part is Redis's clock when the entry was added.
      metrics.fanOutLag.observe(Math.max(0, now - Number(id.slice(0, id.indexOf('-')))) / 1000)
      if (message.kind === 'awareness') this.trackPresence(sub, relayId, message.update)
      for (const listener of sub.listeners) listener.message({ mapId: sub.mapId, relayId, message })
    }
    if (sub.resumed && !presence) {
      sub.resumed = false
      if (fromOthers) metrics.catchUps.inc({ source: 'stream', reason: 'reconnect' })
    }
  }

  private trackPresence(sub: MapSubscription, relayId: string, update: Uint8Array): void {
    try {
      for (const entry of readAwarenessEntries(update)) {
        if (entry.state === 'null') sub.presence.delete(entry.clientId)
        else sub.presence.set(entry.clientId, { relayId, clock: entry.clock })
      }
    } catch {
      // Published by a relay that already checked it; nothing to track if it cannot be read.
    }
  }

  /** Keep this relay's heartbeat key alive, and drop the presence of relays whose key lapsed. */
  private async beat(): Promise<void> {
    if (this.closed || this.redis.status !== 'ready') return
    const { relayId, log } = this.options
    const now = Date.now()
    for (const [key, at] of this.expirySetAt) if (now - at > 120_000) this.expirySetAt.delete(key) // maps gone quiet
    try {
      await this.redis.set(this.keys.relay(relayId), String(now), 'PX', this.relayTtlMs)
      // Right after (re)connecting, others may not have renewed their key yet: judge nobody then.
      if (this.readySince === undefined || Date.now() - this.readySince < this.relayTtlMs) return
      const others = new Set<string>()
      for (const sub of this.subs.values()) for (const { relayId: other } of sub.presence.values()) others.add(other)
      if (others.size === 0) return
      const ids = [...others]
      const alive = await this.redis.mget(ids.map((id) => this.keys.relay(id)))
      const checkedAt = Date.now()
      ids.forEach((id, i) => {
        if (alive[i] !== null) this.lastHeard.set(id, checkedAt)
        else if (checkedAt - (this.lastHeard.get(id) ?? 0) >= this.relayTtlMs) this.dropRelayPresence(id)
      })
      log.debug('fanout.heartbeat', { relays: ids.length })
    } catch (error) {
      log.debug('fanout.heartbeat_failed', { error: String(error) })
    }
  }

  /** A relay is gone: its participants' presence is removed, as if each had left. */
  private dropRelayPresence(relayId: string): void {
    let dropped = 0
    for (const sub of this.subs.values()) {
      const gone = [...sub.presence].filter(([, p]) => p.relayId === relayId)
      if (gone.length === 0) continue
      for (const [clientId] of gone) sub.presence.delete(clientId)
      dropped += gone.length
      // The same clock with a null state is how a relay itself announces a participant leaving.
      const update = writeAwarenessEntries(gone.map(([clientId, p]) => ({ clientId, clock: p.clock, state: 'null' })))
      for (const listener of sub.listeners) listener.message({ mapId: sub.mapId, relayId, message: { kind: 'awareness', update } })
    }
    this.lastHeard.delete(relayId)
    if (dropped) {
      this.options.metrics.presenceExpired.add(dropped)
      this.options.log.info('fanout.relay_gone', { relayId, participants: dropped })
    }
  }
}

function encodeMessage(message: RoomMessage): (string | Buffer)[] {
  switch (message.kind) {
    case 'update':
      return ['k', 'u', 's', String(message.seq), 'd', Buffer.from(message.update.buffer, message.update.byteOffset, message.update.byteLength)]
    case 'awareness':
      return ['k', 'a', 'd', Buffer.from(message.update.buffer, message.update.byteOffset, message.update.byteLength)]
    case 'revoke':
      return ['k', 'r', 'role', message.role]
    case 'revoke-seat':
      return ['k', 's', 'seat', message.seatId]
  }
}

function decodeEntry(fields: Buffer[]): { relayId: string; message: RoomMessage } | undefined {
  const get = (name: string) => {
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i].toString() === name) return fields[i + 1]
    return undefined
  }
  const relayId = get('r')?.toString()
  const kind = get('k')?.toString()
  const data = get('d')
  if (!relayId) return undefined
  const bytes = data && new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  if (kind === 'u' && bytes) return { relayId, message: { kind: 'update', update: bytes, seq: Number(get('s')?.toString()) } }
  if (kind === 'a' && bytes) return { relayId, message: { kind: 'awareness', update: bytes } }
  const role = get('role')?.toString() as Role | undefined
  if (kind === 'r' && role && ROLES.includes(role)) return { relayId, message: { kind: 'revoke', role } }
  const seatId = get('seat')?.toString()
  if (kind === 's' && seatId && /^[A-Za-z0-9_-]{1,40}$/.test(seatId)) return { relayId, message: { kind: 'revoke-seat', seatId } }
  return undefined
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@')
}
