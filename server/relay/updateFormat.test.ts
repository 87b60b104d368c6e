import * as Y from 'yjs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readUpdate, readUpdateInSteps, sliceUpdate, UpdateFormatError } from './updateFormat'

/** Random edits by a few peers on maps, nested maps, arrays and text, as updates (with history). */
const arbitraryUpdates = fc.array(
  fc.record({
    peer: fc.integer({ min: 0, max: 2 }),
    op: fc.constantFrom('set', 'nest', 'delete', 'array', 'text', 'sync'),
    key: fc.constantFrom('a', 'b', 'æøå', '🎈'),
    value: fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3, noNullPrototype: true })),
  }),
  { minLength: 1, maxLength: 40 },
)

function play(steps: { peer: number; op: string; key: string; value: unknown }[]): { base: Y.Doc; update: Uint8Array } {
  const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  const base = new Y.Doc()
  for (const { peer, op, key, value } of steps) {
    const doc = peers[peer]
    const root = doc.getMap('m')
    if (op === 'set') root.set(key, value)
    else if (op === 'nest') {
      const inner = root.get('inner')
      if (inner instanceof Y.Map) inner.set(key, value)
      else root.set('inner', new Y.Map([[key, value]]))
    } else if (op === 'delete') root.delete(key)
    else if (op === 'array') doc.getArray('list').insert(0, [value])
    else if (op === 'text') doc.getText('t').insert(0, String(value))
    else {
      // Peers exchange everything, so later edits build on each other's structs.
      const merged = Y.mergeUpdates(peers.map((p) => Y.encodeStateAsUpdate(p)))
      peers.forEach((p) => Y.applyUpdate(p, merged))
      if (peer === 0) Y.applyUpdate(base, merged)
    }
  }
  const update = Y.mergeUpdates(peers.map((p) => Y.encodeStateAsUpdate(p, Y.encodeStateVector(base))))
  return { base, update }
}

describe('the v1 update reader', () => {
  it('sees every struct and deletion exactly as Yjs decodes them', () => {
    fc.assert(
      fc.property(arbitraryUpdates, (steps) => {
        const { update } = play(steps)
        const ours = readUpdate(update)
        const theirs = Y.decodeUpdate(update)
        const mine = ours.blocks.flatMap((b) => b.structs)
        expect(mine.map((s) => [s.kind, s.client, s.clock, s.length])).toEqual(
          theirs.structs.map((s) => [s instanceof Y.Item ? 'item' : s instanceof Y.GC ? 'gc' : 'skip', s.id.client, s.id.clock, s.length]),
        )
        theirs.structs.forEach((s, i) => {
          if (!(s instanceof Y.Item)) return
          const m = mine[i]
          expect(m.origin && [m.origin.client, m.origin.clock]).toEqual(s.origin && [s.origin.client, s.origin.clock])
          expect(m.rightOrigin && [m.rightOrigin.client, m.rightOrigin.clock]).toEqual(s.rightOrigin && [s.rightOrigin.client, s.rightOrigin.clock])
          expect(m.parentSub).toEqual(s.parentSub)
          const parent = s.parent as unknown
          expect(typeof m.parent === 'string' || m.parent === null ? m.parent : [m.parent.client, m.parent.clock]).toEqual(parent instanceof Y.ID ? [parent.client, parent.clock] : parent)
          if (s.content instanceof Y.ContentAny) expect(m.content).toEqual({ kind: 'any', values: s.content.arr })
          if (s.content instanceof Y.ContentType) expect(m.content).toMatchObject({ kind: 'type' })
          if (s.content instanceof Y.ContentDeleted) expect(m.content).toEqual({ kind: 'deleted' })
        })
        const ds = [...theirs.ds.clients].map(([client, ranges]) => [client, ranges.map((r) => [r.clock, r.len])])
        expect([...ours.deletes].map(([client, ranges]) => [client, ranges.map((r) => [r.clock, r.len])])).toEqual(ds)
      }),
      { numRuns: 150, seed: 20261129 },
    )
  })

  it('reads the same in steps as in one go', () => {
    fc.assert(
      fc.property(arbitraryUpdates, fc.integer({ min: 1, max: 5 }), (steps, perStep) => {
        const { update } = play(steps)
        const stepped = readUpdateInSteps(update, perStep)
        let step = stepped.next()
        while (!step.done) step = stepped.next()
        expect(step.value).toEqual(readUpdate(update))
      }),
      { numRuns: 100, seed: 20261207 },
    )
  })

  it('cuts an update into slices that, applied in order, do what the whole does', () => {
    fc.assert(
      fc.property(arbitraryUpdates, fc.integer({ min: 1, max: 5 }), (steps, size) => {
        const { base, update } = play(steps)
        const whole = new Y.Doc()
        Y.applyUpdate(whole, Y.encodeStateAsUpdate(base))
        Y.applyUpdate(whole, update)
        const sliced = new Y.Doc()
        Y.applyUpdate(sliced, Y.encodeStateAsUpdate(base))
        for (const slice of sliceUpdate(update, readUpdate(update), size, (c) => Y.getState(sliced.store, c))) Y.applyUpdate(sliced, slice)
        expect(sliced.toJSON()).toEqual(whole.toJSON())
        expect(Y.encodeStateVector(sliced)).toEqual(Y.encodeStateVector(whole))
      }),
      { numRuns: 150, seed: 7 },
    )
  })

  it('refuses what Yjs could not read: truncation, trailing bytes, two blocks for one client, unknown content', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 'vær så god 🎈')
    const update = Y.encodeStateAsUpdate(doc)
    expect(() => readUpdate(update.subarray(0, update.length - 3))).toThrow(UpdateFormatError)
    expect(() => readUpdate(new Uint8Array([...update, 0]))).toThrow(UpdateFormatError)
    const block = update.subarray(1, update.length - 1) // one client block, without count and delete set
    expect(() => readUpdate(new Uint8Array([2, ...block, ...block, 0]))).toThrow(/two blocks/)
    expect(() => readUpdate(new Uint8Array([1, 1, 5, 0, 31, 0]))).toThrow(UpdateFormatError)
  })
})
