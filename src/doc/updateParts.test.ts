/**
 * A large update cut into parts (updateParts.ts): the parts applied in order make exactly the
 * document the whole update makes, whatever the map's history (several writers, overwritten
 * fields, deleted records, garbage-collected content); each prefix is a consistent earlier state
 * whose records are whole; content this schema does not store, or an update too small to be worth
 * cutting in two, is left whole.
 */
import { expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { addAnnotation, deleteTouchpoint, updateTouchpoint } from '../commands'
import { readSnapshot, writeSnapshot } from '.'
import type { TouchpointId } from '../model'
import { buildSyntheticMap } from '../test/maps'
import { cutUpdate, updateParts } from './updateParts'

const same = (a: Uint8Array, b: Uint8Array) => expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)

function applied(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

it('a map written in one go: its first part holds the first cards, and both parts make the whole', () => {
  const doc = new Y.Doc()
  writeSnapshot(doc, buildSyntheticMap({ touchpoints: 1000, stages: 10, personas: 3, annotationsPerCard: 3 }))
  const whole = Y.encodeStateAsUpdate(doc)
  const parts = cutUpdate(whole, 5000)
  expect(parts).not.toBeNull()
  const [first, rest] = parts!
  expect(first.byteLength).toBeLessThan(whole.byteLength / 4)

  const partial = applied(first)
  const seen = readSnapshot(partial)
  expect(Object.keys(seen.stages)).toHaveLength(10)
  expect(Object.keys(seen.touchpoints).length).toBeGreaterThan(100)
  expect(Object.keys(seen.touchpoints).length).toBeLessThan(1000)
  // What it holds is as the whole map has it.
  const full = readSnapshot(doc)
  for (const [id, tp] of Object.entries(seen.touchpoints)) expect(tp).toEqual(full.touchpoints[id as TouchpointId])

  same(Y.encodeStateAsUpdate(applied(first, rest)), whole)
})

it('a map several people edited, with overwrites, deletions and collected garbage: cut anywhere, the parts make the whole', () => {
  const a = new Y.Doc()
  writeSnapshot(a, buildSyntheticMap({ touchpoints: 300, stages: 6, personas: 3, annotationsPerCard: 2 }))
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const ids = Object.keys(readSnapshot(a).touchpoints) as TouchpointId[]
  ids.slice(0, 60).forEach((id, i) => updateTouchpoint(b, id, { title: `Kø ved skranken ${i} 😤`, emotion: -2 }))
  ids.slice(60, 90).forEach((id) => deleteTouchpoint(a, id))
  ids.slice(90, 120).forEach((id) => addAnnotation(b, { targetId: id, kind: 'pain-point', text: 'Blåbær på æblet, søster' }))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const whole = Y.encodeStateAsUpdate(a)
  const expected = readSnapshot(a)

  for (const cut of [1, 7, 1000, 3001, 4500]) {
    const parts = cutUpdate(whole, cut)
    if (!parts) continue // too little left to be worth cutting
    const [first, rest] = parts
    const partial = applied(first)
    expect(() => readSnapshot(partial)).not.toThrow()
    const doc = applied(first, rest)
    expect(readSnapshot(doc)).toEqual(expected)
    same(Y.encodeStateVector(doc), Y.encodeStateVector(a))
  }
  expect(cutUpdate(whole, 1)).not.toBeNull()
})

it('leaves whole what it cannot cut: a small update, content this schema does not store, one it cannot read', () => {
  const doc = new Y.Doc()
  writeSnapshot(doc, buildSyntheticMap({ touchpoints: 50, stages: 3, personas: 2 }))
  expect(cutUpdate(Y.encodeStateAsUpdate(doc), 40_000)).toBeNull()

  const text = new Y.Doc()
  text.getText('notes').insert(0, 'æøå '.repeat(1000))
  for (let i = 0; i < 100; i++) text.getText('notes').insert(i, 'x')
  expect(cutUpdate(Y.encodeStateAsUpdate(text), 5)).toBeNull()

  const broken = Y.encodeStateAsUpdate(doc)
  const header = decoding.createDecoder(broken)
  for (let i = 0; i < 4; i++) decoding.readVarUint(header) // blocks, structs, client, clock
  broken[header.pos] = 0x1f // the first struct's kind: none Yjs knows
  expect(cutUpdate(broken, 10)).toBeNull()
})

it('cut into many parts, applied one after another: every prefix holds whole records, and all of them make the whole', () => {
  const a = new Y.Doc()
  writeSnapshot(a, buildSyntheticMap({ touchpoints: 400, stages: 8, personas: 3, annotationsPerCard: 2 }))
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const ids = Object.keys(readSnapshot(a).touchpoints) as TouchpointId[]
  ids.slice(0, 40).forEach((id) => updateTouchpoint(b, id, { title: 'Blåbær på æblet, søster 🫐' }))
  ids.slice(40, 60).forEach((id) => deleteTouchpoint(b, id))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  const whole = Y.encodeStateAsUpdate(a)
  const full = readSnapshot(a)

  const parts = [...updateParts(whole, () => 1500)]
  expect(parts.length).toBeGreaterThan(5)
  const doc = new Y.Doc()
  for (const part of parts.slice(0, -1)) {
    Y.applyUpdate(doc, part)
    // A record here has every field it was written with: as the whole has it, or an earlier value of the same fields.
    for (const [id, tp] of Object.entries(readSnapshot(doc).touchpoints)) {
      const later = full.touchpoints[id as TouchpointId]
      if (later) expect(Object.keys(tp)).toEqual(Object.keys(later))
      expect(tp.stageId).not.toBe('')
      expect(tp.order).not.toBe('')
    }
  }
  Y.applyUpdate(doc, parts.at(-1)!)
  same(Y.encodeStateAsUpdate(doc), whole)
  expect(readSnapshot(doc)).toEqual(full)
})

it('from content it cannot read, the rest goes whole: the parts still make the whole', () => {
  const doc = new Y.Doc()
  writeSnapshot(doc, buildSyntheticMap({ touchpoints: 200, stages: 4, personas: 2 }))
  const mapsOnly = Y.encodeStateAsUpdate(doc)
  doc.getText('notes').insert(0, 'Kø ved skranken 😤')
  const whole = Y.encodeStateAsUpdate(doc)
  const parts = [...updateParts(whole, () => 500)]
  expect(parts.length).toBeGreaterThan(2)
  const rebuilt = new Y.Doc()
  for (const part of parts) Y.applyUpdate(rebuilt, part)
  same(Y.encodeStateAsUpdate(rebuilt), whole)
  expect(rebuilt.getText('notes').toString()).toBe('Kø ved skranken 😤')
  // Asked for one part, or given a small update: the update itself.
  expect([...updateParts(whole, () => Infinity)]).toEqual([whole])
  expect([...updateParts(mapsOnly, () => 1e9)]).toEqual([mapsOnly])
})
