/**
 * One participant's WebSocket: parses what it sends, enforces its role and rate limits, and
 * hands accepted messages to its room. A bad message closes this connection only.
 */
import type { WebSocket, RawData } from 'ws'
import { canWrite, type Role } from '../auth/tokens'
import type { RelayLimits } from '../config'
import type { Logger } from '../log'
import type { RelayMetrics } from '../metrics'
import { TokenBucket } from '../tokenBucket'
import { CLOSE_CODES, parseMessage } from './protocol'
import type { Participant, Refusal, Room } from './room'

/** A reader this far behind (bytes queued in its socket) is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024

/**
 * A room this far ahead of its storage stops reading the sender's socket until it has caught up,
 * so a flood waits in TCP buffers (back-pressure on the sender) instead of the relay's memory,
 * and the storage replies the relay is waiting for are not starved by the flood. The per-second
 * rate limit keeps ordinary clients far below it.
 */
const MAX_UNSTORED_UPDATES = 1000

/** The smallest Yjs update: no structs, empty delete set. A viewer's empty sync step 2 is exactly this. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0

let nextConnectionId = 1

export class Connection implements Participant {
  readonly id = nextConnectionId++
  private readonly updateBucket: TokenBucket
  private readonly updateBytesBucket: TokenBucket
  private readonly awarenessBucket: TokenBucket
  /** Set by the ping sweep; cleared by a pong. */
  awaitingPong = false
  /** Once closing, whatever the client still had in flight is ignored. */
  private closing = false
  private paused = false

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly role: Role,
    limits: RelayLimits,
    private readonly metrics: RelayMetrics,
    private readonly log: Logger,
  ) {
    this.updateBucket = new TokenBucket(limits.updates)
    this.updateBytesBucket = new TokenBucket({ perSecond: limits.updateBytes.perSecond, burst: Math.max(limits.updateBytes.burst, limits.maxMessageBytes) })
    this.awarenessBucket = new TokenBucket(limits.awareness)
    ws.binaryType = 'nodebuffer'
    ws.on('message', this.onMessage)
    ws.on('pong', () => (this.awaitingPong = false))
    ws.on('error', this.onError)
  }

  get mapId(): string {
    return this.room.mapId
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.reject('slow_consumer', CLOSE_CODES.tryAgainLater, 'reading too slowly')
      return
    }
    this.ws.send(message)
    this.metrics.messagesOut.inc()
    this.metrics.bytesOut.inc({}, message.byteLength)
  }

  close(code: number, reason: string): void {
    if (this.closing) return
    this.closing = true
    this.metrics.closes.inc({ code: String(code) })
    this.ws.close(code, fitCloseReason(reason))
  }

  refused({ reason, hard, detail }: Refusal): void {
    if (reason !== 'missing') this.log.info('connection.write_refused', { mapId: this.mapId, connection: this.id, reason, detail: detail.slice(0, 200) })
    if (!hard) this.metrics.rejected.inc({ reason: reason === 'missing' ? 'missing_dependencies' : reason })
    else this.reject(reason, reason === 'schema' ? CLOSE_CODES.schemaViolation : reason === 'too_large' ? CLOSE_CODES.tooLarge : CLOSE_CODES.writeRefused, detail)
  }

  terminate(): void {
    this.ws.terminate()
  }

  /** Called by the ping sweep: a connection that did not answer the last ping is gone. */
  ping(): boolean {
    if (this.awaitingPong) {
      this.ws.terminate()
      return false
    }
    this.awaitingPong = true
    this.ws.ping()
    return true
  }

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    if (this.closing) return
    const bytes = data as Buffer // binaryType 'nodebuffer' and no fragments kept apart
    this.metrics.bytesIn.inc({}, bytes.byteLength)
    if (!isBinary) {
      this.reject('text_frame', CLOSE_CODES.unsupportedData, 'binary messages only')
      return
    }
    try {
      this.handle(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    } catch (error) {
      // A parse error or an update Yjs cannot decode. Whatever part Yjs integrated before failing
      // is a valid update and went through the normal store-then-relay path.
      const text = error instanceof Error ? error.message : String(error)
      this.log.info('connection.malformed', { mapId: this.mapId, connection: this.id, error: text.slice(0, 200) })
      this.reject('malformed', CLOSE_CODES.malformed, 'malformed message')
    }
  }

  private handle(data: Uint8Array): void {
    const message = parseMessage(data)
    this.metrics.messagesIn.inc({ type: message.type })
    switch (message.type) {
      case 'sync-step-1':
        this.room.answerSyncStep1(this, message.stateVector)
        return
      case 'sync-step-2':
      case 'update':
        if (!canWrite(this.role)) {
          // y-websocket clients answer the relay's sync step 1 on connect; an empty answer is no write.
          if (!isEmptyUpdate(message.update)) this.metrics.rejected.inc({ reason: 'viewer_write' })
          return
        }
        if (!this.updateBucket.take()) {
          this.reject('rate_update', CLOSE_CODES.rateLimited, 'too many updates')
          return
        }
        if (!this.updateBytesBucket.take(message.update.byteLength)) {
          this.reject('rate_update_bytes', CLOSE_CODES.rateLimited, 'too many bytes of updates')
          return
        }
        this.room.receiveUpdate(this, message.update)
        if (this.room.unstoredUpdates > MAX_UNSTORED_UPDATES) this.pauseUntilStored()
        return
      case 'awareness': {
        if (!this.awarenessBucket.take()) {
          // Presence is ephemeral and the next message carries the full state: dropping is enough.
          this.metrics.rejected.inc({ reason: 'rate_awareness' })
          return
        }
        const spoofed = this.room.applyAwareness(this, message.update)
        if (spoofed) this.metrics.rejected.inc({ reason: 'awareness_spoof' }, spoofed)
        return
      }
      case 'query-awareness':
      case 'auth':
        return
    }
  }

  private pauseUntilStored(): void {
    if (this.paused) return
    this.paused = true
    this.ws.pause()
    void this.room.whenStored().then(() => {
      this.paused = false
      if (!this.closing) this.ws.resume()
    })
  }

  private readonly onError = (error: Error & { code?: string }): void => {
    // `ws` has already closed the socket with the matching code (1009 for a too-big message, 1002 for a bad frame).
    const reason = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'too_big' : 'bad_frame'
    this.metrics.rejected.inc({ reason })
    this.log.info('connection.error', { mapId: this.mapId, connection: this.id, code: error.code ?? 'unknown' })
  }

  private reject(reason: string, code: number, text: string): void {
    this.metrics.rejected.inc({ reason })
    this.close(code, text)
  }
}

/** A close frame's reason is at most 123 bytes of UTF-8: cut at a character boundary. */
function fitCloseReason(reason: string): string {
  let out = reason
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1)
  return out
}
