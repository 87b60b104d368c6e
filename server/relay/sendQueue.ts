/**
 * What the relay has handed to sockets and the network has not taken yet, with three bounds:
 *
 * - Per connection: a reader may fall behind by `perConnection` bytes beyond one full copy of its
 *   map (which a joining client legitimately receives at once). Further behind, it is closed with
 *   1013 instead of being buffered for without end.
 * - Per room and per process: memory actually held. A message shared by many sockets (a
 *   broadcast, the cached full state) is one buffer, so it is counted once. When a budget is
 *   spent, a reader that is behind is closed with 1013 rather than queued more.
 *
 * A reader with nothing queued always gets its message: a participant who keeps up never pays for
 * a slow one, and the bounds cost nothing while everyone reads.
 */

export interface SendBufferLimits {
  /** Bytes one connection may have queued beyond a full copy of its map. */
  perConnection: number
  /** Bytes held for all readers of one map. */
  perRoom: number
  /** Bytes held for all readers of this process. */
  perProcess: number
}

/** Why a message was not queued (also the `reason` label in `/metrics`). */
export type SendRefusal = 'slow_consumer' | 'room_buffer_full' | 'process_buffer_full'

/** Memory held by queued messages, each distinct message counted once however many sockets hold it. */
export class HeldBytes {
  bytes = 0
  private readonly holders = new Map<Uint8Array, number>()

  /** Bytes holding `message` once more would add (0 when it is held already). */
  added(message: Uint8Array): number {
    return this.holders.has(message) ? 0 : message.byteLength
  }

  hold(message: Uint8Array, times = 1): void {
    const n = this.holders.get(message) ?? 0
    if (n === 0) this.bytes += message.byteLength
    this.holders.set(message, n + times)
  }

  release(message: Uint8Array, times = 1): void {
    const n = this.holders.get(message)
    if (n === undefined) return
    if (n <= times) {
      this.holders.delete(message)
      this.bytes -= message.byteLength
    } else this.holders.set(message, n - times)
  }
}

/** One connection's outgoing queue, as far as the relay's budgets are concerned. */
export class SendQueue {
  /** Bytes handed to the socket and not yet written out. */
  private queued = 0
  private readonly pending = new Map<Uint8Array, number>()
  private cleared = false

  constructor(
    private readonly limits: SendBufferLimits,
    private readonly room: HeldBytes,
    private readonly process: HeldBytes,
    /** The size of the map's full state: how far behind a joining reader may legitimately be. */
    private readonly fullStateBytes: () => number,
  ) {}

  get bytes(): number {
    return this.queued
  }

  /** Why `message` may not be queued now, or null when it may. */
  refusal(message: Uint8Array): SendRefusal | null {
    if (this.queued === 0) return null
    if (this.queued + message.byteLength > this.limits.perConnection + this.fullStateBytes()) return 'slow_consumer'
    if (this.room.bytes + this.room.added(message) > this.limits.perRoom) return 'room_buffer_full'
    if (this.process.bytes + this.process.added(message) > this.limits.perProcess) return 'process_buffer_full'
    return null
  }

  /** Count `message` as queued; the returned callback (for `ws.send`) uncounts it once it is written. */
  add(message: Uint8Array): () => void {
    if (this.cleared) return () => {}
    this.queued += message.byteLength
    this.pending.set(message, (this.pending.get(message) ?? 0) + 1)
    this.room.hold(message)
    this.process.hold(message)
    return () => this.written(message)
  }

  /** The socket is gone: whatever it still held is freed with it. */
  clear(): void {
    if (this.cleared) return
    this.cleared = true
    for (const [message, times] of this.pending) {
      this.room.release(message, times)
      this.process.release(message, times)
    }
    this.pending.clear()
    this.queued = 0
  }

  private written(message: Uint8Array): void {
    if (this.cleared) return
    const n = this.pending.get(message)
    if (n === undefined) return
    if (n === 1) this.pending.delete(message)
    else this.pending.set(message, n - 1)
    this.queued -= message.byteLength
    this.room.release(message)
    this.process.release(message)
  }
}
