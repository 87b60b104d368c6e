import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../doc'
import { addAnnotation, addFeedbackSet, addTouchpoint, deleteRecords, initializeMap, linkFeedbackValue, pinQuote, removeFeedbackSet, unpinQuote } from './index'
import type { PersonaId, StageId } from '../model'

function map() {
  const doc = new Y.Doc()
  initializeMap(doc, { title: 'Værksted 🚗', locale: 'da' })
  const s = readSnapshot(doc)
  const stageId = Object.keys(s.stages)[0] as StageId
  const personaId = Object.keys(s.personas)[0] as PersonaId
  const touchpointId = addTouchpoint(doc, { stageId, personaId, title: 'Booking online' })
  const annotationId = addAnnotation(doc, { targetId: touchpointId, kind: 'pain-point', text: 'Lang ventetid' })
  return { doc, stageId, touchpointId, annotationId }
}

const SET = { name: 'Q1 — æøå 😊', from: '2026-01-01', to: '2026-03-31', responses: 500, createdAt: '2026-04-01T08:00:00.000Z' }

describe('feedback commands', () => {
  it('adds a data set by reference with the links of its values, in one step', () => {
    const { doc, stageId, touchpointId } = map()
    const id = addFeedbackSet(doc, { ...SET, links: [{ value: 'Booking', targetId: touchpointId }, { value: 'Værkstedet', targetId: stageId }] })
    const s = readSnapshot(doc)
    expect(s.feedbackSets[id]).toEqual({ id, ...SET })
    expect(Object.values(s.feedbackLinks).map((l) => [l.value, l.targetId]).sort()).toEqual([['Booking', touchpointId], ['Værkstedet', stageId]])
  })

  it('a value means one thing: linking again replaces, linking to nothing removes', () => {
    const { doc, stageId, touchpointId } = map()
    const id = addFeedbackSet(doc, { ...SET, links: [{ value: 'Booking', targetId: touchpointId }] })
    linkFeedbackValue(doc, id, 'Booking', stageId)
    expect(Object.values(readSnapshot(doc).feedbackLinks).map((l) => l.targetId)).toEqual([stageId])
    linkFeedbackValue(doc, id, 'Booking', null)
    expect(readSnapshot(doc).feedbackLinks).toEqual({})
  })

  it('pinning a quote makes the annotation’s evidence measured; unpinning keeps it', () => {
    const { doc, annotationId, touchpointId } = map()
    const setId = addFeedbackSet(doc, { ...SET, links: [{ value: 'Booking', targetId: touchpointId }] })
    const quoteId = pinQuote(doc, { annotationId, setId, response: 17, text: 'Jeg ventede 40 minutter 😤', kind: 'nps', score: 3, date: '2026-02-03', channel: 'telefon' })
    let s = readSnapshot(doc)
    expect(s.annotations[annotationId].evidence).toBe('measured')
    expect(s.quotes[quoteId]).toMatchObject({ annotationId, setId, response: 17, text: 'Jeg ventede 40 minutter 😤', score: 3 })
    unpinQuote(doc, quoteId)
    s = readSnapshot(doc)
    expect(s.quotes).toEqual({})
    expect(s.annotations[annotationId].evidence).toBe('measured')
  })

  it('removing a data set takes its links and every quote pinned from it; deleting an annotation takes its quotes', () => {
    const { doc, annotationId, touchpointId } = map()
    const a = addFeedbackSet(doc, { ...SET, links: [{ value: 'Booking', targetId: touchpointId }] })
    const b = addFeedbackSet(doc, { ...SET, name: 'Q2', links: [{ value: 'Booking', targetId: touchpointId }] })
    pinQuote(doc, { annotationId, setId: a, response: 1, text: 'fra A', kind: 'nps', score: 1, date: '', channel: '' })
    const fromB = pinQuote(doc, { annotationId, setId: b, response: 1, text: 'fra B', kind: 'nps', score: 1, date: '', channel: '' })
    removeFeedbackSet(doc, a)
    let s = readSnapshot(doc)
    expect(Object.keys(s.feedbackSets)).toEqual([b])
    expect(Object.values(s.feedbackLinks).map((l) => l.setId)).toEqual([b])
    expect(Object.keys(s.quotes)).toEqual([fromB])
    deleteRecords(doc, [annotationId])
    s = readSnapshot(doc)
    expect(s.quotes).toEqual({})
  })

  it('deleting a touchpoint drops the links that named it', () => {
    const { doc, touchpointId, stageId } = map()
    addFeedbackSet(doc, { ...SET, links: [{ value: 'Booking', targetId: touchpointId }, { value: 'Trin', targetId: stageId }] })
    deleteRecords(doc, [touchpointId])
    expect(Object.values(readSnapshot(doc).feedbackLinks).map((l) => l.value)).toEqual(['Trin'])
  })
})
