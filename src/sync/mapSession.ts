/**
 * One opened map: the Y.Doc, kept in IndexedDB (y-indexeddb) so it survives reloads and offline
 * work, and, for a map on the server, synced through the relay (y-websocket) with presence over
 * awareness. This folder is the only place that imports the providers.
 */
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { Awareness } from 'y-protocols/awareness'
import { createUndoManager, LOCAL_ORIGIN } from '../doc'
import { bindDocument, useJourneyStore, type Peer, type Role } from '../store'
import type { Identity } from './identity'
import { requestParticipant } from './api'
import { loadParticipant, saveParticipant } from './participant'

export interface MapSession {
  mapId: string
  doc: Y.Doc
  undoManager: Y.UndoManager
  awareness: Awareness
  /** Resolves when the local copy has been read from IndexedDB. */
  whenLocalLoaded: Promise<void>
  /** Resolves when the relay has sent its state (immediately for a local map). */
  whenSynced: Promise<void>
  setPresence(field: 'cursor' | 'selection' | 'drag' | 'viewport' | 'spotlight' | 'present', value: unknown): void
  destroy(): void
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

export function openMapSession(options: OpenMapOptions): MapSession {
  const { mapId, token, identity } = options
  const doc = new Y.Doc()
  const unbind = bindDocument(doc, { relayed: Boolean(token) })
  const store = useJourneyStore.getState()
  store.setConnection({ mapId, status: token ? 'connecting' : 'local', unsynced: 0, role: options.role ?? 'facilitator', readOnlyReason: null })
  // On a map kept in this browser the browser's own id is the voter; on the relay's, the id it issues.
  const known = token ? loadParticipant(mapId) : null
  store.setSelf({ ...identity, id: token ? (known?.participantId ?? '') : identity.id })

  const persistence = new IndexeddbPersistence(`journey:${mapId}`, doc)
  const whenLocalLoaded = persistence.whenSynced.then(() => undefined)

  let provider: WebsocketProvider | null = null
  let awareness: Awareness
  let whenSynced: Promise<void>
  const cleanups: (() => void)[] = []

  if (token) {
    provider = new WebsocketProvider(options.relayUrl ?? relayUrlForPage(), mapId, doc, {
      params: known ? { token, participant: known.participantToken } : { token },
      // Reconnect with exponential backoff up to 10 s (y-websocket's own schedule).
      maxBackoffTime: 10_000,
      // Without a participant id yet, wait (briefly) for one: presence and votes are bound to it.
      connect: Boolean(known),
    })
    awareness = provider.awareness
    const p = provider
    let destroyed = false
    cleanups.push(() => (destroyed = true))
    // Ask for (or renew) this browser's participant id; connect with it. Offline or refused, the
    // map still syncs anonymously (a stock client's way), and votes wait for the id.
    requestParticipant(mapId, token, known?.participantToken)
      .then((issued) => {
        if (destroyed) return
        saveParticipant(mapId, issued)
        useJourneyStore.getState().setSelf({ ...identity, id: issued.participantId })
        if (issued.participantToken === p.params.participant) return
        p.params.participant = issued.participantToken
        if (known?.participantId === issued.participantId && p.wsconnected) return // same id: the next reconnect sends the fresh token
        p.disconnect()
        p.connect()
      })
      .catch(() => {
        if (!destroyed && !p.shouldConnect) p.connect()
      })
    whenSynced = new Promise((resolve) => {
      if (p.synced) resolve()
      else p.once('sync', () => resolve())
    })
    // Count local edits the relay has not yet confirmed: offline with N unsynced changes.
    let unsynced = 0
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL_ORIGIN && !(p.wsconnected && p.synced)) {
        unsynced++
        useJourneyStore.getState().setConnection({ unsynced })
      }
    }
    doc.on('update', onUpdate)
    cleanups.push(() => doc.off('update', onUpdate))
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      useJourneyStore.getState().setConnection({ status: status === 'connected' ? (p.synced ? 'connected' : 'connecting') : status === 'connecting' ? 'connecting' : 'offline' })
    }
    const onSync = (isSynced: boolean) => {
      if (isSynced) unsynced = 0
      useJourneyStore.getState().setConnection({ status: isSynced && p.wsconnected ? 'connected' : 'connecting', unsynced })
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    // The browser knows it is offline before the socket times out: stop trying until it is back.
    const onOffline = () => {
      p.disconnect()
      useJourneyStore.getState().setConnection({ status: 'offline' })
    }
    const onOnline = () => p.connect()
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    cleanups.push(() => {
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
    })
  } else {
    awareness = new Awareness(doc)
    whenSynced = whenLocalLoaded
  }

  awareness.setLocalState({ user: { name: identity.name, color: identity.color, role: options.role ?? 'facilitator' }, cursor: null, selection: [], drag: null, viewport: null, spotlight: false, present: null })
  const onAwareness = (changes?: { added: number[]; updated: number[]; removed: number[] }) => {
    // Our own cursor and viewport change many times a second; only others' changes matter here.
    if (changes && [...changes.added, ...changes.updated, ...changes.removed].every((id) => id === doc.clientID)) return
    const peers: Peer[] = []
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === doc.clientID || !state?.user) return
      const user = state.user as { name?: unknown; color?: unknown; role?: unknown }
      peers.push({
        clientId,
        name: typeof user.name === 'string' ? user.name.slice(0, 60) : 'Guest',
        color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#888888',
        role: typeof user.role === 'string' ? user.role : undefined,
        cursor: isPoint(state.cursor) ? state.cursor : null,
        selection: Array.isArray(state.selection) ? state.selection.filter((s: unknown) => typeof s === 'string').slice(0, 50) : [],
        drag: isPoint(state.drag) && typeof state.drag.id === 'string' ? { id: state.drag.id, x: state.drag.x, y: state.drag.y } : null,
        viewport: isPoint(state.viewport) && Number.isFinite(state.viewport.zoom) ? { x: state.viewport.x, y: state.viewport.y, zoom: state.viewport.zoom as number } : null,
        spotlight: state.spotlight === true,
        present: Number.isInteger(state.present) ? state.present : null,
      })
    })
    peers.sort((a, b) => a.clientId - b.clientId)
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
    destroy() {
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

function isPoint(v: unknown): v is { x: number; y: number; id?: string; zoom?: number } {
  return typeof v === 'object' && v !== null && Number.isFinite((v as { x: unknown }).x) && Number.isFinite((v as { y: unknown }).y)
}
