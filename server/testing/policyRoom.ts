/**
 * A room's surroundings for testing one policy on its own: a real Y.Doc holding a map, a real
 * SQLite store holding it, and participants that keep what they are sent. No sockets: the
 * policies never touch one (the room does).
 */
import fs from 'node:fs'
import * as Y from 'yjs'
import { initializeMap } from '../../src/commands'
import { createLogger } from '../log'
import type { Role } from '../auth/tokens'
import { parseMessage, type IncomingMessage } from '../relay/protocol'
import type { Participant, Refusal } from '../relay/room'
import type { RoomScope } from '../relay/roomPolicy'
import { openSqliteStore } from '../storage/sqlite'
import type { MapStore } from '../storage/types'
import { tempDataDir } from './testServer'

/** A connection as a policy sees it, keeping what it was sent, how it was closed and what it was refused. */
export class HeardParticipant implements Participant {
  readonly heard: IncomingMessage[] = []
  readonly refusals: Refusal[] = []
  closedWith: number | null = null
  readonly personKey: string

  constructor(
    readonly role: Role,
    readonly participantId?: string,
    readonly seatId?: string,
  ) {
    this.personKey = participantId ?? `link:${role}`
  }

  send(message: Uint8Array): void {
    this.heard.push(parseMessage(message))
  }

  close(code: number): void {
    this.closedWith = code
  }

  refused(refusal: Refusal): void {
    this.refusals.push(refusal)
  }

  /** How many messages of a type it was sent. */
  count(type: IncomingMessage['type']): number {
    return this.heard.filter((m) => m.type === type).length
  }
}

export interface PolicyRoom {
  doc: Y.Doc
  store: MapStore
  scope: RoomScope
  /** Put a participant in the room (the policy under test is told by the test). */
  enter(participant: HeardParticipant): HeardParticipant
  leave(participant: HeardParticipant): void
  /** Let pending work run: storage writes and what waits for them. */
  settle(): Promise<void>
  dispose(): Promise<void>
}

export async function openPolicyRoom(): Promise<PolicyRoom> {
  const dataDir = tempDataDir()
  const store = await openSqliteStore(dataDir)
  const mapId = 'map_policy'
  const doc = new Y.Doc()
  initializeMap(doc, { title: 'Værksted 🚗' })
  await store.createMap({ id: mapId, title: 'Værksted 🚗', createdAt: new Date().toISOString(), initialUpdate: Y.encodeStateAsUpdate(doc) })
  const participants = new Set<Participant>()
  const pending = new Set<Promise<unknown>>()
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work)
    void work.finally(() => pending.delete(work)).catch(() => {})
    return work
  }
  const scope: RoomScope = {
    mapId,
    doc,
    log: createLogger('silent'),
    store,
    participants: () => participants.values(),
    afterWrites: (fn) => void track(Promise.resolve().then(fn)),
    takeVersion: (reason, name, state = Y.encodeStateAsUpdate(doc)) => {
      const version = { id: `v_${pending.size}_${Date.now()}`, name, reason, createdAt: new Date().toISOString() }
      return track(store.saveVersion(mapId, { ...version, state }).then(() => version))
    },
    encodedState: () => null,
  }
  return {
    doc,
    store,
    scope,
    enter: (p) => (participants.add(p), p),
    leave: (p) => void participants.delete(p),
    async settle() {
      for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setImmediate(resolve))
        await Promise.all(pending)
      }
    },
    async dispose() {
      await Promise.all(pending).catch(() => {})
      await store.close()
      doc.destroy()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
