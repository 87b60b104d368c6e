/**
 * The y-websocket wire protocol as the relay reads and writes it: every binary message starts
 * with a varUint message type; sync messages carry a y-protocols sync message, awareness
 * messages an awareness update. Parsing is strict: a message must be consumed exactly, so a
 * truncated or padded frame is refused as malformed instead of half-understood.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as authProtocol from 'y-protocols/auth'
import { errorOfClose } from '../../src/model'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/**
 * WebSocket close codes the relay uses. y-websocket clients stop reconnecting on 4400–4499
 * ("reconnecting cannot fix this") and retry with backoff on everything else.
 */
export const CLOSE_CODES = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** A message larger than the configured maximum (sent by `ws` itself via `maxPayload`). */
  tooBig: 1009,
  /** Storage failed; the room was unloaded. Reconnecting resends anything not stored. */
  internalError: 1011,
  /** The client is reading too slowly and its send buffer grew past the limit. */
  tryAgainLater: 1013,
  /** A binary message that is not a well-formed y-websocket message. */
  malformed: 4400,
  /** The connection's role was revoked by a facilitator. */
  revoked: 4403,
  /**
   * An update with more new changes than one message may bring (`MAX_NEW_STRUCTS`). Reconnecting
   * would send the same again; a map that large is published through import.
   */
  tooLarge: 4413,
  /**
   * An update that breaks the document schema (unknown names, wrong types, nesting the schema
   * does not have, sizes past their caps). Not applied, not stored; reconnecting cannot fix it.
   */
  schemaViolation: 4422,
  /**
   * A write this role may never make: the facilitator's workshop controls, or
   * `meta.schemaVersion` (the relay's alone). Not applied, not relayed. The lock is not a reason
   * to close: a locked map's editors stay connected and read-only (see `encodeNotice`).
   */
  writeRefused: 4423,
  /**
   * The relay could not store an update (its storage is unreachable): nothing unstored was
   * relayed, the room was dropped, and the client reconnects with backoff, resending its edits
   * once storage is back. Joins are refused with HTTP 503 meanwhile.
   */
  storageUnavailable: 4503,
  /** Too many updates per second; the client reconnects after backoff and resyncs, losing nothing. */
  rateLimited: 4529,
} as const

/**
 * The reason a close sends: the close code's machine code (src/model/errorCodes.ts, the table the
 * browser reads the code by) and then, for logs and people reading the wire, what happened.
 */
export function closeReason(code: number, detail: string): string {
  const machine = errorOfClose(code)
  return detail && detail !== machine ? `${machine}: ${detail}` : machine
}

export type IncomingMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth'; reason: string }

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

export function parseMessage(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message')
    return message
  } catch (e) {
    if (e instanceof MalformedMessageError) throw e
    throw new MalformedMessageError((e as Error).message)
  }
}

function readMessage(decoder: decoding.Decoder): IncomingMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MESSAGE_SYNC: {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) return { type: 'sync-step-1', stateVector: payload }
      if (syncType === syncProtocol.messageYjsSyncStep2) return { type: 'sync-step-2', update: payload }
      if (syncType === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload }
      throw new MalformedMessageError(`unknown sync message type ${syncType}`)
    }
    case MESSAGE_AWARENESS:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'query-awareness' }
    case MESSAGE_AUTH:
      // Only servers send auth messages (permission denied); a client's is read and ignored.
      decoding.readVarUint(decoder)
      return { type: 'auth', reason: decoding.readVarString(decoder) }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsSyncStep1, stateVector)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsSyncStep2, update)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsUpdate, update)
}

/**
 * The message as `encoding.writeVarUint8Array` lays it out (type, sync type, length as a varUint,
 * payload), written straight into a buffer of its size: an encoder grows a buffer and copies it
 * out, once for every update relayed. It is a Buffer, which `ws` sends as it is; a plain
 * Uint8Array it wraps in a Buffer again for every socket it is sent to (29 per edit in a room of 30).
 */
function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  let lengthBytes = 1
  for (let n = payload.length; n > 127; n = Math.floor(n / 128)) lengthBytes++
  const message = Buffer.allocUnsafeSlow(2 + lengthBytes + payload.length) // every byte is written below
  message[0] = MESSAGE_SYNC
  message[1] = syncType
  let pos = 2
  let n = payload.length
  while (n > 127) {
    message[pos++] = (n % 128) | 128
    n = Math.floor(n / 128)
  }
  message[pos++] = n
  message.set(payload, pos)
  return message
}

/**
 * A notice that a write was not applied, without closing: y-websocket's auth message with
 * "permission denied" and a reason word (`locked`). Stock clients log it; ours shows it.
 */
export function encodeNotice(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** One client's entry in an awareness update: `state` is the raw JSON text (`null` = gone). */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: string
}

/** Decode an awareness update without applying it, so the relay can drop entries it must not accept. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarString(decoder)
      JSON.parse(state) // the awareness protocol would throw on it later, after a partial apply
      entries.push({ clientId, clock, state })
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the awareness update')
    return entries
  } catch (e) {
    if (e instanceof MalformedMessageError) throw e
    throw new MalformedMessageError(`awareness: ${(e as Error).message}`)
  }
}

export function writeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.state)
  }
  return encoding.toUint8Array(encoder)
}
