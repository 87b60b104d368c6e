/**
 * The WebSocket side of the server: `/sync/<mapId>?token=T`. The token is checked on the HTTP
 * upgrade request, before a socket exists: a refused client gets a plain HTTP status (401, 403,
 * 404, 503…) and the TCP connection is destroyed, so nothing is ever read from an
 * unauthenticated socket.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { authorize } from '../auth/authorize'
import { seatParticipantId, type ParticipantSigner } from '../auth/participants'
import type { Role, TokenClaims, TokenSigner } from '../auth/tokens'
import type { RelayLimits } from '../config'
import type { Coordination } from '../coordination/types'
import type { FanOut } from '../fanout/types'
import type { Logger } from '../log'
import type { RelayMetrics } from '../metrics'
import { clientAddress } from '../http/clientAddress'
import { isMapId } from '../mapIds'
import type { MapStore, RoleEpochs } from '../storage/types'
import { Connection } from './connection'
import { OfflineReceiveBudget } from './offlineAnswers'
import { ParticipantLimits, personKey, type Who } from './participantLimits'
import { CLOSE_CODES, encodeSyncStep2 } from './protocol'
import { RoomRegistry } from './rooms'
import { HeldBytes } from './sendQueue'
import { StorageWatch } from './storageWatch'

const SYNC_PATH = /^\/sync\/([^/?#]+)$/
const PING_INTERVAL_MS = 30_000
const SHUTDOWN_GRACE_MS = 2000

export interface RelayDeps {
  store: MapStore
  signer: TokenSigner
  /** Verifies the participant tokens the API issues (optional on the socket URL). */
  participants: ParticipantSigner
  fanOut: FanOut
  /** Shared counters and slots: the participant cap holds across relays through it. */
  coordination: Coordination
  relayId: string
  limits: RelayLimits
  roomGraceMs: number
  compactEvery: number
  log: Logger
  metrics: RelayMetrics
  /** Read the client address from `X-Forwarded-For` (behind a reverse proxy). */
  trustProxy: boolean
}

export class Relay {
  readonly rooms: RoomRegistry
  readonly storage: StorageWatch
  private readonly wss: WebSocketServer
  private readonly connections = new Set<Connection>()
  /** The epoch of the token each connection opened with, to close it when that epoch is revoked. */
  private readonly tokenEpochs = new WeakMap<Connection, number>()
  private nextSeat = 1
  private readonly pingTimer: NodeJS.Timeout
  private closing = false
  /** Memory held by messages queued for every reader of this process (see sendQueue.ts). */
  private readonly sendBuffers = new HeldBytes()
  private readonly participantLimits: ParticipantLimits
  /** Receive room for answers larger than a live message, all connections together (see offlineAnswers.ts). */
  private readonly offlineBudget: OfflineReceiveBudget

  constructor(private readonly deps: RelayDeps) {
    const { store, fanOut, relayId, log, metrics, compactEvery } = deps
    this.rooms = new RoomRegistry({ store, fanOut, relayId, log, metrics, compactEvery }, deps.roomGraceMs, log, () => this.storage.suspect())
    this.storage = new StorageWatch({ store, fanOut, rooms: this.rooms, log, metrics, enforceEpochs: (mapId, epochs) => this.enforceEpochs(mapId, epochs) })
    this.storage.start()
    // Relays sharing maps hold each person's limits across relays too (see participantLimits.ts).
    this.participantLimits = new ParticipantLimits(deps.limits, fanOut.shared ? { coordination: deps.coordination, relayId, log } : undefined)
    this.offlineBudget = new OfflineReceiveBudget(deps.limits.offlineReceiveBytes)
    // No compression: updates are small and already compact; deflate would cost CPU per send.
    // One message per event-loop turn per socket: a socket sending thousands of messages in one TCP
    // read cannot hold the loop for all of them; every other socket's turn comes in between.
    // The answer to the relay's sync step 1 may be larger, per socket (see offlineAnswers.ts).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxMessageBytes, perMessageDeflate: false, allowSynchronousEvents: false })
    this.pingTimer = setInterval(() => {
      for (const c of this.connections) c.ping()
    }, PING_INTERVAL_MS)
    this.pingTimer.unref()
    metrics.gauge('relay_connections_open', 'Open WebSocket connections', () => this.connections.size)
    metrics.gauge('relay_rooms_loaded', 'Rooms (maps) held in memory', () => this.rooms.loadedCount)
    metrics.gauge('relay_offline_receive_bytes', 'Receive room held open for answers larger than a live message (offline work)', () => this.offlineBudget.bytes)
    metrics.gauge('relay_send_buffer_bytes', 'Bytes queued for readers and not yet written to their sockets (each shared message once)', () => this.sendBuffers.bytes)
  }

