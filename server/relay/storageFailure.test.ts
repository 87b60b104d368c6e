/**
 * A room whose storage refuses a write: durable before relayed holds even then. The turn's update
 * reaches nobody, the room is dropped (everyone reconnects to a freshly loaded one), and whatever
 * waited for the write (a sync answer, a version) never goes out, whether it was waiting before the
 * commit failed or asks after.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initializeMap } from '../../src/commands'
import { InProcessFanOut } from '../fanout/inProcess'
import { createLogger } from '../log'
import { RelayMetrics } from '../metrics'
import { openSqliteStore } from '../storage/sqlite'
import type { MapStore } from '../storage/types'
import { HeardParticipant } from '../testing/policyRoom'
import { tempDataDir } from '../testing/testServer'
import { Room } from './room'

const opened: { store: MapStore; room: Room }[] = []
afterEach(async () => {
  for (const { store, room } of opened.splice(0)) {
    await room.unload().catch(() => {})
    await store.close()
  }
})

async function roomWithFailingStore() {
  const store = await openSqliteStore(tempDataDir())
  const seed = new Y.Doc()
  initializeMap(seed, { title: 'Værksted' })
  await store.createMap({ id: 'map_fail', title: 'Værksted', createdAt: new Date().toISOString(), initialUpdate: Y.encodeStateAsUpdate(seed) })
  let failing = false
  const appendUpdatesNow = store.appendUpdatesNow!.bind(store)
  store.appendUpdatesNow = (mapId, updates) => {
    if (failing) throw new Error('disk full')
    return appendUpdatesNow(mapId, updates)
  }
  const failures: Room[] = []
  const room = await Room.build(
    'map_fail',
    { store, fanOut: new InProcessFanOut(), relayId: 'r1', log: createLogger('silent'), metrics: new RelayMetrics(), compactEvery: 500, onFailure: (r) => failures.push(r) },
    await store.loadUpdates('map_fail'),
  )
  opened.push({ store, room })
  const writer = new HeardParticipant('editor', 'p_writer')
  const reader = new HeardParticipant('editor', 'p_reader')
  room.join(writer)
  room.join(reader)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc))
  const edit = (text: string) => {
    let update: Uint8Array | null = null
    client.once('update', (u: Uint8Array) => (update = u))
    client.getMap('comments').set('comment:c1', new Y.Map([['text', text]]))
    return update!
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve))
  // What joining wrote (the roll, the session's first version) is stored before storage fails.
  await turn()
  await room.whenStored()
  return { room, writer, reader, failures, edit, turn, fail: () => (failing = true) }
}

describe('a room whose storage refuses a write', () => {
  it('relays what was stored, and nothing of the turn that failed', async () => {
    const { room, writer, reader, failures, edit, turn, fail } = await roomWithFailingStore()
    const before = reader.count('update')
    room.receiveUpdate(writer, edit('stored'))
    await turn()
    await room.whenStored()
    expect(reader.count('update')).toBe(before + 1)
    fail()
    room.receiveUpdate(writer, edit('lost'))
    await turn()
    await room.whenStored()
    expect(failures).toEqual([room])
    expect(reader.count('update')).toBe(before + 1)
  })

  it('never answers what waited for the failed write, asked before the commit or after', async () => {
    const { room, writer, reader, failures, edit, turn, fail } = await roomWithFailingStore()
    const heard = reader.heard.length
    fail()
    room.receiveUpdate(writer, edit('lost'))
    // Asked in the same turn, before the commit: waits for it.
    room.answerSyncStep1(reader, Y.encodeStateVector(new Y.Doc()))
    await turn()
    // Asked after the commit failed.
    room.answerSyncStep1(reader, Y.encodeStateVector(new Y.Doc()))
    let versioned = false
    const version = room.takeVersion('manual', 'after the failure').then(() => (versioned = true))
    await expect(version).rejects.toThrow('disk full')
    await room.whenStored()
    for (let i = 0; i < 5; i++) await turn()
    expect(failures).toEqual([room])
    expect(versioned).toBe(false)
    expect(reader.heard.slice(heard)).toEqual([])
  })

  it('fails the waiters of a failed turn when nobody was waiting during it', async () => {
    const { room, writer, edit, turn, fail } = await roomWithFailingStore()
    fail()
    room.receiveUpdate(writer, edit('lost'))
    await turn()
    await expect(room.takeVersion('manual', 'after the failure')).rejects.toThrow('disk full')
  })
})
