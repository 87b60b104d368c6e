/**
 * One opened map: the Y.Doc, kept in IndexedDB (y-indexeddb) so it survives reloads and offline
 * work, and, for a map on the server, synced through the relay (y-websocket) with presence over
 * awareness. This folder is the only place that imports the providers.
 */
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { Awareness } from 'y-protocols/awareness'
import { createUndoManager } from '../doc'
import { bindDocument, useJourneyStore, type Refusal, type Role } from '../store'
import { fetchMapInfo, requestParticipant, takeEarlyParticipant } from './api'
import { ApiError } from './http'
import { connectionStatus, refusalOfClose } from './connectionStatus'
import type { Identity } from './identity'
import { loadParticipant, saveParticipant } from './participant'
import { applyLargeUpdatesQuietly, readLocalCopyQuietly } from './quietSync'
import { peersFromAwareness } from './presence'
import { trackSync, type SyncTracker } from './syncTracker'
import { adoptingWebSocket } from './earlySocket'

/** How long the relay's sync waits for the local copy to be read, at most. */
const LOCAL_READ_WAIT_MS = 1500

export interface MapSession {
  mapId: string
  doc: Y.Doc
  undoManager: Y.UndoManager
  awareness: Awareness
  /** Resolves when the local copy has been read from IndexedDB. */
  whenLocalLoaded: Promise<void>
  /** Resolves when the relay has sent its state (immediately for a local map). */
  whenSynced: Promise<void>
  setPresence(field: 'cursor' | 'selection' | 'drag' | 'viewport' | 'spotlight' | 'present' | 'editing' | 'restored' | 'writing', value: unknown): void
  /**
   * Forget this browser's copy of the map (with whatever the relay refused), so the next open
   * loads the map as the relay has it.
   */
  discardLocalCopy(): Promise<void>
  destroy(): void
}

/** y-indexeddb's own listener, which keeps an update in the browser's database (see quietSync.ts). */
interface IndexeddbStore {
  _storeUpdate(update: Uint8Array, origin: unknown): void
}

export interface OpenMapOptions {
  mapId: string
  /** Absent for a map kept only in this browser. */
  token?: string
  role?: Role
  identity: Identity
  /** Overridable for tests; defaults to this page's host. */
  relayUrl?: string
}

