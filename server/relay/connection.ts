/**
 * One participant's WebSocket: parses what it sends, enforces its role and rate limits, and
 * hands accepted messages to its room. A bad message closes this connection only.
 */
import type { WebSocket, RawData } from 'ws'
import { canWrite, type Role } from '../auth/tokens'
import type { RelayLimits } from '../config'
import type { Logger } from '../log'
import type { RelayMetrics } from '../metrics'
import { CLOSE_CODES, closeReason, MESSAGE_SYNC, parseMessage, type IncomingMessage } from './protocol'
import { OFFLINE_WINDOW_MS, setReceiveLimit, type OfflineReceiveBudget } from './offlineAnswers'
import type { MessageBuckets } from './participantLimits'
import type { Participant, Refusal, Room } from './room'
import { SendQueue, type HeldBytes } from './sendQueue'
import { viewersMayVote } from './writePolicy'

/**
 * A connection closed for what it sent or failed to read gets this long to read its close frame;
 * then the socket (and whatever is still queued for it) is dropped, without waiting for the
 * closing handshake of a client that may never answer.
 */
const REJECT_GRACE_MS = 1000

/**
 * A room this far ahead of its storage stops reading the sender's socket until it has caught up,
 * so a flood waits in TCP buffers (back-pressure on the sender) instead of the relay's memory and
 * ahead of colleagues' edits: every update is stored before it is relayed, so each one queued
 * ahead of a bystander's edit delays it. A few dozen is what a busy room holds for a moment; with
 * 1,000 a flooder kept a bystander's edits seconds behind (p99 2.4 s against 0.26 s at 32 in
 * `flood.test.ts`). When reading resumes, what the flooder sent meanwhile meets its rate limit and
 * it is closed.
 */
const MAX_UNSTORED_UPDATES = 32

/** The second byte of a sync message that is a sync step 2 (y-protocols' `messageYjsSyncStep2`). */
const SYNC_STEP_2 = 1

/** The smallest Yjs update: no structs, empty delete set. A viewer's empty sync step 2 is exactly this. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0

let nextConnectionId = 1

/** One frozen label object per message type, so counting a message builds no label key. */
const TYPE_LABELS = Object.fromEntries(
  (['sync-step-1', 'sync-step-2', 'update', 'awareness', 'query-awareness', 'auth'] as const).map((type) => [type, Object.freeze({ type })]),
) as Record<IncomingMessage['type'], Readonly<{ type: string }>>

