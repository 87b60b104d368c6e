/**
 * What the relay holds of this participant's own edits, for an honest "N unsynced changes".
 *
 * y-websocket has no acknowledgements, so every local transaction is kept until there is proof
 * the relay holds it. Two proofs, both read from messages the relay sends anyway:
 *  - State vector. Every sync step 1 the relay sends (on join, on unlock, and after it accepts
 *    edits it had refused) carries its state vector. A transaction that inserted anything is held
 *    once that vector covers its last struct: the relay applies whole updates, so the update that
 *    brought the struct brought the transaction's deletions too.
 *  - Receipt. Shortly after edits go out, the tracker sends a sync step 1 of its own that claims
 *    less than this document has of its own clients (back to the oldest unproven transaction).
 *    The relay answers after everything sent before it (one socket, in order) with what it holds
 *    beyond that claim: our own structs it has, so its exact clock for us, and its whole delete
 *    set, so whether a pure deletion (which no state vector shows) landed. The answer is applied
 *    like any sync step 2 and changes nothing here.
 *
 * A permission-denied message with the reason `locked` says the relay refused something because
 * the map is locked: what is unproven is then "held" until the unlock's sync brings it in.
 *
 * Only `provider.messageHandlers` is wrapped (y-websocket v3 gives each provider its own copy);
 * the stock handlers still run first, so the provider behaves exactly as it would without this.
 */
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import { NOTICE_ERRORS } from '../model'

const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
/** How long after edits go out a receipt is asked for: one per burst of edits, not one per edit. */
const RECEIPT_DELAY_MS = 300

export interface SyncProgress {
  /** Local transactions the relay is not known to hold. */
  unsynced: number
  /** The relay refused some of them because the map is locked: they wait for the unlock. */
  held: boolean
  /**
   * Those that did not simply go out live on an open socket (made offline, or sent on a socket
   * that then closed): after a reconnect, what is still being saved. A live edit waiting for its
   * receipt is not counted, so the count does not flicker with every edit.
   */
  catchingUp: number
}

interface Entry {
  client: number
  /** The client's clock before and after the transaction. */
  start: number
  clock: number
  /** For a pure deletion (nothing inserted): the ranges it deleted, as [client, clock, length]. */
  deletes: [number, number, number][] | null
  /** It missed going out live: made while the socket was down, or sent on one that then closed. */
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
  let held = false
  /**
   * For each sync step 1 sent on the current socket whose answer is awaited, in order: the state
   * vector it claimed, or null for the provider's own on connect (its answer proves nothing of ours).
   */
  let claims: (Map<number, number> | null)[] = []
  let receiptTimer: ReturnType<typeof setTimeout> | null = null
  let destroyed = false

  const socketOpen = () => provider.wsconnected && provider.ws !== null && provider.ws.readyState === 1

  const keep = (proven: (e: Entry) => boolean) => {
    const before = pending.length
    pending = pending.filter((e) => !proven(e))
    if (pending.length === 0) held = false
    if (pending.length !== before) onChange()
  }

  const askReceipt = () => {
    receiptTimer = null
    if (destroyed || !socketOpen() || pending.length === 0) return
    const claim = Y.decodeStateVector(Y.encodeStateVector(doc))
    for (const e of pending) claim.set(e.client, Math.min(claim.get(e.client) ?? 0, e.start))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(claim))
    provider.ws!.send(encoding.toUint8Array(encoder))
    claims.push(claim)
  }
  const scheduleReceipt = (delay: number) => {
    if (receiptTimer === null) receiptTimer = setTimeout(askReceipt, delay)
  }

  /** The relay's answer to a claim: its clock for each of our clients, and its delete set. */
  const readReceipt = (claim: Map<number, number>, answer: Uint8Array) => {
    const { structs, ds } = Y.decodeUpdate(answer)
    const relayClock = new Map<number, number>()
    for (const e of pending) relayClock.set(e.client, claim.get(e.client) ?? 0)
    for (const s of structs) {
      const have = relayClock.get(s.id.client)
      if (have !== undefined) relayClock.set(s.id.client, Math.max(have, s.id.clock + s.length))
    }
    keep((e) =>
      e.deletes
        ? e.deletes.every(([client, clock, len]) => Y.isDeleted(ds, Y.createID(client, clock)) && Y.isDeleted(ds, Y.createID(client, clock + len - 1)))
        : (relayClock.get(e.client) ?? 0) >= e.clock,
    )
  }

  const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (!isOwn(origin)) return
    const client = doc.clientID
    const start = transaction.beforeState.get(client) ?? 0
    const clock = transaction.afterState.get(client) ?? 0
    const deletes: [number, number, number][] = []
    if (clock === start) transaction.deleteSet.clients.forEach((items, c) => items.forEach((d) => deletes.push([c, d.clock, d.len])))
    // The provider's own update listener (registered first) has just sent it if the socket is open.
    const live = socketOpen()
    pending.push({ client, start, clock, deletes: clock === start ? deletes : null, catchingUp: !live })
    if (live) scheduleReceipt(RECEIPT_DELAY_MS)
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
      keep((e) => !e.deletes && (relay.get(e.client) ?? 0) >= e.clock)
      // The stock handler's sync step 2 goes out when this returns, carrying all of `pending` again.
      if (pending.length) scheduleReceipt(0)
    } else if (type === syncProtocol.messageYjsSyncStep2) {
      const claim = claims.shift()
      if (claim && pending.length) readReceipt(claim, decoding.readVarUint8Array(peek))
    }
  }

  const stockAuth = provider.messageHandlers[MESSAGE_AUTH]
  provider.messageHandlers[MESSAGE_AUTH] = (encoder, decoder, p, emitSynced, messageType) => {
    const peek = decoding.clone(decoder)
    stockAuth(encoder, decoder, p, emitSynced, messageType)
    if (!emitSynced || destroyed || decoding.readVarUint(peek) !== authProtocol.messagePermissionDenied) return
    if (NOTICE_ERRORS[decoding.readVarString(peek)] === 'map-locked' && pending.length > 0) {
      held = true
      onChange()
    }
  }

  const onStatus = ({ status }: { status: string }) => {
    // A fresh socket: the provider sends its own sync step 1 right after this event.
    if (status === 'connected') claims = [null]
  }
  const onClose = () => {
    claims = []
    for (const e of pending) e.catchingUp = true
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
