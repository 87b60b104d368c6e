/**
 * The storage contract: every engine behind `MapStore` must pass these tests. An engine's test
 * file calls `describeMapStoreContract` with a factory (see `sqlite.test.ts`).
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeFeedbackContract } from './feedbackContract'
import { JoinCodeTakenError, MapExistsError, MapNotFoundError, type MapStore } from './types'

export interface MapStoreFactory {
  /** A fresh, empty place to keep data (a directory, a database schema…). */
  freshLocation(): Promise<string>
  /** Open the engine on `location`; opening the same location again must see the same data. */
  open(location: string): Promise<MapStore>
}

const TITLE = 'Bilværksted: Karolines rejse — æøå ÆØÅ äö 🚗✨'

function docWith(entries: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc()
  const map = doc.getMap('meta')
  doc.transact(() => {
    for (const [k, v] of Object.entries(entries)) map.set(k, v)
  })
  return Y.encodeStateAsUpdate(doc)
}

/** An update that sets `key` on top of the state `base`. */
function edit(base: Uint8Array, key: string, value: unknown): { update: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, base)
  let update!: Uint8Array
  doc.once('update', (u: Uint8Array) => (update = u))
  doc.getMap('meta').set(key, value)
  return { update, doc }
}

function replay(updates: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc()
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)))
  return doc.getMap('meta').toJSON()
}

