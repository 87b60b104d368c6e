/**
 * A y-websocket client built straight on y-protocols, for tests and benchmarks: it speaks the
 * same protocol as `WebsocketProvider` but exposes what a test needs (every update received by
 * relay, close codes, raw sends) and never reconnects on its own.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseMessage } from '../relay/protocol'

export interface SyncClientOptions {
  /** Start from this document (e.g. one edited offline). */
  doc?: Y.Doc
  /** Called with each update received from the relay, after it is applied. */
  onRemoteUpdate?: (update: Uint8Array) => void
  /** Extra query parameters on the socket URL (e.g. a participant token). */
  params?: Record<string, string>
  /** Extra headers on the upgrade request (e.g. `X-Forwarded-For` for a relay behind a proxy). */
  headers?: Record<string, string>
}

export class SyncClient {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly ws: WebSocket
  /** Updates the relay broadcast to this client (sync step 2 replies excluded). */
  readonly received: Uint8Array[] = []
  /** Reasons of the "permission denied" notices the relay sent (e.g. `locked`). */
  readonly notices: string[] = []
  /** Sync step 2 replies received (one per sync step 1 this client sent). */
  syncReplies = 0
  /** State vectors of every sync step 1 the relay sent (it asks on join, on unlock, after held edits land). */
  readonly asked: Uint8Array[] = []
  /** Resolves with the close code and reason when the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>
  /** Resolves when the relay answered this client's sync step 1. */
  readonly synced: Promise<void>

  private constructor(ws: WebSocket, options: SyncClientOptions) {
    this.ws = ws
    this.doc = options.doc ?? new Y.Doc()
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.setLocalState(null)
    clearInterval((this.awareness as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval)
    let markSynced!: () => void
    this.synced = new Promise((resolve) => (markSynced = resolve))
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
    ws.on('error', () => {})
    ws.on('message', (data: Buffer) => {
      const message = parseMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      switch (message.type) {
        case 'sync-step-1':
          this.asked.push(message.stateVector)
          this.sendRaw(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)))
          break
        case 'auth':
          this.notices.push(message.reason)
          break
        case 'sync-step-2':
          Y.applyUpdate(this.doc, message.update, this)
          this.syncReplies++
          markSynced()
          break
        case 'update':
          Y.applyUpdate(this.doc, message.update, this)
          this.received.push(message.update)
          options.onRemoteUpdate?.(message.update)
          break
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, this)
          break
      }
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && ws.readyState === WebSocket.OPEN) this.sendRaw(encodeUpdate(update))
    })
  }

  /** Open a connection and send sync step 1; resolves once the socket is open. */
  static async connect(serverUrl: string, mapId: string, token: string, options: SyncClientOptions = {}): Promise<SyncClient> {
    const query = new URLSearchParams({ token, ...options.params })
    const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${mapId}?${query}`, { headers: options.headers })
    const client = new SyncClient(ws, options)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
      ws.once('error', reject)
    })
    client.sendRaw(encodeSyncStep1(Y.encodeStateVector(client.doc)))
    return client
  }

  sendRaw(message: Uint8Array | Buffer | string): void {
    this.ws.send(message)
  }

  /** Publish this client's presence (as `WebsocketProvider` does). */
  setPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state)
    this.sendRaw(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])))
  }

  /** A barrier through this client's socket: see `syncRoundTrip`. */
  roundTrip(): Promise<void> {
    return syncRoundTrip(this.ws, this.doc)
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close()
    await this.closed
    this.awareness.destroy()
  }
}

/**
 * A barrier for tests that assert something did not happen: send a sync step 1 on `ws` (a
 * `SyncClient`'s or a stock provider's socket) and resolve at the relay's answer. The relay judges
 * one socket's messages in the order they came and answers a sync step 1 only once every write
 * before it is stored, so when this resolves everything sent on `ws` before was processed, and
 * every update it caused was handed to the other sockets. An observer's own round trip after that
 * proves those reached it. Rejects if the socket closes first: a close is what such tests rule out.
 */
export function syncRoundTrip(ws: WebSocket, doc: Y.Doc): Promise<void> {
  return new Promise((resolve, reject) => {
    // A stock provider's socket delivers ArrayBuffers (its binaryType), a SyncClient's Buffers.
    const onMessage = (data: Buffer | ArrayBuffer) => {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      if (parseMessage(bytes).type !== 'sync-step-2') return
      done()
      resolve()
    }
    const onClose = (code: number) => {
      done()
      reject(new Error(`the socket closed (${code}) before the relay answered`))
    }
    const done = () => {
      ws.off('message', onMessage)
      ws.off('close', onClose)
    }
    ws.on('message', onMessage)
    ws.on('close', onClose)
    ws.send(encodeSyncStep1(Y.encodeStateVector(doc)))
  })
}

/** The HTTP status a refused upgrade got, or 101 if a socket opened (then closed again). */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      ws.terminate()
    })
    ws.once('open', () => {
      resolve(101)
      ws.close()
    })
    ws.once('error', (error) => reject(error))
  })
}

export interface IssuedParticipant {
  participantId: string
  participantToken: string
  seat: { id: string; name: string } | null
}

/** Ask the relay for a participant id (`POST /api/maps/<id>/participants`), as the app does on opening a map. */
export async function issueParticipant(serverUrl: string, mapId: string, token: string, known?: string, headers: Record<string, string> = {}): Promise<IssuedParticipant> {
  const res = await fetch(`${serverUrl}/api/maps/${mapId}/participants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(known ? { participantToken: known } : {}),
  })
  if (res.status !== 201) throw new Error(`POST participants: ${res.status} ${await res.text()}`)
  return (await res.json()) as IssuedParticipant
}
