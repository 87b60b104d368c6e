import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAnnotation, addTouchpoint, deleteTouchpoint, setEmotion, setMeta, updateTouchpoint } from '../commands'
import { findOrphans } from '../model'
import { createTestDoc } from '../test/factories'
import { LOCAL_ORIGIN } from './origin'
import { getCollection } from './schema'
import { observeSnapshot, readSnapshot, type SnapshotChange } from './snapshot'

describe('observeSnapshot', () => {
  it('replaces only the record an edit touched; every other record keeps its identity', () => {
    const { doc, touchpoint, before, persona } = createTestDoc()
    const other = addTouchpoint(doc, { stageId: before, personaId: persona, title: 'Logger seg på appen' })
    const observer = observeSnapshot(doc, () => {})
    const first = observer.current()

    setEmotion(doc, touchpoint, -1)
    const second = observer.current()
    expect(second).not.toBe(first)
    expect(second.touchpoints[touchpoint]).not.toBe(first.touchpoints[touchpoint])
    expect(second.touchpoints[touchpoint].emotion).toBe(-1)
    expect(second.touchpoints[other]).toBe(first.touchpoints[other])
    expect(second.personas).toBe(first.personas)
    expect(second.stages).toBe(first.stages)
    expect(second.meta).toBe(first.meta)
    expect(second).toEqual(readSnapshot(doc))
    observer.stop()
  })

  it('reports once per transaction what changed and whether it was local', () => {
    const { doc, touchpoint } = createTestDoc()
    const changes: SnapshotChange[] = []
    const observer = observeSnapshot(doc, (c) => changes.push(c), LOCAL_ORIGIN)
    updateTouchpoint(doc, touchpoint, { title: 'Ny', emotion: 2 })
    setMeta(doc, { title: 'Bilservice' })
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    deleteTouchpoint(remote, touchpoint)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'provider')

    expect(changes.map((c) => [c.local, [...(c.changed.touchpoints ?? [])], c.metaChanged])).toEqual([
      [true, [touchpoint], false],
      [true, [], true],
      [false, [touchpoint], false],
    ])
    expect(observer.current().touchpoints[touchpoint]).toBeUndefined()
    observer.stop()
  })

  it('sees a vote placed in a nested map', () => {
    const { doc, touchpoint } = createTestDoc()
    const pain = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Kø' })
    const observer = observeSnapshot(doc, () => {})
    const votes = getCollection(doc, 'annotations').get(pain)!.get('votes') as Y.Map<number>
    doc.transact(() => votes.set('tore', 2), LOCAL_ORIGIN)
    expect(observer.current().annotations[pain].votes).toEqual({ tore: 2 })
    observer.stop()
  })

  it('stops observing', () => {
    const { doc, touchpoint } = createTestDoc()
    const observer = observeSnapshot(doc, () => {})
    const frozen = observer.current()
    observer.stop()
    setEmotion(doc, touchpoint, 2)
    expect(observer.current()).toBe(frozen)
  })
})

describe('readSnapshot with a rogue peer’s writes', () => {
  it('repairs a bad field instead of dropping the card', () => {
    const { doc, touchpoint } = createTestDoc()
    const observer = observeSnapshot(doc, () => {})
    // A peer outside our commands writes straight into the Y.Map.
    const raw = getCollection(doc, 'touchpoints').get(touchpoint)!
    doc.transact(() => {
      raw.set('emotion', 9)
      raw.set('priority', 'high')
    }, 'rogue')
    const card = readSnapshot(doc).touchpoints[touchpoint]
    expect(card).toMatchObject({ title: 'Servicevarsellampen lyser', emotion: null, priority: null })
    expect(observer.current().touchpoints[touchpoint]).toEqual(card)
    observer.stop()
  })

  it('keeps a card whose stage reference is garbage, as unplaced', () => {
    const { doc, touchpoint } = createTestDoc()
    getCollection(doc, 'touchpoints').get(touchpoint)!.set('stageId', { evil: true })
    const s = readSnapshot(doc)
    expect(s.touchpoints[touchpoint].title).toBe('Servicevarsellampen lyser')
    expect(findOrphans(s).touchpoints.map((t) => t.id)).toEqual([touchpoint])
  })

  it('uses the key as the id, skips what is not a record, and ignores unknown fields', () => {
    const { doc, touchpoint } = createTestDoc()
    const touchpoints = getCollection(doc, 'touchpoints')
    doc.transact(() => {
      touchpoints.get(touchpoint)!.set('id', 'touchpoint:someone-else')
      touchpoints.get(touchpoint)!.set('futureField', 'x')
      ;(touchpoints as unknown as Y.Map<unknown>).set('touchpoint:plain', 'not a map')
      touchpoints.set('stage:wrong-collection', new Y.Map())
    })
    const s = readSnapshot(doc)
    expect(Object.keys(s.touchpoints)).toEqual([touchpoint])
    expect(s.touchpoints[touchpoint].id).toBe(touchpoint)
    expect(s.touchpoints[touchpoint]).not.toHaveProperty('futureField')
  })
})
