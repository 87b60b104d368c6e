/**
 * Offline work lands whatever its size within what a map may hold. A reconnecting client answers
 * the relay's sync step 1 with everything the relay lacks in one message (stock y-websocket
 * clients and ours alike), and a long offline session is more than one live message
 * (`MAX_MESSAGE_BYTES`) holds. So after the relay sends its sync step 1 to an editor, that
 * connection may send up to `MAX_OFFLINE_MESSAGE_BYTES` until the answer arrives (at most
 * `OFFLINE_WINDOW_MS`); live messages keep the normal cap, and a message over it that is not the
 * answer is closed with 1009 as before. The room reads, judges and applies the answer in slices
 * (Room.receiveOfflineWork), so its size costs other rooms a few milliseconds at a time.
 *
 * What the wider window may cost is bounded three ways: only roles that may write get it; the
 * window is no larger than what the participant's `offlineBytes` allowance holds now (reconnecting
 * in a loop does not push 16 MB again and again), and the answer is charged to it; and the process
 * holds at most `OFFLINE_RECEIVE_BYTES` of such windows open at once, one per person, so many
 * clients cannot make the relay buffer gigabytes together. An editor who finds the budget spent
 * keeps the normal cap for that connection: a larger answer is closed with 1009, and its client
 * reconnects and answers again.
 */
import type { WebSocket } from 'ws'

/** How long a window stays open for the answer: a 16 MB upload on a slow link (about 1 Mbit/s). */
export const OFFLINE_WINDOW_MS = 2 * 60_000

/** What `ws` keeps inside a socket, as far as `setReceiveLimit` reads it. */
type WithReceiver = { _receiver?: { _maxPayload?: unknown } }

/**
 * The largest message this one socket accepts from now on. `ws` takes `maxPayload` per server
 * only; its receiver keeps it in the private `_maxPayload` and compares each frame's length (and a
 * fragmented message's running total) with it as the frame's header arrives, so a change holds
 * from the next frame on. Checked with ws 8.x: `offlineAnswers.test.ts` fails if an upgrade of
 * `ws` renames or stops reading it. Returns false, changing nothing, when the socket has no such
 * receiver (then the server-wide limit stays, and large offline work is closed with 1009).
 */
export function setReceiveLimit(ws: WebSocket, bytes: number): boolean {
  const receiver = (ws as unknown as WithReceiver)._receiver
  if (!receiver || typeof receiver._maxPayload !== 'number') return false
  receiver._maxPayload = bytes
  return true
}

/** The receive room the process holds open for answers larger than a live message, and who holds it. */
export class OfflineReceiveBudget {
  private held = 0
  private readonly holders = new Set<string>()

  constructor(private readonly total: number) {}

  /** Hold `bytes` for `person`'s answer: the release function, or null if spent (or the person holds one already). */
  reserve(person: string, bytes: number): (() => void) | null {
    if (this.holders.has(person) || this.held + bytes > this.total) return null
    this.held += bytes
    this.holders.add(person)
    let released = false
    return () => {
      if (released) return
      released = true
      this.held -= bytes
      this.holders.delete(person)
    }
  }

  /** Bytes held open now (a gauge in `/metrics`). */
  get bytes(): number {
    return this.held
  }
}
