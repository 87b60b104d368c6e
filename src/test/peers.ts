/**
 * A network of peers for convergence tests. Each peer's own updates are buffered and delivered
 * when the test says, interleaved at random, with peers going offline and coming back. There is
 * no relay and no state-vector handshake, only the update stream.
 *
 * Two delivery orders:
 * - `per-sender` (the default): each sender's updates reach each peer in the order they were
 *   made, interleaved at random with other senders'. That is what our transport guarantees
 *   (one WebSocket per client, a relay that forwards in order, a full state diff on reconnect),
 *   so every assertion about what users see holds in this mode.
 * - `any`: every update is delivered in a random order. Yjs still converges, but a peer can hold
 *   half an update (a delete applied, the matching insert waiting for a missing dependency) and
 *   act on that view; tests in this mode assert convergence, not the finer guarantees.
 */
import * as Y from 'yjs'
import { createUndoManager, observeSnapshot } from '../doc'
import type { Snapshot } from '../model'
import type { SeededRandom } from './seededRandom'

/** The origin of updates a peer receives from the network: never re-sent, never undone. */
export const NETWORK_ORIGIN = Symbol('network')

export interface Peer {
  name: string
  doc: Y.Doc
  undo: Y.UndoManager
  /** The snapshot kept up to date incrementally from Y events, as the UI's store keeps it. */
  observed: () => Snapshot
  online: boolean
  /** Updates this peer made while offline: sent to the others when it reconnects. */
  outbox: Uint8Array[]
}

export type DeliveryOrder = 'per-sender' | 'any'

interface Message {
  from: Peer
  to: Peer
  update: Uint8Array
}

export class PeerNetwork {
  readonly peers: Peer[]
  /** Sent and not yet received; a message reaches its peer only while that peer is online. */
  private inFlight: Message[] = []
  private readonly stops: (() => void)[] = []

  constructor(
    count: number,
    readonly order: DeliveryOrder = 'per-sender',
  ) {
    this.peers = Array.from({ length: count }, (_, i) => {
      const doc = new Y.Doc()
      // Fixed client ids: conflict resolution depends on them, so a seed replays exactly.
      doc.clientID = i + 1
      const observer = observeSnapshot(doc, () => {})
      const peer: Peer = { name: String.fromCharCode(65 + i), doc, undo: createUndoManager(doc), observed: observer.current, online: true, outbox: [] }
      const onUpdate = (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK_ORIGIN) return
        if (peer.online) this.send(peer, update)
        else peer.outbox.push(update)
      }
      doc.on('update', onUpdate)
      this.stops.push(observer.stop, () => doc.off('update', onUpdate))
      return peer
    })
  }

  private send(from: Peer, update: Uint8Array): void {
    for (const to of this.peers) if (to !== from) this.inFlight.push({ from, to, update })
  }

  goOffline(peer: Peer): void {
    peer.online = false
  }

  goOnline(peer: Peer): void {
    if (peer.online) return
    peer.online = true
    for (const update of peer.outbox) this.send(peer, update)
    peer.outbox = []
  }

  /** Deliver one message, picked at random among those that can move; false when none can. */
  deliverOne(random: SeededRandom): boolean {
    const ready: number[] = []
    const channelsSeen = new Set<string>()
    this.inFlight.forEach((m, i) => {
      if (!m.to.online) return
      if (this.order === 'per-sender') {
        // Only the oldest message of each sender → recipient channel may move.
        const channel = m.from.name + '→' + m.to.name
        if (channelsSeen.has(channel)) return
        channelsSeen.add(channel)
      }
      ready.push(i)
    })
    if (ready.length === 0) return false
    const [message] = this.inFlight.splice(random.pick(ready), 1)
    Y.applyUpdate(message.to.doc, message.update, NETWORK_ORIGIN)
    return true
  }

  deliverSome(random: SeededRandom, count: number): void {
    for (let i = 0; i < count && this.deliverOne(random); i++);
  }

  /** Everyone back online and every message delivered, in random order. */
  flush(random: SeededRandom): void {
    for (const peer of this.peers) this.goOnline(peer)
    while (this.deliverOne(random));
  }

  /** Updates not yet everywhere: in flight or waiting in an offline peer's outbox. */
  get pending(): number {
    return this.inFlight.length + this.peers.reduce((n, p) => n + p.outbox.length, 0)
  }

  destroy(): void {
    this.stops.forEach((stop) => stop())
    for (const peer of this.peers) {
      peer.undo.destroy()
      peer.doc.destroy()
    }
  }
}

/**
 * Make `createId`'s default randomness (crypto.getRandomValues) follow `random` while `fn`
 * runs, so ids minted inside commands that take no id (links, comments) replay with the seed.
 */
export function withSeededIds<T>(random: () => number, fn: () => T): T {
  const crypto = globalThis.crypto
  const original = crypto.getRandomValues
  crypto.getRandomValues = (<A extends ArrayBufferView | null>(array: A): A => {
    if (array instanceof Uint32Array) for (let i = 0; i < array.length; i++) array[i] = Math.floor(random() * 0x1_0000_0000)
    else return original.call(crypto, array as never) as A
    return array
  }) as typeof crypto.getRandomValues
  try {
    return fn()
  } finally {
    crypto.getRandomValues = original
  }
}