export function relayUrlForPage(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/sync`
}

// The code that cuts a large map in two loads beside the page's own; a large map that comes
// first waits for it (it is small), or, if it cannot be had, is applied whole.
let cut: typeof import('./inParts') | null = null
const cutting = import('./inParts').then((m) => (cut = m), () => null)

export function openMapSession(options: OpenMapOptions): MapSession {
  const { mapId, token, identity } = options
  const doc = new Y.Doc()
  const unbind = bindDocument(doc, { relayed: Boolean(token) })
  const store = useJourneyStore.getState()
  store.setConnection({ mapId, status: token ? 'connecting' : 'local', unsynced: 0, catchingUp: 0, held: false, refusal: null, role: options.role ?? 'facilitator', readOnlyReason: null, mapArriving: false })
  // On a map kept in this browser the browser's own id is the voter; on the relay's, the id it issues.
  const known = token ? loadParticipant(mapId) : null
  store.setSelf({ ...identity, id: token ? (known?.participantId ?? '') : identity.id })

  const persistence = new IndexeddbPersistence(`journey:${mapId}`, doc)
  const whenLocalLoaded = persistence.whenSynced.then(() => undefined)

  let provider: WebsocketProvider | null = null
  // The local copy is read without being encoded again for listeners that would drop it (see quietSync.ts).
  const stopQuietRead = readLocalCopyQuietly(doc, persistence, () => provider !== null && (provider.wsconnected || provider.bcconnected))
  let awareness: Awareness
  let whenSynced: Promise<void>
  const cleanups: (() => void)[] = []

  if (token) {
    provider = new WebsocketProvider(options.relayUrl ?? relayUrlForPage(), mapId, doc, {
      params: known ? { token, participant: known.participantToken } : { token },
      // Reconnect with exponential backoff up to 10 s (y-websocket's own schedule).
      maxBackoffTime: 10_000,
      // Connects once the local copy is read (below), and without a participant id yet, once one
      // is issued (briefly): presence and votes are bound to it.
      connect: false,
      // The socket the page opened before this code loaded, if it is the one asked for (earlySocket.ts).
      WebSocketPolyfill: adoptingWebSocket(),
    })
    awareness = provider.awareness
    const p = provider
    let destroyed = false
    cleanups.push(() => (destroyed = true))
    // A browser that holds the map asks the relay for what it lacks once its copy is read: asked
    // before, the state vector names nothing, and the relay sends the whole map again, to be
    // applied on top of the same map read from IndexedDB. A local store that does not answer holds
    // no one up long. A browser new to the map (no participant id yet) holds nothing to wait for.
    const localRead = known ? Promise.race([whenLocalLoaded, new Promise<void>((resolve) => setTimeout(resolve, LOCAL_READ_WAIT_MS))]) : null
    // A browser that holds none of the map says so: a relay that is still loading the map then
    // sends it at once, and both apply it side by side (server/README.md, `state=empty`).
    const sayIfEmpty = () => {
      if (doc.store.clients.size === 0) p.params.state = 'empty'
      else delete p.params.state
    }
    const connectNow = () => {
      sayIfEmpty()
      p.connect()
    }
    const connect = () => {
      if (!localRead) return connectNow()
      void localRead.then(() => {
        if (!destroyed && refusal === null) connectNow()
      })
    }
    if (known) connect()
    // Ask for (or renew) this browser's participant id; connect with it. Offline or refused, the
    // map still syncs anonymously (a stock client's way), and votes wait for the id.
    // The page may have asked already, before this code loaded (see takeEarlyParticipant).
    const issuing = takeEarlyParticipant(mapId, token, known?.participantToken) ?? requestParticipant(mapId, token, known?.participantToken)
    issuing
      .then((issued) => {
        if (destroyed) return
        saveParticipant(mapId, issued)
        useJourneyStore.getState().setSelf({ ...identity, id: issued.participantId })
        if (issued.participantToken === p.params.participant) return
        p.params.participant = issued.participantToken
        // Same id: a socket open, opening or about to open (once the local copy is read) keeps going,
        // and the next reconnect sends the fresh token. Reconnecting would open a second socket.
        if (known?.participantId === issued.participantId && (p.wsconnected || p.wsconnecting || !p.shouldConnect)) return
        if (refusal !== null) return // the link itself was refused: nothing to reconnect with
        p.disconnect()
        connect()
      })
      .catch((e: unknown) => {
        if (destroyed) return
        if (e instanceof ApiError && e.linkRefused) refuse('link')
        else if (!p.shouldConnect && refusal === null) connect()
      })
    whenSynced = new Promise((resolve) => {
      if (p.synced) resolve()
      else p.once('sync', () => resolve())
    })
    let refusal: Refusal | null = null
    let everSynced = false
    let tracker: SyncTracker | null = null
    const publish = () => {
      if (p.synced) everSynced = true
      const progress = tracker?.progress() ?? { unsynced: 0, catchingUp: 0, held: false }
      useJourneyStore.getState().setConnection({
        status: connectionStatus({ refused: refusal !== null, online: navigator.onLine, synced: p.wsconnected && p.synced, everSynced }),
        unsynced: progress.unsynced,
        catchingUp: progress.catchingUp,
        held: progress.held,
        refusal,
      })
    }
    // The map as the relay sends it is kept in IndexedDB as it came, not encoded again, and a
    // large one is drawn from its first part while the rest is applied (see quietSync.ts).
    const inParts = () => (cut ? cut.inParts({ arriving: (mapArriving) => useJourneyStore.getState().setConnection({ mapArriving }) }) : cutting)
    const unquiet = applyLargeUpdatesQuietly(p, doc, (update, origin) => (persistence as unknown as IndexeddbStore)._storeUpdate(update, origin), inParts)
    tracker = trackSync(p, (origin) => origin !== p && origin !== persistence, publish)
    const refuse = (why: Refusal) => {
      refusal = why
      p.disconnect()
      publish()
    }

    // A link refused over HTTP (expired, revoked while we were away) never opens a socket, and
    // y-websocket would retry it for ever: when a socket fails to open on a working network, ask
    // the API why (at most every few seconds).
    let opened = false
    let lastProbe = 0
    const probeLink = () => {
      if (Date.now() - lastProbe < 5000) return
      lastProbe = Date.now()
      fetchMapInfo(mapId, token).catch((e: unknown) => {
        if (e instanceof ApiError && e.linkRefused) refuse('link')
      })
    }
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') opened = true
      publish()
    }
    const onConnectionClose = () => {
      sayIfEmpty() // y-websocket reconnects with the same parameters
      if (!opened && navigator.onLine && refusal === null) probeLink()
      opened = false
      publish()
    }
    const onClosed = ({ code }: { code: number }) => refuse(refusalOfClose(code))
    p.on('status', onStatus)
    p.on('sync', publish)
    p.on('connection-close', onConnectionClose)
    p.on('closed', onClosed)
    // The browser knows it is offline before the socket times out: stop trying until it is back.
    const onOffline = () => {
      p.disconnect()
      publish()
    }
    const onOnline = () => {
      if (refusal === null) connectNow()
      publish()
    }
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    cleanups.push(() => {
      tracker?.destroy()
      unquiet()
      p.off('status', onStatus)
      p.off('sync', publish)
      p.off('connection-close', onConnectionClose)
      p.off('closed', onClosed)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
    })
  } else {
    awareness = new Awareness(doc)
    whenSynced = whenLocalLoaded
  }

  awareness.setLocalState({ user: { name: identity.name, color: identity.color, role: options.role ?? 'facilitator' }, cursor: null, selection: [], drag: null, viewport: null, spotlight: false, present: null, editing: null })
  const onAwareness = (changes?: { added: number[]; updated: number[]; removed: number[] }) => {
    // Our own cursor and viewport change many times a second; only others' changes matter here.
    if (changes && [...changes.added, ...changes.updated, ...changes.removed].every((id) => id === doc.clientID)) return
    const peers = peersFromAwareness(awareness, doc.clientID)
    useJourneyStore.getState().setPeers(peers)
  }
  awareness.on('change', onAwareness)
  onAwareness()

  const undoManager = createUndoManager(doc)

  return {
    mapId,
    doc,
    undoManager,
    awareness,
    whenLocalLoaded,
    whenSynced,
    setPresence(field, value) {
      awareness.setLocalStateField(field, value)
    },
    async discardLocalCopy() {
      provider?.disconnect()
      await persistence.clearData()
    },
    destroy() {
      stopQuietRead()
      cleanups.forEach((c) => c())
      awareness.off('change', onAwareness)
      undoManager.destroy()
      provider?.destroy()
      if (!provider) awareness.destroy()
      void persistence.destroy()
      unbind()
      doc.destroy()
    },
  }
}
