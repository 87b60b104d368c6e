/**
 * What the relay holds of this participant's own edits, for an honest "N unsynced changes".
 *
 * y-websocket has no acknowledgements, so every local transaction is kept until there is proof
 * the relay holds it:
 *  - State vector. Every sync step 1 the relay sends (on join, on unlock, and after it accepts
 *    edits it had refused) carries its state vector. A transaction that inserted anything is held
 *    once that vector covers its last struct: the relay applies whole updates, and any update
 *    carrying the struct carried the transaction's deletions too.
 *  - Receipt. The relay handles one socket's messages in order and answers a sync step 1 only
 *    after everything before it; so the answer to a step 1 sent after a transaction, with no
 *    refusal in between, proves the transaction was applied. This also covers a pure deletion,
 *    which no state vector shows. A receipt is asked for shortly after edits go out.
 *
 * A permission-denied message (reason `locked`) means the relay refused something sent before it:
 * every transaction not yet proven stays unsynced and is "held". The relay's sync step 1 at unlock
 * is answered with a sync step 2 carrying them again, and the next proof clears them.
 *
 * Only `provider.messageHandlers` is wrapped (y-websocket v3 keeps a copy per provider); the stock
 * handlers still run first, so the provider behaves exactly as it would without this.
 */
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'

const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
/** How long after edits go out a receipt is asked for: one per burst, not one per keystroke. */
const RECEIPT_DELAY_MS = 300

export interface SyncProgress {
  /** Local transactions the relay is not known to hold. */
  unsynced: number
  /** Some of them were refused because the map is locked: they wait for the unlock. */
  held: boolean
  /**
   * Those that did not simply go out live on an open socket (made offline, or sent on a socket that
   * then closed): after a reconnect, what is still being saved. A live edit waiting for its receipt
   * is not counted, so the count does not flicker with every keystroke.
   */
  catchingUp: number
}

interface Entry {
  client: number
  /** The client's clock after the transaction. */
  clock: number
  /** It inserted structs (so a state vector can prove it); false for a pure deletion. */
  inserted: boolean
  /** The send counter when it last went out on the current socket; 0 while it has not. */
  sentAt: number
  /** It missed going out live: made while the socket was down, or sent on one that closed. */
  catchingUp: boolean
}

export interface SyncTracker {
  progress(): SyncProgress
  destroy(): void
}

/**
 * Track `provider`'s document. `isOwn(origin)` tells this participant's transactions from those
 * the network or local storage applied.
 */
export function trackSync(provider: WebsocketProvider, isOwn: (origin: unknown) => boolean, onChange: () => void): SyncTracker {
  const doc = provider.doc
  let pending: Entry[] = []
  /** Counts messages carrying our changes on the current socket (and before it: it only grows). */
  let sends = 0
  /** `sends` when the last refusal arrived: anything sent up to then may be what was refused. */
  let refusedAt = -1
  let held = false
  /** For each sync step 1 we sent on the current socket and await the answer to: `sends` then. */
  let receipts: number[] = []
  /** `sends` at the last sync step 1 we sent: what a new receipt would add to. */
  let askedAt = 0
  let receiptTimer: ReturnType<typeof setTimeout> | null = null
  let destroyed = false

  const socketOpen = () => provider.wsconnected && provider.ws !== null && provider.ws.readyState === 1

  const settle = () => {
    if (pending.length === 0) held = false
    onChange()
  }

  const askReceipt = () => {
    receiptTimer = null
    if (destroyed || !socketOpen() || !pending.some((e) => e.sentAt > askedAt)) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
    provider.ws!.send(encoding.toUint8Array(encoder))
    askedAt = sends
    receipts.push(sends)
  }
  const scheduleReceipt = (delay: number) => {
    if (receiptTimer === null) receiptTimer = setTimeout(askReceipt, delay)
  }

  const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (!isOwn(origin)) return
    const client = doc.clientID
    const clock = transaction.afterState.get(client) ?? 0
    // The provider's own update listener (registered first) has just sent it if the socket is open.
    const sentAt = socketOpen() ? ++sends : 0
    pending.push({ client, clock, inserted: clock > (transaction.beforeState.get(client) ?? 0), sentAt, catchingUp: sentAt === 0 })
    if (sentAt) scheduleReceipt(RECEIPT_DELAY_MS)
    onChange()
  }
  doc.on('update', onUpdate)

  const stockSync = provider.messageHandlers[MESSAGE_SYNC]
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
    const peek = decoding.clone(decoder)
    stockSync(encoder, decoder, p, emitSynced, messageType)
    // emitSynced is false for a message from another tab (BroadcastChannel): not the relay's word.
    if (!emitSynced || destroyed) return
    const type = decoding.readVarUint(peek)
    if (type === syncProtocol.messageYjsSyncStep1) {
      const relay = Y.decodeStateVector(decoding.readVarUint8Array(peek))
      pending = pending.filter((e) => !(e.inserted && (relay.get(e.client) ?? 0) >= e.clock))
      // The stock handler wrote a sync step 2 that goes out when this returns: all of `pending` again.
      sends++
      for (const e of pending) e.sentAt = sends
      if (pending.length) scheduleReceipt(0)
      settle()
    } else if (type === syncProtocol.messageYjsSyncStep2) {
      const upTo = receipts.shift()
      if (upTo === undefined) return
      pending = pending.filter((e) => !(e.sentAt > 0 && e.sentAt <= upTo && e.sentAt > refusedAt))
      settle()
    }
  }

  const stockAuth = provider.messageHandlers[MESSAGE_AUTH]
  provider.messageHandlers[MESSAGE_AUTH] = (encoder, decoder, p, emitSynced, messageType) => {
    const peek = decoding.clone(decoder)
    stockAuth(encoder, decoder, p, emitSynced, messageType)
    if (!emitSynced || destroyed) return
    if (decoding.readVarUint(peek) !== authProtocol.messagePermissionDenied) return
    refusedAt = sends
    held = pending.length > 0
    onChange()
  }

  const onStatus = ({ status }: { status: string }) => {
    // A fresh socket: its first sync step 1 (sent by the provider right after this event) is a receipt request too.
    if (status === 'connected') {
      askedAt = sends
      receipts = [sends]
    }
  }
  const onClose = () => {
    // Nothing sent on a closed socket is proven; it all goes out again in the next sync step 2.
    receipts = []
    for (const e of pending) {
      e.sentAt = 0
      e.catchingUp = true
    }
    onChange()
  }
  provider.on('status', onStatus)
  provider.on('connection-close', onClose)

  return {
    progress() {
      return { unsynced: pending.length, held, catchingUp: pending.filter((e) => e.catchingUp).length }
    },
    destroy() {
      destroyed = true
      if (receiptTimer !== null) clearTimeout(receiptTimer)
      doc.off('update', onUpdate)
      provider.off('status', onStatus)
      provider.off('connection-close', onClose)
      provider.messageHandlers[MESSAGE_SYNC] = stockSync
      provider.messageHandlers[MESSAGE_AUTH] = stockAuth
    },
  }
}
