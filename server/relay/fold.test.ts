import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readSnapshot, writeSnapshot } from '../../src/doc'
import { buildSyntheticMap } from '../../src/test/maps'
import { fold, FOLD_OFF_THREAD_BYTES, foldForLoad, foldRows, LOAD_SLICE_BYTES } from './fold'

/** A map's log as stored: the creation state, then many editor updates of new comments. */
function storedLog(rows: number, perRow: number): { updates: Uint8Array[]; seqs: number[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  doc.getMap('meta').set('title', 'Kundens rejse 🧭 æøå')
  for (let r = 0; r < rows; r++) {
    doc.transact(() => {
      for (let i = 0; i < perRow; i++) doc.getMap('comments').set(`comment:r${r}i${i}`, new Y.Map([['text', `Kø ved kassen ${r}/${i} — ærgerligt 😕`]]))
    })
  }
  return { updates, seqs: updates.map((_, i) => i + 1) }
}

const asJson = (snapshot: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, snapshot)
  return { meta: doc.getMap('meta').toJSON(), comments: doc.getMap('comments').toJSON() }
}

describe('folding stored rows', () => {
  it('folds a large log on a worker thread to the same map, while the main thread keeps turning', async () => {
    const { updates, seqs } = storedLog(40, 100)
    expect(updates.reduce((n, u) => n + u.byteLength, 0)).toBeGreaterThan(FOLD_OFF_THREAD_BYTES)
    let turns = 0
    const ticking = setInterval(() => turns++, 1)
    const folded = await fold(updates, seqs)
    clearInterval(ticking)
    expect(turns).toBeGreaterThan(0) // an in-thread fold resolves before any timer runs
    expect(folded.title).toBe('Kundens rejse 🧭 æøå')
    expect(folded.bad).toEqual([])
    expect(asJson(folded.snapshot)).toEqual(asJson(foldRows(updates, seqs).snapshot))
    expect(Object.keys(asJson(folded.snapshot).comments)).toHaveLength(4000)
  })

  it('leaves a row that breaks the schema out, on the worker too, and says which', async () => {
    const { updates, seqs } = storedLog(40, 100)
    const bad = new Y.Doc()
    Y.applyUpdate(bad, Y.mergeUpdates(updates))
    const before = Y.encodeStateVector(bad)
    bad.getMap('meta').set('title', new Y.Map([['nested', new Y.Map()]]) as unknown as string)
    updates.push(Y.encodeStateAsUpdate(bad, before))
    seqs.push(999)
    const folded = await fold(updates, seqs)
    expect(folded.bad.map((b) => b.seq)).toEqual([999])
    expect(folded.title).toBe('Kundens rejse 🧭 æøå')
  })

  it('folds a small log where it is, without a worker', async () => {
    const { updates, seqs } = storedLog(2, 2)
    let turns = 0
    const ticking = setInterval(() => turns++, 0)
    const folded = await fold(updates, seqs)
    clearInterval(ticking)
    expect(turns).toBe(0)
    expect(Object.keys(asJson(folded.snapshot).comments)).toHaveLength(4)
  })
})

describe('loading a large stored map', () => {
  it('applies it a slice per event-loop turn, so other work runs meanwhile, and builds the same map', async () => {
    const source = new Y.Doc()
    writeSnapshot(source, buildSyntheticMap({ touchpoints: 1500, stages: 10, personas: 3, annotationsPerCard: 2 }))
    const state = Y.encodeStateAsUpdate(source)
    expect(state.byteLength).toBeGreaterThan(LOAD_SLICE_BYTES)

    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    let settled = false
    const loading = foldForLoad(doc, [state], [1]).then((loaded) => ((settled = true), loaded))
    // Scheduled once the load has begun: it runs before the load is done.
    const ranDuring = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!settled)))
    const loaded = await loading
    expect(ranDuring).toBe(true)
    expect(transactions).toBeGreaterThan(5)
    expect(loaded.bad).toEqual([])
    expect(loaded.snapshot).toBe(state)
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(state))).toBe(true)
    expect(readSnapshot(doc)).toEqual(readSnapshot(source))
  })
})
