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

const NOTHING_TO_UNCOUNT = () => {}

/**
 * One connection's outgoing queue, as far as the relay's budgets are concerned.
 *
 * A socket writes its messages, and calls back for them, in the order it was handed them (`ws`
 * writes each frame to the stream; a stream calls back in order, with an error too when it is
 * destroyed). So the messages in flight are a FIFO and one callback serves every send: the oldest
 * is the one written. A closure and a Map entry per message, added and removed for every one of an
 * edit's 29 sends in a room of 30, cost an allocation each (a Map emptied and filled again resizes).
 */
export class SendQueue {
  /** Bytes handed to the socket and not yet written out. */
  private queued = 0
  /** Messages handed to the socket and not yet written, oldest at `head`; emptied slots are cleared. */
  private readonly inFlight: (Uint8Array | undefined)[] = []
  private head = 0
  private tail = 0
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

  /** Count `message` as queued; the returned callback (for `ws.send`) uncounts the oldest message once it is written. */
  add(message: Uint8Array): () => void {
    if (this.cleared) return NOTHING_TO_UNCOUNT
    this.queued += message.byteLength
    this.inFlight[this.tail++] = message
    this.room.hold(message)
    this.process.hold(message)
    return this.written
  }

  /** The socket is gone: whatever it still held is freed with it. */
  clear(): void {
    if (this.cleared) return
    this.cleared = true
    for (let i = this.head; i < this.tail; i++) {
      const message = this.inFlight[i]!
      this.room.release(message)
      this.process.release(message)
    }
    this.inFlight.length = 0
    this.head = this.tail = 0
    this.queued = 0
  }

  private readonly written = (): void => {
    if (this.cleared || this.head === this.tail) return
    const message = this.inFlight[this.head]!
    this.inFlight[this.head++] = undefined
    if (this.head === this.tail) this.head = this.tail = 0
    else if (this.head >= 1024 && this.head * 2 >= this.tail) {
      // A socket that is never quite drained would otherwise grow the array for ever.
      this.inFlight.splice(0, this.head)
      this.tail -= this.head
      this.head = 0
    }
    this.queued -= message.byteLength
    this.room.release(message)
    this.process.release(message)
  }
}
