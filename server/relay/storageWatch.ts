/**
 * The relay's view of its storage: is it reachable (for `/healthz`, and to refuse joins it could
 * not serve), and, when relays share storage, what did the fan-out fail to deliver?
 *
 * Every few seconds one query reads the log head and role epochs of every loaded map
 * (`mapHeads`). A room still missing rows that were stored before the previous check reads them
 * from storage; connections holding a token of a revoked epoch are closed. So a lost Redis
 * message, a Redis restart or a relay cut off from Redis delays an update or a revocation by
 * seconds, and never leaves a room silently diverged. While Redis is away the check runs every
 * second: storage then carries updates between relays on its own.
 */
import type { RoleEpochs } from '../storage/types'
import type { FanOut } from '../fanout/types'
import type { Logger } from '../log'
import type { RelayMetrics } from '../metrics'
import type { MapStore } from '../storage/types'
import type { RoomRegistry } from './rooms'

const FAST_MS = 1000
const SHARED_MS = 3000
const ALONE_MS = 5000

export interface StorageWatchDeps {
  store: MapStore
  fanOut: FanOut
  rooms: RoomRegistry
  log: Logger
  metrics: RelayMetrics
  /** Close connections whose token epoch is below the stored one. */
  enforceEpochs(mapId: string, epochs: RoleEpochs): void
}

export class StorageWatch {
  private up = true
  private timer: NodeJS.Timeout | undefined
  private stopped = false
  private running: Promise<void> = Promise.resolve()

  constructor(private readonly deps: StorageWatchDeps) {
    deps.metrics.gauge('relay_storage_up', '1 when this relay can reach its storage, else 0', () => (this.up ? 1 : 0))
  }

  get storageUp(): boolean {
    return this.up
  }

  start(): void {
    this.schedule(0)
  }

  /** A storage call failed elsewhere: count storage as down until a check succeeds. */
  suspect(): void {
    this.setUp(false)
    if (!this.stopped) this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => (this.running = this.check()), ms)
    this.timer.unref()
  }

  private async check(): Promise<void> {
    const { store, fanOut, rooms } = this.deps
    try {
      const loaded = fanOut.shared ? rooms.loadedRooms() : []
      if (loaded.length) {
        const heads = await store.mapHeads(loaded.map((r) => r.mapId))
        for (const room of loaded) {
          const head = heads.get(room.mapId)
          if (!head) continue
          room.noticeStoredHead(head.lastSeq)
          this.deps.enforceEpochs(room.mapId, head.epochs)
        }
      } else await store.ping()
      this.setUp(true)
    } catch (error) {
      if (this.up) this.deps.log.error('storage.unreachable', { error: String(error) })
      this.setUp(false)
    }
    if (this.stopped) return
    this.schedule(!this.up || (fanOut.shared && !fanOut.healthy) ? FAST_MS : fanOut.shared ? SHARED_MS : ALONE_MS)
  }

  private setUp(up: boolean): void {
    if (up && !this.up) this.deps.log.info('storage.reachable')
    this.up = up
  }
}