export function describeMapStoreContract(engine: string, factory: MapStoreFactory): void {
  describe(`MapStore contract: ${engine}`, () => {
    const open: MapStore[] = []
    const openStore = async (location: string) => {
      const store = await factory.open(location)
      open.push(store)
      return store
    }
    const fresh = async () => openStore(await factory.freshLocation())
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})))
    })

    it('creates a map with its initial state, title and epochs', async () => {
      const store = await fresh()
      const initial = docWith({ title: TITLE })
      await store.createMap({ id: 'map_a', title: TITLE, createdAt: '2024-05-01T10:00:00.000Z', initialUpdate: initial })
      expect(await store.getMapMeta('map_a')).toEqual({
        id: 'map_a',
        title: TITLE,
        createdAt: '2024-05-01T10:00:00.000Z',
        epochs: { facilitator: 1, editor: 1, viewer: 1 },
      })
      const { updates, lastSeq } = await store.loadUpdates('map_a')
      expect(updates.map((u) => Array.from(u))).toEqual([Array.from(initial)])
      expect(lastSeq).toBeGreaterThan(0)
      expect(replay(updates)).toEqual({ title: TITLE })
    })

    it('refuses a second map with the same id and leaves the first intact', async () => {
      const store = await fresh()
      await store.createMap({ id: 'map_a', title: 'first', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({ title: 'first' }) })
      await expect(store.createMap({ id: 'map_a', title: 'second', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({}) })).rejects.toBeInstanceOf(MapExistsError)
      expect((await store.getMapMeta('map_a'))?.title).toBe('first')
      expect(replay((await store.loadUpdates('map_a')).updates)).toEqual({ title: 'first' })
    })

    it('knows nothing of a map that was never created', async () => {
      const store = await fresh()
      expect(await store.getMapMeta('map_missing')).toBeUndefined()
      await expect(store.appendUpdate('map_missing', docWith({ a: 1 }))).rejects.toBeInstanceOf(MapNotFoundError)
      await expect(store.loadUpdates('map_missing')).rejects.toBeInstanceOf(MapNotFoundError)
      await expect(store.bumpEpoch('map_missing', 'editor')).rejects.toBeInstanceOf(MapNotFoundError)
    })

    it('appends updates in order with increasing sequence numbers, byte for byte', async () => {
      const store = await fresh()
      let state = docWith({ title: 'x' })
      await store.createMap({ id: 'map_a', title: 'x', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: state })
      const seqs: number[] = []
      const sent: Uint8Array[] = [state]
      for (let i = 0; i < 200; i++) {
        const { update, doc } = edit(state, `k${i}`, `værdi ${i} 🎈`)
        state = Y.encodeStateAsUpdate(doc)
        sent.push(update)
        seqs.push(await store.appendUpdate('map_a', update))
      }
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
      expect(new Set(seqs).size).toBe(seqs.length)
      const { updates, lastSeq } = await store.loadUpdates('map_a')
      expect(lastSeq).toBe(seqs.at(-1))
      expect(updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(sent.map((u) => Buffer.from(u).toString('hex')))
      expect(replay(updates).k199).toBe('værdi 199 🎈')
    })

    it('compacts a prefix into a snapshot and keeps later updates', async () => {
      const store = await fresh()
      let state = docWith({ title: 'before' })
      await store.createMap({ id: 'map_a', title: 'before', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: state })
      let upTo = 0
      for (let i = 0; i < 20; i++) {
        const { update, doc } = edit(state, `k${i}`, i)
        state = Y.encodeStateAsUpdate(doc)
        const seq = await store.appendUpdate('map_a', update)
        if (i === 9) upTo = seq
      }
      const expected = replay((await store.loadUpdates('map_a')).updates)
      // The snapshot is taken from a document that has seen only the first ten edits…
      const upToTen = (await store.loadUpdates('map_a')).updates.slice(0, 11)
      const snapshotDoc = new Y.Doc()
      upToTen.forEach((u) => Y.applyUpdate(snapshotDoc, u))
      await store.compact('map_a', Y.encodeStateAsUpdate(snapshotDoc), upTo, 'Efter komprimering ✓')
      // …and an edit lands after compaction.
      const late = edit(state, 'late', 'ø')
      await store.appendUpdate('map_a', late.update)

      const { updates } = await store.loadUpdates('map_a')
      expect(updates.length).toBe(1 + 10 + 1)
      expect(replay(updates)).toEqual({ ...expected, late: 'ø' })
      expect((await store.getMapMeta('map_a'))?.title).toBe('Efter komprimering ✓')
    })

    it('keeps everything across close and reopen', async () => {
      const location = await factory.freshLocation()
      const first = await openStore(location)
      let state = docWith({ title: TITLE })
      await first.createMap({ id: 'map_a', title: TITLE, createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: state })
      for (let i = 0; i < 50; i++) {
        const { update, doc } = edit(state, `k${i}`, `æøå ${i}`)
        state = Y.encodeStateAsUpdate(doc)
        await first.appendUpdate('map_a', update)
      }
      await first.bumpEpoch('map_a', 'viewer')
      const before = replay((await first.loadUpdates('map_a')).updates)
      await first.close()
      open.splice(open.indexOf(first), 1)

      const second = await openStore(location)
      expect(replay((await second.loadUpdates('map_a')).updates)).toEqual(before)
      expect(await second.getMapMeta('map_a')).toMatchObject({ title: TITLE, epochs: { facilitator: 1, editor: 1, viewer: 2 } })
      // and appends continue after the old ones
      const { update } = edit(state, 'after-reopen', true)
      await second.appendUpdate('map_a', update)
      expect(replay((await second.loadUpdates('map_a')).updates)['after-reopen']).toBe(true)
    })

    it('keeps concurrent maps apart', async () => {
      const store = await fresh()
      const ids = ['map_a', 'map_b', 'map_c']
      const states = new Map(ids.map((id) => [id, docWith({ title: id })]))
      await Promise.all(ids.map((id) => store.createMap({ id, title: `${id} 😀`, createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: states.get(id)! })))
      const writes: Promise<number>[] = []
      for (let i = 0; i < 30; i++) {
        for (const id of ids) {
          const { update, doc } = edit(states.get(id)!, `${id}-${i}`, i)
          states.set(id, Y.encodeStateAsUpdate(doc))
          writes.push(store.appendUpdate(id, update))
        }
      }
      await Promise.all(writes)
      for (const id of ids) {
        const meta = replay((await store.loadUpdates(id)).updates)
        expect(Object.keys(meta).filter((k) => k !== 'title').sort()).toEqual(Array.from({ length: 30 }, (_, i) => `${id}-${i}`).sort())
        expect((await store.getMapMeta(id))?.title).toBe(`${id} 😀`)
      }
    })

    it('bumps each role epoch on its own', async () => {
      const store = await fresh()
      await store.createMap({ id: 'map_a', title: 't', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({}) })
      expect(await store.bumpEpoch('map_a', 'editor')).toBe(2)
      expect(await store.bumpEpoch('map_a', 'editor')).toBe(3)
      expect(await store.bumpEpoch('map_a', 'viewer')).toBe(2)
      expect((await store.getMapMeta('map_a'))?.epochs).toEqual({ facilitator: 1, editor: 3, viewer: 2 })
    })

    it('keeps named versions apart from the log, newest first, state intact', async () => {
      const store = await fresh()
      await store.createMap({ id: 'map_v', title: 'v', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({ a: 1 }) })
      const first = docWith({ title: 'Før verkstedet 🚗' })
      const second = docWith({ title: 'Etter verkstedet' })
      await store.saveVersion('map_v', { id: 'v1', name: 'Før økta', reason: 'session-start', createdAt: '2024-01-01T10:00:00.000Z', state: first })
      await store.saveVersion('map_v', { id: 'v2', name: 'Låst ✋', reason: 'lock', createdAt: '2024-01-01T11:00:00.000Z', state: second })
      expect(await store.listVersions('map_v')).toEqual([
        { id: 'v2', name: 'Låst ✋', reason: 'lock', createdAt: '2024-01-01T11:00:00.000Z' },
        { id: 'v1', name: 'Før økta', reason: 'session-start', createdAt: '2024-01-01T10:00:00.000Z' },
      ])
      const loaded = await store.loadVersion('map_v', 'v1')
      expect(loaded?.name).toBe('Før økta')
      expect(Buffer.compare(Buffer.from(loaded!.state), Buffer.from(first))).toBe(0)
      expect(await store.loadVersion('map_v', 'nope')).toBeUndefined()
      expect(await store.listVersions('map_other')).toEqual([])
      // Versions never enter the update log.
      expect(replay((await store.loadUpdates('map_v')).updates)).toEqual({ a: 1 })
      await expect(store.saveVersion('map_missing', { id: 'v', name: 'x', reason: 'manual', createdAt: '2024-01-01T00:00:00.000Z', state: first })).rejects.toThrow()
    })

    it('loads only the updates after a sequence number, before and after compaction', async () => {
      const store = await fresh()
      let state = docWith({ title: 't' })
      await store.createMap({ id: 'map_s', title: 't', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: state })
      const seqs: number[] = []
      for (let i = 0; i < 10; i++) {
        const { update, doc } = edit(state, `k${i}`, `æ ${i}`)
        state = Y.encodeStateAsUpdate(doc)
        seqs.push(await store.appendUpdate('map_s', update))
      }
      const all = await store.loadUpdates('map_s')
      const tail = await store.loadUpdates('map_s', seqs[5])
      expect(tail.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(all.updates.slice(-4).map((u) => Buffer.from(u).toString('hex')))
      expect(tail.lastSeq).toBe(seqs[9])
      // Nothing after the last: no rows, and lastSeq stays where the caller is.
      expect(await store.loadUpdates('map_s', seqs[9])).toEqual({ updates: [], lastSeq: seqs[9], seqs: [] })

      // A reader that had rows up to seqs[2] reads the snapshot (it covers what it lacks) and what follows.
      const known = all.updates.slice(0, 4)
      const folded = new Y.Doc()
      all.updates.slice(0, 8).forEach((u) => Y.applyUpdate(folded, u))
      await store.compact('map_s', Y.encodeStateAsUpdate(folded), seqs[6])
      const after = await store.loadUpdates('map_s', seqs[2])
      expect(after.updates.length).toBe(1 + 3)
      expect(replay([...known, ...after.updates])).toEqual(replay(all.updates))
      // A reader already past the snapshot gets only what follows it.
      expect((await store.loadUpdates('map_s', seqs[7])).updates.length).toBe(2)
      await expect(store.loadUpdates('map_missing', 3)).rejects.toBeInstanceOf(MapNotFoundError)
    })

    it('reports each map’s last sequence number and epochs in one read', async () => {
      const store = await fresh()
      for (const id of ['map_h1', 'map_h2']) await store.createMap({ id, title: id, createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({ title: id }) })
      const last = await store.appendUpdate('map_h1', edit(docWith({ title: 'map_h1' }), 'a', 1).update)
      await store.bumpEpoch('map_h2', 'viewer')
      const heads = await store.mapHeads(['map_h1', 'map_h2', 'map_missing'])
      expect([...heads.keys()].sort()).toEqual(['map_h1', 'map_h2'])
      expect(heads.get('map_h1')).toEqual({ lastSeq: last, epochs: { facilitator: 1, editor: 1, viewer: 1 } })
      expect(heads.get('map_h2')).toEqual({ lastSeq: (await store.loadUpdates('map_h2')).lastSeq, epochs: { facilitator: 1, editor: 1, viewer: 2 } })
      expect((await store.mapHeads([])).size).toBe(0)
    })

    it('keeps every update appended while a compaction runs', async () => {
      const store = await fresh()
      let state = docWith({ title: 'busy' })
      await store.createMap({ id: 'map_c', title: 'busy', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: state })
      const next = (key: string) => {
        const { update, doc } = edit(state, key, `ø ${key}`)
        state = Y.encodeStateAsUpdate(doc)
        return update
      }
      for (let i = 0; i < 30; i++) await store.appendUpdate('map_c', next(`before${i}`))
      const { updates, lastSeq } = await store.loadUpdates('map_c')
      const snapshotDoc = new Y.Doc()
      updates.forEach((u) => Y.applyUpdate(snapshotDoc, u))
      // Appends race the compaction; every one of them must survive it.
      const racing = Array.from({ length: 40 }, (_, i) => store.appendUpdate('map_c', next(`during${i}`)))
      await Promise.all([store.compact('map_c', Y.encodeStateAsUpdate(snapshotDoc), lastSeq), ...racing])
      const meta = replay((await store.loadUpdates('map_c')).updates)
      for (let i = 0; i < 30; i++) expect(meta[`before${i}`]).toBe(`ø before${i}`)
      for (let i = 0; i < 40; i++) expect(meta[`during${i}`]).toBe(`ø during${i}`)
    })

    it('runs an exclusive task on one map at a time, also across stores opened on the same data', async () => {
      const location = await factory.freshLocation()
      const [a, b] = [await openStore(location), await openStore(location)]
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      let running = 0
      let most = 0
      const task = (result: string) => async () => {
        running++
        most = Math.max(most, running)
        await held
        running--
        return result
      }
      const first = a.runExclusive('map_x', 'compact', task('a'))
      for (const deadline = Date.now() + 5000; running < 1 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10))
      // The same task on the same map elsewhere is skipped at once; other maps and tasks run.
      expect(await b.runExclusive('map_x', 'compact', task('b'))).toBeUndefined()
      expect(await a.runExclusive('map_x', 'compact', task('a2'))).toBeUndefined()
      const other = b.runExclusive('map_y', 'compact', task('other map'))
      const otherTask = b.runExclusive('map_x', 'migrate', task('other task'))
      for (const deadline = Date.now() + 5000; running < 3 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(most).toBe(3)
      release()
      expect(await Promise.all([first, other, otherTask])).toEqual(['a', 'other map', 'other task'])
      // Once done, the lock is free again, and a failing task releases it too.
      await expect(b.runExclusive('map_x', 'compact', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
      expect(await b.runExclusive('map_x', 'compact', async () => 'again')).toBe('again')
    })

    it('answers a ping', async () => {
      const store = await fresh()
      await expect(store.ping()).resolves.toBeUndefined()
    })

    it('quarantines one stored update: gone from the log, kept with its reason and bytes', async () => {
      const store = await fresh()
      let state = docWith({ a: 1 })
      await store.createMap({ id: 'map_q', title: 'q', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: state })
      const appended: Uint8Array[] = []
      for (const [k, v] of [['b', 'blå'], ['c', '🐞'], ['d', 4]] as const) {
        const { update, doc } = edit(state, k, v)
        appended.push(update)
        await store.appendUpdate('map_q', update)
        state = Y.encodeStateAsUpdate(doc)
      }
      const { seqs } = await store.loadUpdates('map_q')
      expect(seqs).toHaveLength(4)
      await store.quarantineUpdate('map_q', seqs[2], 'broke the schema: meta.c')
      await store.quarantineUpdate('map_q', seqs[2], 'again') // gone already: nothing happens
      const after = await store.loadUpdates('map_q')
      expect(after.seqs).toEqual([seqs[0], seqs[1], seqs[3]])
      const quarantined = await store.listQuarantined('map_q')
      expect(quarantined).toHaveLength(1)
      expect(quarantined[0]).toMatchObject({ seq: seqs[2], reason: 'broke the schema: meta.c' })
      expect(Array.from(quarantined[0].data)).toEqual(Array.from(appended[1]))
      // A later append never reuses a quarantined row's place, even the last one's.
      await store.quarantineUpdate('map_q', seqs[3], 'last')
      expect(await store.appendUpdate('map_q', edit(state, 'e', 5).update)).toBeGreaterThan(seqs[3])
      expect((await store.listQuarantined('map_q')).map((q) => q.seq)).toEqual([seqs[2], seqs[3]])
    })

    it('keeps named seats per map, revoked for good once revoked', async () => {
      const store = await fresh()
      await store.createMap({ id: 'map_s', title: 's', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({}) })
      await store.createMap({ id: 'map_t', title: 't', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({}) })
      await store.createSeat('map_s', { id: 'seat1', name: 'Åse Ødegård 🚗', createdAt: '2024-01-02T00:00:00.000Z' })
      await store.createSeat('map_s', { id: 'seat2', name: 'Björn', createdAt: '2024-01-03T00:00:00.000Z' })
      await store.createSeat('map_t', { id: 'seat1', name: 'Other map', createdAt: '2024-01-02T00:00:00.000Z' })
      expect(await store.listSeats('map_s')).toEqual([
        { id: 'seat1', name: 'Åse Ødegård 🚗', createdAt: '2024-01-02T00:00:00.000Z', revokedAt: null },
        { id: 'seat2', name: 'Björn', createdAt: '2024-01-03T00:00:00.000Z', revokedAt: null },
      ])
      expect(await store.revokeSeat('map_s', 'seat1', '2024-02-01T00:00:00.000Z')).toMatchObject({ id: 'seat1', revokedAt: '2024-02-01T00:00:00.000Z' })
      expect(await store.revokeSeat('map_s', 'seat1', '2024-03-01T00:00:00.000Z')).toMatchObject({ revokedAt: '2024-02-01T00:00:00.000Z' })
      expect(await store.revokeSeat('map_s', 'nope', '2024-03-01T00:00:00.000Z')).toBeUndefined()
      expect((await store.getSeat('map_t', 'seat1'))?.revokedAt).toBeNull()
      expect(await store.getSeat('map_s', 'seat3')).toBeUndefined()
      await expect(store.createSeat('map_missing', { id: 'x', name: 'x', createdAt: '2024-01-01T00:00:00.000Z' })).rejects.toBeInstanceOf(MapNotFoundError)
    })

    it('keeps join codes, each once, until they expire', async () => {
      const store = await fresh()
      await store.createMap({ id: 'map_j', title: 'j', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: docWith({}) })
      const code = { code: '7KQ4ZPM3X', mapId: 'map_j', role: 'editor' as const, epoch: 3, createdAt: '2024-01-02T09:00:00.000Z', expiresAt: '2024-01-02T21:00:00.000Z' }
      await store.createJoinCode(code)
      await store.createJoinCode({ ...code, code: 'ABCDEFGHJ', role: 'viewer', expiresAt: '2024-01-03T09:00:00.000Z' })
      expect(await store.getJoinCode('7KQ4ZPM3X')).toEqual(code)
      expect(await store.getJoinCode('7kq4zpm3x')).toBeUndefined()
      await expect(store.createJoinCode({ ...code, role: 'viewer' })).rejects.toBeInstanceOf(JoinCodeTakenError)
      await expect(store.createJoinCode({ ...code, code: 'ZZZZZZZZZ', mapId: 'map_missing' })).rejects.toBeInstanceOf(MapNotFoundError)
      expect(await store.deleteExpiredJoinCodes('2024-01-02T21:00:00.000Z')).toBe(1)
      expect(await store.getJoinCode('7KQ4ZPM3X')).toBeUndefined()
      expect((await store.getJoinCode('ABCDEFGHJ'))?.role).toBe('viewer')
    })

    it('stores a large update intact', async () => {
      const store = await fresh()
      const big = docWith({ text: 'æ😀'.repeat(200_000) })
      await store.createMap({ id: 'map_big', title: 'big', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: big })
      const { updates } = await store.loadUpdates('map_big')
      expect(Buffer.compare(Buffer.from(updates[0]), Buffer.from(big))).toBe(0)
    })
  })
  describeFeedbackContract(engine, factory)
}