export class Connection implements Participant {
  readonly id = nextConnectionId++
  private readonly queue: SendQueue
  /** Set by the ping sweep; cleared by a pong. */
  awaitingPong = false
  /** Once closing, whatever the client still had in flight is ignored. */
  private closing = false
  readonly participantId?: string
  readonly seatId?: string
  readonly personKey: string
  sentStoredState: Uint8Array | null = null
  private paused = false
  /** Called once when the relay starts closing it: the place it held for limits is free at once (see participantLimits.ts). */
  onClosing: (() => void) | undefined

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly role: Role,
    /** Who holds it (see participantLimits.ts): its participant id and seat, if any, and the key limits and presence follow. */
    who: { participantId?: string; seatId?: string; personKey: string },
    private readonly limits: RelayLimits,
    private readonly metrics: RelayMetrics,
    private readonly log: Logger,
    processBuffers: HeldBytes,
    /** The participant's rate limits, which outlive this connection (see participantLimits.ts). */
    private readonly buckets: MessageBuckets,
    /** The receive room the process keeps for answers larger than a live message (see offlineAnswers.ts). */
    private readonly offlineBudget: OfflineReceiveBudget,
  ) {
    this.participantId = who.participantId
    this.seatId = who.seatId
    this.personKey = who.personKey
    this.queue = new SendQueue(limits.sendBuffer, room.sendBuffers, processBuffers, () => room.fullStateBytes)
    ws.binaryType = 'nodebuffer'
    ws.on('close', () => {
      this.queue.clear()
      this.closeOfflineWindow()
    })
    ws.on('message', this.onMessage)
    ws.on('pong', () => (this.awaitingPong = false))
    ws.on('error', this.onError)
  }

  get mapId(): string {
    return this.room.mapId
  }

  /** Sync step 1 messages the relay sent that this client has not answered yet. */
  private solicitedAnswers = 0
  /** While the answer to the relay's sync step 1 may be larger than a live message: its release and timer. */
  private offlineWindow: { release: () => void; timer: NodeJS.Timeout } | null = null

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN || this.closing) return
    const refusal = this.queue.refusal(message)
    if (refusal) {
      this.reject(refusal, CLOSE_CODES.tryAgainLater, 'reading too slowly')
      return
    }
    this.ws.send(message, this.queue.add(message))
    // A sync step 1 from the relay asks for an answer; that answer is not charged to the update rate.
    if (message[0] === MESSAGE_SYNC && message[1] === 0) {
      this.solicitedAnswers = Math.min(this.solicitedAnswers + 1, 4)
      this.openOfflineWindow()
    }
    this.metrics.messagesOut.inc()
    this.metrics.bytesOut.add(message.byteLength)
  }

  close(code: number, reason: string): void {
    if (this.closing) return
    this.closing = true
    this.onClosing?.()
    this.metrics.closes.inc({ code: String(code) })
    this.ws.close(code, fitCloseReason(closeReason(code, reason)))
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

  /** Take a message from the socket (or one it sent before this connection existed, in order). */
  receive(data: RawData, isBinary: boolean): void {
    this.onMessage(data, isBinary)
  }

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    if (this.closing) return
    const bytes = data as Buffer // binaryType 'nodebuffer' and no fragments kept apart
    this.metrics.bytesIn.add(bytes.byteLength)
    if (!isBinary) {
      this.reject('text_frame', CLOSE_CODES.unsupportedData, 'binary messages only')
      return
    }
    // The answer to the relay's sync step 1 closes the window it was given (see offlineAnswers.ts).
    const answer = bytes[0] === MESSAGE_SYNC && bytes[1] === SYNC_STEP_2 && this.solicitedAnswers > 0
    if (answer) this.closeOfflineWindow()
    // While the window is open the socket reads larger messages; only the answer may be one.
    if (bytes.byteLength > this.limits.maxMessageBytes && !answer) {
      this.reject('too_big', CLOSE_CODES.tooBig, 'message too big')
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
    this.metrics.messagesIn.inc(TYPE_LABELS[message.type])
    switch (message.type) {
      case 'sync-step-1':
        if (!this.buckets.syncRequests.take()) {
          // Each answer may be the whole map: a client asking faster than any stock client would is closed.
          this.reject('rate_sync', CLOSE_CODES.rateLimited, 'too many sync requests')
          return
        }
        this.room.answerSyncStep1(this, message.stateVector)
        return
      case 'sync-step-2':
      case 'update':
        if (!canWrite(this.role)) {
          // y-websocket clients answer the relay's sync step 1 on connect; an empty answer is no write.
          if (isEmptyUpdate(message.update)) return
          // A round open to viewers takes their own votes (the write policy judges each one);
          // otherwise a viewer's update is dropped unread, as it always was.
          if (!viewersMayVote(this.room.doc)) {
            this.metrics.rejected.inc({ reason: 'viewer_write' })
            return
          }
        }
        // The relay asked for it (on join, unlock, a gap): a reconnect is never refused for history,
        // however fast its owner wrote before. Its bytes still count.
        const solicited = message.type === 'sync-step-2' && this.solicitedAnswers > 0
        if (solicited) {
          this.solicitedAnswers--
          // Another sync step 1 still waits for its answer: that one may be large too.
          if (this.solicitedAnswers > 0) this.openOfflineWindow()
        } else if (!this.buckets.updates.take()) {
          this.reject('rate_update', CLOSE_CODES.rateLimited, 'too many updates')
          return
        }
        // An answer larger than a live message is charged to the offline allowance that sized its window.
        const offlineSized = solicited && message.update.byteLength > this.limits.maxMessageBytes
        if (offlineSized && !this.buckets.offlineBytes.take(message.update.byteLength)) {
          this.reject('rate_offline_bytes', CLOSE_CODES.rateLimited, 'too many bytes of offline work')
          return
        }
        if (!offlineSized && !this.buckets.updateBytes.take(message.update.byteLength)) {
          this.reject('rate_update_bytes', CLOSE_CODES.rateLimited, 'too many bytes of updates')
          return
        }
        // The answer to the relay's sync step 1 carries a reconnecting client's offline work: the
        // room takes it whole, in slices, up to what a map may hold (see Room.judgeInSlices).
        this.room.receiveUpdate(this, message.update, { offline: solicited })
        if (this.room.unstoredUpdates > MAX_UNSTORED_UPDATES) this.pauseUntilStored()
        return
      case 'awareness': {
        if (!this.buckets.awareness.take()) {
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

  /**
   * Let the answer to the relay's sync step 1 be larger than a live message: for an editor, as
   * large as its offline allowance holds now (at most `maxOfflineMessageBytes`), while the
   * process's budget has room, until the answer arrives or `OFFLINE_WINDOW_MS` passes.
   */
  private openOfflineWindow(): void {
    if (this.offlineWindow || this.closing || !canWrite(this.role)) return
    const bytes = Math.min(this.limits.maxOfflineMessageBytes, Math.floor(this.buckets.offlineBytes.available()))
    if (bytes <= this.limits.maxMessageBytes) return
    const release = this.offlineBudget.reserve(this.personKey, bytes)
    if (!release) return
    if (!setReceiveLimit(this.ws, bytes)) {
      release()
      return
    }
    const timer = setTimeout(() => this.closeOfflineWindow(), OFFLINE_WINDOW_MS)
    timer.unref()
    this.offlineWindow = { release, timer }
  }

  private closeOfflineWindow(): void {
    const window = this.offlineWindow
    if (!window) return
    this.offlineWindow = null
    clearTimeout(window.timer)
    window.release()
    setReceiveLimit(this.ws, this.limits.maxMessageBytes)
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

  /**
   * Close for something this connection did: count it, and drop the socket after a grace period
   * if the client has not completed the closing handshake by then (a flooder's answer waits behind
   * everything it sent; a reader that stopped reading never answers).
   */
  private reject(reason: string, code: number, text: string): void {
    this.metrics.rejected.inc({ reason })
    this.close(code, text)
    setTimeout(() => this.ws.terminate(), REJECT_GRACE_MS).unref()
  }
}

/** A close frame's reason is at most 123 bytes of UTF-8: cut at a character boundary. */
function fitCloseReason(reason: string): string {
  let out = reason
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1)
  return out
}
