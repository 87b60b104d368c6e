/**
 * The feedback part of the storage contract (feedbackTypes.ts): run by `describeMapStoreContract`
 * for every engine.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { FeedbackResponse } from '../../src/feedback/responses'
import type { MapStoreFactory } from './contract'
import { MapNotFoundError, type MapStore } from './types'

const NAME = 'Kundeundersøgelse Q1 — æøå ÄÖ 🚗'

function responses(count: number, prefix = ''): FeedbackResponse[] {
  return Array.from({ length: count }, (_, i) => ({
    date: i % 7 === 0 ? '' : `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    kind: (['nps', 'ces', 'csat'] as const)[i % 3],
    score: [i % 11, 1 + (i % 7), 1 + (i % 5)][i % 3],
    comment: i % 2 ? `${prefix}Ventetid på værkstedet nr. ${i} 😞` : '',
    channel: i % 2 ? 'web' : 'telefon',
    target: i % 4 ? 'Booking online' : 'Afhentning',
  }))
}

async function newMap(store: MapStore, id: string) {
  await store.createMap({ id, title: id, createdAt: '2026-01-01T00:00:00.000Z', initialUpdate: Y.encodeStateAsUpdate(new Y.Doc()) })
}

export function describeFeedbackContract(engine: string, factory: MapStoreFactory): void {
  describe(`MapStore contract, feedback data sets: ${engine}`, () => {
    const open: MapStore[] = []
    const openStore = async (location: string) => {
      const store = await factory.open(location)
      open.push(store)
      return store
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})))
    })

    it('stores every response of a data set in order, text intact, and lists the set with its size and dates', async () => {
      const location = await factory.freshLocation()
      const store = await openStore(location)
      await newMap(store, 'map_f')
      const rows = responses(25)
      const info = await store.createFeedbackSet('map_f', { id: 'fs_1', name: NAME, createdAt: '2026-04-01T10:00:00.000Z' }, rows)
      expect(info).toEqual({ id: 'fs_1', name: NAME, createdAt: '2026-04-01T10:00:00.000Z', responses: 25, from: '2026-01-04', to: '2026-03-24' })
      await store.close()
      const again = await openStore(location)
      expect(await again.listFeedbackSets('map_f')).toEqual([info])
      const loaded = await again.loadFeedbackResponses('map_f', 'fs_1')
      expect(loaded).toEqual(rows.map((r, i) => ({ ...r, n: i + 1 })))
    })

    it('keeps maps and sets apart; an unknown map or set has none', async () => {
      const store = await openStore(await factory.freshLocation())
      await newMap(store, 'map_a')
      await newMap(store, 'map_b')
      await store.createFeedbackSet('map_a', { id: 'fs_1', name: 'a', createdAt: '2026-04-01T10:00:00.000Z' }, responses(3, 'A '))
      await store.createFeedbackSet('map_b', { id: 'fs_1', name: 'b', createdAt: '2026-04-01T10:00:00.000Z' }, responses(4, 'B '))
      expect((await store.loadFeedbackResponses('map_a', 'fs_1'))!.length).toBe(3)
      expect((await store.loadFeedbackResponses('map_b', 'fs_1'))!.length).toBe(4)
      expect(await store.loadFeedbackResponses('map_a', 'fs_2')).toBeUndefined()
      expect(await store.listFeedbackSets('map_c')).toEqual([])
      await expect(store.createFeedbackSet('map_c', { id: 'fs_1', name: 'c', createdAt: '2026-04-01T10:00:00.000Z' }, responses(2))).rejects.toBeInstanceOf(MapNotFoundError)
      expect(await store.listFeedbackSets('map_c')).toEqual([])
    })

    it('stores all or nothing: a set that fails midway leaves no rows and the earlier set intact', async () => {
      const store = await openStore(await factory.freshLocation())
      await newMap(store, 'map_f')
      await store.createFeedbackSet('map_f', { id: 'fs_1', name: 'first', createdAt: '2026-04-01T10:00:00.000Z' }, responses(5))
      // The same id again: refused at the set row, after which no response may remain.
      await expect(store.createFeedbackSet('map_f', { id: 'fs_1', name: 'again', createdAt: '2026-04-02T10:00:00.000Z' }, responses(12_000))).rejects.toThrow()
      // A response the engine cannot store (text where a number belongs) after 11,999 good ones.
      const bad = responses(12_000)
      ;(bad[11_999] as { score: unknown }).score = 'x'
      await expect(store.createFeedbackSet('map_f', { id: 'fs_2', name: 'broken', createdAt: '2026-04-02T10:00:00.000Z' }, bad)).rejects.toThrow()
      expect((await store.listFeedbackSets('map_f')).map((s) => s.id)).toEqual(['fs_1'])
      expect((await store.loadFeedbackResponses('map_f', 'fs_1'))!.length).toBe(5)
      expect(await store.loadFeedbackResponses('map_f', 'fs_2')).toBeUndefined()
      // And the id is free for a good attempt.
      await store.createFeedbackSet('map_f', { id: 'fs_2', name: 'good', createdAt: '2026-04-03T10:00:00.000Z' }, responses(3))
      expect((await store.loadFeedbackResponses('map_f', 'fs_2'))!.length).toBe(3)
    })

    it('deletes a data set completely, keeps the others, and says when there was none', async () => {
      const location = await factory.freshLocation()
      const store = await openStore(location)
      await newMap(store, 'map_f')
      await store.createFeedbackSet('map_f', { id: 'fs_1', name: 'gone', createdAt: '2026-04-01T10:00:00.000Z' }, responses(50, 'PERSONAL '))
      await store.createFeedbackSet('map_f', { id: 'fs_2', name: 'kept', createdAt: '2026-04-02T10:00:00.000Z' }, responses(7))
      expect(await store.deleteFeedbackSet('map_f', 'fs_1')).toBe(true)
      expect(await store.deleteFeedbackSet('map_f', 'fs_1')).toBe(false)
      await store.close()
      const again = await openStore(location)
      expect((await again.listFeedbackSets('map_f')).map((s) => s.id)).toEqual(['fs_2'])
      expect(await again.loadFeedbackResponses('map_f', 'fs_1')).toBeUndefined()
      expect((await again.loadFeedbackResponses('map_f', 'fs_2'))!.length).toBe(7)
    })

    it('takes 50,000 responses in one data set', async () => {
      const store = await openStore(await factory.freshLocation())
      await newMap(store, 'map_big')
      const info = await store.createFeedbackSet('map_big', { id: 'fs_big', name: 'big', createdAt: '2026-04-01T10:00:00.000Z' }, responses(50_000))
      expect(info.responses).toBe(50_000)
      const loaded = (await store.loadFeedbackResponses('map_big', 'fs_big'))!
      expect(loaded.length).toBe(50_000)
      expect(loaded[49_999].n).toBe(50_000)
    }, 60_000)
  })
}
