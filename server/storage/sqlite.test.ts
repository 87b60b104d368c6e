import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeMapStoreContract } from './contract'
import { openSqliteStore } from './sqlite'
import { MapNotFoundError } from './types'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describeMapStoreContract('SQLite', {
  async freshLocation() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-store-'))
    dirs.push(dir)
    return dir
  },
  async open(dir) {
    return openSqliteStore(dir)
  },
})

describe('SQLite: a turn of appends in one commit', () => {
  const update = (doc: Y.Doc, key: string) => {
    const before = Y.encodeStateVector(doc)
    doc.getMap('meta').set(key, `turn ${key} ✓`)
    return Y.encodeStateAsUpdate(doc, before)
  }

  it('numbers them in order after single appends, keeps them across a reopen, and stores none for a missing map', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-store-'))
    dirs.push(dir)
    const store = await openSqliteStore(dir)
    const doc = new Y.Doc()
    doc.getMap('meta').set('title', 'x')
    const sent = [Y.encodeStateAsUpdate(doc)]
    await store.createMap({ id: 'map_t', title: 'x', createdAt: '2024-01-01T00:00:00.000Z', initialUpdate: sent[0] })
    const next = (key: string) => {
      sent.push(update(doc, key))
      return sent.at(-1)!
    }
    const single = await store.appendUpdate('map_t', next('a'))
    expect(store.appendUpdatesNow!('map_t', [next('b'), next('c'), next('d')])).toEqual([single + 1, single + 2, single + 3])
    expect(store.appendUpdatesNow!('map_t', [])).toEqual([])
    expect(await store.appendUpdate('map_t', next('e'))).toBe(single + 4)
    expect(() => store.appendUpdatesNow!('map_missing', [update(new Y.Doc(), 'x')])).toThrow(MapNotFoundError)
    await store.close()

    const reopened = await openSqliteStore(dir)
    const { updates, lastSeq } = await reopened.loadUpdates('map_t')
    expect(lastSeq).toBe(single + 4)
    expect(updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(sent.map((u) => Buffer.from(u).toString('hex')))
    const replayed = new Y.Doc()
    for (const u of updates) Y.applyUpdate(replayed, u)
    expect(replayed.getMap('meta').toJSON()).toMatchObject({ title: 'x', a: 'turn a ✓', b: 'turn b ✓', c: 'turn c ✓', d: 'turn d ✓', e: 'turn e ✓' })
    expect((await reopened.loadUpdates('map_missing').catch((e: unknown) => e)) instanceof MapNotFoundError).toBe(true)
    await reopened.close()
  })
})
