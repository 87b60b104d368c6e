/**
 * A large map arrives from the relay as one sync message: the whole map for a browser that holds
 * none of it. Yjs encodes every applied transaction again for the document's `update` listeners,
 * and for a whole map that costs about as much as applying it, on the way to the first card. Of
 * those listeners only IndexedDB wants the bytes (the provider sends nothing back for its own
 * origin, the sync tracker watches only local edits), and the bytes are those that just came.
 *
 * So a large relay update is applied with the `update` listeners set aside, and IndexedDB is
 * handed the update as it came: the same state, kept the same way, without the second encode.
 * Only `provider.messageHandlers` is wrapped (each provider has its own copy), as syncTracker.ts
 * does; the stock handler still applies the message.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'

const MESSAGE_SYNC = 0
/** Below this an update's encode costs less than a frame: applied the stock way. */
const QUIET_MIN_BYTES = 64 * 1024

/** What the document's listeners are kept in (lib0's Observable, which Y.Doc extends). */
type Listened = { _observers: Map<string, Set<unknown>> }

/**
 * A whole map may be applied in parts (see inParts.ts): the first applied at once and drawn, the
 * rest after the paint. Until the last part the provider is not synced, and the relay's other
 * sync messages wait, in order, to be handled after the whole map.
 */
export interface InParts {
  /** Apply `update` in parts with `apply` and call `done` after the last; false to apply it whole. */
  take(update: Uint8Array, apply: (part: Uint8Array) => void, done: () => void): boolean
}

/**
 * Apply large relay updates without re-encoding them for the `update` listeners; `keep` stores an
 * update locally as the IndexedDB listener would have. A whole map may be applied in parts
 * (`inParts`, when it returns something; a promise while that code loads, settled once it is
 * here, or with nothing if it cannot be had). Returns a function that undoes the wrap.
 */
export function applyLargeUpdatesQuietly(provider: WebsocketProvider, doc: Y.Doc, keep: (update: Uint8Array, origin: unknown) => void, inParts: () => InParts | Promise<unknown> | null = () => null): () => void {
  const stock = provider.messageHandlers[MESSAGE_SYNC]
  const observers = (doc as unknown as Listened)._observers
  const quietly = (apply: () => void) => {
    const listeners = observers.get('update')
    if (!listeners) return apply()
    observers.delete('update')
    try {
      apply()
    } finally {
      // A listener added meanwhile (none is expected) joins the ones set aside.
      for (const added of observers.get('update') ?? []) listeners.add(added)
      observers.set('update', listeners)
    }
  }
  /** Sync messages that came while a map arrives in parts, with the socket each came on. */
  type Waiting = { message: Uint8Array; emitSynced: boolean; socket: WebSocket | null }[]
  let waiting: Waiting | null = null
  let stopped = false
  /** The code that cuts could not be had: every map is applied whole. */
  let whole = false
  /** Handle messages that waited, in order, sending each reply on the socket its message came on. */
  const drain = (queue: Waiting) => {
    for (const { message, emitSynced, socket } of queue) {
      const reply = encoding.createEncoder()
      handle(reply, decoding.createDecoder(message), provider, emitSynced, MESSAGE_SYNC)
      if (encoding.length(reply) > 1 && provider.ws === socket && provider.wsconnected) provider.ws!.send(encoding.toUint8Array(reply))
    }
  }
  const handle: (typeof provider.messageHandlers)[number] = (encoder, decoder, p, emitSynced, messageType) => {
    if (waiting) {
      waiting.push({ message: decoder.arr.subarray(decoder.pos), emitSynced, socket: p.ws })
      return
    }
    const peek = decoding.clone(decoder)
    const type = decoding.readVarUint(peek)
    const update = type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate ? decoding.readVarUint8Array(peek) : null
    if (!update || update.byteLength < QUIET_MIN_BYTES || !observers.get('update')) return stock(encoder, decoder, p, emitSynced, messageType)
    const socket = p.ws
    const queue: Waiting = []
    const plan = type === syncProtocol.messageYjsSyncStep2 && !whole ? inParts() : null
    if (plan instanceof Promise) {
      // The code that cuts it is still loading: this message and what follows wait for it.
      waiting = [{ message: decoder.arr.subarray(decoder.pos), emitSynced, socket }]
      void plan.then((loaded) => {
        if (stopped) return
        const waited = waiting!
        waiting = null
        if (!loaded) whole = true
        drain(waited)
      })
      return
    }
    const inTwo = plan?.take(update, (part) => quietly(() => Y.applyUpdate(doc, part, provider)), () => {
      if (stopped) return
      keep(update, provider)
      // As the stock handler does after a sync step 2, on the socket it came on.
      if (emitSynced && !p.synced && p.ws === socket) p.synced = true
      waiting = null
      drain(queue)
    })
    if (inTwo) waiting = queue
    else {
      quietly(() => stock(encoder, decoder, p, emitSynced, messageType))
      keep(update, provider)
    }
  }
  provider.messageHandlers[MESSAGE_SYNC] = handle
  return () => {
    stopped = true
    provider.messageHandlers[MESSAGE_SYNC] = stock
  }
}

/**
 * The same for the copy kept in this browser. IndexedDB applies all it holds in one transaction
 * of its own origin, and Yjs encodes that again for the `update` listeners (~50 ms for a
 * 1,000-card map, before its first card), none of which wants it: IndexedDB skips its own origin,
 * the sync tracker watches local edits only, and the provider, not yet connected on a reopen (it
 * waits for this read), has no one to send it to; once it connects, its sync step carries whatever
 * the relay lacks. So that transaction's encode is skipped while `canSend()` is false; while the
 * provider can send (a browser new to the map connects at once) everything goes the stock way.
 * Returns a function that stops.
 */
export function readLocalCopyQuietly(doc: Y.Doc, localOrigin: unknown, canSend: () => boolean): () => void {
  const observers = (doc as unknown as Listened)._observers
  let setAside: Set<unknown> | null = null
  const restore = () => {
    if (!setAside) return
    // A listener added meanwhile (none is expected) joins the ones set aside.
    for (const added of observers.get('update') ?? []) setAside.add(added)
    observers.set('update', setAside)
    setAside = null
  }
  // Yjs emits `afterTransactionCleanup` just before it encodes a transaction for the `update`
  // listeners, and `afterAllTransactions` after the last one: the listeners are away for that one encode.
  const onCleanup = (transaction: Y.Transaction) => {
    restore()
    if (transaction.origin !== localOrigin || canSend()) return
    const listeners = observers.get('update')
    if (!listeners) return
    observers.delete('update')
    setAside = listeners
  }
  doc.on('afterTransactionCleanup', onCleanup)
  doc.on('afterAllTransactions', restore)
  return () => {
    restore()
    doc.off('afterTransactionCleanup', onCleanup)
    doc.off('afterAllTransactions', restore)
  }
}