  /** Does this upgrade request belong to the relay? Others (Vite's HMR in dev) are left alone. */
  static handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith('/sync/')
  }

  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { limits, metrics, log } = this.deps
    socket.on('error', () => socket.destroy())
    const refuse = (status: number, reason: string, message: string) => {
      metrics.upgrades.inc({ status: String(status) })
      metrics.rejected.inc({ reason })
      log.info('upgrade.refused', { status, reason })
      refuseUpgrade(socket, status, message)
    }
    const target = req.url ?? ''
    if (this.closing) return refuse(503, 'shutting_down', 'the server is shutting down')
    if (target.length > limits.maxUpgradeUrlLength) return refuse(414, 'url_too_long', 'request target too long')
    const url = new URL(target, 'http://relay.invalid')
    const match = SYNC_PATH.exec(url.pathname)
    const mapId = match?.[1] ?? '' // map ids are plain ASCII: nothing to decode
    if (!isMapId(mapId)) return refuse(404, 'bad_path', 'expected /sync/<mapId>')
    const storageDown = () => refuse(503, 'storage_unavailable', 'the relay cannot reach its storage; try again shortly')
    if (!this.storage.storageUp) return storageDown()

    const auth = await authorize(this.deps.signer, this.deps.store, mapId, url.searchParams.get('token')).catch((error: unknown) => {
      log.error('upgrade.storage_failed', { mapId, error: String(error) })
      this.storage.suspect()
      return undefined
    })
    if (!auth) return storageDown()
    if (!auth.ok) return refuse(auth.status, auth.reason, auth.message)
    const holder = await this.holderOf(mapId, auth.claims, url.searchParams.get('participant'))
    const who: Who = { tokenId: auth.claims.tokenId, address: clientAddress(req, this.deps.trustProxy), participantId: holder.participantId }
    const admitted = await this.participantLimits.admit(who)
    if ('refused' in admitted) return refuse(429, admitted.refused, 'too many connections; try again shortly')
    const seat = `${this.deps.relayId}:${this.nextSeat++}`
    if (!(await this.takeSeat(mapId, seat))) {
      admitted.release()
      return refuse(503, 'room_full', 'this map has the maximum number of participants')
    }

    const buckets = this.participantLimits.buckets(admitted.limitsKey)
    // A reader that holds none of the map, arriving while its room is not loaded, is sent the
    // stored map at once and applies it while the room does (see RoomRegistry.storedState).
    const stored = url.searchParams.get('state') === 'empty' ? await this.rooms.storedState(mapId) : null
    const loading = this.rooms.acquire(mapId)
    let early: EarlySocket | null = null
    if (stored && buckets.syncRequests.take()) {
      this.wss.handleUpgrade(req, socket, head, (ws) => (early = new EarlySocket(ws)))
      if (early) stored.delayBuild((early as EarlySocket).send(encodeSyncStep2(stored.state), metrics))
    }
    const room = await loading.catch((error: unknown) => {
      log.error('room.load_failed', { mapId, error: String(error) })
      this.storage.suspect()
      if (early) early.ws.close(CLOSE_CODES.tryAgainLater, 'the map could not be loaded; try again shortly')
      else refuse(503, 'room_load_failed', 'the map could not be loaded; try again shortly')
      return undefined
    })
    const giveUp = () => {
      if (room) this.rooms.release(room)
      admitted.release()
      this.releaseSeat(mapId, seat)
    }
    if (!room) return giveUp()
    const open = (ws: WebSocket, sentStoredState: Uint8Array | null) => {
      metrics.upgrades.inc({ status: '101' })
      const identity = { ...holder, personKey: personKey(who) }
      const connection = new Connection(ws, room, auth.claims.role, identity, limits, metrics, log, this.sendBuffers, buckets, this.offlineBudget)
      connection.sentStoredState = sentStoredState
      // A client the relay closes may be back before the socket is gone: its place is free already.
      connection.onClosing = admitted.release
      this.connections.add(connection)
      // A named seat's link is revoked with its seat, not with its role's epoch.
      if (auth.claims.seatId === undefined) this.tokenEpochs.set(connection, auth.claims.epoch)
      room.join(connection)
      log.info('connection.open', { mapId, connection: connection.id, role: connection.role, participants: room.size })
      ws.on('close', (code) => {
        admitted.release()
        this.connections.delete(connection)
        room.leave(connection)
        this.rooms.release(room)
        this.releaseSeat(mapId, seat)
        log.info('connection.close', { mapId, connection: connection.id, code, participants: room.size })
      })
      return connection
    }
    if (early) {
      const waiting: EarlySocket = early
      const messages = waiting.stopBuffering()
      if (waiting.ws.readyState !== waiting.ws.OPEN || messages === null) {
        waiting.ws.terminate()
        return giveUp()
      }
      const connection = open(waiting.ws, stored!.state)
      for (const [data, isBinary] of messages) connection.receive(data, isBinary)
      return
    }
    let accepted = false
    // `completeUpgrade` runs synchronously here (no async verifyClient), so `accepted` is final
    // once handleUpgrade returns; a socket that died meanwhile is dropped without a callback.
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true
      open(ws, null)
    })
    if (!accepted) giveUp()
  }

  /**
   * Who holds a connection: a named seat's link is its seat's participant; otherwise the
   * participant token the client presented, if it is genuine, for this map, and (for a seat's
   * participant) its seat still stands. A missing or invalid one leaves the connection
   * anonymous: it syncs and edits, but casts no votes.
   */
  private async holderOf(mapId: string, claims: TokenClaims, participantToken: string | null): Promise<{ participantId?: string; seatId?: string }> {
    if (claims.seatId) return { participantId: seatParticipantId(claims.seatId), seatId: claims.seatId }
    if (!participantToken) return {}
    const participant = this.deps.participants.verify(participantToken, mapId)
    if (participant?.seatId !== undefined) {
      const seat = await this.deps.store.getSeat(mapId, participant.seatId)
      if (seat && !seat.revokedAt) return { participantId: participant.participantId, seatId: seat.id }
    } else if (participant) return { participantId: participant.participantId }
    this.deps.metrics.rejected.inc({ reason: 'participant_invalid' })
    return {}
  }

  /** Close the connections of a revoked seat, here and (through fan-out) on other relays, and mark it on the roll. */
  async revokeSeat(mapId: string, seatId: string): Promise<number> {
    this.deps.fanOut.publish({ mapId, relayId: this.deps.relayId, message: { kind: 'revoke-seat', seatId } })
    const room = await this.rooms.acquire(mapId)
    try {
      return room.revokeSeat(seatId)
    } finally {
      this.rooms.release(room)
    }
  }

  /**
   * One of the map's participant seats, counted across relays. If the shared count cannot be
   * reached, this relay's own count decides (the cap then holds per relay until it is back).
   */
  private async takeSeat(mapId: string, seat: string): Promise<boolean> {
    const { coordination, limits, log } = this.deps
    try {
      return await coordination.slots.acquire(`participants:${mapId}`, seat, limits.maxParticipants)
    } catch (error) {
      log.warn('relay.seats_unavailable', { mapId, error: String(error) })
      return this.rooms.holdsOf(mapId) < limits.maxParticipants
    }
  }

  private releaseSeat(mapId: string, seat: string): void {
    // A seat that cannot be released now runs out with its lease.
    this.deps.coordination.slots.release(`participants:${mapId}`, seat).catch(() => {})
  }

  /** Close connections whose token was minted for an epoch since revoked (found by the storage check). */
  private enforceEpochs(mapId: string, epochs: RoleEpochs): void {
    for (const c of this.connections) {
      if (c.mapId !== mapId) continue
      const epoch = this.tokenEpochs.get(c)
      if (epoch !== undefined && epoch < epochs[c.role]) c.close(CLOSE_CODES.revoked, 'revoked')
    }
  }

  /** Close open connections holding a revoked role, here and (through fan-out) on other relays. */
  async revoke(mapId: string, role: Role): Promise<number> {
    this.deps.fanOut.publish({ mapId, relayId: this.deps.relayId, message: { kind: 'revoke', role } })
    const room = await this.rooms.peek(mapId)
    return room ? room.closeRole(role, CLOSE_CODES.revoked, 'revoked') : 0
  }

  /** True from the moment shutdown starts: new joins are refused and `/healthz` says so. */
  get draining(): boolean {
    return this.closing
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Shutdown: close every connection with 1001, wait for stored writes, fold logs, unload rooms. */
  async close(): Promise<void> {
    this.closing = true
    clearInterval(this.pingTimer)
    this.participantLimits.close()
    await this.storage.stop()
    await this.rooms.closeAll(CLOSE_CODES.goingAway, 'server shutting down')
    for (const c of this.connections) c.close(CLOSE_CODES.goingAway, 'server shutting down')
    // Give clients a moment to answer the close frame, then cut whoever has not.
    const deadline = Date.now() + SHUTDOWN_GRACE_MS
    while (this.connections.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    for (const c of this.connections) c.terminate()
    this.wss.close()
  }
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  )
}

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  414: 'URI Too Long',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
}

