/**
 * Which rooms are in memory. A room loads on first use (a join or an export) and unloads a
 * grace period after its last holder lets go, so a page reload does not reload it from disk.
 */
import type { Logger } from '../log'
import { CLOSE_CODES } from './protocol'
import { Room, type RoomDeps } from './room'

interface Entry {
  room: Promise<Room>
  /** The room once loaded. */
  loaded?: Room
  /** Participants plus in-flight upgrades and API reads. */
  holds: number
  timer?: NodeJS.Timeout
}

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

  /** How many hold the map now (0 when not loaded); used to refuse joins to a full room. */
  holdsOf(mapId: string): number {
    return this.entries.get(mapId)?.holds ?? 0
  }

  /** Load (or reuse) a map's room and hold it until `release`. */
  async acquire(mapId: string): Promise<Room> {
    let entry = this.entries.get(mapId)
    if (!entry) {
      const created: Entry = { room: this.load(mapId), holds: 0 }
      created.room.then((room) => (created.loaded = room), () => {})
      this.entries.set(mapId, (entry = created))
    }
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

  private async load(mapId: string): Promise<Room> {
    await this.unloading.get(mapId)
    return Room.load(mapId, { ...this.deps, onFailure: (room) => this.onFailure(room) })
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
