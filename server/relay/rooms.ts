/**
 * Which rooms are in memory. A room loads on first use (a join or an export) and unloads a
 * grace period after its last holder lets go, so a page reload does not reload it from disk.
 */
import type { Logger } from '../log'
import type { StoredUpdates } from '../storage/types'
import { CLOSE_CODES } from './protocol'
import { loadsInPlace } from './fold'
import { Room, type RoomDeps } from './room'

interface Entry {
  room: Promise<Room>
  /** The room once loaded. */
  loaded?: Room
  /** Participants plus in-flight upgrades and API reads. */
  holds: number
  timer?: NodeJS.Timeout
  /** Until the room is built: its stored rows, and what the build waits for (see `storedState`). */
  pending?: Pending
}

interface Pending {
  rows: Promise<StoredUpdates>
  waits: Promise<unknown>[]
  building: boolean
}

/** The longest a build waits for a stored state being sent (see `storedState`). */
const STORED_STATE_WAIT_MS = 1000

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>()
  /** Rooms being written out; a new load of the same map waits for it. */
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(
    private readonly deps: Omit<RoomDeps, 'onFailure'>,
    private readonly graceMs: number,
    private readonly log: Logger,
    /** Told when a room dropped because storage failed. */
    private readonly onStorageFailure: () => void = () => {},
  ) {}

  get loadedCount(): number {
    return this.entries.size
  }

  /** Rooms being written out (their last fold) after their last holder left. */
  get unloadingCount(): number {
    return this.unloading.size
  }

  /** How many hold the map now (0 when not loaded); used to refuse joins to a full room. */
  holdsOf(mapId: string): number {
    return this.entries.get(mapId)?.holds ?? 0
  }

  /** Load (or reuse) a map's room and hold it until `release`. */
  async acquire(mapId: string): Promise<Room> {
    const entry = this.entryFor(mapId)
    entry.holds++
    clearTimeout(entry.timer)
    try {
      return await entry.room
    } catch (error) {
      entry.holds--
      if (this.entries.get(mapId) === entry) this.entries.delete(mapId)
      throw error
    }
  }

  release(room: Room): void {
    const entry = this.entries.get(room.mapId)
    if (!entry) return
    entry.holds--
    if (entry.holds > 0) return
    clearTimeout(entry.timer)
    entry.timer = setTimeout(() => {
      if (this.entries.get(room.mapId) === entry && entry.holds === 0) void this.unload(room.mapId, entry)
    }, this.graceMs)
    entry.timer.unref()
  }

  /**
   * The map's stored state, while its room is not built yet and its log is one stored state (the
   * creation state or a compacted snapshot) with at most a short tail (see `loadsInPlace`): a
   * reader that holds none of the map can be sent that state at once and apply it while the room
   * applies it too, instead of after; the tail, judged first, reaches it with the room's answer.
   * Applying a large map takes the relay hundreds of milliseconds, and a first opener otherwise
   * waits for that before its own apply even starts. `delayBuild` holds the build back (at most a
   * second) until the state has been handed to the socket: a build blocks the event loop, which
   * would stop the sending halfway. Null when the room is built or building, or its log has a
   * longer tail (that needs a fold first). Call `acquire` at once after it, in the same turn.
   */
  async storedState(mapId: string): Promise<{ state: Uint8Array; delayBuild(until: Promise<unknown>): void } | null> {
    const pending = this.entryFor(mapId).pending
    if (!pending || pending.building) return null
    const rows = await pending.rows.catch(() => null)
    if (!rows || rows.updates.length === 0 || !loadsInPlace(rows.updates) || pending.building) return null
    return {
      state: rows.updates[0],
      delayBuild: (until) => {
        let timer: NodeJS.Timeout | undefined
        const bounded = new Promise<void>((resolve) => (timer = setTimeout(resolve, STORED_STATE_WAIT_MS)))
        pending.waits.push(Promise.race([until.catch(() => {}), bounded]).finally(() => clearTimeout(timer)))
      },
    }
  }

  /** Every room in memory now (loads in progress left out). */
  loadedRooms(): Room[] {
    return [...this.entries.values()].flatMap((e) => (e.loaded ? [e.loaded] : []))
  }

  /** The room if it is in memory, without loading it. */
  async peek(mapId: string): Promise<Room | undefined> {
    return this.entries.get(mapId)?.room
  }

  /** Unload every room now (shutdown), after closing its connections with `code`. */
  async closeAll(code: number, reason: string): Promise<void> {
    const ids = [...this.entries.keys()]
    await Promise.all(
      ids.map(async (mapId) => {
        const entry = this.entries.get(mapId)!
        clearTimeout(entry.timer)
        const room = await entry.room.catch(() => undefined)
        room?.closeAll(code, reason)
        await this.unload(mapId, entry)
      }),
    )
    await Promise.all(this.unloading.values())
  }

  private entryFor(mapId: string): Entry {
    const existing = this.entries.get(mapId)
    if (existing) return existing
    const rows = (async () => {
      await this.unloading.get(mapId)
      return this.deps.store.loadUpdates(mapId)
    })()
    const pending: Pending = { rows, waits: [], building: false }
    const entry: Entry = { room: this.load(mapId, pending), holds: 0, pending }
    entry.room.then(
      (room) => (entry.loaded = room),
      () => {},
    )
    entry.room.finally(() => (entry.pending = undefined)).catch(() => {})
    this.entries.set(mapId, entry)
    return entry
  }

  private async load(mapId: string, pending: Pending): Promise<Room> {
    const started = performance.now()
    const rows = await pending.rows
    // A turn for whoever is sending the stored state to register what the build must wait for.
    await new Promise((resolve) => setImmediate(resolve))
    pending.building = true
    await Promise.all(pending.waits)
    return Room.build(mapId, { ...this.deps, onFailure: (room) => this.onFailure(room) }, rows, started)
  }

  private async unload(mapId: string, entry: Entry): Promise<void> {
    if (this.entries.get(mapId) !== entry) return this.unloading.get(mapId)
    this.entries.delete(mapId)
    const room = await entry.room.catch(() => undefined)
    if (!room) return
    const done = room
      .unload()
      .catch((error) => this.log.error('room.unload_failed', { mapId, error: String(error) }))
      .finally(() => {
        if (this.unloading.get(mapId) === done) this.unloading.delete(mapId)
      })
    this.unloading.set(mapId, done)
    await done
    this.log.info('room.unload', { mapId })
  }

  private onFailure(room: Room): void {
    const entry = this.entries.get(room.mapId)
    room.closeAll(CLOSE_CODES.storageUnavailable, 'storage unavailable')
    this.onStorageFailure()
    if (entry) void this.unload(room.mapId, entry)
  }
}