/** Messages a socket accepted ahead of its room may send before the room is loaded. */
const MAX_EARLY_MESSAGES = 64

/**
 * A socket accepted while its room loads (see `storedState` in rooms.ts): what it sends waits
 * here, in order, for the room; a client that sends more than a joining client does is closed.
 */
class EarlySocket {
  private messages: [RawData, boolean][] | null = []

  constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('error', () => ws.terminate())
    ws.on('message', this.buffer)
  }

  /** Send `message`; resolves once it is handed to the socket. */
  send(message: Uint8Array, metrics: RelayMetrics): Promise<void> {
    metrics.messagesOut.inc()
    metrics.bytesOut.add(message.byteLength)
    return new Promise((resolve) => this.ws.send(message, () => resolve()))
  }

  /** What it sent meanwhile, in order; null if it sent too much (it was closed). */
  stopBuffering(): [RawData, boolean][] | null {
    this.ws.off('message', this.buffer)
    return this.messages
  }

  private readonly buffer = (data: RawData, isBinary: boolean): void => {
    if (this.messages === null) return
    this.messages.push([data, isBinary])
    if (this.messages.length <= MAX_EARLY_MESSAGES) return
    this.messages = null
    this.ws.close(CLOSE_CODES.tryAgainLater, 'too many messages before the map loaded')
  }
}
